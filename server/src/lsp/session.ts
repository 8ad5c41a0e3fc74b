import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import type { BlockTextDocument } from './blockTextDocument';
import { WorkspaceViewCache } from '../core/analysis/workspaceView';
import type { Finding, WorkspaceView } from '../core/rules/types';
import { IncrementalChecker } from '../core/workspace/incrementalCheck';
import type { ManifestFile } from '../core/workspace/manifestFile';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { toDiagnostics } from '../features/diagnostics';
import { fileUri, isManifestPath, listManifestFiles, readText } from './workspaceFiles';
import { SettingsStore, type ServerSettings } from './settings';

/**
 * The first keystroke after a pause is analysed at once; within a burst of typing, diagnostics
 * wait a quarter of what one incremental analysis takes (its running average), within these
 * bounds. A pass overtaken by a newer edit is abandoned at its next slice, so starting early
 * wastes little.
 */
const MIN_DIAGNOSTICS_DELAY_MS = 10;
/** Longest stretch of analysis before requests and edits waiting meanwhile are handled. */
const ANALYSIS_SLICE_MS = 20;
/** Files with at least this many YAML documents get a quick first pass when opened (see analyse). */
const QUICK_PASS_MIN_DOCUMENTS = 500;
const MAX_DIAGNOSTICS_DELAY_MS = 150;
const MAX_EDIT_DELAY_MS = 100;
/** Keystrokes further apart than this are not one burst of typing. */
const TYPING_PAUSE_MS = 250;

/** Analysis results of one open document at one version, kept for code actions and hover. */
export interface DocumentAnalysis {
  readonly version: number;
  readonly file: ManifestFile;
  readonly findings: readonly Finding[];
  readonly view: WorkspaceView;
}

/**
 * The server's state: the workspace index (files on disk overlaid with open editors), settings,
 * and the debounced, versioned diagnostics of open documents.
 */
