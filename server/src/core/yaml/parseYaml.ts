import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, Node as YamlLibNode, parseAllDocuments, Scalar } from 'yaml';
import type { Severity } from '../problems';
import type { ScalarStyle, Span, YAlias, YMap, YNode, YPair, YScalar, YSeq } from './nodes';

/** A problem inside one YAML document; spans are relative to the document start. */
export interface DocumentProblem {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
}

/** One YAML document of a (multi-document) file. */
export interface YamlDocument {
  /** Position of the document in its file, counting from 0. */
  readonly index: number;
  /** Absolute offset of the document's first character in the file; node spans add to it. */
  readonly offset: number;
  /** The document's own text (from its `---` line, if any, to the next document). */
  readonly text: string;
  readonly root: YNode | null;
  readonly problems: readonly DocumentProblem[];
}

/** The parse of one chunk of text, reusable wherever the same text appears again. */
interface ParsedChunk {
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
}

const DEFAULT_MAX_DEPTH = 200;

/**
 * Splits a multi-document YAML text at its document markers and parses each document on its own.
 * Never throws: syntax errors become problems of their document and never stop the others.
 */
export function parseYamlDocuments(text: string, options: ParseOptions = {}): YamlDocument[] {
  const documents: YamlDocument[] = [];
  for (const chunk of splitDocuments(text)) {
    const chunkText = text.slice(chunk.start, chunk.end);
    let parsed = options.cache?.get(chunkText);
    if (!parsed) {
      parsed = parseChunk(chunkText, options.maxDepth ?? DEFAULT_MAX_DEPTH);
      options.cache?.set(chunkText, parsed);
    }
    for (const part of parsed.parts) {
      documents.push({
        index: documents.length,
        offset: chunk.start + part.shift,
        text: part.text,
        root: part.root,
        problems: part.problems,
      });
    }
  }
  return documents;
}

/** A document marker (`---` or `...`) at the start of a line, followed by a space or the line end. */
const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/;

/**
 * Chunk boundaries at document markers. A marker at column 0 always ends the document in YAML
 * (it is forbidden inside scalars), so this split agrees with a full parse.
 */
export function splitDocuments(text: string): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  let chunkStart = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    const c = text.charCodeAt(lineStart);
    if ((c === 45 /* - */ || c === 46) /* . */ && MARKER.test(text.slice(lineStart, lineStart + 4))) {
      if (c === 45) {
        if (lineStart > chunkStart && !isBlank(text, chunkStart, lineStart)) chunks.push({ start: chunkStart, end: lineStart });
        else if (lineStart > chunkStart) {
          // Leading comments/blank lines belong to the document that follows.
          lineStart = lineEnd;
          if (nl < 0) break;
          continue;
        }
        chunkStart = lineStart;
      } else {
        chunks.push({ start: chunkStart, end: lineEnd });
        chunkStart = lineEnd;
      }
    }
    if (nl < 0) break;
    lineStart = lineEnd;
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

function parseChunk(chunkText: string, maxDepth: number): ParsedChunk {
  let docs: Document.Parsed[];
  try {
    const result = parseAllDocuments(chunkText, {
      version: '1.1', // Kubernetes decodes YAML 1.1: `yes`/`on` are booleans there.
      strict: false,
      prettyErrors: false,
      uniqueKeys: true,
      keepSourceTokens: false,
    });
    docs = Array.isArray(result) ? result : [];
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
      const root = doc.contents ? converter.convert(doc.contents as YamlLibNode, 0) : null;
      const text = chunkText.slice(shift, end);
      return { root, problems: problems.map((p) => placeProblem(p, root, text)), shift, text };
    }),
  };
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

const STYLE: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_DOUBLE: 'double',
  QUOTE_SINGLE: 'single',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

/** Converts the yaml library's nodes into our tree, sharing anchored nodes instead of copying them. */
class Converter {
  /** Latest node converted under each anchor name (YAML allows re-anchoring a name). */
  private readonly anchors = new Map<string, YNode>();
  private depthReported = false;

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
        this.problems.push({ code: 'yaml-too-deep', severity: 'error', message: `Nesting deeper than ${this.maxDepth} levels is not analysed.`, span });
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
    let value: YScalar['value'];
    if (raw === null || raw === undefined) value = null;
    else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') value = raw;
    else if (typeof raw === 'bigint') value = Number(raw);
    else if (typeof raw === 'symbol') value = '<<'; // the YAML 1.1 merge key
    else if (raw instanceof Date) value = node.source ?? raw.toISOString();
    else value = String(raw);
    return { kind: 'scalar', span, value, style: STYLE[node.type ?? 'PLAIN'] ?? 'plain', source: node.source ?? String(raw ?? '') };
  }

  private alias(node: Alias, span: Span): YAlias {
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
