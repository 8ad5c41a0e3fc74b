import { Alias, Composer, CST, Document, isAlias, isMap, isPair, isScalar, isSeq, Node as YamlLibNode, Parser, Scalar } from 'yaml';
import { LIBRARY_STYLE, libraryValue, treeFromCst } from './cstTree';
import type { Severity } from '../problems';
import type { Span, YAlias, YMap, YNode, YPair, YScalar, YSeq } from './nodes';

/** A problem inside one YAML document; spans are relative to the document start. */
export interface DocumentProblem {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
}

/** One YAML document of a (multi-document) file. */
export interface YamlDocument {
  /** Position of the document in its file, counting from 0 (kept current by `moveDocument`). */
  readonly index: number;
  /**
   * Absolute offset of the document's first character in the file; node spans add to it. When
   * an edit elsewhere moves an unchanged document, the same object is moved (`moveDocument`),
   * so everything keyed by it, and locations computed from it on demand, stay valid.
   */
  readonly offset: number;
  /** The document's own text (from its `---` line, if any, to the next document). */
  readonly text: string;
  readonly root: YNode | null;
  readonly problems: readonly DocumentProblem[];
}

/**
 * Moves an unchanged document to where it now is in its file. Only the reader of a new version
 * of the file calls it, on the previous version's document, before handing the new version out.
 */
export function moveDocument(doc: YamlDocument, offset: number, index: number): void {
  const movable = doc as { offset: number; index: number };
  movable.offset = offset;
  movable.index = index;
}

/**
 * `start`–`end` characters into `document` of the file `uri`, as absolute offsets computed on
 * read from where the document now is: an edit elsewhere moves the document, and the location
 * follows it.
 */
export function locationIn(uri: string, document: YamlDocument, start: number, end: number): { readonly uri: string; readonly start: number; readonly end: number } {
  return {
    uri,
    get start() {
      return document.offset + start;
    },
    get end() {
      return document.offset + end;
    },
  };
}

/** The parse of one chunk of text, reusable wherever the same text appears again. */
export interface ParsedChunk {
  readonly parts: readonly { root: YNode | null; problems: DocumentProblem[]; shift: number; text: string }[];
}

/**
 * Cache of parsed document texts. An edit re-parses only the documents whose text changed;
 * the others are found here by their exact text. Bounded by total cached characters.
 */
export class YamlParseCache {
  private entries = new Map<string, ParsedChunk>();
  private size = 0;

  constructor(private readonly maxChars = 64 * 1024 * 1024) {}

  get(text: string): ParsedChunk | undefined {
    const hit = this.entries.get(text);
    if (hit) {
      // Refresh recency: Map keeps insertion order, so re-insert.
      this.entries.delete(text);
      this.entries.set(text, hit);
    }
    return hit;
  }

  set(text: string, parsed: ParsedChunk): void {
    if (text.length > this.maxChars) return;
    this.entries.set(text, parsed);
    this.size += text.length;
    for (const [key] of this.entries) {
      if (this.size <= this.maxChars) break;
      this.entries.delete(key);
      this.size -= key.length;
    }
  }
}

export interface ParseOptions {
  readonly cache?: YamlParseCache;
  /** Deepest nesting converted into the tree; deeper content is cut with one problem. */
  readonly maxDepth?: number;
  /** False composes every document with the library (the differential test compares both ways). */
  readonly fromCst?: boolean;
}

const DEFAULT_MAX_DEPTH = 200;

/**
 * Splits a multi-document YAML text at its document markers and parses each document on its own.
 * Never throws: syntax errors become problems of their document and never stop the others.
 */
export function parseYamlDocuments(text: string, options: ParseOptions = {}): YamlDocument[] {
  const documents: YamlDocument[] = [];
  for (const chunk of splitDocuments(text)) {
    const parsed = parseChunkText(text.slice(chunk.start, chunk.end), options);
    for (const doc of documentsOf(parsed, chunk.start, documents.length)) documents.push(doc);
  }
  return documents;
}

/** The parse of one chunk (a span `splitDocuments` found), from the cache when it has it. */
export function parseChunkText(chunkText: string, options: ParseOptions = {}): ParsedChunk {
  let parsed = options.cache?.get(chunkText);
  if (!parsed) {
    parsed = parseChunk(chunkText, options.maxDepth ?? DEFAULT_MAX_DEPTH, options.fromCst ?? true);
    options.cache?.set(chunkText, parsed);
  }
  return parsed;
}

/** The documents of a parsed chunk starting at `offset`, numbered from `firstIndex`. */
export function documentsOf(parsed: ParsedChunk, offset: number, firstIndex: number): YamlDocument[] {
  return parsed.parts.map((part, i) => ({ index: firstIndex + i, offset: offset + part.shift, text: part.text, root: part.root, problems: part.problems }));
}

