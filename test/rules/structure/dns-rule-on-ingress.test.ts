import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dnsRuleOnIngressRule } from '../../../server/src/core/rules/structure/dnsRuleOnIngress';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [dnsRuleOnIngressRule];

describe('cilium/dns-rule-on-ingress', () => {
  test('DNS rules in an ingress rule are rejected', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: dns, namespace: kube-system}
      spec:
        endpointSelector: {matchLabels: {k8s-app: kube-dns}}
        ingress:
          - toPorts:
              - ports: [{port: "53", protocol: ANY}]
                rules:
                  dns: [{matchPattern: "*"}]
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '10:13-10:16 cilium/dns-rule-on-ingress error DNS rules are not allowed on ingress, so Cilium rejects the policy: put them in an egress rule towards kube-dns.',
    ]);
  });

  test('DNS rules on egress pass', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: dns, namespace: shop}
      spec:
        endpointSelector: {}
        egress:
          - toPorts: [{ports: [{port: "53", protocol: ANY}], rules: {dns: [{matchPattern: "*"}]}}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
