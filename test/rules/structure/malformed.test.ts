import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STRUCTURE_RULES } from '../../../server/src/core/rules/structure/index';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

describe('structural rules on malformed policies', () => {
  test('wrong shapes everywhere give wrong-type findings, and no rule throws', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: odd, namespace: shop}
      specs:
        - endpointSelector: []
          ingress: "all"
          egress:
            - toPorts: {ports: 53}
            - toFQDNs: [matchName]
            - 42
    `;
    // The harness rethrows any exception a rule raises.
    assert.deepEqual(checkText(text, { rules: STRUCTURE_RULES }), [
      '5:5-5:21 schema/wrong-type error "endpointSelector" must be a map of fields, not a list: remove the "- " in front of its fields.',
      '6:14-6:19 schema/wrong-type error "ingress" must be a list, not text: write it as a list item (`- value`).',
      '8:9-8:16 schema/wrong-type error "toPorts" must be a list, not a map: start the entry with "- " to make it a list item.',
      '9:19-9:28 schema/wrong-type error Each item of "toFQDNs" must be a map of fields, not text.',
      '10:9-10:11 schema/wrong-type error Each item of "egress" must be a map of fields, not a number.',
    ]);
  });
});
