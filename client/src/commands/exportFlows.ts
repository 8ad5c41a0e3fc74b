import * as vscode from 'vscode';
import type { ExportFormat } from '../../../server/src/protocol/protocol';
import type { ServerApi } from '../serverApi';
import { showUntitled } from './documents';

interface FormatChoice extends vscode.QuickPickItem {
  readonly format: ExportFormat;
  readonly language: string;
}

const FORMATS: FormatChoice[] = [
  { label: 'Markdown', description: 'tables per workload', format: 'md', language: 'markdown' },
  { label: 'CSV', description: 'one row per allowed peer', format: 'csv', language: 'csv' },
  { label: 'DOT', description: 'Graphviz graph of the flows', format: 'dot', language: 'dot' },
  { label: 'JSON', description: 'for scripts', format: 'json', language: 'json' },
  { label: 'Text', description: 'aligned plain text', format: 'text', language: 'plaintext' },
];

/** "Export flows": the flows of the workspace (or one namespace) in a new untitled document. */
export async function exportFlowsCommand(api: ServerApi, args: { format?: ExportFormat; namespace?: string } = {}): Promise<vscode.TextDocument | undefined> {
  const choice = args.format ? FORMATS.find((f) => f.format === args.format) : await vscode.window.showQuickPick(FORMATS, { title: 'Export flows as' });
  if (!choice) return undefined;
  const { text } = await api.exportFlows({ format: choice.format, ...(args.namespace ? { namespace: args.namespace } : {}) });
  return showUntitled(text, choice.language);
}
