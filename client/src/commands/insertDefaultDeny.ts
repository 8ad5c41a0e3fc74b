import * as vscode from 'vscode';
import type { DefaultDenyParams } from '../../../server/src/protocol/protocol';
import type { ServerApi } from '../serverApi';

/** Arguments to skip the questions (the namespace's context menu, tests). */
export type DefaultDenyArgs = Partial<DefaultDenyParams>;

interface Choice<T> extends vscode.QuickPickItem {
  readonly value: T;
}

const DIRECTIONS: Choice<Pick<DefaultDenyParams, 'direction' | 'allowDns'>>[] = [
  { label: 'Ingress and egress', description: 'DNS to CoreDNS still allowed (recommended)', value: { direction: 'both', allowDns: true } },
  { label: 'Ingress only', description: 'nothing may connect in unless allowed', value: { direction: 'ingress', allowDns: false } },
  { label: 'Egress only', description: 'DNS to CoreDNS still allowed', value: { direction: 'egress', allowDns: true } },
  { label: 'Ingress and egress, no exception', description: 'DNS lookups fail too', value: { direction: 'both', allowDns: false } },
  { label: 'Egress only, no exception', description: 'DNS lookups fail too', value: { direction: 'egress', allowDns: false } },
];

const FLAVORS: Choice<DefaultDenyParams['flavor']>[] = [
  { label: 'NetworkPolicy', description: 'networking.k8s.io/v1 — enforced by every AKS policy engine', value: 'NetworkPolicy' },
  { label: 'CiliumNetworkPolicy', description: 'cilium.io/v2 — Azure CNI powered by Cilium only', value: 'CiliumNetworkPolicy' },
];

/**
 * "Insert default-deny policy…": namespace, direction and kind, then the server writes the
 * policy; it goes as a new `---` document at the end of the active YAML editor, or into a new
 * untitled YAML file. Returns the document it went into (undefined when cancelled).
 */
export async function insertDefaultDenyCommand(api: ServerApi, args: DefaultDenyArgs = {}): Promise<vscode.TextDocument | undefined> {
  const namespace = args.namespace ?? (await pickNamespace(api));
  if (namespace === undefined) return undefined;
  let direction = args.direction;
  let allowDns = args.allowDns;
  if (direction === undefined) {
    const picked = await vscode.window.showQuickPick(DIRECTIONS, { title: `Default deny for namespace ${namespace}: directions` });
    if (!picked) return undefined;
    ({ direction, allowDns } = picked.value);
  }
  const flavor = args.flavor ?? (await vscode.window.showQuickPick(FLAVORS, { title: 'Policy kind' }))?.value;
  if (flavor === undefined) return undefined;
  const result = await api.defaultDeny({ namespace, direction, flavor, allowDns: allowDns ?? direction !== 'ingress' });
  if (result.error) {
    void vscode.window.showErrorMessage(`AKS Netlens: ${result.error}`);
    return undefined;
  }
  return insertDocument(result.text);
}

async function pickNamespace(api: ServerApi): Promise<string | undefined> {
  const known = (await api.endpoints()).namespaces.filter((ns) => ns !== 'kube-system');
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  quickPick.title = 'Default deny: namespace';
  quickPick.placeholder = 'Pick a namespace of the manifests, or type a name';
  const fixed = known.map((label) => ({ label }));
  quickPick.items = fixed;
  return new Promise<string | undefined>((resolve) => {
    quickPick.onDidChangeValue((value) => {
      const text = value.trim();
      quickPick.items = text && !known.includes(text) ? [{ label: text, description: 'as typed' }, ...fixed] : fixed;
    });
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.label ?? (quickPick.value.trim() || undefined));
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

/** Appends the policy as a new YAML document to the active YAML editor, or opens it in a new file. */
async function insertDocument(text: string): Promise<vscode.TextDocument> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'yaml') {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
    await vscode.window.showTextDocument(document);
    return document;
  }
  const document = editor.document;
  const existing = document.getText();
  const end = document.positionAt(existing.length);
  let prefix = '';
  if (existing.trim() !== '') prefix = (existing.endsWith('\n') ? '' : '\n') + '---\n';
  const startOffset = existing.length + prefix.length;
  await editor.edit((edit) => edit.insert(end, prefix + text));
  const start = document.positionAt(startOffset);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenter);
  return document;
}
