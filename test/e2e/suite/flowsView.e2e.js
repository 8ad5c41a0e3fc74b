// The Network Flows view on examples/aks-lab, walked through the tree the extension exports
// from activate() ({ flowsTree: { getChildren, getTreeItem } }), as VS Code itself walks it.
const assert = require('assert');
const vscode = require('vscode');
const { waitFor } = require('./util');

const EXTENSION_ID = 'aks-netlens.aks-netlens';

async function flowsTree() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  assert.ok(api && api.flowsTree, 'activate() returns { flowsTree }');
  return api.flowsTree;
}

function labelOf(item) {
  return typeof item.label === 'string' ? item.label : item.label && item.label.label;
}

/** The child of `parent` (undefined: a root) whose label is `label`, or undefined. */
async function child(tree, parent, label) {
  const children = await tree.getChildren(parent);
  return children.find((node) => labelOf(tree.getTreeItem(node)) === label);
}

/** Follows labels from the roots; undefined as soon as one is missing. */
async function path(tree, labels) {
  let node;
  for (const label of labels) {
    node = await child(tree, node, label);
    if (!node) return undefined;
  }
  return node;
}

const TO_PAYMENT = ['frontend', 'web-frontend', 'Egress', 'backend/payment-service'];

describe('Network Flows view', () => {
  it('shows frontend/web-frontend → backend/payment-service TCP 8080, allowed by both ends', async () => {
    const tree = await flowsTree();
    // The server indexes the workspace in the background; the tree follows its notifications.
    const peer = await waitFor(() => path(tree, TO_PAYMENT), 30000, 'frontend › web-frontend › Egress › backend/payment-service');
    const item = tree.getTreeItem(peer);
    assert.strictEqual(item.description, 'TCP 8080');
    assert.strictEqual(item.iconPath.id, 'pass');

    const workload = tree.getTreeItem(await path(tree, TO_PAYMENT.slice(0, 2)));
    assert.strictEqual(workload.description, 'ingress: isolated by 1 policy · egress: isolated by 2 policies');
    const ingress = tree.getTreeItem(await path(tree, ['frontend', 'web-frontend', 'Ingress']));
    assert.strictEqual(ingress.description, 'everything denied');
  });

  it('opens the rule that allows the flow at its exact range', async () => {
    const tree = await flowsTree();
    const peer = await waitFor(() => path(tree, TO_PAYMENT), 30000, 'the web-frontend → payment-service peer');
    const [rule] = await tree.getChildren(peer);
    const item = tree.getTreeItem(rule);
    assert.strictEqual(labelOf(item), 'frontend/frontend-to-payment egress[1]');
    assert.strictEqual(item.description, 'frontend-to-payment.yaml:24');
    await vscode.commands.executeCommand(item.command.command, ...item.command.arguments);
    const editor = await waitFor(
      () => vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.path.endsWith('/policies/frontend-to-payment.yaml') && vscode.window.activeTextEditor,
      10000,
      'frontend-to-payment.yaml in the active editor',
    );
    assert.deepStrictEqual([editor.selection.start.line, editor.selection.start.character], [23, 6]);
    assert.strictEqual(editor.document.lineAt(23).text.trim(), '- toEndpoints:');
  });

  it('updates live while a policy is edited, showing the flow blocked by the peer', async () => {
    const tree = await flowsTree();
    await waitFor(() => path(tree, TO_PAYMENT), 30000, 'the flow before the edit');
    const folder = vscode.workspace.workspaceFolders[0];
    const uri = vscode.Uri.joinPath(folder.uri, 'policies', 'allow-frontend-ingress.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('"8080"');
    assert.ok(at > 0, 'the policy lists port "8080"');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 6)), '"9090"');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      // Unsaved: the server analyses the editor's text, and the tree follows.
      await waitFor(
        async () => {
          const peer = await path(tree, TO_PAYMENT);
          return peer && tree.getTreeItem(peer).description === "TCP 8080 · blocked by peer's policies";
        },
        30000,
        'the flow to show as blocked by the peer',
      );
      const peer = await path(tree, TO_PAYMENT);
      assert.strictEqual(tree.getTreeItem(peer).iconPath.id, 'circle-slash');
    } finally {
      // Never save: the workspace is the repository's example.
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor(
      async () => {
        const peer = await path(tree, TO_PAYMENT);
        return peer && tree.getTreeItem(peer).description === 'TCP 8080';
      },
      30000,
      'the flow to be allowed again after the revert',
    );
  });
});
