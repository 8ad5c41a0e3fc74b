/**
 * A small, immutable YAML tree with exact source spans.
 *
 * Spans are offsets relative to the start of the YAML document that holds the node
 * (see YamlDocument.offset), so a document's tree stays valid when edits elsewhere in the
 * file move it: the parse of an unchanged document is reused as is.
 */

/** Half-open [start, end) offsets, relative to the document start. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type ScalarValue = string | number | boolean | null;
export type ScalarStyle = 'plain' | 'double' | 'single' | 'literal' | 'folded';

export interface YScalar {
  readonly kind: 'scalar';
  readonly span: Span;
  readonly value: ScalarValue;
  /** How the scalar was written; a quoted "8080" is a string, a plain 8080 a number. */
  readonly style: ScalarStyle;
  /** The source text of the scalar (for quoted scalars, with quotes). */
  readonly source: string;
}

export interface YPair {
  readonly key: YNode;
  /** The key as text (a non-scalar key is rendered to JSON); what lookups compare against. */
  readonly keyText: string;
  /** Null when the key has no value at all (`key:` with nothing after it is a null scalar). */
  readonly value: YNode | null;
  readonly span: Span;
}

export interface YMap {
  readonly kind: 'map';
  readonly span: Span;
  readonly pairs: readonly YPair[];
  readonly flow: boolean;
}

export interface YSeq {
  readonly kind: 'seq';
  readonly span: Span;
  readonly items: readonly YNode[];
  readonly flow: boolean;
}

/** `*name`: the anchored node is shared, never copied, so alias bombs cost nothing here. */
export interface YAlias {
  readonly kind: 'alias';
  readonly span: Span;
  readonly name: string;
  readonly target: YNode | null;
}

export type YNode = YScalar | YMap | YSeq | YAlias;

/** Follows aliases (bounded: an alias chain longer than 32 is treated as unresolved). */
export function deref(node: YNode | null | undefined): YNode | null {
  let current: YNode | null | undefined = node;
  for (let hops = 0; current && current.kind === 'alias'; hops++) {
    if (hops >= 32) return null;
    current = current.target;
  }
  return current ?? null;
}

export function asMap(node: YNode | null | undefined): YMap | null {
  const n = deref(node);
  return n && n.kind === 'map' ? n : null;
}

export function asSeq(node: YNode | null | undefined): YSeq | null {
  const n = deref(node);
  return n && n.kind === 'seq' ? n : null;
}

export function asScalar(node: YNode | null | undefined): YScalar | null {
  const n = deref(node);
  return n && n.kind === 'scalar' ? n : null;
}

export const MERGE_KEY = '<<';

/**
 * The pair for `key` in a map (the last one wins, as in Kubernetes' decoder). Keys merged in
 * with `<<: *anchor` count too, below the map's own keys, as YAML 1.1 decoders expand them.
 */
