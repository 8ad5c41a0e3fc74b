import * as vscode from 'vscode';
import type { FlowNode } from '../flowsView/nodes';
import type { ServerApi } from '../serverApi';
import { canReachCommand, type CanReachArgs } from './canReach';
import { exportFlowsCommand } from './exportFlows';
import { explainPolicyCommand } from './explainPolicy';
import { insertDefaultDenyCommand, type DefaultDenyArgs } from './insertDefaultDeny';

/** The palette commands; from a tree item's context menu they get the item, preset from it. */
export function registerCommands(context: vscode.ExtensionContext, api: ServerApi, output: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('aksNetlens.canReach', (arg?: FlowNode | CanReachArgs) => canReachCommand(api, canReachArgs(arg))),
    vscode.commands.registerCommand('aksNetlens.insertDefaultDeny', (arg?: FlowNode | DefaultDenyArgs) =>
      insertDefaultDenyCommand(api, isNode(arg) ? (arg.type === 'namespace' ? { namespace: arg.namespace } : {}) : (arg ?? {})),
    ),
    vscode.commands.registerCommand('aksNetlens.explainPolicy', () => explainPolicyCommand(api)),
    vscode.commands.registerCommand('aksNetlens.exportFlows', (arg?: FlowNode | Parameters<typeof exportFlowsCommand>[1]) =>
      exportFlowsCommand(api, isNode(arg) ? (arg.type === 'namespace' ? { namespace: arg.namespace } : {}) : (arg ?? {})),
    ),
    vscode.commands.registerCommand('aksNetlens.showOutput', () => output.show()),
  );
}

function isNode(arg: unknown): arg is FlowNode {
  return typeof arg === 'object' && arg !== null && 'type' in arg && 'id' in arg;
}

/** A workload asks from it; a workload peer asks along the flow's direction. */
function canReachArgs(arg: FlowNode | CanReachArgs | undefined): CanReachArgs {
  if (!isNode(arg)) return arg ?? {};
  if (arg.type === 'workload') return { from: arg.workload.id };
  if (arg.type === 'peer' && arg.peer.kind === 'workload') {
    return arg.direction === 'egress' ? { from: arg.workload.id, to: arg.peer.label } : { from: arg.peer.label, to: arg.workload.id };
  }
  return {};
}
