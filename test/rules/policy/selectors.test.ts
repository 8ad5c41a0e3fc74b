import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { namespaceCustomLabelRule } from '../../../server/src/core/rules/policy/namespaceCustomLabel';
import { selectorMatchesNothingRule } from '../../../server/src/core/rules/policy/selectorMatchesNothing';
import { unknownNamedPortRule } from '../../../server/src/core/rules/policy/unknownNamedPort';
import { yaml } from '../../support/text';
import { API, WEB, workloads } from './fixtures';
import { applyAndRecheck, findings } from './support';

const BACKEND = yaml`
  apiVersion: v1
  kind: Namespace
  metadata: {name: backend, labels: {tier: data}}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: payment-service, namespace: backend}
  spec:
    selector: {matchLabels: {app: payment-service}}
    template:
      metadata: {labels: {app: payment-service}}
      spec: {containers: [{name: p, image: p}]}
`;
const extraFiles = { ...workloads(WEB, API), 'file:///test/backend.yaml': BACKEND };

describe('policy/selector-matches-nothing', () => {
  const rule = selectorMatchesNothingRule;

  test('NetworkPolicy: a typo in the subject, a pod peer in the wrong namespace, a namespace label nobody set', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: payments, namespace: backend}
      spec:
        podSelector:
          matchLabels:
            app: paymnt-service
        ingress:
          - from:
              - podSelector:
                  matchLabels:
                    app: web
              - namespaceSelector:
                  matchLabels:
                    team: shop
              - namespaceSelector:
                  matchLabels:
                    kubernetes.io/metadata.name: shop
                podSelector:
                  matchLabels:
                    app: wbe
    `;
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      '5:3-5:14 policy/selector-matches-nothing information No pod in namespace backend has app=paymnt-service; pods there have app=payment-service.',
      "10:11-10:22 policy/selector-matches-nothing information No pod in namespace backend has app=web; pods there have app=payment-service. Matching pods run in shop: a podSelector alone only looks in the policy's namespace; add a namespaceSelector in the same element.",
      '13:11-13:28 policy/selector-matches-nothing information No namespace in the workspace has team=shop, so this peer matches nothing here. Namespaces carry custom labels only if someone sets them; every namespace has kubernetes.io/metadata.name=<its name>.',
      '19:11-19:22 policy/selector-matches-nothing information No pod in namespace shop has app=wbe; pods there have app=api, app=web.',
    ]);
  });

  test('a namespace named by name: only a near miss is reported', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: payments, namespace: backend}
      spec:
        podSelector: {}
        ingress:
          - from:
              - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shp}}
              - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
    `;
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      '8:11-8:28 policy/selector-matches-nothing information No namespace in the workspace is named shp; did you mean shop?',
    ]);
  });

  test('Cilium: a peer without namespace label is pinned to the policy namespace; the fix names the namespace', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web-egress, namespace: shop}
      spec:
        endpointSelector:
          matchLabels:
            app: web
        egress:
          - toEndpoints:
              - matchLabels:
                  app: payment-service
    `;
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      `10:11-10:23 policy/selector-matches-nothing information This selector names no namespace, so Cilium pins it to the policy's namespace shop: it matches only pods with app=payment-service in shop, and there are none. Pods with app=payment-service run in backend: add "k8s:io.kubernetes.pod.namespace": <namespace> to select them.`,
    ]);
    assert.equal(
      applyAndRecheck(rule, text, 'Select pods with app=payment-service in namespace backend', { extraFiles }),
      text.replace('            app: payment-service\n', '            app: payment-service\n            "k8s:io.kubernetes.pod.namespace": backend\n'),
    );
  });

  test('Cilium: subject and namespaced peer typos', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web-egress, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {"k8s:app": webb}}
        egress:
          - toEndpoints:
              - matchLabels: {"k8s:io.kubernetes.pod.namespace": backend, app: payments}
    `;
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      '5:3-5:19 policy/selector-matches-nothing information No pod in namespace shop has app=webb; pods there have app=api, app=web.',
      '8:11-8:83 policy/selector-matches-nothing information No pod in namespace backend has app=payments; pods there have app=payment-service.',
    ]);
  });

  test('clean: selectors that match, empty selectors, and namespaces without any pod in the workspace', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: postgres, namespace: database}
      spec:
        podSelector: {matchLabels: {app: postgres}}
        ingress:
          - from:
              - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
                podSelector: {matchLabels: {app: api}}
              - namespaceSelector: {matchLabels: {tier: data}}
              - podSelector: {}
    `;
    assert.deepEqual(findings(rule, text, { extraFiles }), []);
  });
});

