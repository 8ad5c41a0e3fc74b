import * as vscode from 'vscode';

/** What the user narrowed the tree to; kept per workspace. */
export interface FlowsFilters {
  /** Empty: all namespaces. */
  readonly namespaces: readonly string[];
  readonly onlyActiveFile: boolean;
  readonly followCursor: boolean;
}

const KEY = 'aksNetlens.flows.filters';
const NONE: FlowsFilters = { namespaces: [], onlyActiveFile: false, followCursor: false };

export function loadFilters(state: vscode.Memento): FlowsFilters {
  const saved = state.get<Partial<FlowsFilters>>(KEY) ?? {};
  return {
    namespaces: Array.isArray(saved.namespaces) ? saved.namespaces.filter((n): n is string => typeof n === 'string') : NONE.namespaces,
    onlyActiveFile: saved.onlyActiveFile === true,
    followCursor: saved.followCursor === true,
  };
}

export function saveFilters(state: vscode.Memento, filters: FlowsFilters): Thenable<void> {
  return state.update(KEY, filters);
}

/** The view's description: what is filtered, so a narrowed tree never looks like missing data. */
export function describeFilters(filters: FlowsFilters): string | undefined {
  const parts: string[] = [];
  if (filters.namespaces.length > 0) parts.push(filters.namespaces.join(', '));
  if (filters.onlyActiveFile) parts.push('active file');
  if (filters.followCursor) parts.push('following cursor');
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** Multi-select of the namespaces the server knows; none picked means all. Undefined when dismissed. */
export async function pickNamespaces(known: readonly string[], current: readonly string[]): Promise<string[] | undefined> {
  const items = [...new Set([...known, ...current])].sort().map((ns) => ({ label: ns, picked: current.includes(ns) }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('AKS Netlens: the manifests name no namespace yet.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Network Flows: show namespaces',
    placeHolder: 'Pick the namespaces to show (none picked: all)',
  });
  return picked?.map((p) => p.label);
}
