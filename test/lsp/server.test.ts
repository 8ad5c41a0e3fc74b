import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { LspTestClient, renderDiagnostic, SERVER_BUNDLE } from '../support/lspClient';

describe('language server over LSP (stdio, as an editor runs it)', { skip: !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run `npm run bundle` first' }, () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => client.shutdown());

  test('answers initialize with its capabilities', async () => {
    const other = new LspTestClient();
    const result = (await other.initialize()) as { capabilities: { textDocumentSync: number }; serverInfo: { name: string } };
    assert.equal(result.serverInfo.name, 'aks-netlens');
    assert.equal(result.capabilities.textDocumentSync, 2);
    await other.shutdown();
  });

  test('publishes a YAML syntax error at its exact range', async () => {
    const uri = 'file:///ws/broken.yaml';
    await client.open(uri, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n');
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map(renderDiagnostic), ['5:3-5:7 error yaml/syntax Map keys must be unique']);
  });

  test('a fix in the editor clears the diagnostic, and stale versions are never published', async () => {
    const uri = 'file:///ws/fixed.yaml';
    await client.open(uri, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: [a}\n', 1);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.change(uri, 2, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n');
    const cleared = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(cleared.diagnostics, []);
  });

  test('edits sent as ranges give the diagnostics of the resulting text, as if it were opened fresh', async () => {
    const uri = 'file:///ws/typed.yaml';
    const policy = (name: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n`;
    let text = `${policy('a')}---\n${policy('b')}---\n${policy('c')}`;
    await client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    // Each edit as an editor sends it: one range of the text before it, and its replacement.
    const edits: [string, string][] = [
      ['policyTypes: [Ingress]\n---\napiVersion', 'policyTypes: [Ingress, Egres]\n---\napiVersion'], // a typo inside the first document
      ['---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: b', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: b'], // a marker deleted: two documents run together
      ['  name: c\n', '  name: c\n  labels: {tier: web\n'], // a syntax error in the last one
    ];
    let version = 1;
    for (const [before, after] of edits) {
      const start = text.indexOf(before);
      assert.ok(start >= 0, before);
      const position = (offset: number) => {
        const lines = text.slice(0, offset).split('\n');
        return { line: lines.length - 1, character: lines[lines.length - 1].length };
      };
      version++;
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: position(start), end: position(start + before.length) }, text: after }],
      });
      text = text.slice(0, start) + after + text.slice(start + before.length);
      const edited = await client.waitForDiagnostics(uri, (p) => p.version === version);
      // The same text opened in a server of its own (in this one, it would duplicate the policies).
      const other = new LspTestClient();
      await other.initialize();
      await other.open(uri, text, 1);
      const fresh = await other.waitForDiagnostics(uri, (p) => p.version === 1);
      await other.shutdown();
      assert.deepEqual(edited.diagnostics.map(renderDiagnostic), fresh.diagnostics.map(renderDiagnostic), `after edit ${version - 1}`);
      assert.ok(edited.diagnostics.length > 0);
    }
  });

  test('a Helm template gets one information message and no syntax errors', async () => {
    const uri = 'file:///ws/chart/templates/deploy.yaml';
    await client.open(uri, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "x.fullname" . }}\n{{- if .Values.enabled }}\nspec: {}\n{{- end }}\n');
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.equal(published.diagnostics.length, 1);
    assert.equal(published.diagnostics[0].severity, 3);
    assert.match(String(published.diagnostics[0].message), /Helm\/Go template/);
  });

  test('non-Kubernetes YAML is ignored quietly', async () => {
    const uri = 'file:///ws/docker-compose.yaml';
    await client.open(uri, 'services:\n  web:\n    image: nginx\n    ports: ["80:80"\n');
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics, []);
  });
});
