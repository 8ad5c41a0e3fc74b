import { CST, Document, Scalar, type ScalarTag } from 'yaml';
import type { ScalarStyle, Span, YMap, YNode, YPair, YScalar, YSeq } from './nodes';

/**
 * Builds our tree straight from the `yaml` library's concrete syntax tree, for the plain YAML that
 * makes up nearly every manifest: block maps and sequences, flow or block scalars, empty `{}`/`[]`
 * and one-level flow sequences, comments. It skips the library's Document composition (a quarter
 * of its parse), whose result we would only convert again.
 *
 * It follows the composer (`yaml/dist/compose`, version 2) step by step and gives up, returning
 * null, at anything outside that subset or anything the composer would report (tabs, anchors,
 * tags, explicit keys, duplicate keys, multi-line keys, bad indentation, error tokens...). The
 * caller then composes the same tokens the full way, so every problem still comes from the
 * library. A differential test holds both paths to the same trees.
 */

/** Deeper than this, the full path decides (it reports absurd nesting). */
const FAST_MAX_DEPTH = 64;

/** Thrown inside the builder to give up; caught once at the top. */
class GiveUp extends Error {}
const GIVE_UP = new GiveUp();

const STYLE: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_DOUBLE: 'double',
  QUOTE_SINGLE: 'single',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

/** The YAML 1.1 schema (what Kubernetes decodes), shared by every document: only its scalar tags are used. */
const yaml11 = new Document(undefined, { version: '1.1' });
const implicitScalarTags = yaml11.schema.tags.filter((tag): tag is ScalarTag => tag.default === true && !!(tag as ScalarTag).test && !('collection' in tag && tag.collection));
const resolveOptions = yaml11.options;

/**
 * The tree of a chunk holding exactly one document, or null when the full composition must
 * decide. `tokens` are the chunk's CST tokens, parsed once for both paths.
 */
