// The extension is installed in the real extension host and activates when a YAML file of the
// workspace (examples/aks-lab) is opened: activationEvents has onLanguage:yaml.
const assert = require('assert');
const vscode = require('vscode');
const { waitFor } = require('./util');

const EXTENSION_ID = 'aks-netlens.aks-netlens';

describe('activation', () => {
  it('is installed as aks-netlens.aks-netlens', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    assert.ok(ext.packageJSON.activationEvents.includes('onLanguage:yaml'), 'activates on YAML');
  });

  it('activates after a YAML file of the workspace is opened', async () => {
    const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
    assert.ok(folder, 'a workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'policies', 'default-deny-all.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'yaml');

    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    // opening the YAML file alone must trigger activation (onLanguage:yaml) ...
    await waitFor(() => ext.isActive, 30000, `${EXTENSION_ID} to activate after opening ${uri.path}`);
    // ... and activate() resolves (it rejects if the extension's activate() threw)
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });
});
