import { extractResources } from '../k8s/extractResources';
import type { Resource } from '../k8s/resources';
import type { FileProblem } from '../problems';
import { LineIndex } from '../text/lineIndex';
import { asMap, getPair, type YNode } from '../yaml/nodes';
import { moveDocument, parseYamlFile, type ParsedChunkOf, type YamlDocument, type YamlParseCache } from '../yaml/parseYaml';

export type SkipReason = 'helm-template' | 'binary' | 'too-large';

/** One file of the workspace as the analysis sees it. */
export class ManifestFile {
  private lineIndex: LineIndex | null = null;

  constructor(
    readonly uri: string,
    readonly text: string,
    readonly documents: readonly YamlDocument[],
    readonly resources: readonly Resource[],
    /** File-level problems: why the file was skipped. Syntax errors live on the documents. */
    readonly problems: readonly FileProblem[],
    readonly skipped: SkipReason | null,
    /** False for YAML that is not Kubernetes (CI configs, docker-compose...): it is ignored quietly. */
    readonly isKubernetes: boolean,
    /** The parsed chunks, for reading the next version of the file quickly. */
    readonly chunks: readonly ParsedChunkOf[] = [],
  ) {}

  /** Line starts, computed on first use (the CLI and the server need them only to report). */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }
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
}

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

/** A Helm/Go template action on a line that is not a comment: `{{ .Values.x }}`, `{{- if ... }}`. */
const TEMPLATE_ACTION = /^(?![ \t]*#).*\{\{-?\s*(?:[.$]|-|\/\*|(?:if|else|end|range|with|include|template|define|block|toYaml|tpl|required|default|printf|quote|lookup)\b)/m;

/** Reads one file's text into documents and typed resources. Never throws. */
export function readManifestFile(uri: string, text: string, options: ReadOptions = {}): ManifestFile {
  const skip = (skipped: SkipReason, problem: FileProblem): ManifestFile => new ManifestFile(uri, text, [], [], [problem], skipped, true);

  const maxSize = options.maxSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > maxSize) {
    return skip('too-large', {
      code: 'file-too-large',
      severity: 'information',
      message: `This file is ${formatSize(text.length)}, over the ${formatSize(maxSize)} limit (setting aksNetlens.maxFileSize): it is not analysed.`,
      start: 0,
      end: 0,
    });
  }
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
  const sameFile = options.previous?.uri === uri ? options.previous : undefined;
  const { documents: parsed, chunks } = parseYamlFile(text, { cache: options.cache, previous: sameFile?.chunks });
  const reuse = sameFile ? previousDocuments(sameFile) : null;
  const documents: YamlDocument[] = [];
  const resources: Resource[] = [];
  let isKubernetes = false;
  for (const doc of parsed) {
    const root = asMap(doc.root);
    if (root && (getPair(root, 'kind') || getPair(root, 'apiVersion'))) isKubernetes = true;
    const before = reuse?.get(doc.root ?? doc.text)?.shift();
    if (before && before.document.text === doc.text) {
      // Same document, same resource objects: only where it starts may have changed.
      moveDocument(before.document, doc.offset, doc.index);
      documents.push(before.document);
      for (const r of before.resources) resources.push(r);
    } else {
      documents.push(doc);
      for (const r of extractResources(uri, doc)) resources.push(r);
    }
  }
  return new ManifestFile(uri, text, documents, resources, [], null, isKubernetes, chunks);
}

/**
 * The previous version's documents by parsed tree (the parse cache gives an unchanged text the same
 * tree; object keys hash cheaply), or by text when empty. A queue: a file may repeat a document.
 */
function previousDocuments(file: ManifestFile): Map<YNode | string, { document: YamlDocument; resources: Resource[] }[]> {
  const byDocument = new Map<YamlDocument, Resource[]>();
  for (const r of file.resources) {
    const list = byDocument.get(r.source.document);
    if (list) list.push(r);
    else byDocument.set(r.source.document, [r]);
  }
  const out = new Map<YNode | string, { document: YamlDocument; resources: Resource[] }[]>();
  for (const document of file.documents) {
    const entry = { document, resources: byDocument.get(document) ?? [] };
    const key = document.root ?? document.text;
    const queue = out.get(key);
    if (queue) queue.push(entry);
    else out.set(key, [entry]);
  }
  return out;
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
