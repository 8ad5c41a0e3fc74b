import * as vscode from 'vscode';
import type { CanReachParams, CanReachResult, EndpointsResult } from '../../../server/src/protocol/protocol';
import type { ServerApi } from '../serverApi';
import { showMarkdown } from './documents';

/** Arguments to skip the questions (tree context menus, tests). */
export interface CanReachArgs {
  readonly from?: string;
  readonly to?: string;
  /** 0: any traffic; absent: ask. */
  readonly port?: number;
  readonly protocol?: CanReachParams['protocol'];
}

/**
 * "Can this reach…?": source, destination (workloads, `ip:`, `fqdn:`, `world`), port and
 * protocol, then the verdict in a notification; "Show Details" opens the explanation with links
 * to the rules. Returns the answer (undefined when the user cancelled).
 */
export async function canReachCommand(api: ServerApi, args: CanReachArgs = {}): Promise<CanReachResult | undefined> {
  const endpoints = args.from === undefined || args.to === undefined ? await api.endpoints() : { workloads: [], namespaces: [] };
  const from = args.from ?? (await pickEndpoint(endpoints, 'FROM'));
  if (from === undefined) return undefined;
  const to = args.to ?? (await pickEndpoint(endpoints, 'TO', from));
  if (to === undefined) return undefined;
  let port = args.port;
  let protocol = args.protocol;
  if (port === undefined) {
    const portText = await vscode.window.showInputBox({
      title: `Can ${from} reach ${to}?`,
      prompt: 'Port (leave empty to ask whether any traffic at all is allowed)',
      validateInput: (value) => (value.trim() === '' || validPort(value) ? undefined : 'A port is a number from 1 to 65535'),
    });
    if (portText === undefined) return undefined;
    port = portText.trim() === '' ? undefined : Number(portText.trim());
    if (port !== undefined && protocol === undefined) {
      const picked = await vscode.window.showQuickPick(PROTOCOLS.map((label) => ({ label, value: label })), { title: `Protocol of port ${port}` });
      if (picked === undefined) return undefined;
      protocol = picked.value;
    }
  }
  const result = await api.canReach({ from, to, ...(port ? { port, protocol: protocol ?? 'TCP' } : {}) });
  void showVerdict(result);
  return result;
}

async function showVerdict(result: CanReachResult): Promise<void> {
  if (result.error) {
    void vscode.window.showErrorMessage(`AKS Netlens: ${result.error}`);
    return;
  }
  const details = 'Show Details';
  const text = `${result.allowed ? 'Allowed' : 'Denied'}: ${result.question}. ${result.explanation[0] ?? ''}`.trim();
  const choice = result.allowed ? await vscode.window.showInformationMessage(text, details) : await vscode.window.showWarningMessage(text, details);
  if (choice === details) await showMarkdown(result.markdown);
}

const PROTOCOLS: readonly NonNullable<CanReachParams['protocol']>[] = ['TCP', 'UDP', 'SCTP'];

interface EndpointItem extends vscode.QuickPickItem {
  readonly value: string;
}

/** Workloads of the manifests, plus whatever the user types in the CLI's syntax. */
async function pickEndpoint(endpoints: EndpointsResult, role: 'FROM' | 'TO', from?: string): Promise<string | undefined> {
  const fixed: EndpointItem[] = [
    ...endpoints.workloads.filter((w) => w.id !== from).map((w) => ({ label: w.id, description: w.kind, value: w.id })),
    { label: 'world', description: 'any address outside the cluster', value: 'world' },
  ];
  const typed = (value: string): EndpointItem[] => {
    const text = value.trim();
    if (text === '' || fixed.some((i) => i.value === text)) return [];
    return [{ label: text, description: 'as typed', value: text }];
  };
  const examples = role === 'FROM' ? 'ip:<address>' : 'ip:<address> or fqdn:<name>';
  const quickPick = vscode.window.createQuickPick<EndpointItem>();
  quickPick.title = role === 'FROM' ? 'Can this reach…? Source' : `Can ${from} reach…? Destination`;
  quickPick.placeholder = `Pick a workload, or type <namespace>/<workload>, world, ${examples}`;
  quickPick.items = fixed;
  quickPick.matchOnDescription = true;
  return new Promise<string | undefined>((resolve) => {
    quickPick.onDidChangeValue((value) => (quickPick.items = [...typed(value), ...fixed]));
    quickPick.onDidAccept(() => {
      const value = quickPick.selectedItems[0]?.value ?? quickPick.value.trim();
      resolve(value || undefined);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

function validPort(value: string): boolean {
  const n = Number(value.trim());
  return /^\d+$/.test(value.trim()) && n >= 1 && n <= 65535;
}
