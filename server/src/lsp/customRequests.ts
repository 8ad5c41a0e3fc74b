import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import { CliWorkspace } from '../cli/workspace';
import { answerCanReach } from '../features/flows/canReach';
import { defaultDenyPolicy } from '../features/flows/defaultDeny';
import { explainPolicyAt } from '../features/flows/explainPolicy';
import { exportFlows } from '../features/flows/exportFlows';
import { manifestFileCount, toFlowsResult } from '../features/flows/flowsResult';
import { createLocator } from '../features/flows/locations';
import { workloadAt } from '../features/flows/workloadAt';
import {
  Methods,
  type CanReachParams,
  type DefaultDenyParams,
  type EndpointsResult,
  type ExplainPolicyParams,
  type ExportFlowsParams,
  type FlowsParams,
  type WorkloadAtParams,
} from '../protocol/protocol';
import { errorText, type ServerSession } from './session';
import { settingsKey } from './settings';

/**
 * The custom requests of the Network Flows view and the commands (protocol.ts), and the
 * `flowsChanged` notification sent when an analysis pass changed the workspace or its settings.
 * The tree and the workspace-wide commands use the workspace folder's settings.
 */
export function registerCustomRequests(connection: Connection, session: ServerSession, log: (m: string) => void): void {
  const locate = createLocator((uri) => session.index.get(uri));
  const workspaceModel = async () => (await session.viewFor(undefined)).policyModel();

  function handle<P, R>(method: string, handler: (params: P) => Promise<R> | R): void {
    connection.onRequest(method, async (params: P, token?: CancellationToken) => {
      try {
        const result = await handler(params);
        return token?.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled') : result;
      } catch (error) {
        log(`${method} failed: ${errorText(error)}`);
        return new ResponseError(ErrorCodes.InternalError, `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  handle(Methods.flows, async (params: FlowsParams | undefined) => {
    const p = params ?? {};
    const model = await workspaceModel();
    return toFlowsResult(model, p, {
      locate,
      fileCount: manifestFileCount(session.index.allFiles()),
      indexing: session.indexing,
      resourcesOfFile: p.uri ? session.index.get(p.uri)?.resources : undefined,
    });
  });

  handle(Methods.endpoints, async (): Promise<EndpointsResult> => {
    const model = await workspaceModel();
    return { workloads: model.workloads.map((w) => ({ id: w.id, kind: w.kind })), namespaces: [...model.namespaces] };
  });

  handle(Methods.canReach, async (params: CanReachParams) => answerCanReach(await workspaceModel(), params, { locate, root: (await folderUris())[0] ?? null }));

  handle(Methods.defaultDeny, (params: DefaultDenyParams) => defaultDenyPolicy(params));

  handle(Methods.explainPolicy, async (params: ExplainPolicyParams) => {
    const file = session.index.get(params.uri);
    if (!file) return null;
    const model = (await session.viewFor(params.uri)).policyModel();
    return explainPolicyAt(file, file.lines.offsetAt(params.position), model, { locate, root: (await folderUris())[0] ?? null });
  });

  handle(Methods.workloadAt, async (params: WorkloadAtParams) => {
    const file = session.index.get(params.uri);
    if (!file) return { id: null };
    return { id: workloadAt(file, file.lines.offsetAt(params.position), await workspaceModel()) };
  });

  handle(Methods.exportFlows, async (params: ExportFlowsParams) => {
    const model = await workspaceModel();
    return { text: exportFlows(model, params.format, await printableWorkspace(), params.namespace) };
  });

  /** The workspace folders' URIs, first one first (Markdown links start from it). */
  async function folderUris(): Promise<string[]> {
    return ((await connection.workspace.getWorkspaceFolders().catch(() => null)) ?? []).map((f) => f.uri);
  }

  /** The CLI formatters name files through a CliWorkspace: paths relative to their workspace folder. */
  async function printableWorkspace(): Promise<CliWorkspace> {
    const folders = (await folderUris()).map(filePath).filter((p): p is string => p !== null);
    const inputs = session.index.allFiles().map((file) => ({ uri: file.uri, display: displayName(file.uri, folders), text: file.text, explicit: false }));
    return new CliWorkspace(inputs);
  }

  // Tell the client only when what the tree shows may differ: a new index revision or new settings.
  let lastState = '';
  session.onDidChange(() => {
    void session
      .settingsFor(undefined)
      .then((settings) => {
        const state = `${session.index.revision}|${session.indexing}|${settingsKey(settings.analysis)}`;
        if (state === lastState) return;
        lastState = state;
        return connection.sendNotification(Methods.flowsChanged);
      })
      .catch((error: unknown) => log(`flowsChanged failed: ${errorText(error)}`));
  });
}

function filePath(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

/** `policies/api.yaml` inside a workspace folder, else the absolute path (or the URI of an unsaved file). */
function displayName(uri: string, folders: readonly string[]): string {
  const file = filePath(uri);
  if (!file) return uri;
  const folder = folders.find((f) => file.startsWith(f + path.sep));
  return folder ? path.relative(folder, file).split(path.sep).join('/') : file;
}