export class ServerSession {
  readonly index: WorkspaceIndex;
  readonly settings: SettingsStore;
  private readonly views = new WorkspaceViewCache();
  private readonly checker = new IncrementalChecker();
  /** Running average of the cost of an analysis pass after an edit (ms). */
  private editPassMs = 0;
  private editPending = false;
  private lastEditAt = -Infinity;
  /** The size limit of the latest settings seen (undefined: the index's default), for reading edits at once. */
  private maxFileSize: number | undefined;
  private readonly openDocuments = new Map<string, BlockTextDocument>();
  private readonly analyses = new Map<string, DocumentAnalysis>();
  /** The version each document was opened with, until its first change. */
  private readonly openedVersion = new Map<string, number>();
  private readonly running = new Map<string, { version: number; file: ManifestFile | undefined; result: Promise<DocumentAnalysis | null> }>();
  private readonly published = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private timerImmediate = false;
  private readonly dirty = new Set<string>();
  private folders: string[] = [];
  indexing = false;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly log: (message: string) => void,
  ) {
    this.index = new WorkspaceIndex();
    this.settings = new SettingsStore(connection);
  }

  /** Called after analysis results changed (the client refreshes its tree). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  setFolders(folders: string[]): void {
    this.folders = folders;
  }

  async settingsFor(uri: string | undefined): Promise<ServerSettings> {
    return this.settings.get(uri ?? this.folders[0]);
  }

  /** Reads every manifest file of the workspace folders, in the background, with progress. */
  async indexWorkspace(): Promise<void> {
    this.indexing = true;
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => null);
    progress?.begin('AKS Netlens: indexing manifests', 0, undefined, true);
    try {
      const settings = await this.settingsFor(undefined);
      const files: string[] = [];
      for (const folder of this.folders) {
        const root = folderPath(folder);
        if (root) files.push(...(await listManifestFiles(root, settings.exclude)));
      }
      for (let i = 0; i < files.length; i++) {
        if (progress?.token.isCancellationRequested) break;
        const uri = fileUri(files[i]);
        if (this.openDocuments.has(uri)) continue;
        const text = await readText(files[i], settings.analysis.maxFileSize);
        if (text !== null) this.index.set(uri, text, settings.analysis.maxFileSize);
        if (i % 50 === 0) {
          progress?.report(Math.round((i / files.length) * 100), `${i}/${files.length} files`);
          // Let requests and edits in between: indexing never blocks typing.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      this.log(`Indexed ${files.length} manifest files in ${this.folders.length} folder(s).`);
    } catch (error) {
      this.log(`Indexing failed: ${String(error)}`);
    } finally {
      this.indexing = false;
      progress?.done();
      this.scheduleAll();
    }
  }

  didOpen(document: BlockTextDocument): void {
    this.openDocuments.set(document.uri, document);
    this.openedVersion.set(document.uri, document.version);
    this.index.set(document.uri, document.text, this.maxFileSize);
    // The first open file gets diagnostics at once, before the workspace is indexed.
    this.schedule(document.uri, 0);
    this.scheduleOthers(document.uri);
  }

  didChange(document: BlockTextDocument): void {
    // The content event that comes with every didOpen: that version is already read and scheduled.
    if (this.openedVersion.get(document.uri) === document.version) return;
    this.openedVersion.delete(document.uri);
    this.openDocuments.set(document.uri, document);
    // The blocks, not the string: an edit is read around its range, and the file's text is joined only if needed.
    this.index.set(document.uri, document.text, this.maxFileSize, document.edit);
    this.editPending = true;
    const delay = this.editDelay();
    this.schedule(document.uri, delay);
    this.scheduleOthers(document.uri, delay);
  }

  /** Right away after a pause in typing; within a burst of keystrokes, a quarter of a pass. */
  private editDelay(): number {
    const now = performance.now();
    const sinceLast = now - this.lastEditAt;
    this.lastEditAt = now;
    // After a pause, or when the last edit's diagnostics are out and nothing runs: nothing to
    // coalesce with, so waiting would only delay them (changes of the same tick still coalesce).
    // In a burst of typing, wait a little.
    if (sinceLast > TYPING_PAUSE_MS || (this.running.size === 0 && !this.timer)) return 0;
    return Math.round(Math.min(MAX_EDIT_DELAY_MS, Math.max(MIN_DIAGNOSTICS_DELAY_MS, this.editPassMs / 4)));
  }

  async didClose(uri: string): Promise<void> {
    this.openDocuments.delete(uri);
    this.openedVersion.delete(uri);
    this.analyses.delete(uri);
    this.checker.forget(this.index.get(uri));
    if (this.published.delete(uri)) this.connection.sendDiagnostics({ uri, diagnostics: [] });
    // Back to what is on disk (or gone, for an unsaved new file).
    await this.reloadFromDisk(uri);
  }

  /** A file changed on disk (watcher): re-read it unless an editor holds it. */
  async didChangeWatchedFile(uri: string, deleted: boolean): Promise<void> {
    if (this.openDocuments.has(uri)) return;
    if (deleted) this.index.delete(uri);
    else await this.reloadFromDisk(uri);
    this.scheduleAll();
  }

  private async reloadFromDisk(uri: string): Promise<void> {
    const p = folderPath(uri);
    if (!p || !isManifestPath(p)) return;
    const settings = await this.settingsFor(uri);
    const text = await readText(p, settings.analysis.maxFileSize);
    if (text === null) this.index.delete(uri);
    else this.index.set(uri, text, settings.analysis.maxFileSize);
    this.scheduleAll();
  }

  openDocument(uri: string): BlockTextDocument | undefined {
    return this.openDocuments.get(uri);
  }

  /** The analysis of an open document at its current version, computing it if needed. */
  async analysisOf(uri: string): Promise<DocumentAnalysis | null> {
    const document = this.openDocuments.get(uri);
    const existing = this.analyses.get(uri);
    if (document && existing && existing.version === document.version && existing.file === this.index.get(uri)) return existing;
    return this.analyse(uri);
  }

  /** The workspace view for rules and the engine under a document's (or the workspace's) settings. */
  async viewFor(uri: string | undefined): Promise<WorkspaceView> {
    const settings = await this.settingsFor(uri);
    return this.views.get(this.index, settings.analysis);
  }

  settingsChanged(): void {
    this.settings.clear();
    this.scheduleAll();
  }

  scheduleAll(): void {
    for (const uri of this.openDocuments.keys()) this.dirty.add(uri);
    this.arm(MAX_DIAGNOSTICS_DELAY_MS);
  }

  private schedule(uri: string, delay = MAX_DIAGNOSTICS_DELAY_MS): void {
    this.dirty.add(uri);
    this.arm(delay);
  }

  /**
   * Other open documents may depend on this one (cross-file rules): re-check them too. Cheap:
   * only their rules that read the workspace run again.
   */
  private scheduleOthers(uri: string, delay = MAX_DIAGNOSTICS_DELAY_MS): void {
    for (const other of this.openDocuments.keys()) if (other !== uri) this.dirty.add(other);
    this.arm(delay);
  }

  /** Edits restart the wait (debounce); a pass due at once (a just-opened document) is never postponed. */
  private arm(delay: number): void {
    if (this.timer) {
      if (this.timerImmediate) return;
      clearTimeout(this.timer);
    }
    this.timerImmediate = delay === 0;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerImmediate = false;
      void this.flush();
    }, delay);
  }

  private async flush(): Promise<void> {
    const uris = [...this.dirty];
    this.dirty.clear();
    const afterEdit = this.editPending;
    this.editPending = false;
    let spent = 0;
    for (const uri of uris) {
      const started = performance.now();
      await this.analyse(uri);
      spent += performance.now() - started;
      // Yield between documents so a keystroke's didChange is handled promptly.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (afterEdit) this.editPassMs = this.editPassMs === 0 ? spent : 0.7 * this.editPassMs + 0.3 * spent;
    for (const listener of this.listeners) listener();
  }

  /** One analysis at a time per document version: a second request for it waits for the first. */
  private analyse(uri: string): Promise<DocumentAnalysis | null> {
    const document = this.openDocuments.get(uri);
    const running = this.running.get(uri);
    if (running && document && running.version === document.version && running.file === this.index.get(uri)) return running.result;
    const result = this.analyseNow(uri).finally(() => {
      if (this.running.get(uri)?.result === result) this.running.delete(uri);
    });
    if (document) this.running.set(uri, { version: document.version, file: this.index.get(uri), result });
    return result;
  }

  private async analyseNow(uri: string): Promise<DocumentAnalysis | null> {
    const document = this.openDocuments.get(uri);
    const before = this.index.get(uri);
    if (!document || !before) return null;
    const version = document.version;
    const settings = await this.settingsFor(uri);
    // A newer edit arrived while settings were being fetched: its own run will publish.
    if (this.openDocuments.get(uri)?.version !== version || this.index.get(uri) !== before) return this.analyses.get(uri) ?? null;
    // The size limit is a setting: read the document again if it was read with another one.
    this.maxFileSize = settings.analysis.maxFileSize;
    const file = this.index.set(uri, document.text, settings.analysis.maxFileSize);
    const view = this.views.get(this.index, settings.analysis);
    let findings: Finding[] = [];
    let secondPass = false;
    const options = { onRuleError: (rule: { id: string }, resource: { kind: string; name: string }, error: unknown) => this.log(`Rule ${rule.id} failed on ${resource.kind} ${resource.name}: ${errorText(error)}`) };
    // A large file just opened: show what each document says about itself at once; the findings
    // that need the whole workspace follow in a second pass (scheduled below), for the same version.
    const quick = !this.analyses.has(uri) && file.documents.length >= QUICK_PASS_MIN_DOCUMENTS;
    try {
      // Document by document, in slices: requests and edits are handled in between.
      const steps = this.checker.steps(file, view, settings.analysis, this.index.revision, options, quick);
      let sliceStart = performance.now();
      for (;;) {
        const step = steps.next();
        if (step.done) {
          findings = step.value.findings;
          break;
        }
        if (performance.now() - sliceStart >= ANALYSIS_SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          // A newer version of the document makes this pass moot: the edit scheduled its own.
          if (this.openDocuments.get(uri)?.version !== version) return this.analyses.get(uri) ?? null;
          sliceStart = performance.now();
        }
      }
      secondPass = quick;
    } catch (error) {
      this.log(`Analysis of ${uri} failed: ${errorText(error)}`);
    }
    const analysis: DocumentAnalysis = { version, file, findings, view };
    this.analyses.set(uri, analysis);
    const diagnostics: Diagnostic[] = toDiagnostics(file, findings, (u) => this.index.get(u));
    const sent = this.connection.sendDiagnostics({ uri, version, diagnostics });
    this.published.add(uri);
    // The second pass waits until the first diagnostics are written out, or they would leave together.
    if (secondPass) void sent.then(() => this.schedule(uri, 0), () => this.schedule(uri, 0));
    return analysis;
  }
}

function folderPath(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
