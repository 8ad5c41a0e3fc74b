import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { icmpsWithToPortsRule } from '../../../server/src/core/rules/structure/icmpsWithToPorts';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [icmpsWithToPortsRule];

describe('cilium/icmps-with-toports', () => {
  test('icmps next to toPorts is rejected', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        ingress:
          - fromEntities: [cluster]
            toPorts: [{ports: [{port: "80", protocol: TCP}]}]
            icmps: [{fields: [{type: 8}]}]
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '9:7-9:12 cilium/icmps-with-toports error icmps and toPorts cannot be in the same rule, so Cilium rejects the policy: move icmps into a separate rule with the same peers.',
    ]);
  });

  test('icmps in its own rule is fine', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        ingress:
          - fromEntities: [cluster]
            toPorts: [{ports: [{port: "80", protocol: TCP}]}]
          - fromEntities: [cluster]
            icmps: [{fields: [{type: 8}]}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
