import type { Resource, ResourceChange } from '../k8s/resources';
import { YamlParseCache } from '../yaml/parseYaml';
import { readManifestFile, type FileText, type ManifestFile, type ReadOptions, type TextEdit } from './manifestFile';

/**
 * Every manifest file of a workspace, fed by its host (the language server from disk and open
 * editors, the CLI from its arguments). Changing one file re-reads only that file; documents
 * whose text did not change reuse their parse.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, ManifestFile>();
  /** The size limit each file was read with. */
  private readonly limits = new Map<string, number | undefined>();
  private readonly cache: YamlParseCache;
  private revisionCounter = 0;
  private resourcesMemo: { revision: number; resources: Resource[] } | null = null;
  private lastChange: { revision: number; change: ResourceChange } | null = null;

  constructor(private readonly options: Omit<ReadOptions, 'cache'> = {}) {
    this.cache = new YamlParseCache();
  }

  /** Bumped on every change; derived results keyed by it know when to recompute. */
  get revision(): number {
    return this.revisionCounter;
  }

  /**
   * Sets a file's text; returns the file, unchanged (same object) when the text (and the size
   * limit it was read with) is the same. `maxSize` overrides the index's limit for this file
   * (the server passes the user's setting). `edit`, when the host knows it, is the one change
   * from the file's current text to `text`: the file is then read around it only.
   */
  set(uri: string, text: FileText, maxSize: number | undefined = this.options.maxSize, edit?: TextEdit): ManifestFile {
    const existing = this.files.get(uri);
    const sameLimit = this.limits.get(uri) === maxSize;
    // Same object: no need to compare 17 MB of text (an editor's copy in blocks is compared by identity only).
    if (existing && sameLimit && (existing.source === text || (edit && edit.start === edit.end && edit.text === ''))) return existing;
    const file = readManifestFile(uri, text, { ...this.options, maxSize, cache: this.cache, previous: existing, edit: sameLimit ? edit : undefined });
    this.files.set(uri, file);
    this.limits.set(uri, maxSize);
    this.revisionCounter++;
    this.lastChange = { revision: this.revisionCounter, change: file.skipped ? { added: [], removed: existing?.resources ?? [] } : file.change };
    return file;
  }

  delete(uri: string): boolean {
    this.limits.delete(uri);
    const file = this.files.get(uri);
    const removed = this.files.delete(uri);
    if (removed) {
      this.revisionCounter++;
      this.lastChange = { revision: this.revisionCounter, change: { added: [], removed: file?.resources ?? [] } };
    }
    return removed;
  }

  get(uri: string): ManifestFile | undefined {
    return this.files.get(uri);
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  allFiles(): ManifestFile[] {
    return [...this.files.values()];
  }

  /** What changed from revision `since` to the current one, when that was one change; else null. */
  changeSince(since: number): ResourceChange | null {
    if (since === this.revisionCounter) return { added: [], removed: [] };
    return this.lastChange && this.lastChange.revision === since + 1 && since + 1 === this.revisionCounter ? this.lastChange.change : null;
  }

  /** All resources of all files, in a stable order (by file URI, then position). */
  resources(): Resource[] {
    if (this.resourcesMemo?.revision === this.revisionCounter) return this.resourcesMemo.resources;
    const out: Resource[] = [];
    for (const uri of [...this.files.keys()].sort()) {
      for (const r of this.files.get(uri)!.resources) out.push(r);
    }
    this.resourcesMemo = { revision: this.revisionCounter, resources: out };
    return out;
  }
}
