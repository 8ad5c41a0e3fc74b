import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ipBlockWithSelectorRule } from '../../../server/src/core/rules/structure/ipBlockWithSelector';
import { runRules } from '../../support/ruleHarness';
import { rangeText, yaml } from '../../support/text';

const rules = [ipBlockWithSelectorRule];

describe('netpol/ipblock-with-selector', () => {
  test('ipBlock and a selector in one peer are rejected, with the selector as related location', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        podSelector: {}
        egress:
          - to:
              - namespaceSelector: {}
                ipBlock:
                  cidr: 0.0.0.0/0
    `;
    const { lines, findings } = runRules(text, { rules });
    assert.deepEqual(lines, [
      '9:11-9:18 netpol/ipblock-with-selector error A peer with ipBlock may not also have namespaceSelector, so the API server rejects it: put the ipBlock in its own "to" item.',
    ]);
    const related = findings[0].related ?? [];
    assert.deepEqual(
      related.map((r) => `${rangeText(text, r.location.start, r.location.end)} ${r.message}`),
      ['8:11-8:28 namespaceSelector in the same peer as ipBlock'],
    );
  });

  test('ipBlock and selectors in separate peers are fine', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        podSelector: {}
        egress:
          - to:
              - namespaceSelector: {}
              - ipBlock: {cidr: 0.0.0.0/0}
    `;
    assert.deepEqual(runRules(text, { rules }).lines, []);
  });
});
