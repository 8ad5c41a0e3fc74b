import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { subjectSelectorRule } from '../../../server/src/core/rules/structure/subjectSelector';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [subjectSelectorRule];

describe('cilium/subject-selector', () => {
  test('nodeSelector in a namespaced policy is rejected', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: hosts, namespace: shop}
      spec:
        nodeSelector: {}
        ingress: [{fromEntities: [cluster]}]
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '5:3-5:15 cilium/subject-selector error nodeSelector (a host policy) is allowed only in a CiliumClusterwideNetworkPolicy, so this CiliumNetworkPolicy is rejected: use endpointSelector, or make it clusterwide.',
    ]);
  });

  test('both selectors, or none, in a clusterwide rule are rejected', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumClusterwideNetworkPolicy
      metadata: {name: hosts}
      specs:
        - endpointSelector: {}
          nodeSelector: {matchLabels: {role: worker}}
          ingress: [{fromEntities: [cluster]}]
        - description: no selector
          egress: [{toEntities: [world]}]
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '6:5-6:17 cilium/subject-selector error A rule cannot have both endpointSelector and nodeSelector, so it is rejected: keep endpointSelector for pods or nodeSelector for nodes.',
      '8:5-8:29 cilium/subject-selector error This rule has no endpointSelector, so it is rejected: add one (endpointSelector: {} selects every pod of the cluster).',
    ]);
  });

  test('one selector per rule passes, including nodeSelector in a clusterwide policy', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumClusterwideNetworkPolicy
      metadata: {name: hosts}
      specs:
        - nodeSelector: {matchLabels: {role: worker}}
          ingress: [{fromEntities: [cluster]}]
        - endpointSelector: {}
          egress: [{toEntities: [kube-apiserver]}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
