import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { invalidFqdnRule } from '../../../server/src/core/rules/structure/invalidFqdn';
import { applyFix, checkText, fixesOf, recheckAfterFix } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [invalidFqdnRule];

const TEXT = yaml`
  apiVersion: cilium.io/v2
  kind: CiliumNetworkPolicy
  metadata: {name: web, namespace: shop}
  spec:
    endpointSelector: {}
    egress:
      - toFQDNs:
          - matchName: "*.example.com"
          - matchPattern: "https://api.example.com"
      - toPorts:
          - ports: [{port: "53", protocol: ANY}]
            rules:
              dns:
                - matchName: api.example.com:443
`;

describe('cilium/invalid-fqdn', () => {
  test('wildcards in matchName, URLs and ports in names are rejected', () => {
    assert.deepEqual(checkText(TEXT, { rules }), [
      '8:22-8:37 cilium/invalid-fqdn error matchName "*.example.com" contains \'*\': wildcards work only in matchPattern, so the policy is rejected.',
      '9:25-9:50 cilium/invalid-fqdn error matchPattern "https://api.example.com" has invalid characters: only letters, digits, \'-\', \'_\', \'.\' and \'*\' are allowed (it is not a regular expression), so the policy is rejected.',
      '14:28-14:47 cilium/invalid-fqdn error matchName "api.example.com:443" has invalid characters: only letters, digits, \'-\', \'_\' and \'.\' are allowed, so the policy is rejected.',
    ]);
  });

  test('a wildcard matchName is fixed by renaming the key to matchPattern', () => {
    const fixes = fixesOf(TEXT, { rules });
    assert.deepEqual(
      fixes.map((f) => f.title),
      ['Rename the key to matchPattern'],
    );
    const fixed = applyFix(TEXT, fixes[0]);
    assert.equal(fixed, TEXT.replace('- matchName: "*.example.com"', '- matchPattern: "*.example.com"'));
    assert.deepEqual(checkText(fixed, { rules: [] }), []);
    assert.equal(checkText(fixed, { rules }).length, 2);
  });

  test('a quoted key stays quoted when renamed', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        egress:
          - toFQDNs: [{"matchName": "*.example.com"}]
    `;
    const after = recheckAfterFix(text, fixesOf(text, { rules })[0], { rules });
    assert.deepEqual(after, { text: text.replace('"matchName"', '"matchPattern"'), syntax: [], findings: [] });
  });

  test('names and patterns with valid characters pass', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        egress:
          - toFQDNs: [{matchName: api.example.com}, {matchPattern: "*.blob.core.windows.net"}, {matchName: "login.microsoftonline.com."}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
