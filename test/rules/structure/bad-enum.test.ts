import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { badEnumRule } from '../../../server/src/core/rules/structure/badEnum';
import { applyFix, checkText, fixesOf, recheckAfterFix } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [badEnumRule];

const NP = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: db, namespace: shop}
  spec:
    podSelector:
      matchExpressions:
        - {key: app, operator: in, values: [db]}
    policyTypes: [ingress]
    ingress:
      - ports:
          - protocol: tcp
            port: 5432
          - protocol: ICMP
`;

describe('schema/bad-enum', () => {
  test('values in the wrong case get the right spelling; unknown ones the list', () => {
    assert.deepEqual(checkText(NP, { rules }), [
      '7:30-7:32 schema/bad-enum error "in" is not a valid operator: values are case-sensitive, use "In".',
      '8:17-8:24 schema/bad-enum error "ingress" is not a valid policyTypes entry: values are case-sensitive, use "Ingress".',
      '11:21-11:24 schema/bad-enum error "tcp" is not a valid protocol: values are case-sensitive, use "TCP".',
      '13:21-13:25 schema/bad-enum error "ICMP" is not a valid protocol: use "TCP", "UDP" or "SCTP".',
    ]);
  });

  test('the case fixes replace just the values', () => {
    const fixes = fixesOf(NP, { rules });
    assert.deepEqual(
      fixes.map((f) => [f.title, f.preferred]),
      [
        ['Use "In"', true],
        ['Use "Ingress"', true],
        ['Use "TCP"', true],
      ],
    );
    let fixed = NP;
    for (const fix of [...fixes].reverse()) fixed = applyFix(fixed, fix);
    assert.equal(fixed, NP.replace('operator: in', 'operator: In').replace('[ingress]', '[Ingress]').replace('protocol: tcp', 'protocol: TCP'));
    assert.deepEqual(checkText(fixed, { rules: [] }), []);
    assert.deepEqual(checkText(fixed, { rules }), ['13:21-13:25 schema/bad-enum error "ICMP" is not a valid protocol: use "TCP", "UDP" or "SCTP".']);
  });

  test('HTTP as a Cilium protocol points to TCP and L7 rules; quoted values stay quoted', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        ingress:
          - toPorts:
              - ports:
                  - port: "80"
                    protocol: HTTP
        egress:
          - toPorts: [{ports: [{port: "53", protocol: "Udp"}]}]
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '10:25-10:29 schema/bad-enum error "HTTP" is not a valid protocol: HTTP runs over TCP, so use "TCP" (match requests with toPorts[].rules.http).',
      '12:49-12:54 schema/bad-enum error "Udp" is not a valid protocol: values are case-sensitive, use "UDP".',
    ]);
    const [httpFix, udpFix] = fixesOf(text, { rules });
    assert.equal(httpFix.preferred, undefined);
    assert.equal(applyFix(text, udpFix), text.replace('"Udp"', '"UDP"'));
    const afterHttp = recheckAfterFix(text, httpFix, { rules });
    assert.equal(afterHttp.text, text.replace('protocol: HTTP', 'protocol: TCP'));
    assert.deepEqual(afterHttp.syntax, []);
    assert.deepEqual(afterHttp.findings, ['12:49-12:54 schema/bad-enum error "Udp" is not a valid protocol: values are case-sensitive, use "UDP".']);
  });

  test('valid values pass', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {matchExpressions: [{key: app, operator: NotIn, values: [db]}]}
        egress:
          - toPorts: [{ports: [{port: "53", protocol: ANY}, {port: "443", protocol: TCP}]}]
            authentication: {mode: required}
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
