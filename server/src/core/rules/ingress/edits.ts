/**
 * Ranges inside scalars and formatting-preserving edits for the Ingress quick-fixes. Every edit
 * touches only the lines it must and reuses the indentation already in the file.
 */
import type { SourceLocation } from '../../engine/types';
import type { Resource } from '../../k8s/resources';
import type { ManifestFile } from '../../workspace/manifestFile';
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

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line holding `offset` ends, before its `\n` or `\r\n`. */
function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** The file's line break, so inserted lines match it. */
function eol(file: ManifestFile): string {
  return file.text.includes('\r\n') ? '\r\n' : '\n';
}

/** Column of an absolute offset, when only spaces precede it on its line; else null. */
function blockColumn(file: ManifestFile, offset: number): number | null {
  const start = lineStartOf(file.text, offset);
  return /^ *$/.test(file.text.slice(start, offset)) ? offset - start : null;
}

/** The last non-blank character of a pair (block values may end with the next line's start). */
function pairEnd(file: ManifestFile, resource: Resource, pair: YPair): number {
  let end = absolute(resource, pair.span).end;
  while (end > 0 && /\s/.test(file.text[end - 1])) end--;
  return end;
}

/**
 * Deletes the whole lines of a block-map pair. When it is the map's only pair, the map's own
 * key line goes too (`parent`), so no empty `annotations:` is left behind. Null for flow maps.
 */
export function deletePairLines(file: ManifestFile, resource: Resource, map: YMap, pair: YPair, parent: YPair | null): TextEditAt | null {
  if (map.flow) return null;
  const target = map.pairs.length === 1 && parent ? parent : pair;
  const keyStart = absolute(resource, target.key.span).start;
  if (blockColumn(file, keyStart) === null) return null;
  const start = lineStartOf(file.text, keyStart);
  const nl = file.text.indexOf('\n', pairEnd(file, resource, target));
  const end = nl < 0 ? file.text.length : nl + 1;
  return { uri: resource.source.uri, start, end, newText: '' };
}

/** Inserts `line` as a new first pair of a block map, at the map's indentation. */
export function insertFirstPair(file: ManifestFile, resource: Resource, map: YMap, line: string): TextEditAt | null {
  const first = map.pairs[0];
  if (map.flow || !first) return null;
  const at = absolute(resource, first.key.span).start;
  const column = blockColumn(file, at);
  if (column === null) return null;
  return { uri: resource.source.uri, start: at, end: at, newText: `${line}${eol(file)}${' '.repeat(column)}` };
}

/** Appends lines after the last pair of a block map; `lines` are indented relative to the map's keys. */
export function appendPairs(file: ManifestFile, resource: Resource, map: YMap, lines: readonly string[]): TextEditAt | null {
  const first = map.pairs[0];
  const last = map.pairs[map.pairs.length - 1];
  if (map.flow || !first || !last) return null;
  const column = file.lines.positionAt(absolute(resource, first.key.span).start).character;
  const at = lineEndOf(file.text, pairEnd(file, resource, last));
  const indent = ' '.repeat(column);
  return { uri: resource.source.uri, start: at, end: at, newText: lines.map((l) => `${eol(file)}${indent}${l}`).join('') };
}

/** Inserts `line` right after the lines of `pair` in a block map, at the map's indentation. */
export function insertAfterPair(file: ManifestFile, resource: Resource, map: YMap, pair: YPair, line: string): TextEditAt | null {
  const first = map.pairs[0];
  if (map.flow || !first) return null;
  const column = file.lines.positionAt(absolute(resource, first.key.span).start).character;
  const at = lineEndOf(file.text, pairEnd(file, resource, pair));
  return { uri: resource.source.uri, start: at, end: at, newText: `${eol(file)}${' '.repeat(column)}${line}` };
}

/** How far this file indents a nested block map: the first one found under `map`, else 2. */
export function mapIndentStep(file: ManifestFile, resource: Resource, map: YMap): number {
  for (const pair of map.pairs) {
    const child = pair.value && pair.value.kind === 'map' && !pair.value.flow ? pair.value.pairs[0] : null;
    if (!child) continue;
    const parentColumn = file.lines.positionAt(absolute(resource, pair.key.span).start).character;
    const childColumn = file.lines.positionAt(absolute(resource, child.key.span).start).character;
    if (childColumn > parentColumn) return childColumn - parentColumn;
  }
  return 2;
}

/**
 * How far this file indents the "- " of a block sequence under its key (0 for the compact
 * style where the dash sits under the key), read from the first block sequence under `map`.
 */
export function seqIndentStep(file: ManifestFile, resource: Resource, map: YMap): number | null {
  for (const pair of map.pairs) {
    const seq = pair.value && pair.value.kind === 'seq' && !pair.value.flow ? pair.value : null;
    const item = seq?.items[0];
    if (!item) continue;
    const itemStart = absolute(resource, item.span).start;
    const dash = file.text.lastIndexOf('-', itemStart - 1);
    if (dash < 0 || blockColumn(file, dash) === null || !/^ +$/.test(file.text.slice(dash + 1, itemStart))) continue;
    const keyColumn = file.lines.positionAt(absolute(resource, pair.key.span).start).character;
    const dashColumn = file.lines.positionAt(dash).character;
    if (dashColumn >= keyColumn) return dashColumn - keyColumn;
  }
  return null;
}
