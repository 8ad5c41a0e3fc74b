import { extractResources } from '../k8s/extractResources';
import type { Resource, ResourceChange } from '../k8s/resources';
import type { FileProblem } from '../problems';
import { lastAtOrBefore } from '../text/lastAtOrBefore';
import type { BlockText } from '../text/blockText';
import { LineIndex, lineStarts } from '../text/lineIndex';
import { asMap, getPair, type YNode } from '../yaml/nodes';
import { documentsOf, moveDocument, parseChunkText, splitDocuments, type ParsedChunk, type YamlDocument, type YamlParseCache } from '../yaml/parseYaml';

export type SkipReason = 'helm-template' | 'binary' | 'too-large';

/** A file's text: a string, or an editor's copy kept in blocks (joined only on demand). */
export type FileText = string | BlockText;

/** One file of the workspace as the analysis sees it. */
export class ManifestFile {
  private lineIndex: LineIndex | null = null;

  constructor(
    readonly uri: string,
    /** The text as given: an editor's copy of a large file is kept in blocks, made one string only when asked for. */
    readonly source: FileText,
    readonly documents: readonly YamlDocument[],
    readonly resources: readonly Resource[],
    /** File-level problems: why the file was skipped. Syntax errors live on the documents. */
    readonly problems: readonly FileProblem[],
    readonly skipped: SkipReason | null,
    /** False for YAML that is not Kubernetes (CI configs, docker-compose...): it is ignored quietly. */
    readonly isKubernetes: boolean,
    /** The file as read, chunk by chunk, for reading its next version quickly. */
    readonly layout: FileLayout = { chunks: [], starts: [] },
    /** Resources this version has and the one it was read from had not, and the reverse. */
    readonly change: ResourceChange = { added: resources, removed: [] },
  ) {}

  /** The whole text (an editor's copy of a 17 MB dump is joined only when something reads it). */
  get text(): string {
    return typeof this.source === 'string' ? this.source : this.source.toString();
  }

  /** Length of the text, without joining it. */
  get textLength(): number {
    return this.source.length;
  }

  /** Line starts, computed on first use (the CLI and the server need them only to report). */
  get lines(): LineIndex {
    return (this.lineIndex ??= linesOf(this, this.layout));
  }

  /** Index of the document holding `offset` (the last one starting at or before it), or -1. */
  documentIndexAt(offset: number): number {
    const docs = this.documents;
    return lastAtOrBefore(docs.length, (i) => docs[i].offset, offset);
  }

  /** The document holding `offset`, or null. */
  documentAt(offset: number): YamlDocument | null {
    return this.documents[this.documentIndexAt(offset)] ?? null;
  }

  /** The resources of each document (same order as `documents`; a skipped file has neither). */
  get resourcesByDocument(): readonly (readonly Resource[])[] {
    if (!this.groups) {
      const groups: (readonly Resource[])[] = [];
      for (const chunk of this.layout.chunks) for (const g of chunk.resources) groups.push(g);
      this.groups = groups;
    }
    return this.groups;
  }

  private groups: (readonly Resource[])[] | null = null;
}

/**
 * One chunk of a file (the text between two document markers) as read: its parse, documents,
 * each document's resources. The next version of the file reuses the records of the chunks it
 * still has unchanged at its start and end (their documents moved to their new place).
 */
export interface ChunkRecord {
  readonly text: string;
  readonly parsed: ParsedChunk;
  readonly documents: readonly YamlDocument[];
  readonly resources: readonly (readonly Resource[])[];
  readonly kubernetes: boolean;
  /** Line starts relative to the chunk, computed once per chunk. */
  lineStarts?: Uint32Array | number[];
}

export interface FileLayout {
  readonly chunks: readonly ChunkRecord[];
  /** Where each chunk starts in the file. */
  readonly starts: readonly number[];
}

export interface ReadOptions {
  readonly cache?: YamlParseCache;
  /** Files larger than this many characters are not analysed (default 20 MB). */
  readonly maxSize?: number;
  /**
   * The previous version of the same file: documents whose text did not change keep their
   * document and resource objects (the document moved to its new offset), so an edit re-extracts
   * only the edited document and caches keyed by those objects stay valid. The previous version
   * is left with moved documents: it must not be read afterwards.
   */
  readonly previous?: ManifestFile;
  /**
   * The one edit that turned `previous`'s text into this text, when the host knows it (an
   * editor's incremental change): only the documents around it are split and read again, and
   * the rest of the text is not scanned.
   */
  readonly edit?: TextEdit;
}

