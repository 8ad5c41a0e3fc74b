import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { denyWithL7OrFqdnRule } from '../../../server/src/core/rules/structure/denyWithL7OrFqdn';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [denyWithL7OrFqdnRule];

describe('cilium/deny-with-l7-or-fqdn', () => {
  test('toFQDNs and L7 fields in deny rules are rejected', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        egressDeny:
          - toFQDNs: [{matchName: example.com}]
          - toEndpoints: [{}]
            toPorts:
              - ports: [{port: "80", protocol: TCP}]
                rules: {http: [{method: POST}]}
        ingressDeny:
          - fromEntities: [world]
            toPorts: [{ports: [{port: "443", protocol: TCP}], serverNames: [a.example.com]}]
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '7:7-7:14 cilium/deny-with-l7-or-fqdn error egressDeny rules cannot use toFQDNs (Cilium has no FQDN deny), so the API server rejects the field: allow only the wanted names with an egress toFQDNs rule, or deny their addresses with toCIDRSet.',
      '11:11-11:16 cilium/deny-with-l7-or-fqdn error egressDeny rules cannot have "rules" in toPorts (deny rules match only ports, no L7), so the API server rejects it: deny the whole port, or use an allow rule with L7 rules instead.',
      '14:57-14:68 cilium/deny-with-l7-or-fqdn error ingressDeny rules cannot have "serverNames" in toPorts (deny rules match only ports, no L7), so the API server rejects it: deny the whole port, or use an allow rule with L7 rules instead.',
    ]);
  });

  test('deny rules with peers and ports pass, and allow rules may use L7', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        egressDeny:
          - toCIDR: [169.254.169.254/32]
            toPorts: [{ports: [{port: "80", protocol: TCP}]}]
        egress:
          - toFQDNs: [{matchName: example.com}]
            toPorts: [{ports: [{port: "443", protocol: TCP}], rules: {http: [{}]}}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
