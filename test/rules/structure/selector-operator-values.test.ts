import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { selectorOperatorValuesRule } from '../../../server/src/core/rules/structure/selectorOperatorValues';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [selectorOperatorValuesRule];

describe('selector/operator-values', () => {
  test('In/NotIn need values, Exists/DoesNotExist take none', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        podSelector:
          matchExpressions:
            - {key: app, operator: In, values: []}
            - {key: tier, operator: Exists, values: [web]}
        ingress:
          - from:
              - namespaceSelector:
                  matchExpressions:
                    - key: team
                      operator: NotIn
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '7:42-7:44 selector/operator-values error Operator In needs at least one value in `values`, so the API server rejects the selector.',
      '8:47-8:52 selector/operator-values error Operator Exists takes no `values`, so the API server rejects the selector: remove them.',
      '14:27-14:32 selector/operator-values error Operator NotIn needs at least one value in `values`, so the API server rejects the selector.',
    ]);
  });

  test('Cilium selectors follow the same rule', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        ingress:
          - fromEndpoints:
              - matchExpressions: [{key: app, operator: DoesNotExist, values: [x]}]
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '8:73-8:76 selector/operator-values error Operator DoesNotExist takes no `values`, so the API server rejects the selector: remove them.',
    ]);
  });

  test('well-formed expressions pass', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        podSelector:
          matchExpressions:
            - {key: app, operator: In, values: [api]}
            - {key: env, operator: NotIn, values: [prod]}
            - {key: tier, operator: Exists}
            - {key: legacy, operator: DoesNotExist, values: []}
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
