import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tooManyPortsRule } from '../../../server/src/core/rules/structure/tooManyPorts';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [tooManyPortsRule];

function policy(portCount: number): string {
  const ports = Array.from({ length: portCount }, (_, i) => `{port: "${8000 + i}", protocol: TCP}`).join(', ');
  return yaml`
    apiVersion: cilium.io/v2
    kind: CiliumNetworkPolicy
    metadata: {name: web, namespace: shop}
    spec:
      endpointSelector: {}
      ingress:
        - toPorts:
            - ports: [${ports}]
  `;
}

describe('cilium/too-many-ports', () => {
  test('41 ports in one toPorts entry are rejected', () => {
    assert.deepEqual(checkText(policy(41), { rules }), [
      "8:11-8:16 cilium/too-many-ports error This toPorts entry lists 41 ports, more than Cilium's limit of 40, so the policy is rejected: split them over several toPorts entries.",
    ]);
  });

  test('40 ports are allowed', () => {
    assert.deepEqual(checkText(policy(40), { rules }), []);
  });
});
