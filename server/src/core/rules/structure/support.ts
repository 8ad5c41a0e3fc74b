/**
 * Small helpers the structural rules share: where a finding goes (a node, a key, or the first
 * line of a multi-line entry), and minimal text edits for their fixes.
 */
import { headSpan } from '../../analysis/locate';
import type { Resource } from '../../k8s/resources';
import { deref, type Span, type YMap, type YNode, type YPair, type YScalar } from '../../yaml/nodes';
import type { FieldPath } from '../../schema/types';
import type { Fix, TextEditAt } from '../types';

export { CILIUM_KINDS, POLICY_KINDS } from '../../k8s/resources';

/** Where a finding about a value goes: the key holding it, else the first line of the value. */
export function anchorSpan(resource: Resource, node: YNode, pair: YPair | null): Span {
  return pair ? pair.key.span : headSpan(resource, node);
}

export function edit(resource: Resource, span: Span, newText: string): TextEditAt {
  const offset = resource.source.document.offset;
  return { uri: resource.source.uri, start: offset + span.start, end: offset + span.end, newText };
}

export function replaceFix(resource: Resource, title: string, span: Span, newText: string, preferred = false): Fix {
  return { title, edits: [edit(resource, span, newText)], ...(preferred ? { preferred: true } : {}) };
}

/** The scalar's text as written, without surrounding quotes. */
export function sourceText(resource: Resource, node: YNode): string {
  return resource.source.document.text.slice(node.span.start, node.span.end);
}

/** `replacement` written in the same quoting style as `original` (plain stays plain). */
export function sameQuoting(original: YScalar, replacement: string): string {
  if (original.style === 'double') return JSON.stringify(replacement);
  if (original.style === 'single') return `'${replacement.replace(/'/g, "''")}'`;
  return replacement;
}

/**
 * An edit adding `key: value` to a map, after its last pair, written like the map (a new line
 * at the same indentation for block maps, `, key: value` for flow maps). Null when the map has
 * no pairs to align with.
 */
export function addFieldEdit(resource: Resource, map: YMap, key: string, value: string): TextEditAt | null {
  const last = map.pairs[map.pairs.length - 1];
  const first = map.pairs[0];
  if (!last || !first) return null;
  const insertAt = last.value ? Math.max(last.value.span.end, last.key.span.end) : last.key.span.end;
  if (map.flow) {
    // A JSON-style map (quoted keys) gets a JSON-style field, so JSON files stay JSON.
    const json = first.key.kind === 'scalar' && first.key.style === 'double';
    const field = json ? `${JSON.stringify(key)}: ${JSON.stringify(value)}` : `${key}: ${value}`;
    return edit(resource, { start: insertAt, end: insertAt }, `, ${field}`);
  }
  const text = resource.source.document.text;
  const lineStart = text.lastIndexOf('\n', first.key.span.start - 1) + 1;
  const column = first.key.span.start - lineStart;
  // Block scalars and nested maps end after their own newline; insert before it.
  let end = insertAt;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return edit(resource, { start: end, end }, `\n${' '.repeat(column)}${key}: ${value}`);
}

/** The last map key on a path (`ports` for `spec.egress[0].toPorts[0].ports[1]`). */
export function lastKey(path: FieldPath): string | null {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return null;
}

/** `"port"` for a field, `each item of "values"` for a list item: how a value is named in messages. */
export function valueLabel(path: FieldPath, pair: YPair | null): string {
  if (pair) return `"${pair.keyText}"`;
  const key = lastKey(path);
  return key ? `Each item of "${key}"` : 'This value';
}

/** Whether a pair's value is present (not missing, not null). */
export function present(pair: YPair | null | undefined): pair is YPair {
  if (!pair) return false;
  const value = deref(pair.value);
  return !!value && !(value.kind === 'scalar' && value.value === null);
}

/** `a, b or c`. */
export function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
