import * as vscode from 'vscode';
import type { ServerApi } from '../serverApi';
import { showMarkdown } from './documents';

/** "Explain policy": what the policy under the cursor does, as a Markdown preview. Returns the Markdown document. */
export async function explainPolicyCommand(api: ServerApi): Promise<vscode.TextDocument | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('AKS Netlens: open a policy file and place the cursor inside a policy.');
    return undefined;
  }
  const position = editor.selection.active;
  const result = await api.explainPolicy({ uri: editor.document.uri.toString(), position: { line: position.line, character: position.character } });
  if (!result) {
    void vscode.window.showInformationMessage('AKS Netlens: the cursor is not inside a NetworkPolicy, CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy.');
    return undefined;
  }
  return showMarkdown(result.markdown);
}
