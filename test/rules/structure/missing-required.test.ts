import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { missingRequiredRule } from '../../../server/src/core/rules/structure/missingRequired';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [missingRequiredRule];

describe('schema/missing-required', () => {
  test('NetworkPolicy: name, selector requirement operator, ipBlock cidr', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        namespace: shop
      spec:
        podSelector:
          matchExpressions:
            - key: app
              values: [db]
        ingress:
          - from:
              - ipBlock:
                  except: [10.0.0.0/24]
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '3:1-3:9 schema/missing-required error "metadata" needs "name" or "generateName", so the API server rejects it as it is.',
      '8:9-8:17 schema/missing-required error This matchExpressions entry is missing the required field "operator", so the API server rejects it.',
      '12:11-12:18 schema/missing-required error "ipBlock" is missing the required field "cidr", so the API server rejects it.',
    ]);
  });

  test('Cilium: a port entry without port, a CIDR set entry without cidr', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        endpointSelector: {}
        egress:
          - toPorts:
              - ports:
                  - protocol: TCP
          - toCIDRSet:
              - except: [10.96.0.0/12]
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '9:15-9:28 schema/missing-required error This ports entry is missing the required field "port", so the API server rejects it.',
      '11:11-11:33 schema/missing-required error This toCIDRSet entry needs "cidr", "cidrGroupRef" or "cidrGroupSelector", so the API server rejects it as it is.',
    ]);
  });

  test('complete objects pass', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {generateName: api-}
      spec:
        endpointSelector: {matchExpressions: [{key: app, operator: Exists}]}
        egress:
          - toPorts: [{ports: [{port: "443"}]}]
          - toCIDRSet: [{cidrGroupRef: partners}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
