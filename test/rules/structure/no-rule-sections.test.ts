import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { noRuleSectionsRule } from '../../../server/src/core/rules/structure/noRuleSections';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [noRuleSectionsRule];

describe('cilium/no-rule-sections', () => {
  test('a rule with only empty sections, and a policy without spec, are rejected', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        ingress: []
        enableDefaultDeny: {ingress: true}
      ---
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: empty, namespace: shop}
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '4:1-4:5 cilium/no-rule-sections error This rule has no ingress, ingressDeny, egress or egressDeny entries (an empty ingress list counts as absent), so Cilium rejects it: add at least one (ingress: [{}] alone means ingress default-deny).',
      '10:7-10:26 cilium/no-rule-sections error This CiliumNetworkPolicy has neither spec nor specs, so Cilium rejects it as empty: add a spec with an endpointSelector and rules.',
    ]);
  });

  test('the default-deny form ingress: [{}] is a rule section', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: deny, namespace: shop}
      spec:
        endpointSelector: {}
        ingress: [{}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
