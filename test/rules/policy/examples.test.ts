/**
 * The example folders, each checked as one workspace with the policy and platform rules: the
 * clean ones stay clean, the module's files give what examples/module/README.md lists.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { checkFile } from '../../../server/src/core/analysis/checkFile';
import { createWorkspaceView } from '../../../server/src/core/analysis/workspaceView';
import { ALL_RULES } from '../../../server/src/core/rules/index';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/core/settings/analysisSettings';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { rangeText } from '../../support/text';

const POLICY_RULES = ALL_RULES.filter((r) => r.id.startsWith('policy/') || r.id.startsWith('platform/'));

function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; dirname(dir) !== dir; dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'examples'))) return dir;
    }
  }
  throw new Error(`repository root not found above ${__dirname} or ${process.cwd()}`);
}

/** `file.yaml L:C-L:C rule severity message` for every finding of the policy rules in the folder. */
function check(folder: string): string[] {
  const root = join(repoRoot(), 'examples', folder);
  const index = new WorkspaceIndex();
  const walk = (d: string): string[] => readdirSync(d).sort().flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : /\.ya?ml$/.test(n) ? [join(d, n)] : []));
  for (const path of walk(root)) index.set(`file:///${relative(root, path)}`, readFileSync(path, 'utf8'));
  const view = createWorkspaceView(index, DEFAULT_ANALYSIS_SETTINGS);
  const out: string[] = [];
  for (const file of [...index.allFiles()].sort((a, b) => a.uri.localeCompare(b.uri))) {
    const findings = checkFile(file, view, DEFAULT_ANALYSIS_SETTINGS, {
      rules: POLICY_RULES,
      onRuleError: (rule, _r, error) => {
        throw new Error(`${rule.id} threw on ${file.uri}: ${String(error)}`);
      },
    });
    for (const f of findings) {
      if (f.ruleId.startsWith('yaml/')) continue;
      out.push(`${file.uri.slice('file:///'.length)} ${rangeText(file.text, f.location.start, f.location.end)} ${f.ruleId} ${f.severity}`);
    }
  }
  return out;
}

describe('policy rules on the examples', () => {
  test('examples/aks-lab: no warning or error; the ACNS note its README explains; teaching hints', () => {
    assert.deepEqual(check('aks-lab'), [
      'policies/default-deny-all.yaml 13:7-13:9 policy/empty-rule-meaning hint',
      'policies/default-deny-all.yaml 15:7-15:9 policy/empty-rule-meaning hint',
      'policies/default-deny-all.yaml 25:7-25:9 policy/empty-rule-meaning hint',
      'policies/default-deny-all.yaml 27:7-27:9 policy/empty-rule-meaning hint',
      'policies/payment-egress-domains.yaml 27:28-27:44 policy/fqdn-entry-redundant hint',
      'policies/payment-egress-domains.yaml 30:7-30:14 platform/fqdn-needs-acns information',
    ]);
  });

  test('examples/networkpolicy: nothing at all', () => {
    assert.deepEqual(check('networkpolicy'), []);
  });

  test('examples/module: the policy findings its README lists', () => {
    assert.deepEqual(check('module'), [
      // Calico GlobalNetworkPolicy on a Cilium cluster (warning) + Calico kinds on AKS (information).
      'calico-global-deny-egress-except-dns.yaml 10:13-10:33 platform/calico-on-cilium warning',
      'calico-global-deny-egress-except-dns.yaml 11:7-11:26 platform/calico-kind-unsupported information',
      // toFQDNs needs ACNS (information while unknown); every name covered by the DNS rule.
      'cilium-fqdn-allow-specific-domains.yaml 18:7-18:14 platform/fqdn-needs-acns information',
      // Egress default deny without DNS (warning on `egress`), the pinned selector, L7 needs ACNS.
      'cilium-l7-allow-product-reads.yaml 21:3-21:9 policy/dns-blocked warning',
      'cilium-l7-allow-product-reads.yaml 23:11-23:23 policy/selector-matches-nothing information',
      'cilium-l7-allow-product-reads.yaml 30:13-30:17 platform/l7-needs-acns information',
      // Patterns without a wildcard; the one-sided rule toward frontend.
      'lab-payment-egress-domains.yaml 34:31-34:47 policy/fqdn-pattern-without-wildcard hint',
      'lab-payment-egress-domains.yaml 35:31-35:44 policy/fqdn-pattern-without-wildcard hint',
      'lab-payment-egress-domains.yaml 36:7-36:14 platform/fqdn-needs-acns information',
      'lab-payment-egress-domains.yaml 45:11-45:23 policy/one-sided-allow information',
      // namespaceSelector on a label no namespace carries.
      'networkpolicy-allow-api-to-db.yaml 21:11-21:28 policy/selector-matches-nothing information',
      'networkpolicy-allow-api-to-db.yaml 23:15-23:19 policy/namespace-custom-label hint',
    ]);
  });
});
