import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { missingDocumentSeparatorRule } from '../../../server/src/core/rules/structure/missingDocumentSeparator';
import { checkText, fixesOf, recheckAfterFix } from '../../support/ruleHarness';

const rules = [missingDocumentSeparatorRule];

const TWO_OBJECTS = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: default-deny-all
  namespace: frontend
spec:
  endpointSelector: {}
  ingress: [{}]
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: default-deny-all
  namespace: backend
spec:
  endpointSelector: {}
  egress: [{}]
`;

describe('yaml/missing-document-separator', () => {
  test('two objects without "---" between them: one error on the second apiVersion', () => {
    assert.deepEqual(checkText(TWO_OBJECTS, { rules }), [
      '9:1-9:11 yaml/missing-document-separator error A second object starts here (its "apiVersion" repeats one above) without a "---" line: the YAML is invalid and one of the two objects would be lost. Insert "---" before this line.',
    ]);
  });

  test('the fix inserts "---" before the second object: both objects parse and the finding is gone', () => {
    const [fix] = fixesOf(TWO_OBJECTS, { rules });
    const after = recheckAfterFix(TWO_OBJECTS, fix, { rules });
    assert.equal(after.text, TWO_OBJECTS.replace('  ingress: [{}]\napiVersion', '  ingress: [{}]\n---\napiVersion'));
    assert.deepEqual(after.syntax, []);
    assert.deepEqual(after.findings, []);
  });

  test('separate documents and List items are fine', () => {
    assert.deepEqual(checkText(TWO_OBJECTS.replace('  ingress: [{}]\napiVersion', '  ingress: [{}]\n---\napiVersion'), { rules }), []);
    assert.deepEqual(checkText('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: b}\n', { rules }), []);
  });
});
