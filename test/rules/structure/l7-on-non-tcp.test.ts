import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { l7OnNonTcpRule } from '../../../server/src/core/rules/structure/l7OnNonTcp';
import { applyFix, checkText, fixesOf, recheckAfterFix } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [l7OnNonTcpRule];

const TEXT = yaml`
  apiVersion: cilium.io/v2
  kind: CiliumNetworkPolicy
  metadata: {name: api, namespace: shop}
  spec:
    endpointSelector: {matchLabels: {app: api}}
    ingress:
      - toPorts:
          - ports:
              - port: "8080"
            rules:
              http:
                - method: GET
          - ports: [{port: "9092", protocol: UDP}, {port: "0", protocol: TCP}]
            rules: {kafka: [{topic: orders}]}
`;

describe('cilium/l7-on-non-tcp', () => {
  test('HTTP/Kafka rules need TCP (a missing protocol means ANY) and a real port', () => {
    assert.deepEqual(checkText(TEXT, { rules }), [
      '9:15-9:27 cilium/l7-on-non-tcp error http rules need protocol TCP, but this port has no protocol, which in Cilium means ANY, so the policy is rejected: add protocol: TCP.',
      '13:44-13:47 cilium/l7-on-non-tcp error kafka rules work only over TCP, not UDP, so Cilium rejects the policy: use protocol: TCP.',
      '13:57-13:60 cilium/l7-on-non-tcp error L7 rules cannot be used on port "0" (every port), so Cilium rejects the policy: write the port the application listens on.',
    ]);
  });

  test('the fix adds protocol: TCP on its own line, aligned with port', () => {
    const [add, replace] = fixesOf(TEXT, { rules });
    const fixed = applyFix(TEXT, add);
    assert.equal(fixed, TEXT.replace('- port: "8080"\n', '- port: "8080"\n              protocol: TCP\n'));
    assert.deepEqual(checkText(fixed, { rules: [] }), []);
    assert.equal(checkText(fixed, { rules }).filter((l) => l.startsWith('9:')).length, 0);
    const afterReplace = recheckAfterFix(TEXT, replace, { rules });
    assert.equal(afterReplace.text, TEXT.replace('protocol: UDP', 'protocol: TCP'));
    assert.deepEqual(afterReplace.syntax, []);
    assert.equal(afterReplace.findings.filter((l) => l.startsWith('13:44')).length, 0);
  });

  test('in a flow map the fix appends ", protocol: TCP"', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        endpointSelector: {}
        egress:
          - toPorts: [{ports: [{port: "80"}], rules: {http: [{}]}}]
    `;
    const fixed = applyFix(text, fixesOf(text, { rules })[0]);
    assert.equal(fixed, text.replace('{port: "80"}', '{port: "80", protocol: TCP}'));
    assert.deepEqual(checkText(fixed, { rules }), []);
  });

  test('in JSON the added field is JSON', () => {
    const json = '{"apiVersion": "cilium.io/v2", "kind": "CiliumNetworkPolicy", "metadata": {"name": "web"}, "spec": {"endpointSelector": {},\n' +
      ' "egress": [{"toPorts": [{"ports": [{"port": "80"}], "rules": {"http": [{}]}}]}]}}\n';
    const after = recheckAfterFix(json, fixesOf(json, { rules })[0], { rules });
    assert.deepEqual(after, { text: json.replace('{"port": "80"}', '{"port": "80", "protocol": "TCP"}'), syntax: [], findings: [] });
    assert.doesNotThrow(() => JSON.parse(after.text));
  });

  test('TCP with HTTP, and DNS rules on ANY, pass', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        endpointSelector: {}
        egress:
          - toPorts: [{ports: [{port: "53", protocol: ANY}], rules: {dns: [{matchPattern: "*"}]}}]
          - toPorts: [{ports: [{port: "80", protocol: TCP}], rules: {http: [{method: GET}]}}]
          - toPorts: [{ports: [{port: "0", protocol: UDP}]}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
