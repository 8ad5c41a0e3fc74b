import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fieldAt, fieldNames, schemaFor, schemaForKind } from '../../../server/src/core/schema/index';
import type { FieldSchema } from '../../../server/src/core/schema/types';
import { asMap, nodeAt } from '../../../server/src/core/yaml/nodes';
import { runRules } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

/** Every schema node below `schema`, with its path. */
function allFields(schema: FieldSchema, path = ''): [string, FieldSchema][] {
  const out: [string, FieldSchema][] = [[path, schema]];
  for (const [name, child] of Object.entries(schema.fields ?? {})) out.push(...allFields(child, path ? `${path}.${name}` : name));
  if (schema.items) out.push(...allFields(schema.items, `${path}[]`));
  if (schema.values) out.push(...allFields(schema.values, `${path}{}`));
  return out;
}

describe('schema catalogue', () => {
  test('policies of the three catalogued kinds have a schema; other objects do not', () => {
    assert.ok(schemaForKind('networking.k8s.io/v1', 'NetworkPolicy'));
    assert.ok(schemaForKind('cilium.io/v2', 'CiliumNetworkPolicy'));
    assert.ok(schemaForKind('cilium.io/v2', 'CiliumClusterwideNetworkPolicy'));
    assert.equal(schemaForKind('v1', 'Service'), null);
    assert.equal(schemaForKind('cilium.io/v2alpha1', 'CiliumNetworkPolicy'), null);
  });

  test('fieldAt follows keys and indexes to the documented field', () => {
    const cnp = schemaForKind('cilium.io/v2', 'CiliumNetworkPolicy');
    const port = fieldAt(cnp, ['spec', 'egress', 0, 'toPorts', 1, 'ports', 0, 'port']);
    assert.equal(port?.type, 'string');
    assert.match(port!.doc, /as a string/);
    assert.deepEqual(fieldAt(cnp, ['spec', 'egress', 0, 'toPorts', 0, 'ports', 0, 'protocol'])?.enum?.slice(0, 4), ['TCP', 'UDP', 'SCTP', 'ANY']);
    assert.equal(fieldAt(cnp, ['spec', 'egressDeny', 0, 'toFQDNs']), null, 'deny rules have no toFQDNs');
    assert.equal(fieldAt(cnp, ['spec', 'egressDeny', 0, 'toPorts', 0, 'rules']), null, 'deny rules have no L7');
    assert.equal(fieldAt(cnp, ['metadata', 'labels', 'anything'])?.type, 'string');
    assert.equal(fieldAt(cnp, ['spec', 'egress', 'notAnIndex']), null);
    const np = schemaForKind('networking.k8s.io/v1', 'NetworkPolicy');
    assert.equal(fieldAt(np, ['spec', 'ingress', 0, 'from', 0, 'ipBlock', 'cidr'])?.format, 'cidr');
    assert.equal(fieldAt(np, ['spec', 'ingress', 0, 'ports', 0, 'port'])?.type, 'intOrString');
    assert.deepEqual(fieldNames(fieldAt(np, ['spec', 'ingress', 0, 'from', 0])!), ['podSelector', 'namespaceSelector', 'ipBlock']);
  });

  test('the schema of the field under the cursor, as hover will ask for it', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {}
        ingress: [{}]
    `;
    const { file } = runRules(text, { rules: [] });
    const resource = file.resources[0];
    const at = nodeAt(asMap(resource.source.document.root), text.indexOf('ingress'))!;
    const field = fieldAt(schemaFor(resource), at.path);
    assert.match(field!.doc, /non-empty list puts the selected endpoints in ingress default-deny/);
    assert.match(fieldAt(schemaFor(resource), ['spec', 'ingress', 0])!.doc, /allows \*\*nothing\*\* in Cilium/);
  });

  test('every field has documentation and a docs link', () => {
    for (const schema of [schemaForKind('networking.k8s.io/v1', 'NetworkPolicy')!, schemaForKind('cilium.io/v2', 'CiliumClusterwideNetworkPolicy')!]) {
      for (const [path, field] of allFields(schema)) {
        assert.ok(field.doc.trim().length > 0, `${path} has no doc`);
        assert.match(field.docsUrl, /^https:\/\//, `${path} has no docs link`);
        for (const name of field.required ?? []) assert.ok(field.fields?.[name], `${path} requires unknown field ${name}`);
      }
    }
  });
});
