import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyPeerRule } from '../../../server/src/core/rules/structure/emptyPeer';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [emptyPeerRule];

describe('netpol/empty-peer', () => {
  test('an empty peer, or one whose only selector is null, is rejected', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        podSelector: {}
        ingress:
          - from: [{}]
        egress:
          - to:
              - podSelector:
            ports: [{port: 53, protocol: UDP}]
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '7:14-7:16 netpol/empty-peer error This peer has no podSelector, namespaceSelector or ipBlock, so the API server rejects it ("must specify a peer"): add one, or remove "from" to allow every source.',
      '10:11-10:23 netpol/empty-peer error This peer has no podSelector, namespaceSelector or ipBlock, so the API server rejects it ("must specify a peer"): add one, or remove "to" to allow every destination.',
    ]);
  });

  test('empty selectors are real peers, and an absent from is fine', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        podSelector: {}
        ingress:
          - from: [{podSelector: {}}, {namespaceSelector: {}}]
          - ports: [{port: 8080}]
        egress:
          - to: []
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
