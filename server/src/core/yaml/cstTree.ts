import { CST, Document, Scalar, type ScalarTag } from 'yaml';
import type { ScalarStyle, Span, YMap, YNode, YPair, YScalar, YSeq } from './nodes';

/**
 * Builds our tree straight from the `yaml` library's concrete syntax tree, for the plain YAML that
 * makes up nearly every manifest: block maps and sequences, flow or block scalars, empty `{}`/`[]`
 * and one-level flow sequences, comments. It skips the library's Document composition (about 40%
 * of its parse on a cluster dump), whose result we would only convert again.
 *
 * It follows the composer (`yaml/dist/compose`, version 2) step by step and gives up, returning
 * undefined, at anything outside that subset or anything the composer would report (tabs, anchors,
 * tags, explicit keys, duplicate keys, multi-line keys, bad indentation, error tokens...). The
 * caller then composes the same tokens the full way, so every problem still comes from the
 * library. A differential test holds both paths to the same trees.
 */

/** Deeper than this, the full path decides (it reports absurd nesting). */
const FAST_MAX_DEPTH = 64;

/** Thrown inside the builder to give up; caught once at the top. */
class GiveUp extends Error {}
const GIVE_UP = new GiveUp();

/** Our scalar styles by the library's scalar type names (both ways of building the tree use it). */
export const LIBRARY_STYLE: Readonly<Record<string, ScalarStyle>> = {
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
 * The tree of a chunk holding exactly one document, or undefined when the full composition must
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
    return new TreeBuilder().document(document);
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/** The composer's `resolveEnd` without problems: only spaces, comments and line breaks. */
function plainEnd(end: readonly CST.SourceToken[] | undefined): boolean {
  if (!end) return true;
  for (const token of end) if (token.type !== 'space' && token.type !== 'comment' && token.type !== 'newline') return false;
  return true;
}

function giveUp(): never {
  throw GIVE_UP;
}

/**
 * One document's walk. Results beside the returned node live in fields rather than in an
 * object per node (a dump has millions of nodes): `next` is where the composer's offset would be
 * after the node built last (its range's third value); `found`, `hasNewline`, `hasComment` and
 * `propsEnd` describe the tokens read last by `readProps`.
 */
class TreeBuilder {
  private next = 0;
  private found = false;
  private hasNewline = false;
  private hasComment = false;
  private propsEnd = 0;

  document(document: CST.Document): YNode {
    this.readProps(document.start, 'doc-start', true, 0);
    const value = document.value;
    if (this.found && value && (value.type === 'block-map' || value.type === 'block-seq') && !this.hasNewline) throw GIVE_UP;
    if (!plainEnd(document.end)) throw GIVE_UP;
    if (!value) throw GIVE_UP; // an empty document: the full path gives its empty scalar
    return this.node(value, 0);
  }

  /**
   * The composer's `resolveProps` for tokens without anchors, tags or tabs: gives up wherever it
   * would report a problem or keep a property.
   */
  private readProps(tokens: readonly CST.SourceToken[], indicator: CST.SourceToken['type'], startOnNewline: boolean, offset: number): void {
    let hasSpace = startOnNewline;
    let hasNewline = false;
    let hasComment = false;
    let found = false;
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
          found = true;
          hasSpace = false;
      }
    }
    const last = tokens.length > 0 ? tokens[tokens.length - 1] : null;
    this.found = found;
    this.hasNewline = hasNewline;
    this.hasComment = hasComment;
    this.propsEnd = last ? last.offset + last.source.length : offset;
  }

  private node(token: CST.Token, depth: number): YNode {
    if (depth > FAST_MAX_DEPTH) throw GIVE_UP;
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalar(token, false);
      case 'block-map':
        return this.blockMap(token, depth);
      case 'block-seq':
        return this.blockSeq(token, depth);
      case 'flow-collection':
        return this.flowCollection(token, depth);
      default:
        throw GIVE_UP; // aliases and error tokens
    }
  }

  private scalar(token: CST.FlowScalar | CST.BlockScalar, atKey: boolean): YScalar {
    let text: string | null = token.type === 'block-scalar' ? null : oneLineValue(token);
    let style: ScalarStyle;
    let valueEnd: number;
    if (text !== null) {
      style = token.type === 'scalar' ? 'plain' : token.type === 'double-quoted-scalar' ? 'double' : 'single';
      valueEnd = token.offset + token.source.length;
      let next = valueEnd;
      const end = (token as CST.FlowScalar).end;
      if (end) for (const t of end) next += t.source.length;
      this.next = next;
    } else {
      const resolved = CST.resolveAsScalar(token, false, giveUp);
      if (!resolved) throw GIVE_UP;
      text = resolved.value;
      style = LIBRARY_STYLE[resolved.type ?? 'PLAIN'] ?? 'plain';
      valueEnd = resolved.range[1];
      this.next = resolved.range[2];
    }
    let value: YScalar['value'] = text;
    if (token.type === 'scalar') {
      if (atKey && text === '<<') throw GIVE_UP; // the YAML 1.1 merge key
      value = implicitValue(text);
    }
    const start = token.offset;
    return { kind: 'scalar', span: { start, end: Math.max(start, valueEnd) }, value, style, source: text };
  }

  /** An empty value (`key:` with nothing after it): the composer's empty scalar, a null. Reads the props just read. */
  private emptyScalar(offset: number, before: readonly CST.SourceToken[]): YScalar {
    const at = emptyScalarPosition(offset, before);
    this.next = this.hasComment ? this.propsEnd : at;
    return { kind: 'scalar', span: { start: at, end: at }, value: null, style: 'plain', source: '' };
  }

  private blockMap(token: CST.BlockMap, depth: number): YMap {
    const pairs: YPair[] = [];
    // Small maps compare keys directly; a Set only once a map grows (a hostile map may have 100,000 keys).
    let seenKeys: Set<YScalar['value']> | null = null;
    let offset = token.offset;
    let commentEnd: number | null = null;
    for (const item of token.items) {
      this.readProps(item.start, 'explicit-key-ind', true, offset);
      if (this.found || item.explicitKey) throw GIVE_UP;
      const { key, sep, value } = item;
      if (!sep) {
        if (key) throw GIVE_UP; // a key without `:` is an error
        commentEnd = this.propsEnd;
        continue;
      }
      if (!key || (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar')) throw GIVE_UP;
      if (key.indent !== token.indent || keyHasNewline(key)) throw GIVE_UP;
      const keyNode = this.scalar(key, true);
      // Same test as the composer's uniqueKeys (values compared with ===, so NaN is never a
      // duplicate; the 1.1 schema reads a key `.` as NaN); a duplicate is its error.
      if (isDuplicateKey(keyNode.value, pairs, seenKeys)) throw GIVE_UP;
      if (!seenKeys && pairs.length >= KEY_SET_FROM) seenKeys = new Set(pairs.map((pair) => (pair.key as YScalar).value));
      seenKeys?.add(keyNode.value);
      this.readProps(sep, 'map-value-ind', false, this.next);
      if (!this.found) throw GIVE_UP;
      if (value?.type === 'block-map' && !this.hasNewline) throw GIVE_UP;
      const valueNode = value ? this.node(value, depth + 1) : this.emptyScalar(this.propsEnd, sep);
      offset = this.next;
      pairs.push({ key: keyNode, keyText: keyNode.value === null ? '' : String(keyNode.value), value: valueNode, span: { start: keyNode.span.start, end: Math.max(valueNode.span.end, keyNode.span.end) } });
    }
    if (commentEnd !== null && commentEnd < offset) throw GIVE_UP;
    this.next = commentEnd ?? offset;
    return { kind: 'map', span: { start: token.offset, end: Math.max(token.offset, offset) }, pairs, flow: false };
  }

  private blockSeq(token: CST.BlockSequence, depth: number): YSeq {
    const items: YNode[] = [];
    let offset = token.offset;
    let commentEnd: number | null = null;
    for (const item of token.items) {
      this.readProps(item.start, 'seq-item-ind', true, offset);
      if (!this.found) {
        if (item.value) throw GIVE_UP; // an item without `-`
        commentEnd = this.propsEnd;
        continue;
      }
      items.push(item.value ? this.node(item.value, depth + 1) : this.emptyScalar(this.propsEnd, item.start));
      offset = this.next;
    }
    this.next = commentEnd ?? offset;
    return { kind: 'seq', span: { start: token.offset, end: Math.max(token.offset, offset) }, items, flow: false };
  }

  /** `{}`, `[]` and flow sequences of scalars (`[80, 443]`); anything richer goes the full way. */
  private flowCollection(token: CST.FlowCollection, depth: number): YMap | YSeq {
    const isMap = token.start.source === '{';
    const items: YNode[] = [];
    for (let i = 0; i < token.items.length; i++) {
      const item = token.items[i];
      if (item.key !== undefined || item.sep) throw GIVE_UP; // pairs
      const comma = readFlowProps(item.start);
      if (!item.value) {
        // Only a trailing comma may leave an empty item (`[a, b, ]`).
        if ((i === 0 && comma) || i < token.items.length - 1) throw GIVE_UP;
        continue;
      }
      if (isMap || comma !== i > 0) throw GIVE_UP;
      const value = item.value;
      if (value.type !== 'scalar' && value.type !== 'single-quoted-scalar' && value.type !== 'double-quoted-scalar') throw GIVE_UP;
      if (depth + 1 > FAST_MAX_DEPTH) throw GIVE_UP;
      items.push(this.scalar(value, false));
    }
    const [close, ...after] = token.end;
    if (close?.source !== (isMap ? '}' : ']')) throw GIVE_UP;
    const closeEnd = close.offset + close.source.length;
    if (!plainEnd(after)) throw GIVE_UP;
    let next = closeEnd;
    for (const t of after) next += t.source.length;
    this.next = next;
    const span: Span = { start: token.offset, end: Math.max(token.offset, closeEnd) };
    return isMap ? { kind: 'map', span, pairs: [], flow: true } : { kind: 'seq', span, items, flow: true };
  }
}

/**
 * Characters an implicitly typed 1.1 scalar can start with (null `~`/`null`, booleans `y`/`n`/
 * `true`/`on`/`off`..., numbers, `.inf`, `e5` (a float in the 1.1 schema), timestamps); any other
 * plain scalar is a string, and most are (names, labels, images), so they skip the schema's dozen
 * regular expressions.
 */
const TYPED_START = /^[~NnYyTtOoFfEe0-9+\-.]/;

/** A plain scalar's value under the YAML 1.1 schema's implicit tags (first match wins, as in the composer). */
function implicitValue(text: string): YScalar['value'] {
  if (text !== '' && !TYPED_START.test(text)) return text;
  for (const tag of implicitScalarTags) {
    if (!tag.test!.test(text)) continue;
    const resolved: unknown = tag.resolve(text, giveUp, resolveOptions);
    // Floats come back wrapped in a Scalar (keeping their written precision).
    return libraryValue(resolved instanceof Scalar ? (resolved.value as unknown) : resolved, text);
  }
  return text;
}

/**
 * Our value for what the library resolved a scalar to (both ways of building the tree use it):
 * big integers as numbers, timestamps as written, the 1.1 merge key `<<` as text.
 */
export function libraryValue(raw: unknown, source: string | undefined): YScalar['value'] {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'bigint') return Number(raw);
  if (typeof raw === 'symbol') return '<<';
  if (raw instanceof Date) return source ?? raw.toISOString();
  return String(raw);
}

