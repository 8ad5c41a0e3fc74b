import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { denyOnlyEnablesDefaultDenyRule } from '../../../server/src/core/rules/policy/denyOnlyEnablesDefaultDeny';
import { duplicateNameRule } from '../../../server/src/core/rules/policy/duplicateName';
import { fqdnEntryRedundantRule } from '../../../server/src/core/rules/policy/fqdnEntryRedundant';
import { fqdnPatternWithoutWildcardRule } from '../../../server/src/core/rules/policy/fqdnPatternWithoutWildcard';
import { oneSidedAllowRule } from '../../../server/src/core/rules/policy/oneSidedAllow';
import { applyFix, runRules } from '../../support/ruleHarness';
import { rangeText, yaml } from '../../support/text';
import { API, WEB, workloads } from './fixtures';
import { applyAndRecheck, findings } from './support';

describe('policy/duplicate-name', () => {
  const rule = duplicateNameRule;
  const policy = yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: allow-web
      namespace: shop
    spec: {podSelector: {}}
  `;
  const other = 'file:///test/other/allow.yaml';

  test('same kind, namespace and name in another file: warning with the other definition as related location', () => {
    const result = runRules(policy, { rules: [rule], extraFiles: { [other]: policy } });
    assert.deepEqual(result.lines, [
      '4:9-4:18 policy/duplicate-name warning NetworkPolicy shop/allow-web is also defined in allow.yaml: applying both keeps only the one applied last, and the other\'s rules are lost.',
    ]);
    const related = result.findings[0].related!;
    assert.equal(related.length, 1);
    assert.equal(related[0].location.uri, other);
    assert.equal(rangeText(policy, related[0].location.start, related[0].location.end), '4:9-4:18');
  });

  test('twice in one file: both are reported', () => {
    assert.deepEqual(findings(rule, `${policy}---\n${policy}`), [
      "4:9-4:18 policy/duplicate-name warning NetworkPolicy shop/allow-web is also defined in this file: applying both keeps only the one applied last, and the other's rules are lost.",
      "11:9-11:18 policy/duplicate-name warning NetworkPolicy shop/allow-web is also defined in this file: applying both keeps only the one applied last, and the other's rules are lost.",
    ]);
  });

  test('clean: other namespace, other kind', () => {
    const ns = policy.replace('namespace: shop', 'namespace: backend');
    const cnp = 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: allow-web, namespace: shop}\nspec: {endpointSelector: {}, ingress: [{}]}\n';
    assert.deepEqual(findings(rule, `${policy}---\n${ns}---\n${cnp}`), []);
  });
});

describe('policy/deny-only-enables-default-deny', () => {
  const rule = denyOnlyEnablesDefaultDenyRule;
  const extraFiles = workloads(WEB);
  const text = yaml`
    apiVersion: cilium.io/v2
    kind: CiliumNetworkPolicy
    metadata:
      name: block-imds
      namespace: shop
    spec:
      endpointSelector: {}
      egressDeny:
        - toCIDR:
            - 169.254.169.254/32
  `;

  test('egressDeny alone: warning on egressDeny; the fix sets enableDefaultDeny.egress: false', () => {
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      '8:3-8:13 policy/deny-only-enables-default-deny warning This rule has only egressDeny, yet it switches egress to default deny for shop/web: all their other egress is dropped unless another policy allows it. To only deny the listed traffic, set enableDefaultDeny.egress: false.',
    ]);
    assert.equal(
      applyAndRecheck(rule, text, 'Only deny the listed traffic: set enableDefaultDeny.egress: false', { extraFiles }),
      text.replace('  endpointSelector: {}\n', '  endpointSelector: {}\n  enableDefaultDeny:\n    egress: false\n'),
    );
  });

  test('an existing enableDefaultDeny map gets the missing direction', () => {
    const withMap = text.replace('  endpointSelector: {}\n', '  endpointSelector: {}\n  enableDefaultDeny: {ingress: true}\n');
    assert.equal(
      applyAndRecheck(rule, withMap, 'Only deny the listed traffic: set enableDefaultDeny.egress: false', { extraFiles }),
      withMap.replace('{ingress: true}', '{ingress: true, egress: false}'),
    );
  });

  test('clean: explicit enableDefaultDeny, allow rules next to the deny, pods already default-deny', () => {
    assert.deepEqual(findings(rule, text.replace('  egressDeny:', '  enableDefaultDeny: {egress: true}\n  egressDeny:'), { extraFiles }), []);
    assert.deepEqual(findings(rule, text.replace('  egressDeny:', '  egress: [{toEntities: [world]}]\n  egressDeny:'), { extraFiles }), []);
    const deny = 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: d, namespace: shop}\nspec: {endpointSelector: {}, egress: [{}]}\n';
    assert.deepEqual(findings(rule, `${text}---\n${deny}`, { extraFiles }), []);
  });
});

describe('policy/fqdn-pattern-without-wildcard and policy/fqdn-entry-redundant', () => {
  const text = yaml`
    apiVersion: cilium.io/v2
    kind: CiliumNetworkPolicy
    metadata: {name: payments, namespace: backend}
    spec:
      endpointSelector: {}
      egress:
        - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, k8s-app: kube-dns}}]
          toPorts:
            - ports: [{port: "53", protocol: ANY}]
              rules:
                dns:
                  - matchPattern: "*.stripe.com"
                  - matchPattern: "api.stripe.com"
                  - matchName: "js.stripe.com"
                  - matchPattern: "httpbin.org"
  `;

  test('matchPattern without `*`: hint, mentioning coverage; fix rewrites the key', () => {
    const rule = fqdnPatternWithoutWildcardRule;
    assert.deepEqual(findings(rule, text), [
      '13:31-13:47 policy/fqdn-pattern-without-wildcard hint "api.stripe.com" has no wildcard: it is an exact name, clearer as matchName. It is also already covered by "*.stripe.com".',
      '15:31-15:44 policy/fqdn-pattern-without-wildcard hint "httpbin.org" has no wildcard: it is an exact name, clearer as matchName.',
    ]);
    const fixed = applyAndRecheckFirst(text);
    assert.equal(fixed, text.replace('matchPattern: "api.stripe.com"', 'matchName: "api.stripe.com"'));
  });

  test('matchName covered by a pattern of the same list: faded hint', () => {
    const result = runRules(text, { rules: [fqdnEntryRedundantRule] });
    assert.deepEqual(result.lines, ['14:28-14:43 policy/fqdn-entry-redundant hint "js.stripe.com" is already covered by "*.stripe.com" in this list.']);
    assert.deepEqual(result.findings[0].tags, ['unnecessary']);
  });

  test('clean: wildcard patterns and names nothing else covers', () => {
    const clean = text.replace('              - matchPattern: "api.stripe.com"\n', '').replace('              - matchName: "js.stripe.com"\n', '').replace('matchPattern: "httpbin.org"', 'matchName: "httpbin.org"');
    assert.deepEqual(findings(fqdnPatternWithoutWildcardRule, clean), []);
    assert.deepEqual(findings(fqdnEntryRedundantRule, clean), []);
  });

  /** The hint has two findings; applying the first one's fix must leave only the second. */
  function applyAndRecheckFirst(input: string): string {
    const result = runRules(input, { rules: [fqdnPatternWithoutWildcardRule] });
    const fix = result.findings[0].fixes![0];
    assert.equal(fix.title, 'Write it as matchName');
    const out = applyFix(input, fix);
    assert.equal(findings(fqdnPatternWithoutWildcardRule, out).length, 1);
    return out;
  }
});

describe('policy/one-sided-allow', () => {
  const rule = oneSidedAllowRule;
  const extraFiles = workloads(WEB, API);
  const apiIngress = yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: api-ingress, namespace: shop}
    spec:
      podSelector: {matchLabels: {app: api}}
      policyTypes: [Ingress]
  `;
  const webEgress = yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: web-egress, namespace: shop}
    spec:
      podSelector: {matchLabels: {app: web}}
      policyTypes: [Egress]
      egress:
        - to:
            - podSelector:
                matchLabels:
                  app: api
  `;

  test('egress allowed toward pods whose ingress admits nothing from the sender', () => {
    assert.deepEqual(findings(rule, webEgress, { extraFiles: { ...extraFiles, 'file:///test/api.yaml': apiIngress } }), [
      '9:11-9:23 policy/one-sided-allow information This rule lets shop/web send to shop/api, but their ingress (isolated by NetworkPolicy shop/api-ingress) admits none of it: the allowance is one-sided and never used. Allow it on the receiving side too, or remove it.',
    ]);
  });

  test('clean: the receiving side allows it, or is not isolated', () => {
    const admitted = apiIngress.replace('  policyTypes: [Ingress]\n', '  policyTypes: [Ingress]\n  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]\n');
    assert.deepEqual(findings(rule, webEgress, { extraFiles: { ...extraFiles, 'file:///test/api.yaml': admitted } }), []);
    assert.deepEqual(findings(rule, webEgress, { extraFiles }), []);
    // The receiver admits a namespace by a label no Namespace of the workspace carries: unknown, so silent.
    const byLabel = apiIngress.replace('  policyTypes: [Ingress]\n', '  policyTypes: [Ingress]\n  ingress: [{from: [{namespaceSelector: {matchLabels: {team: web}}}]}]\n');
    assert.deepEqual(findings(rule, webEgress, { extraFiles: { ...extraFiles, 'file:///test/api.yaml': byLabel } }), []);
  });
});