/** After `---` or `...`: a space, a tab, a line end or the end of the text make it a document marker. */
function isMarkerEnd(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/** Offset of the next line (at or after `from`) that starts with `marker` followed by a marker end, or -1. */
function nextMarkerLine(text: string, marker: '---' | '...', from: number): number {
  if (from === 0 && text.startsWith(marker) && isMarkerEnd(text, 3)) return 0;
  // indexOf runs natively: a 17 MB dump is scanned in a few milliseconds, not line by line.
  for (let at = text.indexOf(`\n${marker}`, Math.max(0, from - 1)); at >= 0; at = text.indexOf(`\n${marker}`, at + 1)) {
    if (isMarkerEnd(text, at + 4)) return at + 1;
  }
  return -1;
}

/**
 * Chunk boundaries at document markers. A marker at column 0 always ends the document in YAML
 * (it is forbidden inside scalars), so this split agrees with a full parse.
 */
export function splitDocuments(text: string): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  let chunkStart = 0;
  let dash = nextMarkerLine(text, '---', 0);
  let dots = nextMarkerLine(text, '...', 0);
  while (dash >= 0 || dots >= 0) {
    if (dash >= 0 && (dots < 0 || dash < dots)) {
      const lineStart = dash;
      dash = nextMarkerLine(text, '---', lineStart + 3);
      if (lineStart > chunkStart) {
        // Leading comments/blank lines belong to the document that follows.
        if (isBlank(text, chunkStart, lineStart)) continue;
        chunks.push({ start: chunkStart, end: lineStart });
      }
      chunkStart = lineStart;
    } else {
      const nl = text.indexOf('\n', dots);
      const lineEnd = nl < 0 ? text.length : nl + 1;
      chunks.push({ start: chunkStart, end: lineEnd });
      chunkStart = lineEnd;
      dots = nextMarkerLine(text, '...', lineEnd);
      if (dash >= 0 && dash < lineEnd) dash = nextMarkerLine(text, '---', lineEnd);
    }
  }
  if (chunkStart < text.length || chunks.length === 0) {
    if (chunks.length === 0 || !isBlank(text, chunkStart, text.length)) chunks.push({ start: chunkStart, end: text.length });
  }
  return chunks;
}

/** True when the text range holds only whitespace and comments. */
function isBlank(text: string, start: number, end: number): boolean {
  let atLineStart = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      atLineStart = true;
      continue;
    }
    if (c === 32 || c === 9) continue;
    if (c === 35 /* # */ && atLineStart) {
      const nl = text.indexOf('\n', i);
      if (nl < 0 || nl >= end) return true;
      i = nl - 1;
      continue;
    }
    return false;
  }
  return true;
}

function parseChunk(chunkText: string, maxDepth: number, fromCst: boolean): ParsedChunk {
  let docs: Document.Parsed[];
  try {
    // One parse into tokens serves both ways: our tree straight from them when the text is plain
    // (most manifests), else the library's composition (with all its problems) and a conversion.
    const tokens: CST.Token[] = Array.from(new Parser().parse(chunkText));
    const plainTree = fromCst ? treeFromCst(tokens) : undefined;
    if (plainTree) return { parts: [{ root: plainTree, problems: [], shift: 0, text: chunkText }] };
    const composer = new Composer({
      version: '1.1', // Kubernetes decodes YAML 1.1: `yes`/`on` are booleans there.
      strict: false,
      prettyErrors: false,
      uniqueKeys: true,
      keepSourceTokens: false,
    });
    docs = Array.from(composer.compose(tokens, true, chunkText.length));
  } catch (error) {
    // The yaml library recurses on nesting; absurd depth can exhaust the stack.
    return {
      parts: [
        {
          root: null,
          shift: 0,
          text: chunkText,
          problems: [
            {
              code: 'yaml-unreadable',
              severity: 'error',
              message: `This YAML document could not be read (${error instanceof RangeError ? 'nesting is too deep' : String(error)}).`,
              span: { start: 0, end: Math.min(chunkText.length, firstLineEnd(chunkText)) },
            },
          ],
        },
      ],
    };
  }
  if (docs.length === 0) return { parts: [{ root: null, problems: [], shift: 0, text: chunkText }] };
  return {
    parts: docs.map((doc, i) => {
      // Each part after the first starts where yaml says its document starts.
      const shift = i === 0 ? 0 : (doc.range?.[0] ?? 0);
      const end = i + 1 < docs.length ? (docs[i + 1].range?.[0] ?? chunkText.length) : chunkText.length;
      const problems: DocumentProblem[] = [];
      for (const e of doc.errors) problems.push(toProblem(e.code, e.message, e.pos, 'error', shift));
      for (const w of doc.warnings) problems.push(toProblem(w.code, w.message, w.pos, 'warning', shift));
      const converter = new Converter(maxDepth, shift, problems);
      const text = chunkText.slice(shift, end);
      const converted = doc.contents ? converter.convert(doc.contents as YamlLibNode, 0) : null;
      const tooDeep = problems.find((p) => p.code === 'yaml-too-deep') ?? problems.find((p) => STACK_EXHAUSTED.test(p.message));
      if (tooDeep) {
        // Absurd nesting: the library's own errors then repeat by the hundred; one message says it all.
        const at = Math.min(tooDeep.span.start, Math.max(0, text.length - 1));
        // The tree keeps the levels above the cut (so the object is still recognised), nothing below.
        return { root: converted, problems: [{ code: 'yaml-too-deep', severity: 'error', message: `Nesting deeper than ${maxDepth} levels: the deeper content is not analysed.`, span: { start: at, end: at + 1 } }], shift, text };
      }
      if (converted && converter.aliasCount > 0) {
        const aliasProblem = excessiveAliasing(converted);
        if (aliasProblem) problems.push(aliasProblem);
      }
      return { root: converted, problems: distinct(problems.map((p) => placeProblem(p, converted, text))), shift, text };
    }),
  };
}

