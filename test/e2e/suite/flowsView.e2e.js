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
    const replacePort = async (from, to) => {
      const offset = doc.getText().indexOf(from);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + from.length)), to);
      assert.ok(await vscode.workspace.applyEdit(edit), `edit ${from} → ${to}`);
    };
    const peerDescription = async () => {
      const peer = await path(tree, TO_PAYMENT);
      return peer && tree.getTreeItem(peer).description;
    };
    await replacePort('"8080"', '"9090"');
    try {
      // Unsaved: the server analyses the editor's text, and the tree follows.
      await waitFor(async () => (await peerDescription()) === "TCP 8080 · blocked by peer's policies", 30000, 'the flow to show as blocked by the peer');
      const peer = await path(tree, TO_PAYMENT);
      assert.strictEqual(tree.getTreeItem(peer).iconPath.id, 'circle-slash');
      await replacePort('"9090"', '"8080"');
      await waitFor(async () => (await peerDescription()) === 'TCP 8080', 30000, 'the flow to be allowed again after undoing the edit');
    } finally {
      // Never save: the workspace is the repository's example. The text equals the file again; revert clears the dirty flag.
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});

describe('Network Flows filters', () => {
  async function openLabFile(relative, needle) {
    const folder = vscode.workspace.workspaceFolders[0];
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, ...relative.split('/')));
    const editor = await vscode.window.showTextDocument(doc);
    if (needle) {
      const at = doc.positionAt(doc.getText().indexOf(needle));
      editor.selection = new vscode.Selection(at, at);
    }
    return editor;
  }

  async function rootLabels(tree) {
    const roots = await tree.getChildren();
    return roots.map((n) => labelOf(tree.getTreeItem(n)));
  }

  it('"only the active file" keeps the workloads of the file, or those its policies govern', async () => {
    const tree = await flowsTree();
    await waitFor(() => path(tree, TO_PAYMENT), 30000, 'the full tree');
    await openLabFile('web-frontend.yaml');
    await vscode.commands.executeCommand('aksNetlens.toggleActiveFileOnly');
    try {
      await waitFor(async () => (await rootLabels(tree)).join() === 'frontend,Notes on the model', 30000, 'only the frontend namespace');
      await openLabFile('policies/payment-egress-domains.yaml');
      await waitFor(async () => (await rootLabels(tree)).join() === 'backend,Notes on the model', 30000, 'only the backend namespace');
    } finally {
      await vscode.commands.executeCommand('aksNetlens.toggleActiveFileOnly');
    }
    await waitFor(async () => (await rootLabels(tree)).join() === 'backend,frontend,kube-system,shop,Notes on the model', 30000, 'all namespaces again (the lab and the playground)');
  });

  it('"follow the cursor" selects the workload whose manifest holds the cursor', async () => {
    const tree = await flowsTree();
    await vscode.commands.executeCommand('aksNetlens.flows.focus');
    await vscode.commands.executeCommand('aksNetlens.toggleFollowCursor');
    try {
      await openLabFile('payment-service.yaml', 'containerPort');
      const selected = await waitFor(() => tree.selection()[0], 30000, 'a selected workload');
      assert.strictEqual(selected.type, 'workload');
      assert.strictEqual(selected.workload.id, 'backend/payment-service');
    } finally {
      await vscode.commands.executeCommand('aksNetlens.toggleFollowCursor');
    }
  });
});
