/**
 * Drives a language server over stdio the way an editor does and measures: time to the first
 * publishDiagnostics after didOpen, a hover and a completion request, the time from a one-line
 * didChange to the diagnostics of that new version, and the server's peak resident memory
 * (VmHWM from /proc/<pid>/status).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import type { Mark } from './generate';

export interface ServerSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Answer to `workspace/configuration` for one requested section. */
  configuration(section: string | undefined): unknown;
  /** Sent with `workspace/didChangeConfiguration` right after `initialized` (servers that read settings from it). */
  readonly settings?: unknown;
  /** Whether the client says it can answer `workspace/configuration`. */
  readonly pullConfiguration: boolean;
  /**
   * The server publishes a large file's diagnostics in two passes on open (what each document says
   * about itself, then the cross-document findings): the driver also times the second one.
   */
  readonly staged?: boolean;
}

export interface RunMarks {
  readonly hover: Mark;
  readonly completion: Mark;
  readonly edit: Mark & { readonly oldText: string; readonly newText: string };
}

export interface RunResult {
  readonly firstDiagnosticsMs: number;
  /** Until the diagnostics of the opened version are complete (= first for single-pass servers). */
  readonly completeDiagnosticsMs: number;
  readonly diagnosticsCount: number;
  readonly hoverMs: number | null;
  /** The same hover again: what a user gets once the server's per-revision caches are built. */
  readonly hoverAgainMs: number | null;
  readonly hoverText: string;
  readonly completionMs: number | null;
  readonly completionAgainMs: number | null;
  readonly completionItems: number;
  readonly rediagnoseMs: number;
  /** A second edit (typing one more character): the steady state after the first re-check. */
  readonly rediagnoseAgainMs: number;
  readonly peakRssMb: number;
}

/** Peak resident set size of a process so far, in MB (0 when the process is gone). */
export function peakRssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

function hoverText(result: unknown): string {
  const contents = (result as { contents?: unknown } | null)?.contents;
  if (!contents) return '';
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : String((c as { value?: string }).value ?? ''))).join('\n');
  return String((contents as { value?: string }).value ?? '');
}

/**
 * One measured session: start the server (with `folder` as its workspace, or none: then only the
 * opened file is analysed, as yaml-language-server does), open `file`, hover, complete, edit
 * twice, read the peak memory, shut down. `timeoutMs` bounds every wait.
 */
export async function runOnce(spec: ServerSpec, folder: string | null, file: string, marks: RunMarks, timeoutMs: number): Promise<RunResult> {
  const child = spawn(spec.command, [...spec.args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    if (stderr.length < 20_000) stderr += String(d);
  });
  let peak = 0;
  // VmHWM is a high-water mark already; polling keeps the last value if the process dies.
  const poll = setInterval(() => (peak = Math.max(peak, peakRssMb(child.pid!))), 100);
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const uri = pathToFileURL(file).toString();
  const waiters: { ok: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  let publishCount = 0;
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (p.uri !== uri) return;
    publishCount++;
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].ok(p)) {
        waiters[i].resolve(p);
        waiters.splice(i, 1);
      }
    }
  });
  const nextDiagnostics = (ok: (p: PublishDiagnosticsParams) => boolean) =>
    withTimeout(new Promise<PublishDiagnosticsParams>((resolve) => waiters.push({ ok, resolve })), timeoutMs, `${spec.name} diagnostics`);
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => spec.configuration(i.section)));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  const folders = folder ? [{ uri: pathToFileURL(folder).toString(), name: 'bench' }] : null;
  connection.onRequest('workspace/workspaceFolders', () => folders);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('$/progress', () => undefined);
  connection.listen();
  try {
    await withTimeout(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folders ? folders[0].uri : null,
        workspaceFolders: folders,
        capabilities: {
          workspace: { configuration: spec.pullConfiguration, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
          window: { workDoneProgress: true },
          textDocument: {
            synchronization: { didSave: true },
            publishDiagnostics: { relatedInformation: true, versionSupport: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          },
        },
        initializationOptions: {},
      }),
      timeoutMs,
      `${spec.name} initialize`,
    );
    await connection.sendNotification('initialized', {});
    if (spec.settings !== undefined) await connection.sendNotification('workspace/didChangeConfiguration', { settings: spec.settings });
    // Let the server take its settings before the document arrives (both servers get the same pause).
    await new Promise((r) => setTimeout(r, 300));

    const text = fs.readFileSync(file, 'utf8');
    const opened = performance.now();
    const first = nextDiagnostics(() => true);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    let firstPublished = await first;
    const firstDiagnosticsMs = performance.now() - opened;
    let completeDiagnosticsMs = firstDiagnosticsMs;
    if (spec.staged) {
      firstPublished = await nextDiagnostics((p) => p.version === 1 || p.version === undefined || p.version === null);
      completeDiagnosticsMs = performance.now() - opened;
    }

    const request = async (method: string, mark: Mark): Promise<{ ms: number; result: unknown }> => {
      const started = performance.now();
      try {
        const result = await withTimeout(connection.sendRequest(method, { textDocument: { uri }, position: { line: mark.line, character: mark.character } }), timeoutMs, `${spec.name} ${method}`);
        return { ms: performance.now() - started, result };
      } catch {
        // Not supported (MethodNotFound) or failed: reported as "no answer".
        return { ms: performance.now() - started, result: null };
      }
    };
    const hover = await request('textDocument/hover', marks.hover);
    const hoverAgain = await request('textDocument/hover', marks.hover);
    const completion = await request('textDocument/completion', marks.completion);
    const completionAgain = await request('textDocument/completion', marks.completion);
    const items = completion.result ? (Array.isArray(completion.result) ? completion.result : ((completion.result as { items?: unknown[] }).items ?? [])) : [];

    const edit = async (version: number, line: number, character: number, oldLength: number, newText: string): Promise<number> => {
      const before = publishCount;
      // Servers that send versions: wait for this version; others: the first publish after the edit.
      const published = nextDiagnostics((p) => (p.version !== undefined && p.version !== null ? p.version === version : publishCount > before));
      const started = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character: character + oldLength } }, rangeLength: oldLength, text: newText }],
      });
      await published;
      return performance.now() - started;
    };
    const e = marks.edit;
    const rediagnoseMs = await edit(2, e.line, e.character, e.oldText.length, e.newText);
    const rediagnoseAgainMs = await edit(3, e.line, e.character + e.newText.length, 0, 'x');
    peak = Math.max(peak, peakRssMb(child.pid!));
    return {
      firstDiagnosticsMs,
      completeDiagnosticsMs,
      diagnosticsCount: firstPublished.diagnostics.length,
      hoverMs: hover.result ? hover.ms : null,
      hoverAgainMs: hoverAgain.result ? hoverAgain.ms : null,
      hoverText: hoverText(hover.result).slice(0, 200),
      completionMs: items.length > 0 ? completion.ms : null,
      completionAgainMs: items.length > 0 ? completionAgain.ms : null,
      completionItems: items.length,
      rediagnoseMs,
      rediagnoseAgainMs,
      peakRssMb: peak,
    };
  } catch (error) {
    throw new Error(`${String(error instanceof Error ? error.message : error)}\n--- ${spec.name} stderr ---\n${stderr.slice(-3000)}`);
  } finally {
    clearInterval(poll);
    try {
      await withTimeout(connection.sendRequest('shutdown'), 5000, 'shutdown');
      await connection.sendNotification('exit');
    } catch {
      // the process is killed below anyway
    }
    await new Promise((r) => setTimeout(r, 100));
    if (child.exitCode === null) child.kill('SIGKILL');
    connection.dispose();
  }
}