export function treeFromCst(tokens: readonly CST.Token[]): YNode | undefined {
  let document: CST.Document | null = null;
  for (const token of tokens) {
    switch (token.type) {
      case 'comment':
      case 'newline':
      case 'space':
        if (document) return undefined; // content after the document: let the composer place it
        break;
      case 'document':
        if (document) return undefined;
        document = token;
        break;
      case 'doc-end':
        if (!document || !plainEnd(token.end)) return undefined;
        break;
      default:
        return undefined; // directives, byte-order marks, error tokens
    }
  }
  if (!document) return undefined;
  try {
    return documentTree(document);
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

function documentTree(document: CST.Document): YNode {
  const props = readProps(document.start, 'doc-start', true);
  const value = document.value;
  if (props.found && value && (value.type === 'block-map' || value.type === 'block-seq') && !props.hasNewline) throw GIVE_UP;
  if (!plainEnd(document.end)) throw GIVE_UP;
  if (!value) throw GIVE_UP; // an empty document: the full path gives its empty scalar
  return nodeOf(value, 0).node;
}

interface Props {
  /** The indicator token looked for (`-`, `:`, `---`), if present. */
  readonly found: CST.SourceToken | null;
  readonly hasNewline: boolean;
  /** Offset after the last token. */
  readonly end: number;
  readonly hasComment: boolean;
}

/**
 * The composer's `resolveProps` for tokens without anchors, tags or tabs: gives up wherever it
 * would report a problem or keep a property.
 */
function readProps(tokens: readonly CST.SourceToken[], indicator: CST.SourceToken['type'], startOnNewline: boolean, offset = 0): Props {
  let hasSpace = startOnNewline;
  let hasNewline = false;
  let hasComment = false;
  let found: CST.SourceToken | null = null;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        if (token.source.includes('\t')) throw GIVE_UP;
        hasSpace = true;
        break;
      case 'comment':
        if (!hasSpace) throw GIVE_UP;
        hasComment = true;
        break;
      case 'newline':
        hasNewline = true;
        hasSpace = true;
        break;
      default:
        if (token.type !== indicator || found) throw GIVE_UP;
        found = token;
        hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  return { found, hasNewline, hasComment, end: last ? last.offset + last.source.length : offset };
}

/** The composer's `resolveEnd` without problems: only spaces, comments and line breaks. */
function plainEnd(end: readonly CST.SourceToken[] | undefined): boolean {
  if (!end) return true;
  for (const token of end) if (token.type !== 'space' && token.type !== 'comment' && token.type !== 'newline') return false;
  return true;
}

/** A node and where the composer's next offset would be after it (its range's third value). */
interface Built {
  readonly node: YNode;
  readonly next: number;
}

function nodeOf(token: CST.Token, depth: number): Built {
  if (depth > FAST_MAX_DEPTH) throw GIVE_UP;
  switch (token.type) {
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'block-scalar':
      return scalarOf(token, false);
    case 'block-map':
      return blockMap(token, depth);
    case 'block-seq':
      return blockSeq(token, depth);
    case 'flow-collection':
      return flowCollection(token, depth);
    default:
      throw GIVE_UP; // aliases and error tokens
  }
}

function scalarOf(token: CST.FlowScalar | CST.BlockScalar, atKey: boolean): Built {
  const resolved = CST.resolveAsScalar(token, false, () => {
    throw GIVE_UP;
  });
  if (!resolved) throw GIVE_UP;
  const text = resolved.value;
  let value: YScalar['value'] = text;
  if (token.type === 'scalar') {
    if (atKey && text === '<<') throw GIVE_UP; // the YAML 1.1 merge key
    value = implicitValue(text);
  }
  const [start, valueEnd, next] = resolved.range;
  const node: YScalar = { kind: 'scalar', span: { start, end: Math.max(start, valueEnd) }, value, style: STYLE[resolved.type ?? 'PLAIN'] ?? 'plain', source: text };
  return { node, next };
}

/**
 * Characters an implicitly typed 1.1 scalar can start with (null `~`/`null`, booleans `y`/`n`/
 * `true`/`on`/`off`..., numbers, `.inf`, `e5` (a float in the 1.1 schema), timestamps); any other plain scalar is a string, and
 * most are (names, labels, images), so they skip the schema's dozen regular expressions.
 */
const TYPED_START = /^[~NnYyTtOoFfEe0-9+\-.]/;

/** A plain scalar's value under the YAML 1.1 schema's implicit tags (first match wins, as in the composer). */
function implicitValue(text: string): YScalar['value'] {
  if (text !== '' && !TYPED_START.test(text)) return text;
  for (const tag of implicitScalarTags) {
    if (!tag.test!.test(text)) continue;
    const resolved: unknown = tag.resolve(
      text,
      () => {
        throw GIVE_UP;
      },
      resolveOptions,
    );
    // Floats come back wrapped in a Scalar (keeping their written precision).
    const raw = resolved instanceof Scalar ? (resolved.value as unknown) : resolved;
    if (raw === null || raw === undefined) return null;
    if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
    if (typeof raw === 'bigint') return Number(raw);
    if (raw instanceof Date) return text;
    throw GIVE_UP; // the converter's rules for anything else stay in one place
  }
  return text;
}

/** An empty value (`key:` with nothing after it): the composer's empty scalar, a null. */
function emptyScalar(offset: number, before: readonly CST.SourceToken[], props: Props): Built {
  const at = emptyScalarPosition(offset, before);
  const next = props.hasComment ? props.end : at;
  return { node: { kind: 'scalar', span: { start: at, end: at }, value: null, style: 'plain', source: '' }, next };
}

/** The composer's `emptyScalarPosition`: after the last token that is not space, comment or newline, and the spaces after it. */
function emptyScalarPosition(offset: number, before: readonly CST.SourceToken[]): number {
  for (let i = before.length - 1; i >= 0; --i) {
    const token = before[i];
    if (token.type === 'space' || token.type === 'comment' || token.type === 'newline') {
      offset -= token.source.length;
      continue;
    }
    for (let j = i + 1; j < before.length && before[j].type === 'space'; j++) offset += before[j].source.length;
    break;
  }
  return offset;
}

function blockMap(token: CST.BlockMap, depth: number): Built {
  const pairs: YPair[] = [];
  // Small maps compare keys directly; a Set only once a map grows (a hostile map may have 100,000 keys).
  let seenKeys: Set<YScalar['value']> | null = null;
  let offset = token.offset;
  let commentEnd: number | null = null;
  for (const item of token.items) {
    const keyProps = readProps(item.start, 'explicit-key-ind', true, offset);
    if (keyProps.found || item.explicitKey) throw GIVE_UP;
    const { key, sep, value } = item;
    if (!sep) {
      if (key) throw GIVE_UP; // a key without `:` is an error
      commentEnd = keyProps.end;
      continue;
    }
    if (!key || (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar')) throw GIVE_UP;
    if (key.indent !== token.indent || keyHasNewline(key)) throw GIVE_UP;
    const keyBuilt = scalarOf(key, true);
    const keyNode = keyBuilt.node as YScalar;
    // Same test as the composer's uniqueKeys (values compared with ===, so NaN is never a
    // duplicate; the 1.1 schema reads a key `.` as NaN); a duplicate is its error.
    if (isDuplicateKey(keyNode.value, pairs, seenKeys)) throw GIVE_UP;
    if (!seenKeys && pairs.length >= KEY_SET_FROM) seenKeys = new Set(pairs.map((pair) => (pair.key as YScalar).value));
    seenKeys?.add(keyNode.value);
    const valueProps = readProps(sep, 'map-value-ind', false, keyBuilt.next);
    if (!valueProps.found) throw GIVE_UP;
    if (value?.type === 'block-map' && !valueProps.hasNewline) throw GIVE_UP;
    const valueBuilt = value ? nodeOf(value, depth + 1) : emptyScalar(valueProps.end, sep, valueProps);
    offset = valueBuilt.next;
    const valueNode = valueBuilt.node;
    pairs.push({ key: keyNode, keyText: keyNode.value === null ? '' : String(keyNode.value), value: valueNode, span: { start: keyNode.span.start, end: Math.max(valueNode.span.end, keyNode.span.end) } });
  }
  if (commentEnd !== null && commentEnd < offset) throw GIVE_UP;
  const node: YMap = { kind: 'map', span: { start: token.offset, end: Math.max(token.offset, offset) }, pairs, flow: false };
  return { node, next: commentEnd ?? offset };
}

const KEY_SET_FROM = 16;

function isDuplicateKey(value: YScalar['value'], pairs: readonly YPair[], seenKeys: Set<YScalar['value']> | null): boolean {
  if (Number.isNaN(value)) return false;
  if (seenKeys) return seenKeys.has(value);
  for (const pair of pairs) if ((pair.key as YScalar).value === value) return true;
  return false;
}

/** The composer's `containsNewline` for a flow scalar key. */
function keyHasNewline(key: CST.FlowScalar): boolean {
  if (key.source.includes('\n')) return true;
  return !!key.end?.some((token) => token.type === 'newline');
}

function blockSeq(token: CST.BlockSequence, depth: number): Built {
  const items: YNode[] = [];
  let offset = token.offset;
  let commentEnd: number | null = null;
  for (const item of token.items) {
    const props = readProps(item.start, 'seq-item-ind', true, offset);
    if (!props.found) {
      if (item.value) throw GIVE_UP; // an item without `-`
      commentEnd = props.end;
      continue;
    }
    const built = item.value ? nodeOf(item.value, depth + 1) : emptyScalar(props.end, item.start, props);
    offset = built.next;
    items.push(built.node);
  }
  const node: YSeq = { kind: 'seq', span: { start: token.offset, end: Math.max(token.offset, offset) }, items, flow: false };
  return { node, next: commentEnd ?? offset };
}

/** `{}`, `[]` and flow sequences of scalars (`[80, 443]`); anything richer goes the full way. */
function flowCollection(token: CST.FlowCollection, depth: number): Built {
  const isMap = token.start.source === '{';
  const items: YNode[] = [];
  let offset = token.offset + token.start.source.length;
  token.items.forEach((item, i) => {
    if (item.key !== undefined || item.sep) throw GIVE_UP; // pairs
    const props = readFlowProps(item.start, offset);
    if (!item.value) {
      // Only a trailing comma may leave an empty item (`[a, b, ]`).
      if ((i === 0 && props.comma) || i < token.items.length - 1) throw GIVE_UP;
      offset = props.end;
      return;
    }
    if (isMap || props.comma !== i > 0) throw GIVE_UP;
    const value = item.value;
    if (value.type !== 'scalar' && value.type !== 'single-quoted-scalar' && value.type !== 'double-quoted-scalar') throw GIVE_UP;
    if (depth + 1 > FAST_MAX_DEPTH) throw GIVE_UP;
    const built = scalarOf(value, false);
    offset = built.next;
    items.push(built.node);
  });
  const [close, ...after] = token.end;
  if (close?.source !== (isMap ? '}' : ']')) throw GIVE_UP;
  const closeEnd = close.offset + close.source.length;
  if (!plainEnd(after)) throw GIVE_UP;
  let next = closeEnd;
  for (const t of after) next += t.source.length;
  const span: Span = { start: token.offset, end: Math.max(token.offset, closeEnd) };
  const node: YNode = isMap ? ({ kind: 'map', span, pairs: [], flow: true } satisfies YMap) : ({ kind: 'seq', span, items, flow: true } satisfies YSeq);
  return { node, next };
}

/** `resolveProps` inside a flow collection: spaces, line breaks, comments and at most one comma. */
function readFlowProps(tokens: readonly CST.SourceToken[], offset: number): { comma: boolean; end: number } {
  let comma = false;
  let hasSpace = false;
  for (const token of tokens) {
    if (token.type === 'comma' && !comma) {
      comma = true;
      hasSpace = false;
    } else if (token.type === 'space' || token.type === 'newline') hasSpace = true;
    else if (token.type === 'comment' && hasSpace) continue;
    else throw GIVE_UP;
  }
  const last = tokens[tokens.length - 1];
  return { comma, end: last ? last.offset + last.source.length : offset };
}
