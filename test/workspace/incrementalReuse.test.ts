import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkFile } from '../../server/src/core/analysis/checkFile';
import { createWorkspaceView, WorkspaceViewCache } from '../../server/src/core/analysis/workspaceView';
import { ALL_RULES } from '../../server/src/core/rules/index';
import type { Finding, Rule } from '../../server/src/core/rules/types';
import { sanitizeSettings } from '../../server/src/core/settings/analysisSettings';
import { IncrementalChecker } from '../../server/src/core/workspace/incrementalCheck';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { repoRoot } from '../support/lspClient';

/**
 * After an edit, only what depends on the edited document runs again: rules keep their findings
 * on untouched documents unless something they read changed. Each case also checks the result
 * against a fresh check of a fresh workspace, so reuse can never show stale findings.
 */
describe('incremental checking re-runs only what an edit affects', () => {
  const settings = sanitizeSettings({});
  const uri = 'file:///ws/dump.yaml';
  const read = (path: string) => readFileSync(join(repoRoot(), path), 'utf8').trimEnd();
  const service = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: payment-api', '  namespace: payments', 'spec:', '  selector:', '    app: payment-api', '  ports:', '    - port: 8080'].join('\n');
  // One dump, like `kubectl get -o yaml`: policies and workloads around the Service, the Ingress after it.
  const dump = [
    read('examples/aks-lab/namespaces.yaml'),
    read('examples/aks-lab/payment-service.yaml'),
    read('examples/aks-lab/policies/frontend-to-payment.yaml'),
    read('examples/aks-lab/policies/default-deny-all.yaml'),
    service,
    read('examples/aks-lab/web-frontend.yaml'),
    read('examples/aks-lab/policies/allow-frontend-ingress.yaml'),
    read('examples/ingress/app-routing-keyvault-tls.yaml'),
  ].join('\n---\n') + '\n';

  function counting(): { rules: Rule[]; runs: Map<string, number> } {
    const runs = new Map<string, number>();
    const rules = ALL_RULES.map((rule): Rule => ({
      ...rule,
      check(resource, context) {
        runs.set(rule.id, (runs.get(rule.id) ?? 0) + 1);
        rule.check(resource, context);
      },
    }));
    return { rules, runs };
  }

  function fresh(text: string): Finding[] {
    const index = new WorkspaceIndex();
    const file = index.set(uri, text);
    return checkFile(file, createWorkspaceView(index, settings), settings);
  }

  function setUp() {
    const index = new WorkspaceIndex();
    const views = new WorkspaceViewCache();
    const { rules, runs } = counting();
    const checker = new IncrementalChecker(rules);
    const check = (text: string) => {
      const file = index.set(uri, text);
      const view = views.get(index, settings);
      runs.clear();
      const findings = checker.check(file, view, settings, index.revision);
      assert.deepEqual(findings, fresh(text));
      return { findings, view };
    };
    return { check, runs };
  }

  const backendMessage = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'ingress/backend-service').map((f) => f.message);

  test('renaming a Service re-runs the Ingress rules that look Services up, not the policy rules, and keeps the policy model', () => {
    const { check, runs } = setUp();
    const before = check(dump);
    assert.deepEqual(backendMessage(before.findings), []);
    // A comment above moves every later document; the rename breaks the Ingress's backend.
    const edited = dump.replace('  name: payment-api\n  namespace: payments', '  # renamed\n  name: payment-api-v2\n  namespace: payments');
    const after = check(edited);
    assert.equal(after.view.policyModel(), before.view.policyModel());
    assert.deepEqual(backendMessage(after.findings), [
      'No Service "payment-api" in namespace "payments" in the workspace. If it is not defined elsewhere, the controller has no backend for these paths.',
    ]);
    assert.equal(runs.get('ingress/backend-service'), 1);
    assert.equal(runs.get('policy/selector-matches-nothing'), undefined);
    assert.equal(runs.get('policy/one-sided-allow'), undefined);
    assert.equal(runs.get('policy/namespace-without-default-deny'), undefined);
  });

  test('a comment added to a policy compiles the model again: the rules reading it run again, the Ingress rules do not', () => {
    const { check, runs } = setUp();
    const before = check(dump);
    const edited = dump.replace('kind: CiliumNetworkPolicy', '# reviewed\nkind: CiliumNetworkPolicy');
    assert.notEqual(edited, dump);
    const after = check(edited);
    assert.notEqual(after.view.policyModel(), before.view.policyModel());
    // Every policy document's model-reading rules run again (the model changed), the Ingress's do not.
    assert.ok((runs.get('policy/selector-matches-nothing') ?? 0) >= 2);
    assert.equal(runs.get('ingress/backend-service'), undefined);
  });

  test('an edit inside a workload changes the model: policy rules run again and see it', () => {
    const { check, runs } = setUp();
    check(dump);
    const edited = dump.replace('      labels:\n        app: payment-service', '      labels:\n        app: payment-svc');
    assert.notEqual(edited, dump);
    const after = check(edited);
    assert.ok((runs.get('policy/selector-matches-nothing') ?? 0) > 0);
    assert.ok(after.findings.some((f) => f.ruleId === 'policy/selector-matches-nothing'));
  });

  test('an object in a namespace nothing else uses makes the namespace exist in the model, and removing it removes it again', () => {
    const { check } = setUp();
    const before = check(dump);
    const configMap = '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: reporting\ndata:\n  level: info\n';
    const withIt = check(dump + configMap);
    assert.notEqual(withIt.view.policyModel(), before.view.policyModel());
    assert.ok(withIt.view.policyModel().namespaces.includes('reporting'));
    const without = check(dump);
    assert.ok(!without.view.policyModel().namespaces.includes('reporting'));
  });

  test('a Service edited in another namespace does not re-run the Ingress backend rule (it reads its own namespace only)', () => {
    const { check, runs } = setUp();
    check(dump);
    const edited = dump.replace('  name: payment-service\n  namespace: backend\nspec:\n  selector:', '  name: payment-service-v2\n  namespace: backend\nspec:\n  selector:');
    assert.notEqual(edited, dump);
    check(edited);
    assert.equal(runs.get('ingress/backend-service'), undefined);
  });
});