/** What a RangeError from recursion says (the yaml library reports it as a document error). */
const STACK_EXHAUSTED = /call stack|too much recursion/i;

/** Problems without repeats (the library reports one unclosed bracket once per open level). */
function distinct(problems: DocumentProblem[]): DocumentProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${p.span.start}|${p.span.end}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Puts a problem where a reader looks for it: a duplicate key on the whole key, and an error
 * reported at the very end (an unclosed bracket) on the document's last written character.
 */
function placeProblem(problem: DocumentProblem, root: YNode | null, text: string): DocumentProblem {
  if (problem.code === 'yaml-duplicate-key') {
    const key = findKeyAt(root, problem.span.start);
    if (key) return { ...problem, span: key.span };
  }
  if (problem.span.start >= text.trimEnd().length) {
    const last = Math.max(0, text.trimEnd().length - 1);
    return { ...problem, span: { start: last, end: last + 1 } };
  }
  return problem;
}

function findKeyAt(node: YNode | null, offset: number): YNode | null {
  const stack: YNode[] = node ? [node] : [];
  for (let guard = 0; stack.length && guard < 100_000; guard++) {
    const n = stack.pop()!;
    if (n.kind === 'map') {
      for (const p of n.pairs) {
        if (p.key.span.start === offset) return p.key;
        if (p.value && p.value.span.start <= offset && offset <= p.value.span.end) stack.push(p.value);
      }
    } else if (n.kind === 'seq') {
      for (const i of n.items) if (i.span.start <= offset && offset <= i.span.end) stack.push(i);
    }
  }
  return null;
}

function firstLineEnd(text: string): number {
  const nl = text.indexOf('\n');
  return nl < 0 ? text.length : nl;
}

function toProblem(code: string, message: string, pos: [number, number], severity: Severity, shift: number): DocumentProblem {
  const start = Math.max(0, pos[0] - shift);
  const end = Math.max(start, pos[1] - shift);
  return { code: `yaml-${code.toLowerCase().replace(/_/g, '-')}`, severity, message: cleanMessage(message), span: { start, end } };
}

function cleanMessage(message: string): string {
  const firstLine = message.split('\n')[0].trim();
  return firstLine.replace(/ at line \d+, column \d+:?$/, '');
}

/** Expansion allowed before a document counts as an alias bomb: ten times its written size, and at least this many nodes. */
const ALIAS_EXPANSION_FACTOR = 10;
const ALIAS_EXPANSION_FLOOR = 10_000;

/**
 * An alias bomb ("billion laughs"): aliases that would expand the document far beyond what is
 * written. Our tree shares anchored nodes, so nothing is expanded here; but a tool that decodes
 * the document (Kubernetes' go-yaml decoder rejects "excessive aliasing") would blow up, so it
 * gets one clear error. Sizes are counted once per node (memoised), so this is linear.
 */
