import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { wrongTypeRule } from '../../../server/src/core/rules/structure/wrongType';
import { applyFix, checkText, fixesOf, recheckAfterFix } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [wrongTypeRule];

const CNP_NUMBER_PORT = yaml`
  apiVersion: cilium.io/v2
  kind: CiliumNetworkPolicy
  metadata: {name: api, namespace: shop}
  spec:
    endpointSelector: {matchLabels: {app: api}}
    ingress:
      - toPorts:
          - ports:
              - port: 8080  # the API port
                protocol: TCP
`;

describe('schema/wrong-type', () => {
  test('a Cilium port written as a number must be quoted', () => {
    assert.deepEqual(checkText(CNP_NUMBER_PORT, { rules }), [
      '9:21-9:25 schema/wrong-type error "port" must be a string, not a number: quote it ("8080").',
    ]);
  });

  test('the quote fix wraps the value and keeps the comment', () => {
    const [fix] = fixesOf(CNP_NUMBER_PORT, { rules });
    assert.equal(fix.preferred, true);
    const fixed = applyFix(CNP_NUMBER_PORT, fix);
    assert.equal(fixed, CNP_NUMBER_PORT.replace('port: 8080  #', 'port: "8080"  #'));
    assert.deepEqual(checkText(fixed, { rules: [] }), []);
    assert.deepEqual(checkText(fixed, { rules }), []);
  });

  test('a quoted NetworkPolicy port is a port name, and the fix removes the quotes', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: db, namespace: shop}
      spec:
        podSelector: {}
        ingress:
          - ports:
              - port: "5432"
                endPort: '5440'
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '8:17-8:23 schema/wrong-type error "port" is quoted, so "5432" is read as a port name, and names must contain a letter: remove the quotes to mean port 5432.',
      '9:20-9:26 schema/wrong-type error "endPort" must be a whole number, not text: remove the quotes.',
    ]);
    let fixed = text;
    for (const fix of fixesOf(text, { rules }).reverse()) fixed = applyFix(fixed, fix);
    assert.equal(fixed, text.replace('"5432"', '5432').replace("'5440'", '5440'));
    assert.deepEqual(checkText(fixed, { rules }), []);
  });

  test('labels are strings, lists need "- ", maps cannot be lists', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: web
        labels:
          version: 1.10
          canary: yes
      spec:
        podSelector:
          - matchLabels: {app: web}
        ingress:
          from:
            - podSelector: {}
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '6:14-6:18 schema/wrong-type error "version" must be a string, not a decimal number: quote it ("1.10").',
      '7:13-7:16 schema/wrong-type error "canary" must be a string, not true/false: quote it ("yes").',
      '9:3-9:14 schema/wrong-type error "podSelector" must be a map of fields, not a list: remove the "- " in front of its fields.',
      '11:3-11:10 schema/wrong-type error "ingress" must be a list, not a map: start the entry with "- " to make it a list item.',
    ]);
    const fixed = applyFix(text, fixesOf(text, { rules })[0]);
    assert.equal(fixed, text.replace('version: 1.10', 'version: "1.10"'));
  });

  test('a quoted boolean loses its quotes; JSON manifests get JSON strings', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: dns, namespace: shop}
      spec:
        endpointSelector: {}
        enableDefaultDeny: {egress: "false"}
        egress: [{toEndpoints: [{}]}]
    `;
    assert.deepEqual(checkText(text, { rules }), ['6:31-6:38 schema/wrong-type error "egress" must be true or false, not text: remove the quotes.']);
    const boolFix = recheckAfterFix(text, fixesOf(text, { rules })[0], { rules });
    assert.deepEqual(boolFix, { text: text.replace('"false"', 'false'), syntax: [], findings: [] });

    const json = '{"apiVersion": "cilium.io/v2", "kind": "CiliumNetworkPolicy", "metadata": {"name": "web"},\n' +
      ' "spec": {"endpointSelector": {}, "ingress": [{"toPorts": [{"ports": [{"port": 443, "protocol": "TCP"}]}]}]}}\n';
    assert.deepEqual(checkText(json, { rules }), ['2:80-2:83 schema/wrong-type error "port" must be a string, not a number: quote it ("443").']);
    const jsonFix = recheckAfterFix(json, fixesOf(json, { rules })[0], { rules });
    assert.deepEqual(jsonFix, { text: json.replace('"port": 443', '"port": "443"'), syntax: [], findings: [] });
    assert.doesNotThrow(() => JSON.parse(jsonFix.text));
  });

  test('well-typed values are accepted', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: api, namespace: shop, labels: {version: "1.10"}}
      spec:
        endpointSelector: {}
        enableDefaultDeny: {egress: false}
        egress:
          - toPorts: [{ports: [{port: "53", protocol: ANY}, {port: "8000", endPort: 8100}]}]
          - icmps: [{fields: [{type: EchoRequest}, {type: 8}]}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
