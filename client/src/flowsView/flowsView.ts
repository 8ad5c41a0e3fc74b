import * as vscode from 'vscode';
import type { FlowsParams, FlowsResult, LocationDto } from '../../../server/src/protocol/protocol';
import type { ServerApi } from '../serverApi';
import { describeFilters, loadFilters, pickNamespaces, saveFilters, type FlowsFilters } from './filters';
import { FlowsTreeProvider } from './flowsTreeProvider';
import type { FlowNode } from './nodes';
import { openLocation, OPEN_LOCATION_COMMAND } from './treeItems';

const FLOWS_VIEW_ID = 'aksNetlens.flows';
/** Context key of the welcome content: true when the workspace holds no Kubernetes manifest. */
const NO_MANIFESTS_CONTEXT = 'aksNetlens.flows.noManifests';
/** Server notifications arrive after every analysis pass; wait for typing to pause. */
const CHANGE_DEBOUNCE_MS = 400;
const CURSOR_DEBOUNCE_MS = 250;

/** The Network Flows view: tree, filters, live refresh and "follow the cursor". */
export function registerFlowsView(context: vscode.ExtensionContext, api: ServerApi): { provider: FlowsTreeProvider; view: vscode.TreeView<FlowNode> } {
  let filters = loadFilters(context.workspaceState);
  let activeFile = manifestUri(vscode.window.activeTextEditor);

  const params = (): FlowsParams => ({
    ...(filters.namespaces.length > 0 ? { namespaces: filters.namespaces } : {}),
    ...(filters.onlyActiveFile && activeFile ? { uri: activeFile } : {}),
  });
  const provider = new FlowsTreeProvider(
    (p) => api.flows(p),
    params,
    (task) => vscode.window.withProgress({ location: { viewId: FLOWS_VIEW_ID } }, task),
  );
  const view = vscode.window.createTreeView<FlowNode>(FLOWS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view);

  const setFilters = (next: FlowsFilters) => {
    filters = next;
    void saveFilters(context.workspaceState, next);
    view.description = describeFilters(next);
    provider.invalidate();
  };
  view.description = describeFilters(filters);

  context.subscriptions.push(
    provider.onDidLoad((result) => showState(view, result)),
    vscode.commands.registerCommand('aksNetlens.refreshFlows', () => provider.invalidate()),
    vscode.commands.registerCommand('aksNetlens.filterNamespace', async () => {
      const known = (await api.endpoints()).namespaces;
      const picked = await pickNamespaces(known, filters.namespaces);
      if (picked) setFilters({ ...filters, namespaces: picked });
    }),
    vscode.commands.registerCommand('aksNetlens.toggleActiveFileOnly', () => setFilters({ ...filters, onlyActiveFile: !filters.onlyActiveFile })),
    vscode.commands.registerCommand('aksNetlens.toggleFollowCursor', () => {
      setFilters({ ...filters, followCursor: !filters.followCursor });
      if (filters.followCursor) void followCursor(vscode.window.activeTextEditor);
    }),
    vscode.commands.registerCommand(OPEN_LOCATION_COMMAND, (target: LocationDto | FlowNode) => {
      // From a click the argument is the location; from a context menu, the tree node.
      const location = 'uri' in target ? target : target.type === 'workload' ? target.workload.location : target.type === 'rule' ? target.rule.location : null;
      return location ? openLocation(location) : undefined;
    }),
  );

  // Live updates: debounced, and only a staleness mark; the visible view reloads on its own.
  let changeTimer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    api.onFlowsChanged(() => {
      clearTimeout(changeTimer);
      changeTimer = setTimeout(() => provider.invalidate(), CHANGE_DEBOUNCE_MS);
    }),
    { dispose: () => clearTimeout(changeTimer) },
  );

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      const uri = manifestUri(editor);
      if (!uri || uri === activeFile) return;
      activeFile = uri;
      if (filters.onlyActiveFile) provider.invalidate();
    }),
  );

  // Follow the cursor: reveal the workload whose manifest holds it.
  let cursorTimer: NodeJS.Timeout | undefined;
  let cursorRequest: vscode.CancellationTokenSource | undefined;
  const followCursor = async (editor: vscode.TextEditor | undefined) => {
    const uri = manifestUri(editor);
    if (!editor || !uri || !filters.followCursor || !view.visible) return;
    cursorRequest?.cancel();
    const request = (cursorRequest = new vscode.CancellationTokenSource());
    const position = editor.selection.active;
    try {
      const { id } = await api.workloadAt({ uri, position: { line: position.line, character: position.character } }, request.token);
      if (!id || request.token.isCancellationRequested) return;
      const node = await provider.workloadNode(id);
      if (node) await view.reveal(node, { select: true, focus: false, expand: true });
    } catch {
      // A cancelled or failed lookup only means the selection does not move.
    }
  };
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection((event) => {
      if (!filters.followCursor) return;
      clearTimeout(cursorTimer);
      cursorTimer = setTimeout(() => void followCursor(event.textEditor), CURSOR_DEBOUNCE_MS);
    }),
    { dispose: () => clearTimeout(cursorTimer) },
  );

  return { provider, view };
}

/** Welcome content when there is nothing to show; a message while the workspace is indexed. */
function showState(view: vscode.TreeView<FlowNode>, result: FlowsResult | null): void {
  void vscode.commands.executeCommand('setContext', NO_MANIFESTS_CONTEXT, result !== null && result.fileCount === 0 && !result.indexing);
  view.message = result?.indexing ? 'Indexing manifests… the flows are incomplete until it finishes.' : undefined;
}

/** The URI of an editor the server analyses (YAML or JSON), else undefined. */
function manifestUri(editor: vscode.TextEditor | undefined): string | undefined {
  const document = editor?.document;
  if (!document || (document.languageId !== 'yaml' && document.languageId !== 'json')) return undefined;
  return document.uri.toString();
}