function excessiveAliasing(root: YNode): DocumentProblem | null {
  const expanded = new Map<YNode, number>();
  let written = 0;
  // Post-order without recursion: aliases can chain deeper than the call stack allows.
  const stack: { node: YNode; done: boolean }[] = [{ node: root, done: false }];
  while (stack.length) {
    const top = stack.pop()!;
    const node = top.node;
    if (expanded.has(node)) continue;
    const children = node.kind === 'map' ? node.pairs.flatMap((p) => (p.value ? [p.key, p.value] : [p.key])) : node.kind === 'seq' ? node.items : node.kind === 'alias' && node.target ? [node.target] : [];
    if (!top.done) {
      written++;
      stack.push({ node, done: true });
      for (const c of children) if (!expanded.has(c)) stack.push({ node: c, done: false });
      continue;
    }
    let size = node.kind === 'alias' ? 0 : 1;
    for (const c of children) size += expanded.get(c) ?? 0;
    // Saturate: the point is only whether it is too big.
    expanded.set(node, Math.min(size, Number.MAX_SAFE_INTEGER / 2));
  }
  const total = expanded.get(root) ?? 0;
  if (total <= Math.max(ALIAS_EXPANSION_FLOOR, ALIAS_EXPANSION_FACTOR * written)) return null;
  return {
    code: 'yaml-excessive-aliasing',
    severity: 'error',
    message: `Aliases expand this document to ${total > 1e9 ? 'more than a billion' : total.toLocaleString('en-US')} nodes from ${written.toLocaleString('en-US')} written (an alias bomb): YAML decoders such as Kubernetes' refuse excessive aliasing.`,
    span: { start: root.span.start, end: Math.min(root.span.end, root.span.start + 1) },
  };
}

/** Converts the yaml library's nodes into our tree, sharing anchored nodes instead of copying them. */
class Converter {
  /** Latest node converted under each anchor name (YAML allows re-anchoring a name). */
  private readonly anchors = new Map<string, YNode>();
  private depthReported = false;
  aliasCount = 0;

  constructor(
    private readonly maxDepth: number,
    private readonly shift: number,
    private readonly problems: DocumentProblem[],
  ) {}

  convert(node: YamlLibNode, depth: number): YNode {
    const span = this.span(node);
    if (depth > this.maxDepth) {
      if (!this.depthReported) {
        this.depthReported = true;
        this.problems.push({ code: 'yaml-too-deep', severity: 'error', message: `Nesting deeper than ${this.maxDepth} levels.`, span });
      }
      return { kind: 'scalar', span, value: null, style: 'plain', source: '' };
    }
    let result: YNode;
    if (isScalar(node)) {
      result = this.scalar(node, span);
    } else if (isMap(node)) {
      const pairs: YPair[] = [];
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = item.key ? this.convert(item.key as YamlLibNode, depth + 1) : ({ kind: 'scalar', span: { start: span.start, end: span.start }, value: null, style: 'plain', source: '' } as YScalar);
        const value = item.value ? this.convert(item.value as YamlLibNode, depth + 1) : null;
        pairs.push({ key, keyText: keyText(key), value, span: { start: key.span.start, end: value ? Math.max(value.span.end, key.span.end) : key.span.end } });
      }
      result = { kind: 'map', span, pairs, flow: node.flow === true } satisfies YMap;
    } else if (isSeq(node)) {
      const seqItems: YNode[] = [];
      for (const item of node.items) {
        if (item && typeof item === 'object') seqItems.push(this.convert(item as YamlLibNode, depth + 1));
      }
      result = { kind: 'seq', span, items: seqItems, flow: node.flow === true } satisfies YSeq;
    } else if (isAlias(node)) {
      result = this.alias(node, span);
    } else {
      result = { kind: 'scalar', span, value: null, style: 'plain', source: '' };
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) this.anchors.set(anchor, result);
    return result;
  }

  private scalar(node: Scalar, span: Span): YScalar {
    const raw = node.value;
    const value = libraryValue(raw, node.source);
    return { kind: 'scalar', span, value, style: LIBRARY_STYLE[node.type ?? 'PLAIN'] ?? 'plain', source: node.source ?? String(raw ?? '') };
  }

  private alias(node: Alias, span: Span): YAlias {
    this.aliasCount++;
    // Anchors precede their aliases, so the target is converted already (or is an ancestor: unresolved).
    return { kind: 'alias', span, name: node.source, target: this.anchors.get(node.source) ?? null };
  }

  private span(node: YamlLibNode): Span {
    const range = node.range;
    if (!range) return { start: 0, end: 0 };
    return { start: range[0] - this.shift, end: Math.max(range[0], range[1]) - this.shift };
  }
}

function keyText(key: YNode): string {
  if (key.kind === 'scalar') return key.value === null ? '' : String(key.value);
  if (key.kind === 'alias') return key.target && key.target.kind === 'scalar' ? String(key.target.value ?? '') : `*${key.name}`;
  return key.kind === 'map' ? '{…}' : '[…]';
}