/** Plain scalars the library reports as starting with a reserved or misplaced character. */
const BAD_PLAIN_START = new Set(['\t', ',', '%', '|', '>', '@', '`']);

/**
 * The library's flow-scalar value in the common one-line case, where it is the source itself
 * (plain), between the quotes (double quotes without escapes), or with `''` undoubled (single
 * quotes): no line folding, no per-character rebuild. Null for anything else.
 */
function oneLineValue(token: CST.FlowScalar): string | null {
  const source = token.source;
  if (source.includes('\n') || source.includes('\r') || !plainEnd(token.end)) return null;
  switch (token.type) {
    case 'scalar':
      return BAD_PLAIN_START.has(source[0]) ? null : source;
    case 'double-quoted-scalar':
      return source.length < 2 || source[source.length - 1] !== '"' || source.includes('\\') ? null : source.slice(1, -1);
    case 'single-quoted-scalar':
      return source.length < 2 || source[source.length - 1] !== "'" ? null : source.slice(1, -1).replace(/''/g, "'");
    default:
      return null;
  }
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

/** `resolveProps` inside a flow collection: spaces, line breaks, comments and at most one comma. Whether it had the comma. */
function readFlowProps(tokens: readonly CST.SourceToken[]): boolean {
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
  return comma;
}
