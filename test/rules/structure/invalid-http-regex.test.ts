import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { invalidHttpRegexRule } from '../../../server/src/core/rules/structure/invalidHttpRegex';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [invalidHttpRegexRule];

describe('cilium/invalid-http-regex', () => {
  test('expressions that do not compile are reported on the value', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        endpointSelector: {}
        ingress:
          - toPorts:
              - ports: [{port: "80", protocol: TCP}]
                rules:
                  http:
                    - path: "/api/(v1|v2"
                      method: "*"
                    - host: "*.example.com"
                    - path: "/public/.*"
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '11:23-11:36 cilium/invalid-http-regex error "path" is not a valid regular expression (missing closing ): `/api/(v1|v2`), so Cilium rejects the policy: fix the expression.',
      '12:25-12:28 cilium/invalid-http-regex error "method" is not a valid regular expression (missing argument to repetition operator: `*`), so Cilium rejects the policy: fix the expression (it is a regex, not a glob: write .* instead of a leading *).',
      '13:23-13:38 cilium/invalid-http-regex error "host" is not a valid regular expression (missing argument to repetition operator: `*`), so the L7 proxy cannot use the rule: fix the expression (it is a regex, not a glob: write .* instead of a leading *).',
    ]);
  });

  test('valid expressions pass', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        endpointSelector: {}
        ingress:
          - toPorts:
              - ports: [{port: "80", protocol: TCP}]
                rules:
                  http: [{method: "GET|HEAD", path: "/api/v[12]/.*", host: ".*\\\\.example\\\\.com"}, {}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
