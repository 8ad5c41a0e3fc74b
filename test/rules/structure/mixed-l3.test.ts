import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mixedL3Rule } from '../../../server/src/core/rules/structure/mixedL3';
import { runRules } from '../../support/ruleHarness';
import { rangeText, yaml } from '../../support/text';

const rules = [mixedL3Rule];

describe('cilium/mixed-l3', () => {
  test('two kinds of peer fields in one rule are rejected; empty lists do not count', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app: web}}
        ingress:
          - fromEndpoints: [{matchLabels: {app: lb}}]
            fromCIDR: [203.0.113.0/24]
            toPorts: [{ports: [{port: "443", protocol: TCP}]}]
        egress:
          - toEndpoints: [{}]
            toFQDNs: [{matchName: api.example.com}]
          - toEndpoints: []
            toEntities: [world]
    `;
    const { lines, findings } = runRules(text, { rules });
    assert.deepEqual(lines, [
      '8:7-8:15 cilium/mixed-l3 error Combining fromEndpoints and fromCIDR in one rule is not supported, so Cilium rejects the policy: put each in its own ingress rule.',
      '12:7-12:14 cilium/mixed-l3 error Combining toEndpoints and toFQDNs in one rule is not supported, so Cilium rejects the policy: put each in its own egress rule.',
    ]);
    const related = findings[0].related![0];
    assert.equal(`${rangeText(text, related.location.start, related.location.end)} ${related.message}`, '7:7-7:20 fromEndpoints in the same rule');
  });

  test('a peer field with fromRequires and toPorts is fine', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        ingress:
          - fromEndpoints: [{matchLabels: {app: lb}}]
            fromRequires: [{matchLabels: {env: prod}}]
            toPorts: [{ports: [{port: "443", protocol: TCP}]}]
          - fromCIDR: [203.0.113.0/24]
    `;
    assert.deepEqual(runRules(text, { rules }).lines, []);
  });
});
