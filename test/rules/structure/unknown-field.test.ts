import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { unknownFieldRule } from '../../../server/src/core/rules/structure/unknownField';
import { applyFix, checkText, fixesOf } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [unknownFieldRule];

const TYPO = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: db
    namespace: shop
  spec:
    podselector:
      matchLabels:
        app: db
    ingress:
      - from:
          - podSelector: {}
        action: allow
`;

describe('schema/unknown-field', () => {
  test('a misspelt key gets a did-you-mean, an unknown one the list of known fields', () => {
    assert.deepEqual(checkText(TYPO, { rules }), [
      '7:3-7:14 schema/unknown-field error Unknown field "podselector" in spec; did you mean "podSelector"?',
      '13:7-13:13 schema/unknown-field error Unknown field "action" in spec.ingress[0]: the API server rejects it (spec.ingress[0] accepts from, ports); remove it or move it where it belongs.',
    ]);
  });

  test('the fix renames just the key and keeps the rest of the file', () => {
    const [fix] = fixesOf(TYPO, { rules });
    assert.equal(fix.title, 'Rename to "podSelector"');
    assert.equal(fix.preferred, true);
    const fixed = applyFix(TYPO, fix);
    assert.equal(fixed, TYPO.replace('  podselector:', '  podSelector:'));
    assert.deepEqual(checkText(fixed, { rules: [] }), []);
    assert.deepEqual(checkText(fixed, { rules }), [
      '13:7-13:13 schema/unknown-field error Unknown field "action" in spec.ingress[0]: the API server rejects it (spec.ingress[0] accepts from, ports); remove it or move it where it belongs.',
    ]);
  });

  test('a quoted key keeps its quotes, and no rename is offered onto a key that exists', () => {
    const quoted = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web}
      spec:
        "endpointselector": {}
        ingress: [{}]
    `;
    const fixed = applyFix(quoted, fixesOf(quoted, { rules })[0]);
    assert.equal(fixed, quoted.replace('"endpointselector"', '"endpointSelector"'));
    const both = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web}
      spec:
        endpointSelector: {}
        endpointselector: {}
        ingress: [{}]
    `;
    assert.deepEqual(checkText(both, { rules }), ['6:3-6:19 schema/unknown-field error Unknown field "endpointselector" in spec; did you mean "endpointSelector"?']);
    assert.deepEqual(fixesOf(both, { rules }), []);
  });

  test('Cilium fields newer than the configured Cilium version are a warning', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        ingress: [{}]
        log:
          value: web-ingress
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '7:3-7:6 schema/unknown-field warning "log" needs Cilium 1.18 or later; the configured Cilium 1.17 does not know it, so its API server rejects it as an unknown field.',
    ]);
    assert.deepEqual(checkText(text, { rules, settings: { ciliumMinor: 18 } }), []);
  });

  test('deny-only restrictions are left to cilium/deny-with-l7-or-fqdn', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumClusterwideNetworkPolicy
      metadata: {name: no-metadata}
      spec:
        endpointSelector: {}
        egressDeny:
          - toFQDNs: [{matchName: example.com}]
            toPorts: [{ports: [{port: "80", protocol: TCP}], rules: {http: [{}]}}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });

  test('YAML merge keys are expanded, not reported', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        podSelector: &web
          matchLabels: {app: web}
        ingress:
          - from:
              - podSelector:
                  <<: *web
                  matchLabelz: {tier: front}
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '11:13-11:24 schema/unknown-field error Unknown field "matchLabelz" in spec.ingress[0].from[0].podSelector; did you mean "matchLabels"?',
    ]);
  });

  test('valid policies, including server-written fields, have no unknown fields', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: api
        namespace: shop
        labels: {team: payments}
        annotations: {owner: "payments@example.com"}
        resourceVersion: "123"
      spec:
        podSelector: {matchExpressions: [{key: app, operator: In, values: [api]}]}
        policyTypes: [Ingress, Egress]
        ingress:
          - from:
              - namespaceSelector: {matchLabels: {team: web}}
                podSelector: {matchLabels: {app: web}}
              - ipBlock: {cidr: 203.0.113.0/24, except: [203.0.113.8/29]}
            ports: [{protocol: TCP, port: 8080, endPort: 8090}]
        egress: [{to: [{podSelector: {}}], ports: [{port: dns, protocol: UDP}]}]
      status: {}
      ---
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      specs:
        - endpointSelector: {matchLabels: {app: web}}
          description: web rules
          enableDefaultDeny: {ingress: true, egress: false}
          ingress:
            - fromEntities: [world]
              toPorts:
                - ports: [{port: "443", protocol: TCP}]
                  terminatingTLS: {secret: {name: web-tls}}
                  serverNames: [web.example.com]
              authentication: {mode: required}
          egress:
            - toFQDNs: [{matchPattern: "*.example.com"}]
            - toServices: [{k8sService: {serviceName: api, namespace: shop}}]
            - toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.96.0.0/12]}, {cidrGroupRef: partners}]
            - icmps: [{fields: [{type: 8, family: IPv4}]}]
          labels: [{key: owner, value: web, source: k8s}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