describe('policy/namespace-custom-label', () => {
  const rule = namespaceCustomLabelRule;
  const text = yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: allow-api-to-db, namespace: database}
    spec:
      podSelector: {matchLabels: {app: postgres}}
      ingress:
        - from:
            - namespaceSelector:
                matchLabels:
                  team: api
  `;

  test('hint on the custom key; the fix selects the namespace by name', () => {
    assert.deepEqual(findings(rule, text), [
      '10:15-10:19 policy/namespace-custom-label hint "team" is a custom namespace label: it matches only namespaces someone labelled team=api, and no Namespace in the workspace has it. To select the namespace named "api", use kubernetes.io/metadata.name: api (Kubernetes sets it on every namespace).',
    ]);
    assert.equal(
      applyAndRecheck(rule, text, 'Select the namespace named "api" (kubernetes.io/metadata.name)'),
      text.replace('team: api', 'kubernetes.io/metadata.name: api'),
    );
  });

  test('clean: a namespace carries the label, or the value is a flag', () => {
    const ns = yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: api, labels: {team: api}}
    `;
    assert.deepEqual(findings(rule, text, { extraFiles: { 'file:///test/ns.yaml': ns } }), []);
    assert.deepEqual(findings(rule, text.replace('team: api', 'monitoring: "true"')), []);
  });
});

describe('policy/unknown-named-port', () => {
  const rule = unknownNamedPortRule;

  test('ingress port name the selected pods do not declare; egress name the destination does not declare', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        policyTypes: [Ingress, Egress]
        ingress:
          - ports:
              - port: https
        egress:
          - to: [{podSelector: {matchLabels: {app: api}}}]
            ports: [{port: grpc, protocol: UDP}, {port: grpc}]
          - to: [{ipBlock: {cidr: 203.0.113.0/24}}]
            ports: [{port: http}]
    `;
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      '9:17-9:22 policy/unknown-named-port warning No selected pod (shop/web) declares a container port named "https" for TCP, so this port matches nothing. Named ports there: http (TCP 8080).',
      '12:22-12:26 policy/unknown-named-port warning No destination pod (shop/api) declares a container port named "grpc" for UDP, so this port matches nothing. Named ports there: grpc (TCP 9090).',
      '14:22-14:26 policy/unknown-named-port warning The named port "http" never matches here: a named port is looked up on the receiving pod, and this rule only sends to addresses outside the cluster\'s pods. Use the port number.',
    ]);
  });

  test('Cilium: toPorts names resolved on the destination pods', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app: web}}
        egress:
          - toEndpoints: [{matchLabels: {app: api}}]
            toPorts: [{ports: [{port: grpc}, {port: http}]}]
    `;
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      '8:47-8:51 policy/unknown-named-port warning No destination pod (shop/api) declares a container port named "http", so this port matches nothing. Named ports there: grpc (TCP 9090).',
    ]);
  });

  test('clean: declared names, numbers, and receivers unknown to the workspace', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        ingress:
          - ports: [{port: http}, {port: 8080}]
        egress:
          - to: [{podSelector: {matchLabels: {app: api}}}]
            ports: [{port: grpc}]
          - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: elsewhere}}}]
            ports: [{port: metrics}]
          - ports: [{port: dns, protocol: UDP}]
    `;
    assert.deepEqual(findings(rule, text, { extraFiles }), []);
  });
});
