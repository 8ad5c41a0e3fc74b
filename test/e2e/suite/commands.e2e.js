// The palette commands, run with their arguments (the questions they would ask are skipped)
// against the examples/aks-lab workspace.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { waitFor } = require('./util');

const EXTENSION_ID = 'aks-netlens.aks-netlens';

async function activated() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
}

// Untitled documents the commands open are left open: closing one frees its name (Untitled-1),
// and the next new untitled document may then come back with the closed one's text.

describe('commands', () => {
  before(activated);

  it('Insert Default-Deny Policy appends a NetworkPolicy as a new document of the active YAML file', async () => {
    // A YAML file outside the workspace (the workspace is the repository's example): never saved.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aks-netlens-e2e-')), 'shop.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    try {
      const result = await vscode.commands.executeCommand('aksNetlens.insertDefaultDeny', {
        namespace: 'shop',
        direction: 'both',
        flavor: 'NetworkPolicy',
        allowDns: true,
      });
      assert.strictEqual(result.uri.toString(), doc.uri.toString());
      const text = doc.getText();
      assert.ok(text.startsWith('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n# Default deny: all ingress and egress of every pod in namespace shop is denied unless another policy allows it.\n'), text);
      const policy = text.slice(text.indexOf('---\n') + 4);
      for (const line of ['kind: NetworkPolicy', '  name: default-deny-all', '  namespace: shop', '  podSelector: {}', '  policyTypes:\n    - Ingress\n    - Egress', '              k8s-app: kube-dns', '        - protocol: UDP\n          port: 53']) {
        assert.ok(policy.includes(line), `missing ${JSON.stringify(line)} in\n${policy}`);
      }
      // The cursor waits at the start of the inserted document.
      const editor = vscode.window.activeTextEditor;
      assert.strictEqual(editor.document.lineAt(editor.selection.active.line).text, '# Default deny: all ingress and egress of every pod in namespace shop is denied unless another policy allows it.');
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('Insert Default-Deny Policy opens a new YAML file when the active editor is not YAML', async () => {
    const folder = vscode.workspace.workspaceFolders[0];
    const readme = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'README.md'));
    await vscode.window.showTextDocument(readme);
    const doc = await vscode.commands.executeCommand('aksNetlens.insertDefaultDeny', { namespace: 'backend', direction: 'ingress', flavor: 'CiliumNetworkPolicy' });
    try {
      assert.strictEqual(doc.isUntitled, true);
      assert.strictEqual(doc.languageId, 'yaml');
      assert.strictEqual(readme.isDirty, false, 'the Markdown file is left alone');
      const text = doc.getText();
      assert.ok(text.includes('kind: CiliumNetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: backend\nspec:\n  endpointSelector: {}\n  ingress:\n    - {}\n'), text);
      assert.ok(!text.includes('egress:'), 'ingress only');
    } finally {
      await vscode.window.showTextDocument(readme);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('Can This Reach answers from the CLI words, without asking when given everything', async () => {
    const allowed = await waitFor(
      async () => {
        const r = await vscode.commands.executeCommand('aksNetlens.canReach', { from: 'frontend/web-frontend', to: 'backend/payment-service', port: 8080, protocol: 'TCP' });
        return r && !r.error && r;
      },
      30000,
      'the server to know the lab workloads',
    );
    assert.strictEqual(allowed.allowed, true);
    assert.strictEqual(allowed.question, 'frontend/web-frontend → backend/payment-service on TCP 8080');
    const denied = await vscode.commands.executeCommand('aksNetlens.canReach', { from: 'backend/payment-service', to: 'frontend/web-frontend', port: 0 });
    assert.strictEqual(denied.allowed, false);
  });

  it('Export Flows opens the CLI CSV in an untitled document', async () => {
    const doc = await vscode.commands.executeCommand('aksNetlens.exportFlows', { format: 'csv' });
    assert.strictEqual(doc.isUntitled, true);
    const lines = doc.getText().split('\r\n');
    assert.strictEqual(lines[0], 'from,to,ports,l7,rules');
    assert.ok(lines.some((l) => l.startsWith('frontend/web-frontend,backend/payment-service,TCP 8080,,')), doc.getText());
  });

  it('Explain Policy describes the policy under the cursor', async () => {
    const folder = vscode.workspace.workspaceFolders[0];
    const policy = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'policies', 'payment-egress-domains.yaml'));
    const editor = await vscode.window.showTextDocument(policy);
    const at = policy.positionAt(policy.getText().indexOf('- toFQDNs:'));
    editor.selection = new vscode.Selection(at, at);
    const doc = await vscode.commands.executeCommand('aksNetlens.explainPolicy');
    assert.strictEqual(doc.languageId, 'markdown');
    assert.ok(doc.getText().startsWith('# CiliumNetworkPolicy backend/payment-egress-domains\n\nApplies to 1 workload: `backend/payment-service`.'), doc.getText());
  });
});
