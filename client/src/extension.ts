import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerFlowsView } from './flowsView/flowsView';
import type { FlowNode } from './flowsView/nodes';
import { createLanguageClient } from './languageClient';
import { ServerApi } from './serverApi';

let client: LanguageClient | undefined;

/** What `activate` returns: the Network Flows tree, so integration tests can walk it. */
export interface AksNetlensApi {
  readonly flowsTree: {
    getChildren(node?: FlowNode): Promise<FlowNode[]>;
    getTreeItem(node: FlowNode): vscode.TreeItem;
    /** The nodes selected in the view (follow the cursor selects the workload under it). */
    selection(): readonly FlowNode[];
  };
}

/** Starts the language server and registers the view and commands. No logic lives here. */
export async function activate(context: vscode.ExtensionContext): Promise<AksNetlensApi> {
  const output = vscode.window.createOutputChannel('AKS Netlens', { log: true });
  context.subscriptions.push(output);
  const languageClient = createLanguageClient(context, output);
  client = languageClient;
  // The view and commands exist at once; their requests wait for the server to be up.
  const ready = languageClient.start();
  const api = new ServerApi(languageClient, ready);
  const { provider: tree, view } = registerFlowsView(context, api);
  registerCommands(context, api, output);
  // A server that fails to start is reported in the output; the API still answers (with errors).
  await ready.catch((error: unknown) => output.error(`The AKS Netlens server did not start: ${String(error)}`));
  return {
    flowsTree: {
      getChildren: (node) => tree.getChildren(node),
      getTreeItem: (node) => tree.getTreeItem(node),
      selection: () => view.selection,
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
