import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { invalidCidrRule } from '../../../server/src/core/rules/structure/invalidCidr';
import { applyFix, checkText, fixesOf, recheckAfterFix } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [invalidCidrRule];

const NP = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: api, namespace: shop}
  spec:
    podSelector: {}
    egress:
      - to:
          - ipBlock: {cidr: 203.0.113.7}
          - ipBlock: {cidr: "10.0.0.300/24"}
          - ipBlock: {cidr: 10.1.2.3/16}
          - ipBlock: {cidr: 010.0.0.0/8}
`;

describe('net/invalid-cidr', () => {
  test('NetworkPolicy ipBlock: errors for unparsable CIDRs, warnings for ambiguous ones', () => {
    assert.deepEqual(checkText(NP, { rules }), [
      '8:27-8:38 net/invalid-cidr error Invalid CIDR, rejected by the API server: "203.0.113.7" is an IP address, not a CIDR: add a prefix length, e.g. "203.0.113.7/32".',
      '9:27-9:42 net/invalid-cidr error Invalid CIDR "10.0.0.300/24", rejected by the API server: "10.0.0.300" is not a valid IPv4 address (300 is greater than 255).',
      '10:27-10:38 net/invalid-cidr warning "10.1.2.3/16" has address bits set after the /16 prefix, so it means "10.1.0.0/16": write "10.1.0.0/16", or "10.1.2.3/32" for that one address.',
      '11:27-11:38 net/invalid-cidr warning Kubernetes accepts "010.0.0.0/8" with a warning, but it will be invalid in a future release: write "10.0.0.0/8".',
    ]);
  });

  test('the bare-IP fix adds /32', () => {
    const [fix] = fixesOf(NP, { rules });
    assert.equal(fix.title, 'Use 203.0.113.7/32');
    assert.equal(fix.preferred, true);
    const fixed = applyFix(NP, fix);
    assert.equal(fixed, NP.replace('{cidr: 203.0.113.7}', '{cidr: 203.0.113.7/32}'));
    assert.deepEqual(checkText(fixed, { rules: [] }), []);
    assert.equal(checkText(fixed, { rules }).filter((l) => l.startsWith('8:')).length, 0);
  });

  test('the host-bits warning offers both readings', () => {
    const fixes = fixesOf(NP, { rules }).filter((f) => f.title.startsWith('Use 10.1.'));
    assert.deepEqual(
      fixes.map((f) => applyFix(NP, f).split('\n')[9]),
      ['        - ipBlock: {cidr: 10.1.0.0/16}', '        - ipBlock: {cidr: 10.1.2.3/32}'],
    );
    for (const fix of fixes) {
      const after = recheckAfterFix(NP, fix, { rules });
      assert.deepEqual(after.syntax, []);
      assert.equal(after.findings.filter((l) => l.startsWith('10:')).length, 0);
    }
  });

  test('Cilium CIDRs need a prefix and no leading zeros', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        endpointSelector: {}
        egress:
          - toCIDR: [203.0.113.7, 010.0.0.0/8]
          - toCIDRSet: [{cidr: 10.0.0.0/33}]
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '7:16-7:27 net/invalid-cidr error Invalid CIDR, rejected by the API server: "203.0.113.7" is an IP address, not a CIDR: add a prefix length, e.g. "203.0.113.7/32".',
      '7:29-7:40 net/invalid-cidr error "010.0.0.0/8" has leading zeros, which Cilium cannot parse, so the rule is rejected: write "10.0.0.0/8".',
      '8:26-8:37 net/invalid-cidr error Invalid CIDR, rejected by the API server: "10.0.0.0/33": the prefix length must be a number from 0 to 32 for IPv4.',
    ]);
  });

  test('the leading-zero fix writes the canonical CIDR', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        endpointSelector: {}
        egress:
          - toCIDR: ["010.0.0.0/8"]
    `;
    const fixes = fixesOf(text, { rules });
    assert.deepEqual(fixes.map((f) => f.title), ['Use 10.0.0.0/8']);
    assert.deepEqual(recheckAfterFix(text, fixes[0], { rules }), { text: text.replace('"010.0.0.0/8"', '"10.0.0.0/8"'), syntax: [], findings: [] });
  });

  test('canonical CIDRs pass', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        endpointSelector: {}
        egress:
          - toCIDR: [203.0.113.7/32, "2001:db8::/64"]
          - toCIDRSet: [{cidr: 0.0.0.0/0, except: [169.254.169.254/32]}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
