import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { unknownEntityRule } from '../../../server/src/core/rules/structure/unknownEntity';
import { applyFix, checkText, fixesOf } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [unknownEntityRule];

const TEXT = yaml`
  apiVersion: cilium.io/v2
  kind: CiliumNetworkPolicy
  metadata: {name: web, namespace: shop}
  spec:
    endpointSelector: {}
    egress:
      - toEntities: [World, kube-api-server, world-ipv6, internet]
`;

describe('cilium/unknown-entity', () => {
  test('unknown entities are errors with a suggestion; world-ipv4/6 are warnings', () => {
    assert.deepEqual(checkText(TEXT, { rules }), [
      '7:20-7:25 cilium/unknown-entity error "World" is not a Cilium entity, so the policy is rejected; did you mean "world"?',
      '7:27-7:42 cilium/unknown-entity error "kube-api-server" is not a Cilium entity, so the policy is rejected; did you mean "kube-apiserver"?',
      '7:44-7:54 cilium/unknown-entity warning "world-ipv6" exists in Cilium\'s code but not in the CRD\'s list of entities, so the API server will probably reject it: use "world".',
      '7:56-7:64 cilium/unknown-entity error "internet" is not a Cilium entity, so the policy is rejected: use all, world, cluster, host, remote-node, kube-apiserver, ingress, health, init, unmanaged or none.',
    ]);
  });

  test('the fix replaces the entity name', () => {
    const [fix] = fixesOf(TEXT, { rules });
    assert.equal(fix.title, 'Use "world"');
    const fixed = applyFix(TEXT, fix);
    assert.equal(fixed, TEXT.replace('[World,', '[world,'));
    assert.deepEqual(checkText(fixed, { rules: [] }), []);
    assert.equal(checkText(fixed, { rules }).length, 3);
  });

  test('known entities pass', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        ingress: [{fromEntities: [host, remote-node, health]}]
        egress: [{toEntities: [kube-apiserver, world, cluster]}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
