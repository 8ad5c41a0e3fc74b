// Diagnostics, hover and quick-fixes through the real VS Code API, on the scratch copy of the lab
// (test/e2e/run-all.sh adds playground.yaml, a file with typical mistakes, next to the lab).
const assert = require('assert');
const vscode = require('vscode');
const { waitFor } = require('./util');

function fileUri(...segments) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

async function open(...segments) {
  const doc = await vscode.workspace.openTextDocument(fileUri(...segments));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function ours(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'aks-netlens');
}

function positionOf(doc, text, occurrence = 0) {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = doc.getText().indexOf(text, index + 1);
  assert.ok(index >= 0, `"${text}" not found in ${doc.uri.path}`);
  return doc.positionAt(index);
}

describe('language features in the editor', () => {
  it('publishes diagnostics with exact ranges for the playground mistakes', async () => {
    const doc = await open('playground.yaml');
    const diagnostics = await waitFor(() => {
      const d = ours(doc.uri);
      return d.some((x) => x.code === 'schema/unknown-field') && d.some((x) => x.code === 'schema/bad-enum') && d;
    }, 30000, 'diagnostics on playground.yaml');
    const typo = diagnostics.find((d) => d.code === 'schema/unknown-field');
    assert.strictEqual(doc.getText(typo.range), 'policytypes');
    assert.strictEqual(typo.severity, vscode.DiagnosticSeverity.Error);
    assert.match(typo.message, /did you mean "policyTypes"/);
    const protocol = diagnostics.find((d) => d.code === 'schema/bad-enum');
    assert.strictEqual(doc.getText(protocol.range), 'tcp');
  });

  it('keeps the lab itself free of errors and warnings', async () => {
    const doc = await open('policies', 'payment-egress-domains.yaml');
    // Wait until the server has analysed the file (the playground is already analysed, so the server is up).
    await new Promise((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => resolve(sub.dispose()));
      setTimeout(() => resolve(sub.dispose()), 3000);
    });
    const bad = ours(doc.uri).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepStrictEqual(bad.map((d) => d.message), []);
  });

  it('hovering a selector shows the pods it matches in the workspace', async () => {
    const doc = await open('policies', 'allow-frontend-ingress.yaml');
    const at = positionOf(doc, 'app: web-frontend').translate(0, 'app: '.length + 2);
    const hovers = await waitFor(async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, at);
      const text = (h || []).flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return text.includes('frontend/web-frontend') && text;
    }, 30000, 'a hover naming frontend/web-frontend');
    assert.match(hovers, /frontend\/web-frontend/);
  });

  it('applies the quick-fix for a mistyped key', async () => {
    const doc = await open('playground.yaml');
    const typo = await waitFor(() => ours(doc.uri).find((d) => d.code === 'schema/unknown-field'), 30000, 'the policytypes diagnostic');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, typo.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /policyTypes/.test(a.title));
    assert.ok(fix, `a fix naming policyTypes among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /\n {2}policyTypes: \[Ingress\]\n/);
    await waitFor(() => !ours(doc.uri).some((d) => d.code === 'schema/unknown-field'), 30000, 'the diagnostic to go away');
  });

  it('inserts a default-deny policy for a namespace that has none', async () => {
    const doc = await open('playground.yaml');
    const finding = await waitFor(() => ours(doc.uri).find((d) => d.code === 'policy/namespace-without-default-deny'), 30000, 'the missing default-deny information');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /denying ingress and egress by default in shop \(end of this file\)/.test(a.title) && a.edit && a.edit.has(doc.uri));
    assert.ok(fix, `a default-deny fix in this file among: ${actions.map((a) => a.title).join(' | ')}`);
    const before = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const added = doc.getText().slice(before.length);
    assert.ok(doc.getText().startsWith(before.trimEnd()), 'the fix only appends');
    assert.match(added, /kind: (NetworkPolicy|CiliumNetworkPolicy)/);
    assert.match(added, /namespace: shop/);
    await waitFor(() => !ours(doc.uri).some((d) => d.code === 'policy/namespace-without-default-deny'), 30000, 'the information to go away');
  });
});

describe('beside the Red Hat YAML extension', () => {
  it('reports YAML syntax errors itself when that extension is not installed (yamlSyntaxErrors: auto)', async () => {
    assert.strictEqual(vscode.extensions.getExtension('redhat.vscode-yaml'), undefined, 'this test workspace runs without Red Hat YAML');
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n' });
    await vscode.window.showTextDocument(doc);
    const syntax = await waitFor(() => ours(doc.uri).find((d) => d.code === 'yaml/syntax'), 30000, 'a yaml/syntax diagnostic');
    assert.strictEqual(doc.getText(syntax.range), 'name');
  });
});
