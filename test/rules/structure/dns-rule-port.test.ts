import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dnsRulePortRule } from '../../../server/src/core/rules/structure/dnsRulePort';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [dnsRulePortRule];

describe('cilium/dns-rule-port', () => {
  test('no ports, a port range, or no port 53 next to DNS rules', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        egress:
          - toEndpoints: [{matchLabels: {"k8s:k8s-app": kube-dns}}]
            toPorts:
              - rules:
                  dns: [{matchPattern: "*"}]
              - ports: [{port: "53", endPort: 60, protocol: ANY}]
                rules: {dns: [{matchName: example.com}]}
              - ports: [{port: "5353", protocol: UDP}]
                rules: {dns: [{matchName: example.com}]}
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '10:13-10:16 cilium/dns-rule-port error DNS rules need port 53 listed in the same toPorts entry, so Cilium rejects this one: add ports: [{port: "53", protocol: ANY}].',
      '11:32-11:39 cilium/dns-rule-port error DNS rules do not support port ranges, so Cilium rejects the policy: remove endPort and list port "53".',
      '13:11-13:16 cilium/dns-rule-port warning None of these ports is 53, so the DNS proxy never sees lookups to CoreDNS and name resolution fails: list port "53".',
    ]);
  });

  test('port 53 (or a named port) with DNS rules passes', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        egress:
          - toPorts:
              - ports: [{port: "53", protocol: UDP}, {port: "53", protocol: TCP}]
                rules: {dns: [{matchPattern: "*.example.com"}]}
              - ports: [{port: dns, protocol: ANY}]
                rules: {dns: [{matchPattern: "*"}]}
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
