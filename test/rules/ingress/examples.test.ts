/**
 * The Ingress rules on the repository's examples: the clean ones give no warning or error (only
 * the expected informations), the module's Ingress gives the finding its README lists.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkFile } from '../../../server/src/core/analysis/checkFile';
import { createWorkspaceView } from '../../../server/src/core/analysis/workspaceView';
import { ALL_RULES } from '../../../server/src/core/rules/index';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/core/settings/analysisSettings';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { renderFinding } from '../../support/ruleHarness';

const INGRESS_RULES = ALL_RULES.filter((r) => /^(ingress|agic|approuting)\//.test(r.id));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
    })
    .sort();
}

/** Findings of the Ingress rules for every YAML file of `dir`, checked together, as `file L:C-L:C rule severity message`. */
function checkDirectory(dir: string): string[] {
  const index = new WorkspaceIndex();
  const texts = new Map<string, string>();
  for (const path of yamlFiles(dir)) {
    const text = readFileSync(path, 'utf8');
    texts.set(path, text);
    index.set(`file:///${path}`, text);
  }
  const view = createWorkspaceView(index, DEFAULT_ANALYSIS_SETTINGS);
  const out: string[] = [];
  for (const [path, text] of texts) {
    const file = index.get(`file:///${path}`)!;
    for (const f of checkFile(file, view, DEFAULT_ANALYSIS_SETTINGS, { rules: INGRESS_RULES })) {
      // YAML syntax findings (the module's deliberately broken lab file) are not these rules'.
      if (INGRESS_RULES.some((r) => r.id === f.ruleId)) out.push(`${path} ${renderFinding(text, f)}`);
    }
  }
  return out;
}

const RETIREMENT =
  'Application routing serves this Ingress with ingress-nginx, whose upstream maintenance ends in March 2026; AKS patches it for critical security issues only through November 2026. Plan the move to the Gateway API (application routing Gateway API, Application Gateway for Containers or Istio). Silence with "aksNetlens.rules": {"approuting/nginx-retirement": "off"}.';

describe('Ingress rules on the examples', () => {
  test('examples/ingress: no warning or error; the retirement notice and the Services kept elsewhere are the only informations', () => {
    assert.deepEqual(checkDirectory('examples/ingress'), [
      'examples/ingress/agic-waf-https.yaml 29:23-29:33 ingress/backend-service information No Service "storefront" in namespace "shop" in the workspace. If it is not defined elsewhere, the controller has no backend for these paths.',
      `examples/ingress/app-routing-keyvault-tls.yaml 15:21-15:55 approuting/nginx-retirement information ${RETIREMENT}`,
      'examples/ingress/app-routing-keyvault-tls.yaml 24:23-24:34 ingress/backend-service information No Service "payment-api" in namespace "payments" in the workspace. If it is not defined elsewhere, the controller has no backend for these paths.',
    ]);
  });

  test('examples/aks-lab: nothing (it has no Ingress)', () => {
    assert.deepEqual(checkDirectory('examples/aks-lab'), []);
  });

  test('examples/module: the Key Vault Ingress gets the secretName finding of the README, and nothing on its URI', () => {
    const findings = checkDirectory('examples/module');
    assert.deepEqual(findings, [
      `examples/module/ingress-app-routing-keyvault.yaml 17:21-17:55 approuting/nginx-retirement information ${RETIREMENT}`,
      'examples/module/ingress-app-routing-keyvault.yaml 26:23-26:34 ingress/backend-service information No Service "payment-api" in namespace "payments" in the workspace. If it is not defined elsewhere, the controller has no backend for these paths.',
      'examples/module/ingress-app-routing-keyvault.yaml 32:19-32:34 approuting/tls-secret-name warning With kubernetes.azure.com/tls-cert-keyvault-uri, the add-on syncs the certificate into the Secret "keyvault-payment-api" (keyvault- + Ingress name); "payment-api-tls" is never created, so NGINX has no certificate for these hosts. Set secretName: keyvault-payment-api.',
    ]);
    const text = readFileSync('examples/module/ingress-app-routing-keyvault.yaml', 'utf8');
    assert.equal(text.split('\n')[31], '      secretName: payment-api-tls', 'the finding sits on spec.tls[0].secretName');
  });
});
