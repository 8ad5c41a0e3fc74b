/**
 * Ranges inside scalars and formatting-preserving edits for the Ingress quick-fixes. Every edit
 * touches only the lines it must and reuses the indentation already in the file.
 */
import type { SourceLocation } from '../../engine/types';
import type { Resource } from '../../k8s/resources';
import type { Span, YMap, YNode, YPair, YScalar } from '../../yaml/nodes';
import type { TextEditAt } from '../types';

/** The source text of a node, quotes included. */
export function rawText(resource: Resource, node: { readonly span: Span }): string {
  return resource.source.document.text.slice(node.span.start, node.span.end);
}

/**
 * Absolute offset where the characters of a scalar's value start in the file, or null when the
 * value is not a plain copy of the source (escapes, folded lines, block scalars).
 */
export function valueStart(resource: Resource, scalar: YScalar): number | null {
  if (scalar.value === null) return null;
  const raw = rawText(resource, scalar);
  const value = String(scalar.value);
  const offset = resource.source.document.offset + scalar.span.start;
  if (scalar.style === 'plain') return raw === value ? offset : null;
  if (scalar.style === 'double' || scalar.style === 'single') {
    const inner = raw.slice(1, -1);
    return inner === value ? offset + 1 : null;
  }
  return null;
}

/**
 * Location of `[start, end)` of a scalar's value: exact for plain and quoted scalars without
 * escapes and for literal blocks (`|`), the whole scalar otherwise.
 */
export function locateInValue(resource: Resource, scalar: YScalar, start: number, end: number): SourceLocation {
  const uri = resource.source.uri;
  const base = valueStart(resource, scalar);
  if (base !== null) return { uri, start: base + start, end: base + end };
  const inBlock = scalar.style === 'literal' ? literalOffsets(resource, scalar, start, end) : null;
  if (inBlock) return { uri, ...inBlock };
  const offset = resource.source.document.offset;
  return { uri, start: offset + scalar.span.start, end: offset + scalar.span.end };
}

/** Maps value offsets of a literal block scalar to file offsets (its lines are the value's lines, indented). */
function literalOffsets(resource: Resource, scalar: YScalar, start: number, end: number): { start: number; end: number } | null {
  const raw = rawText(resource, scalar);
  const value = String(scalar.value ?? '');
  const headerEnd = raw.indexOf('\n');
  if (headerEnd < 0) return null;
  const sourceLines = raw.slice(headerEnd + 1).split('\n');
  const indent = Math.min(...sourceLines.filter((l) => l.trim()).map((l) => l.length - l.replace(/^ +/, '').length));
  if (!Number.isFinite(indent)) return null;
  const fileBase = resource.source.document.offset + scalar.span.start + headerEnd + 1;
  const at = (index: number): number | null => {
    let lineStartInValue = 0;
    let lineStartInSource = 0;
    for (const rawLine of sourceLines) {
      const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
      const valueLine = line.slice(Math.min(indent, line.length));
      if (index <= lineStartInValue + valueLine.length) return fileBase + lineStartInSource + Math.min(indent, line.length) + (index - lineStartInValue);
      lineStartInValue += valueLine.length + 1;
      lineStartInSource += rawLine.length + 1;
    }
    return null;
  };
  if (end > value.length) return null;
  const s = at(start);
  const e = at(end);
  return s !== null && e !== null ? { start: s, end: e } : null;
}

function absolute(resource: Resource, span: Span): { start: number; end: number } {
  const offset = resource.source.document.offset;
  return { start: offset + span.start, end: offset + span.end };
}

/** Replaces a node's source text. */
export function replaceNode(resource: Resource, node: { readonly span: Span }, newText: string): TextEditAt {
  const { start, end } = absolute(resource, node.span);
  return { uri: resource.source.uri, start, end, newText };
}

/** A YAML double-quoted string (JSON string syntax is valid YAML). */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

/** Text that stays a plain string in YAML 1.1 (what Kubernetes reads) without quotes. */
export function isPlainSafe(text: string): boolean {
  if (!/^[A-Za-z0-9_./-][A-Za-z0-9_./:-]*$/.test(text)) return false;
  if (/^[-+]?(\.\d|\d)/.test(text) || /^(y|n|yes|no|on|off|true|false|null|~)$/i.test(text)) return false;
  return !text.endsWith(':');
}

