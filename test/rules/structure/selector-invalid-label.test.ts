import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { selectorInvalidLabelRule } from '../../../server/src/core/rules/structure/selectorInvalidLabel';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [selectorInvalidLabelRule];

describe('selector/invalid-label', () => {
  test('invalid keys and values in selectors and metadata.labels; an empty matchLabels value warns', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: api
        namespace: shop
        labels:
          "team name": payments
      spec:
        podSelector:
          matchLabels:
            app: web frontend
            tier:
        ingress:
          - from:
              - namespaceSelector:
                  matchLabels:
                    example.com/a/b: x
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '7:5-7:16 selector/invalid-label error Label key "team name": the name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', starting and ending with an alphanumeric character, so the API server rejects the object.',
      '11:12-11:24 selector/invalid-label error Label value "web frontend" must be empty or consist of alphanumeric characters, \'-\', \'_\' or \'.\', starting and ending with an alphanumeric character, so the API server rejects the object.',
      '12:7-12:11 selector/invalid-label warning matchLabels "tier" has no value, so it selects only pods whose "tier" label is the empty string: write the label\'s value.',
      '17:15-17:30 selector/invalid-label error Label key "example.com/a/b" has more than one \'/\': use an optional DNS prefix, \'/\', and a name (e.g. \'example.com/my-name\'), so the API server rejects the object.',
    ]);
  });

  test('Cilium selector keys may carry a source prefix', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {"k8s:app": web}}
        egress:
          - toEndpoints:
              - matchLabels:
                  "k8s:io.kubernetes.pod.namespace": kube-system
                  "k8s:k8s-app": kube-dns
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
