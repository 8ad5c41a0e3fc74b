import type { Resource } from '../../k8s/resources';
import { schemaFor } from '../../schema/index';
import type { FieldSchema, FieldType } from '../../schema/types';
import { typeMismatch, walkSchema } from '../../schema/walk';
import type { YNode, YScalar } from '../../yaml/nodes';
import type { Fix, Rule } from '../types';
import { anchorSpan, POLICY_KINDS, replaceFix, sourceText, valueLabel } from './support';
import { locate } from '../../analysis/locate';

const EXPECTED: Record<FieldType, string> = {
  object: 'a map of fields',
  map: 'a map',
  array: 'a list',
  string: 'a string',
  integer: 'a whole number',
  boolean: 'true or false',
  intOrString: 'a number or a name',
  any: 'a value',
};

const DIGITS = /^\d+$/;

export const wrongTypeRule: Rule = {
  id: 'schema/wrong-type',
  defaultSeverity: 'error',
  title: 'Value of the wrong type',
  kinds: POLICY_KINDS,
  docs: `A value whose YAML type does not fit the field: a number where a string is expected, a single map where a list is expected, a quoted number where a number is expected.

**Why it matters.** The API server decodes manifests into typed fields and rejects the object when a value has the wrong type. The classic case is a Cilium port: \`port\` in a CiliumNetworkPolicy is a **string**, so \`port: 80\` is rejected while \`port: "80"\` works — the opposite of a NetworkPolicy, where \`port: 80\` is right and \`port: "80"\` is read as a port *name* (and rejected, since names need a letter). Label values are strings too: \`version: 1.10\` is the number 1.1.

**Fix.** Quote numbers that must be strings, remove quotes around numbers that must be numbers, and write lists with \`- \` items.`,
  check(resource, context) {
    const schema = schemaFor(resource);
    if (!schema) return;
    walkSchema(resource.node, schema, {
      onValue({ node, schema: field, path, pair }) {
        const actual = typeMismatch(node, field);
        const label = valueLabel(path, pair);
        if (actual === null) {
          if (field.format === 'k8s-port' && node.kind === 'scalar' && typeof node.value === 'string' && DIGITS.test(node.value) && node.style !== 'plain') {
            context.report({
              message: `${label} is quoted, so "${node.value}" is read as a port name, and names must contain a letter: remove the quotes to mean port ${node.value}.`,
              location: locate(resource, node.span),
              fixes: [unquoteFix(resource, node)],
            });
          }
          return;
        }
        context.report({
          message: `${label} must be ${EXPECTED[field.type]}, not ${actual}${advice(resource, node, field)}.`,
          // A scalar is marked itself; a whole list or map by its key (or first line).
          location: locate(resource, node.kind === 'scalar' ? node.span : anchorSpan(resource, node, pair)),
          fixes: fixesFor(resource, node, field),
        });
      },
    });
  },
};

function advice(resource: Resource, node: YNode, field: FieldSchema): string {
  if (node.kind === 'scalar') {
    if ((field.type === 'string' || field.type === 'intOrString') && typeof node.value !== 'string') return `: quote it (${JSON.stringify(sourceText(resource, node))})`;
    if ((field.type === 'integer' || field.type === 'intOrString') && typeof node.value === 'string' && DIGITS.test(node.value)) return ': remove the quotes';
    if (field.type === 'boolean' && (node.value === 'true' || node.value === 'false')) return ': remove the quotes';
    if (field.type === 'array') return ': write it as a list item (`- value`)';
  }
  if (node.kind === 'map' && field.type === 'array') return ': start the entry with "- " to make it a list item';
  if (node.kind === 'seq' && (field.type === 'object' || field.type === 'map')) return ': remove the "- " in front of its fields';
  return '';
}

function fixesFor(resource: Resource, node: YNode, field: FieldSchema): Fix[] | undefined {
  if (node.kind !== 'scalar') return undefined;
  if (field.type === 'string' && typeof node.value !== 'string') {
    const source = sourceText(resource, node);
    return [replaceFix(resource, `Quote it: ${JSON.stringify(source)}`, node.span, JSON.stringify(source), true)];
  }
  if (field.type === 'integer' && typeof node.value === 'string' && DIGITS.test(node.value) && node.style !== 'plain') return [unquoteFix(resource, node)];
  if (field.type === 'boolean' && (node.value === 'true' || node.value === 'false') && node.style !== 'plain') {
    return [replaceFix(resource, `Use ${node.value}`, node.span, node.value, true)];
  }
  return undefined;
}

function unquoteFix(resource: Resource, node: YScalar): Fix {
  const digits = String(node.value);
  return replaceFix(resource, `Remove the quotes: ${digits}`, node.span, digits, true);
}