/** `value` written in the same quoting style as `original` (plain only when that stays a string). */
export function sameStyle(resource: Resource, original: YNode, value: string): string {
  const raw = rawText(resource, original);
  if (raw.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  if (raw.startsWith('"') || !isPlainSafe(value)) return quoted(value);
  return value;
}

/** Renames a map key, keeping its quoting style. */
export function renameKey(resource: Resource, pair: YPair, newKey: string): TextEditAt {
  return replaceNode(resource, pair.key, sameStyle(resource, pair.key, newKey));
}

/**
 * The text of the resource's document, read at absolute offsets. Edits stay inside the document,
 * so they read only its text: never the whole file (which in a 17 MB dump an editor keeps in
 * blocks), and a fix then depends on its own document alone.
 */
class DocumentText {
  private readonly text: string;
  private readonly offset: number;

  constructor(resource: Resource) {
    this.text = resource.source.document.text;
    this.offset = resource.source.document.offset;
  }

  charAt(at: number): string {
    return this.text.charAt(at - this.offset);
  }

  slice(start: number, end: number): string {
    return this.text.slice(start - this.offset, end - this.offset);
  }

  /** Where the line holding `at` starts (the document starts a line). */
  lineStart(at: number): number {
    if (at <= this.offset) return this.offset;
    return this.offset + this.text.lastIndexOf('\n', at - this.offset - 1) + 1;
  }

  /** Where the line holding `at` ends, before its `\n` or `\r\n`. */
  lineEnd(at: number): number {
    const nl = this.text.indexOf('\n', at - this.offset);
    if (nl < 0) return this.offset + this.text.length;
    return this.offset + (nl > 0 && this.text[nl - 1] === '\r' ? nl - 1 : nl);
  }

  /** Offset after the line break that ends the line holding `at` (or the document's end). */
  nextLineStart(at: number): number {
    const nl = this.text.indexOf('\n', at - this.offset);
    return this.offset + (nl < 0 ? this.text.length : nl + 1);
  }

  lastIndexOf(search: string, before: number): number {
    const at = this.text.lastIndexOf(search, before - this.offset);
    return at < 0 ? -1 : this.offset + at;
  }

  column(at: number): number {
    return at - this.lineStart(at);
  }

  /** The document's line break, so inserted lines match it. */
  get eol(): string {
    return this.text.includes('\r\n') ? '\r\n' : '\n';
  }
}

/** Column of an absolute offset, when only spaces precede it on its line; else null. */
function blockColumn(text: DocumentText, offset: number): number | null {
  const start = text.lineStart(offset);
  return /^ *$/.test(text.slice(start, offset)) ? offset - start : null;
}

/** The last non-blank character of a pair (block values may end with the next line's start). */
function pairEnd(text: DocumentText, resource: Resource, pair: YPair): number {
  let end = absolute(resource, pair.span).end;
  while (end > resource.source.document.offset && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

/**
 * Deletes the whole lines of a block-map pair. When it is the map's only pair, the map's own
 * key line goes too (`parent`), so no empty `annotations:` is left behind. Null for flow maps.
 */
export function deletePairLines(resource: Resource, map: YMap, pair: YPair, parent: YPair | null): TextEditAt | null {
  if (map.flow) return null;
  const text = new DocumentText(resource);
  const target = map.pairs.length === 1 && parent ? parent : pair;
  const keyStart = absolute(resource, target.key.span).start;
  if (blockColumn(text, keyStart) === null) return null;
  return { uri: resource.source.uri, start: text.lineStart(keyStart), end: text.nextLineStart(pairEnd(text, resource, target)), newText: '' };
}

/** Inserts `line` as a new first pair of a block map, at the map's indentation. */
export function insertFirstPair(resource: Resource, map: YMap, line: string): TextEditAt | null {
  const first = map.pairs[0];
  if (map.flow || !first) return null;
  const text = new DocumentText(resource);
  const at = absolute(resource, first.key.span).start;
  const column = blockColumn(text, at);
  if (column === null) return null;
  return { uri: resource.source.uri, start: at, end: at, newText: `${line}${text.eol}${' '.repeat(column)}` };
}

/** Appends lines after the last pair of a block map; `lines` are indented relative to the map's keys. */
export function appendPairs(resource: Resource, map: YMap, lines: readonly string[]): TextEditAt | null {
  const first = map.pairs[0];
  const last = map.pairs[map.pairs.length - 1];
  if (map.flow || !first || !last) return null;
  const text = new DocumentText(resource);
  const indent = ' '.repeat(text.column(absolute(resource, first.key.span).start));
  const at = text.lineEnd(pairEnd(text, resource, last));
  return { uri: resource.source.uri, start: at, end: at, newText: lines.map((l) => `${text.eol}${indent}${l}`).join('') };
}

/** Inserts `line` right after the lines of `pair` in a block map, at the map's indentation. */
export function insertAfterPair(resource: Resource, map: YMap, pair: YPair, line: string): TextEditAt | null {
  const first = map.pairs[0];
  if (map.flow || !first) return null;
  const text = new DocumentText(resource);
  const column = text.column(absolute(resource, first.key.span).start);
  const at = text.lineEnd(pairEnd(text, resource, pair));
  return { uri: resource.source.uri, start: at, end: at, newText: `${text.eol}${' '.repeat(column)}${line}` };
}

/** How far this document indents a nested block map: the first one found under `map`, else 2. */
export function mapIndentStep(resource: Resource, map: YMap): number {
  const text = new DocumentText(resource);
  for (const pair of map.pairs) {
    const child = pair.value && pair.value.kind === 'map' && !pair.value.flow ? pair.value.pairs[0] : null;
    if (!child) continue;
    const parentColumn = text.column(absolute(resource, pair.key.span).start);
    const childColumn = text.column(absolute(resource, child.key.span).start);
    if (childColumn > parentColumn) return childColumn - parentColumn;
  }
  return 2;
}

/**
 * How far this document indents the "- " of a block sequence under its key (0 for the compact
 * style where the dash sits under the key), read from the first block sequence under `map`.
 */
export function seqIndentStep(resource: Resource, map: YMap): number | null {
  const text = new DocumentText(resource);
  for (const pair of map.pairs) {
    const seq = pair.value && pair.value.kind === 'seq' && !pair.value.flow ? pair.value : null;
    const item = seq?.items[0];
    if (!item) continue;
    const itemStart = absolute(resource, item.span).start;
    const dash = text.lastIndexOf('-', itemStart - 1);
    if (dash < 0 || blockColumn(text, dash) === null || !/^ +$/.test(text.slice(dash + 1, itemStart))) continue;
    const keyColumn = text.column(absolute(resource, pair.key.span).start);
    const dashColumn = text.column(dash);
    if (dashColumn >= keyColumn) return dashColumn - keyColumn;
  }
  return null;
}
