import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyRuleMeaningRule } from '../../../server/src/core/rules/policy/emptyRuleMeaning';
import { orPeersRule } from '../../../server/src/core/rules/policy/orPeers';
import { yaml } from '../../support/text';
import { API, WEB, workloads } from './fixtures';
import { applyAndRecheck, findings } from './support';

describe('policy/empty-rule-meaning', () => {
  const rule = emptyRuleMeaningRule;

  test('Cilium `{}`: allows nothing, turns on default deny', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: default-deny, namespace: shop}
      spec:
        endpointSelector: {}
        ingress:
          - {}
        egress: [{}]
    `;
    assert.deepEqual(findings(rule, text), [
      '7:7-7:9 policy/empty-rule-meaning hint In a Cilium policy this empty rule allows nothing: it only turns on ingress default deny for the selected pods (in a NetworkPolicy the same `{}` would allow all ingress).',
      '8:12-8:14 policy/empty-rule-meaning hint In a Cilium policy this empty rule allows nothing: it only turns on egress default deny for the selected pods (in a NetworkPolicy the same `{}` would allow all egress).',
    ]);
  });

  test('NetworkPolicy `{}`: allows everything (only where policyTypes lets the direction count)', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: allow-all-in, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Ingress]
        ingress:
          - {}
        egress:
          - {}
    `;
    assert.deepEqual(findings(rule, text), [
      '8:7-8:9 policy/empty-rule-meaning hint In a NetworkPolicy this empty rule allows all ingress from every source, on every port (in a CiliumNetworkPolicy the same `{}` would allow nothing).',
    ]);
  });

  test('clean: rules with content, and empty lists', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        ingress: [{fromEndpoints: [{}]}]
        egress: []
    `;
    assert.deepEqual(findings(rule, text), []);
  });
});

describe('policy/or-peers', () => {
  const rule = orPeersRule;
  const extraFiles = {
    ...workloads(WEB, API),
    'file:///test/ns.yaml': yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: partner, labels: {team: partner}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: client, namespace: partner}
      spec:
        selector: {matchLabels: {app: client}}
        template:
          metadata: {labels: {app: client}}
          spec: {containers: [{name: c, image: c}]}
    `,
  };
  const text = yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-ingress
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      ingress:
        - from:
            # partner namespace
            - namespaceSelector:
                matchLabels:
                  team: partner
            # and the web pods
            - podSelector:
                matchLabels:
                  app: web
  `;

  test('namespaceSelector and podSelector as separate elements: hint on `from` saying what each selects', () => {
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      '11:7-11:11 policy/or-peers hint These are separate peers, ORed: every pod of namespaces with team=partner (partner) OR pods with app=web in namespace shop (shop/web). To allow only the selected pods inside the selected namespaces (AND), put namespaceSelector and podSelector in one element.',
    ]);
  });

  test('the merge fix removes one dash, keeping both comments', () => {
    assert.equal(
      applyAndRecheck(rule, text, 'Merge into one peer (namespaceSelector AND podSelector)', { extraFiles }),
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: api-ingress
          namespace: shop
        spec:
          podSelector:
            matchLabels:
              app: api
          ingress:
            - from:
                # partner namespace
                - namespaceSelector:
                    matchLabels:
                      team: partner
                # and the web pods
                  podSelector:
                    matchLabels:
                      app: web
      `,
    );
  });

  test('flow style: `}, {` becomes `, `', () => {
    const flow = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api-ingress, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: api}}
        ingress:
          - from: [{namespaceSelector: {matchLabels: {team: partner}}}, {podSelector: {matchLabels: {app: web}}}]
    `;
    assert.equal(
      applyAndRecheck(rule, flow, 'Merge into one peer (namespaceSelector AND podSelector)', { extraFiles }),
      flow.replace('{team: partner}}}, {podSelector', '{team: partner}}, podSelector'),
    );
  });

  test('clean: one element with both selectors (AND)', () => {
    const and = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api-ingress, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: api}}
        ingress:
          - from:
              - namespaceSelector: {matchLabels: {team: partner}}
                podSelector: {matchLabels: {app: client}}
              - ipBlock: {cidr: 203.0.113.0/24}
    `;
    assert.deepEqual(findings(rule, and, { extraFiles }), []);
  });
});