/** A replacement of `start`–`end` (offsets in the previous text) by `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

/** A Helm/Go template action on a line that is not a comment: `{{ .Values.x }}`, `{{- if ... }}`. */
const TEMPLATE_ACTION = /^(?![ \t]*#).*\{\{-?\s*(?:[.$]|-|\/\*|(?:if|else|end|range|with|include|template|define|block|toYaml|tpl|required|default|printf|quote|lookup)\b)/m;

/** Reads one file's text into documents and typed resources. Never throws. */
export function readManifestFile(uri: string, source: FileText, options: ReadOptions = {}): ManifestFile {
  const skip = (skipped: SkipReason, problem: FileProblem): ManifestFile => new ManifestFile(uri, source, [], [], [problem], skipped, true);

  const maxSize = options.maxSize ?? DEFAULT_MAX_FILE_SIZE;
  if (source.length > maxSize) {
    return skip('too-large', {
      code: 'file-too-large',
      severity: 'information',
      message: `This file is ${formatSize(source.length)}, over the ${formatSize(maxSize)} limit (setting aksNetlens.maxFileSize): it is not analysed.`,
      start: 0,
      end: 0,
    });
  }
  const edited = options.edit && options.previous ? readEdited(uri, source, options.previous, options.edit, options) : null;
  if (edited) return edited;
  const text = typeof source === 'string' ? source : source.toString();
  const binaryAt = findBinaryContent(text);
  if (binaryAt >= 0) {
    return skip('binary', {
      code: 'file-not-text',
      severity: 'information',
      message: 'This file is not valid UTF-8 text (binary content or a broken encoding): it is not analysed.',
      start: binaryAt,
      end: binaryAt + 1,
    });
  }
  // The template regex tries every line; most files have no `{{` at all.
  const template = text.includes('{{') ? TEMPLATE_ACTION.exec(text) : null;
  if (template) {
    const start = template.index + template[0].lastIndexOf('{{');
    const lineEnd = text.indexOf('\n', start);
    return skip('helm-template', {
      code: 'helm-template',
      severity: 'information',
      message: 'This file is a Helm/Go template ({{ … }}): it is skipped. Render it first (helm template …) to check the result.',
      start,
      end: lineEnd < 0 ? text.length : lineEnd,
    });
  }
  const split = splitDocuments(text);
  const previous = options.previous?.uri === uri ? options.previous.layout.chunks : [];
  const texts = split.map((c) => text.slice(c.start, c.end));
  const { kept, changed } = alignUnchanged(texts, previous);
  return assemble(uri, text, split.map((c) => c.start), texts, kept, changed, options);
}

/**
 * The next version of a file from the edit that made it: the chunks around the edit (one more
 * on each side, so documents that merge or split at a marker are covered) are split and read
 * again from their own text; the others are the previous ones, moved. Null when the edit cannot
 * be read this way for sure (then the whole text is read).
 */
function readEdited(uri: string, text: FileText, previous: ManifestFile, edit: TextEdit, options: ReadOptions): ManifestFile | null {
  const { chunks, starts } = previous.layout;
  const n = chunks.length;
  const delta = edit.text.length - (edit.end - edit.start);
  const previousLength = previous.textLength;
  if (previous.uri !== uri || previous.skipped || n === 0 || edit.start < 0 || edit.end < edit.start || edit.end > previousLength) return null;
  if (text.length !== previousLength + delta) return null;
  const chunkAt = (offset: number) => Math.max(0, lastAtOrBefore(n, (i) => starts[i], offset));
  const first = Math.max(0, chunkAt(edit.start) - 1);
  const last = Math.min(n - 1, chunkAt(edit.end) + 1);
  if (!chunksAdjoin(previous.layout, first, last)) return null;
  const regionStart = starts[first];
  const regionEnd = starts[last] + chunks[last].text.length;
  if (edit.start < regionStart || edit.end > regionEnd || (last === n - 1 && regionEnd !== previousLength)) return null;
  const before = chunks.slice(first, last + 1).map((c) => c.text).join('');
  const region = before.slice(0, edit.start - regionStart) + edit.text + before.slice(edit.end - regionStart);
  // What the whole-text checks would see: only the region is new text.
  if (region.length === 0 || findBinaryContent(region) >= 0 || (region.includes('{{') && TEMPLATE_ACTION.test(region))) return null;
  // A marker after the region must stay at a line start, and the region must split the same way alone.
  if (last < n - 1 && !region.endsWith('\n')) return null;
  const spans = splitDocuments(region);
  for (let k = 0; k < spans.length; k++) {
    const expected = k === 0 ? 0 : spans[k - 1].end;
    if (spans[k].start !== expected || spans[k].end <= spans[k].start) return null;
  }
  if (last < n - 1 && spans[spans.length - 1].end !== region.length) return null;
  const offsets: number[] = [];
  const texts: string[] = [];
  const kept: (ChunkRecord | undefined)[] = [];
  for (let k = 0; k < first; k++) {
    offsets.push(starts[k]);
    texts.push(chunks[k].text);
    kept.push(chunks[k]);
  }
  for (const span of spans) {
    offsets.push(regionStart + span.start);
    texts.push(region.slice(span.start, span.end));
    kept.push(undefined);
  }
  for (let k = last + 1; k < n; k++) {
    offsets.push(starts[k] + delta);
    texts.push(chunks[k].text);
    kept.push(chunks[k]);
  }
  return assemble(uri, text, offsets, texts, kept, chunks.slice(first, last + 1), options);
}

/**
 * A file from its chunks: `kept` holds the previous version's record for a chunk that did not
 * change (its documents are moved to `offsets`), undefined for a chunk to read; `changed` are the
 * previous records the new chunks may take unchanged documents from.
 */
function assemble(uri: string, text: FileText, offsets: readonly number[], texts: readonly string[], kept: readonly (ChunkRecord | undefined)[], changed: readonly ChunkRecord[], options: ReadOptions): ManifestFile {
  // Documents of the previous version's changed chunks, by tree, for an edit inside them.
  const loose = looseDocuments(changed);
  const documents: YamlDocument[] = [];
  const resources: Resource[] = [];
  const chunks: ChunkRecord[] = [];
  const added: Resource[] = [];
  offsets.forEach((offset, i) => {
    const same = kept[i];
    if (same) {
      const parts = same.parsed.parts;
      for (let k = 0; k < same.documents.length; k++) {
        const doc = same.documents[k];
        if (doc.offset !== offset + parts[k].shift || doc.index !== documents.length) moveDocument(doc, offset + parts[k].shift, documents.length);
        documents.push(doc);
      }
      chunks.push(same);
      for (const g of same.resources) for (const r of g) resources.push(r);
      return;
    }
    const parsed = parseChunkText(texts[i], { cache: options.cache });
    const docs = documentsOf(parsed, offset, documents.length);
    const groups: (readonly Resource[])[] = [];
    let kubernetes = false;
    docs.forEach((doc, k) => {
      const root = asMap(doc.root);
      if (root && (getPair(root, 'kind') || getPair(root, 'apiVersion'))) kubernetes = true;
      const before = loose.get(doc.root ?? doc.text)?.shift();
      if (before && before.document.text === doc.text) {
        // Same document, same resource objects: only where it starts may have changed.
        moveDocument(before.document, doc.offset, doc.index);
        docs[k] = before.document;
        groups.push(before.resources);
      } else {
        const extracted = extractResources(uri, doc);
        for (const r of extracted) added.push(r);
        groups.push(extracted);
      }
    });
    chunks.push({ text: texts[i], parsed, documents: docs, resources: groups, kubernetes });
    for (const doc of docs) documents.push(doc);
    for (const g of groups) for (const r of g) resources.push(r);
  });
  const isKubernetes = chunks.some((c) => c.kubernetes);
  // The previous version's resources that no document of this one took.
  const removed: Resource[] = [];
  for (const queue of loose.values()) for (const entry of queue) for (const r of entry.resources) removed.push(r);
  return new ManifestFile(uri, text, documents, resources, [], null, isKubernetes, { chunks, starts: [...offsets] }, { added, removed });
}

/**
 * The previous records of the chunks unchanged at the start and at the end of the file, by new
 * chunk, and the previous records in between (changed, moved or removed).
 */
function alignUnchanged(texts: readonly string[], previous: readonly ChunkRecord[]): { kept: (ChunkRecord | undefined)[]; changed: readonly ChunkRecord[] } {
  const kept: (ChunkRecord | undefined)[] = new Array(texts.length);
  let head = 0;
  while (head < texts.length && head < previous.length && texts[head] === previous[head].text) {
    kept[head] = previous[head];
    head++;
  }
  let i = texts.length - 1;
  let j = previous.length - 1;
  for (; i >= head && j >= head && texts[i] === previous[j].text; i--, j--) kept[i] = previous[j];
  return { kept, changed: previous.slice(head, j + 1) };
}

/**
 * Documents of the given chunks by parsed tree (the parse cache gives an unchanged text the same
 * tree), or by text when empty. A queue: a file may repeat a document.
 */
function looseDocuments(chunks: readonly ChunkRecord[]): Map<YNode | string, { document: YamlDocument; resources: readonly Resource[] }[]> {
  const out = new Map<YNode | string, { document: YamlDocument; resources: readonly Resource[] }[]>();
  for (const chunk of chunks) {
    chunk.documents.forEach((document, k) => {
      const entry = { document, resources: chunk.resources[k] };
      const key = document.root ?? document.text;
      const queue = out.get(key);
      if (queue) queue.push(entry);
      else out.set(key, [entry]);
    });
  }
  return out;
}

/** Line starts of the whole file from its chunks' (each computed once), or by scanning it. */
function linesOf(file: ManifestFile, layout: FileLayout): LineIndex {
  const { chunks, starts } = layout;
  const last = chunks.length - 1;
  const length = file.textLength;
  if (last < 0 || starts[0] !== 0 || starts[last] + chunks[last].text.length !== length || !chunksAdjoin(layout, 0, last)) return new LineIndex(file.text);
  return LineIndex.joined(length, starts, chunks.map((c) => (c.lineStarts ??= lineStarts(c.text))));
}

/** Whether chunks `from`…`to` follow one another with nothing between them. */
function chunksAdjoin({ chunks, starts }: FileLayout, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (starts[k] + chunks[k].text.length !== starts[k + 1]) return false;
  return true;
}

/** Offset of a NUL or of U+FFFD (what a decoder leaves for invalid UTF-8), or -1. */
function findBinaryContent(text: string): number {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return nul;
  return text.indexOf('\uFFFD');
}

function formatSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(chars / 1024)} KB`;
}
