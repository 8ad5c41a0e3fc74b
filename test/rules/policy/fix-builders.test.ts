import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultDenyDocument } from '../../../server/src/core/rules/fixes/defaultDeny';
import { renderFlow, renderItemLines, scalarText } from '../../../server/src/core/rules/fixes/emit';
import { contentLineEnd } from '../../../server/src/core/rules/fixes/insert';
import { detectStyle } from '../../../server/src/core/rules/fixes/style';
import { yaml } from '../../support/text';
import { dnsBlockedRule } from '../../../server/src/core/rules/policy/dnsBlocked';
import { WEB, workloads } from './fixtures';
import { applyAndRecheck, assertParses } from './support';

describe('fix builders', () => {
  test('detectStyle: indentation step and list placement of the document', () => {
    assert.deepEqual(detectStyle('spec:\n  egress:\n    - to: []\n'), { indent: 2, indentSequences: true });
    assert.deepEqual(detectStyle('spec:\n    egress:\n    - to: []\n    podSelector:\n        matchLabels: {}\n'), { indent: 4, indentSequences: false });
    assert.deepEqual(detectStyle('kind: Namespace\n'), { indent: 2, indentSequences: true });
  });

  test('scalars are quoted only when YAML would read them as something else', () => {
    assert.deepEqual(
      ['kube-system', 'kubernetes.io/metadata.name', '53', '*.stripe.com', 'k8s:io.kubernetes.pod.namespace', 'true', 'ANY'].map((s) => scalarText(s)),
      ['kube-system', 'kubernetes.io/metadata.name', '"53"', '"*.stripe.com"', '"k8s:io.kubernetes.pod.namespace"', '"true"', 'ANY'],
    );
    assert.equal(renderFlow({ ports: [{ port: '53', protocol: 'ANY' }], empty: {} }), '{ports: [{port: "53", protocol: ANY}], empty: {}}');
  });

  test('a list item renders with its keys two columns right of the dash', () => {
    assert.deepEqual(renderItemLines({ to: [{ podSelector: {} }], ports: [{ port: 53 }] }, 4, { indent: 2, indentSequences: true }), [
      '    - to:',
      '        - podSelector: {}',
      '      ports:',
      '        - port: 53',
    ]);
  });

  test('contentLineEnd skips trailing comment lines but keeps a same-line comment', () => {
    const text = 'a:\n  - x: 1 # one\n  # about b\nb: 2\n';
    const start = text.indexOf('x: 1');
    assert.equal(contentLineEnd(text, { start, end: text.indexOf('b: 2') }), text.indexOf('\n  # about'));
  });

  test('default-deny documents parse in both flavours and every variant', () => {
    for (const flavour of ['NetworkPolicy', 'CiliumNetworkPolicy'] as const) {
      for (const d of ['ingress', 'egress', 'both'] as const) assertParses(defaultDenyDocument(flavour, 'shop', d, 'x'));
    }
    assert.equal(
      defaultDenyDocument('CiliumNetworkPolicy', 'shop', 'ingress', 'default-deny-ingress', { indent: 4, indentSequences: false }),
      yaml`
        # Default deny: all ingress of every pod in namespace shop is denied unless another policy allows it.
        # In a CiliumNetworkPolicy the empty rule \`{}\` allows nothing; it only turns on default deny.
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata:
            name: default-deny-ingress
            namespace: shop
        spec:
            endpointSelector: {}
            ingress:
            - {}
      `,
    );
  });
});

describe('fix builders in a Windows (CRLF) file', () => {
  test('inserted lines use the file\'s line breaks', () => {
    const text = 'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata: {name: d, namespace: shop}\r\nspec:\r\n  podSelector: {}\r\n  policyTypes: [Egress]\r\n  egress:\r\n    - to: [{podSelector: {}}]\r\n';
    const fixed = applyAndRecheck(dnsBlockedRule, text, 'Allow DNS lookups to kube-dns (port 53) in this policy', { extraFiles: workloads(WEB) });
    assert.ok(!/[^\r]\n/.test(fixed), 'a bare \\n was inserted');
    assert.ok(fixed.includes('\r\n    - to:\r\n        - namespaceSelector:\r\n'));
  });
});
