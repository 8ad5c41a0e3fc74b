import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { endPortRule } from '../../../server/src/core/rules/structure/endPort';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [endPortRule];

describe('netpol/endport', () => {
  test('endPort without port, with a named port, or below port is rejected', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        podSelector: {}
        ingress:
          - ports:
              - endPort: 32768
              - port: http
                endPort: 8090
              - port: 32768
                endPort: 32000
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '8:11-8:18 netpol/endport error endPort needs a numeric "port" as the start of the range, so the API server rejects it: add port (e.g. port: 32000).',
      '10:11-10:18 netpol/endport error endPort works only with a numeric port, not the named port "http", so the API server rejects it: use the port number, or remove endPort.',
      '12:20-12:25 netpol/endport error endPort 32000 is lower than port 32768, so the API server rejects it: the range must end at or above its start.',
    ]);
  });

  test('a numeric range passes', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        podSelector: {}
        ingress:
          - ports: [{port: 32000, endPort: 32768}, {port: 8080, endPort: 8080}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
