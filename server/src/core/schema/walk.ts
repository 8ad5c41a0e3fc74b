/**
 * Walks a YAML tree alongside its schema: every value is visited with the schema that describes
 * it, and every map key the schema does not know is reported. Values whose YAML type does not
 * fit the schema are visited but not entered. Anchored nodes reached again through an alias are
 * entered once, and the walk stops after a fixed number of nodes, so alias bombs cost nothing.
 */
import { deref, type YMap, type YNode, type YPair, type YSeq } from '../yaml/nodes';
import type { FieldPath, FieldSchema } from './types';

export interface ValueVisit {
  /** The value (aliases already followed). */
  readonly node: YNode;
  readonly schema: FieldSchema;
  readonly path: FieldPath;
  /** The pair holding the value, or null for sequence items and the root. */
  readonly pair: YPair | null;
  /** The map or sequence holding the value, or null for the root. */
  readonly parent: YMap | YSeq | null;
}

export interface UnknownFieldVisit {
  readonly pair: YPair;
  /** The map holding the pair, and the object schema it was checked against. */
  readonly map: YMap;
  readonly schema: FieldSchema;
  /** Path of the map (the unknown key is `pair.keyText` below it). */
  readonly path: FieldPath;
}

export interface SchemaWalker {
  onValue?(visit: ValueVisit): void;
  onUnknownField?(visit: UnknownFieldVisit): void;
}

const MAX_VISITS = 100_000;

/**
 * Calls the walker for every value and unknown key, in document order. About ten rules walk each
 * resource with the same schema one after the other, so the last walk's visits are kept and
 * replayed (trees never change); only one is kept, so nothing outlives the next resource.
 */
export function walkSchema(root: YNode | null, schema: FieldSchema, walker: SchemaWalker): void {
  if (!lastWalk || lastWalk.root !== root || lastWalk.schema !== schema) lastWalk = { root, schema, visits: recordWalk(root, schema) };
  for (const visit of lastWalk.visits) {
    if ('node' in visit) walker.onValue?.(visit);
    else walker.onUnknownField?.(visit);
  }
}

let lastWalk: { root: YNode | null; schema: FieldSchema; visits: readonly (ValueVisit | UnknownFieldVisit)[] } | null = null;

function recordWalk(root: YNode | null, schema: FieldSchema): (ValueVisit | UnknownFieldVisit)[] {
  const visits: (ValueVisit | UnknownFieldVisit)[] = [];
  const entered = new Set<YNode>();
  // A pair merged into several maps (`<<: *anchor`) is reported once.
  const reported = new Set<YPair>();
  let budget = MAX_VISITS;
  const visit = (raw: YNode | null, fieldSchema: FieldSchema, path: FieldPath, pair: YPair | null, parent: YMap | YSeq | null): void => {
    const node = deref(raw);
    if (!node || (node.kind === 'scalar' && node.value === null) || --budget < 0) return;
    visits.push({ node, schema: fieldSchema, path, pair, parent });
    if (typeMismatch(node, fieldSchema) !== null || fieldSchema.type === 'any') return;
    if (node.kind === 'scalar' || entered.has(node)) return;
    entered.add(node);
    if (node.kind === 'map') {
      for (const { pair: p, map } of pairsWithMerges(node)) {
        if (fieldSchema.type === 'map') {
          if (fieldSchema.values) visit(p.value, fieldSchema.values, [...path, p.keyText], p, map);
          continue;
        }
        const child = fieldSchema.fields && Object.prototype.hasOwnProperty.call(fieldSchema.fields, p.keyText) ? fieldSchema.fields[p.keyText] : null;
        if (child) visit(p.value, child, [...path, p.keyText], p, map);
        else if (!reported.has(p)) {
          reported.add(p);
          visits.push({ pair: p, map, schema: fieldSchema, path });
        }
      }
    } else if (node.kind === 'seq' && fieldSchema.items) {
      node.items.forEach((item, index) => visit(item, fieldSchema.items!, [...path, index], null, node));
    }
  };
  visit(root, schema, [], null, null);
  return visits;
}

/** A YAML merge key `<<` (plain, as written; the parser may render its key text as `Symbol(<<)`). */
function isMergeKey(pair: YPair): boolean {
  return pair.keyText === '<<' || (pair.key.kind === 'scalar' && pair.key.style === 'plain' && pair.key.source === '<<');
}

/**
 * The pairs of a map with YAML merge keys (`<<: *defaults`) expanded, as Kubernetes' YAML
 * decoder does: merged pairs come from the aliased maps, and keys written in the map win.
 */
function pairsWithMerges(map: YMap): { pair: YPair; map: YMap }[] {
  const own = map.pairs.filter((p) => !isMergeKey(p));
  const out = own.map((pair) => ({ pair, map }));
  const seen = new Set(own.map((p) => p.keyText));
  for (const mergePair of map.pairs) {
    if (!isMergeKey(mergePair)) continue;
    const value = deref(mergePair.value);
    const sources = value?.kind === 'seq' ? value.items.map((i) => deref(i)) : [value];
    for (const source of sources) {
      if (!source || source.kind !== 'map') continue;
      for (const pair of source.pairs) {
        if (isMergeKey(pair) || seen.has(pair.keyText)) continue;
        seen.add(pair.keyText);
        out.push({ pair, map: source });
      }
    }
  }
  return out;
}

/**
 * What the node is when it does not have the schema's type (`a number`, `a list`...), or null
 * when it fits. Null values and unresolved aliases fit everything (they count as absent).
 */
export function typeMismatch(raw: YNode, schema: FieldSchema): string | null {
  const node = deref(raw);
  if (!node || schema.type === 'any') return null;
  if (node.kind === 'scalar' && node.value === null) return null;
  const actual = describeNode(node);
  switch (schema.type) {
    case 'object':
    case 'map':
      return node.kind === 'map' ? null : actual;
    case 'array':
      return node.kind === 'seq' ? null : actual;
    case 'string':
      return node.kind === 'scalar' && typeof node.value === 'string' ? null : actual;
    case 'integer':
      return node.kind === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value) ? null : actual;
    case 'boolean':
      return node.kind === 'scalar' && typeof node.value === 'boolean' ? null : actual;
    case 'intOrString':
      return node.kind === 'scalar' && (typeof node.value === 'string' || (typeof node.value === 'number' && Number.isInteger(node.value))) ? null : actual;
  }
}

/** `a number`, `true/false`, `text`, `a list`, `a map`: how a value is named in messages. */
export function describeNode(node: YNode): string {
  if (node.kind === 'map') return 'a map';
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'alias') return 'an alias';
  if (typeof node.value === 'number') return Number.isInteger(node.value) ? 'a number' : 'a decimal number';
  if (typeof node.value === 'boolean') return 'true/false';
  return 'text';
}

/** `spec.ingress[0].from[1]`: a path as people read it. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : out ? `.${step}` : step;
  return out;
}