export function getPair(map: YMap | null | undefined, key: string, depth = 0): YPair | null {
  if (!map) return null;
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    if (map.pairs[i].keyText === key) return map.pairs[i];
  }
  if (depth > 8 || key === MERGE_KEY) return null;
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    const pair = map.pairs[i];
    if (pair.keyText !== MERGE_KEY) continue;
    const merged = deref(pair.value);
    const sources = merged?.kind === 'seq' ? [...merged.items].reverse() : [merged];
    for (const source of sources) {
      const found = getPair(asMap(source), key, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** The value node at `key`, or null when absent. */
export function get(map: YNode | null | undefined, key: string): YNode | null {
  const pair = getPair(asMap(map), key);
  return pair ? deref(pair.value) : null;
}

/** Walks a path of map keys and sequence indexes. */
export function getPath(node: YNode | null | undefined, path: readonly (string | number)[]): YNode | null {
  let current: YNode | null = deref(node);
  for (const step of path) {
    if (!current) return null;
    if (typeof step === 'number') {
      const seq = asSeq(current);
      current = seq && step < seq.items.length ? deref(seq.items[step]) : null;
    } else {
      current = get(current, step);
    }
  }
  return current;
}

/** A scalar's value as a string when it is a string (not a number or boolean). */
export function stringValue(node: YNode | null | undefined): string | null {
  const s = asScalar(node);
  return s && typeof s.value === 'string' ? s.value : null;
}

/** A scalar rendered as text whatever its type (numbers and booleans too); null for null/non-scalars. */
export function scalarText(node: YNode | null | undefined): string | null {
  const s = asScalar(node);
  if (!s || s.value === null) return null;
  return String(s.value);
}

export function isNullish(node: YNode | null | undefined): boolean {
  const n = deref(node);
  return !n || (n.kind === 'scalar' && n.value === null);
}

/** A map of string→string (labels, annotations, matchLabels); non-scalar values are skipped. */
export function stringMap(node: YNode | null | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  const map = asMap(node);
  if (!map) return out;
  for (const pair of map.pairs) {
    if (pair.keyText === MERGE_KEY) {
      const merged = deref(pair.value);
      for (const source of merged?.kind === 'seq' ? merged.items : [merged]) {
        for (const [k, v] of Object.entries(stringMap(source))) if (!(k in out)) out[k] = v;
      }
      continue;
    }
    const text = scalarText(pair.value);
    if (text !== null) out[pair.keyText] = text;
    else if (isNullish(pair.value)) out[pair.keyText] = '';
  }
  return out;
}

/** Sequence items, dereferenced; an absent or non-sequence node gives []. */
export function items(node: YNode | null | undefined): YNode[] {
  const seq = asSeq(node);
  if (!seq) return [];
  const out: YNode[] = [];
  for (const item of seq.items) {
    const d = deref(item);
    if (d) out.push(d);
  }
  return out;
}

/**
 * Converts to plain JS data with a budget on the number of nodes visited, so an alias bomb
 * cannot expand without bound. Returns undefined when the budget runs out.
 */
export function toPlain(node: YNode | null | undefined, budget = 100_000): unknown {
  let remaining = budget;
  const visit = (n: YNode | null | undefined, depth: number): unknown => {
    if (--remaining < 0 || depth > 200) throw new BudgetExceeded();
    const d = deref(n);
    if (!d) return null;
    switch (d.kind) {
      case 'scalar':
        return d.value;
      case 'seq':
        return d.items.map((i) => visit(i, depth + 1));
      case 'map': {
        const o: Record<string, unknown> = {};
        for (const p of d.pairs) o[p.keyText] = visit(p.value, depth + 1);
        return o;
      }
      default:
        return null;
    }
  };
  try {
    return visit(node, 0);
  } catch (e) {
    if (e instanceof BudgetExceeded) return undefined;
    throw e;
  }
}

class BudgetExceeded extends Error {}

/** Innermost node whose span contains `offset` (document-relative), with the path of pairs to it. */
export interface NodeAtOffset {
  readonly node: YNode;
  /** Pairs from the root down to the node (the last pair holds the node as key or value). */
  readonly pairs: readonly YPair[];
  /** Keys and indexes from the root down to the node. */
  readonly path: readonly (string | number)[];
  /** True when the offset is on the key of the last pair. */
  readonly onKey: boolean;
}

export function nodeAt(root: YNode | null, offset: number): NodeAtOffset | null {
  if (!root) return null;
  const pairs: YPair[] = [];
  const path: (string | number)[] = [];
  let node: YNode = root;
  let onKey = false;
  for (let guard = 0; guard < 1000; guard++) {
    if (node.kind === 'map') {
      const pair = node.pairs.find((p) => contains(p.span, offset) || contains(p.key.span, offset));
      if (!pair) break;
      pairs.push(pair);
      path.push(pair.keyText);
      if (contains(pair.key.span, offset) || (pair.value !== null && offset < pair.value.span.start)) {
        node = pair.key;
        onKey = true;
        break;
      }
      if (!pair.value || !contains(pair.value.span, offset)) {
        node = pair.key;
        onKey = true;
        break;
      }
      node = pair.value;
      onKey = false;
    } else if (node.kind === 'seq') {
      const index = node.items.findIndex((i) => contains(i.span, offset));
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
      onKey = false;
    } else {
      break;
    }
  }
  return { node, pairs, path, onKey };
}

function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
