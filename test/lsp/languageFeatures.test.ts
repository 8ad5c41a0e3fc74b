import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionItem, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient, repoRoot, SERVER_BUNDLE } from '../support/lspClient';

const LAB = path.join(repoRoot(), 'examples', 'aks-lab');
const labUri = (relative: string) => pathToFileURL(path.join(LAB, relative)).href;

describe('hover, completion and code actions over LSP (bundled server)', { skip: !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run `npm run bundle` first' }, () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    const result = (await client.initialize([{ uri: pathToFileURL(LAB).href, name: 'aks-lab' }])) as { capabilities: Record<string, unknown> };
    assert.equal(result.capabilities.hoverProvider, true);
    assert.deepEqual(result.capabilities.completionProvider, { triggerCharacters: [' ', '"'], resolveProvider: false });
    assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
    // The workspace folder is indexed in the background; selections need every file of it.
    const deadline = Date.now() + 15_000;
    while (!client.logs.some((l) => /Indexed \d+ manifest files/.test(l))) {
      if (Date.now() > deadline) throw new Error(`workspace not indexed; logs: ${client.logs.join('\n')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  after(async () => client.shutdown());

  test('hover on a lab selector shows the workload it selects, linked to its file', async () => {
    const uri = labUri('policies/allow-frontend-ingress.yaml');
    await client.open(uri, fs.readFileSync(path.join(LAB, 'policies/allow-frontend-ingress.yaml'), 'utf8'));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 5 } })) as Hover;
    assert.deepEqual(hover.range, { start: { line: 9, character: 2 }, end: { line: 9, character: 18 } });
    const value = (hover.contents as MarkupContent).value;
    assert.ok(value.startsWith('**`endpointSelector`** · label selector'), value);
    assert.ok(value.includes(`- [backend/payment-service](${labUri('payment-service.yaml')}#L8)`), value);
  });

  test('completion offers the app labels of the lab\'s pods', async () => {
    const uri = labUri('scratch-completion.yaml');
    const text = 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: scratch\n  namespace: backend\nspec:\n  endpointSelector:\n    matchLabels:\n      app: \n';
    await client.open(uri, text);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 11 } })) as CompletionItem[];
    assert.deepEqual(items.map((i) => i.label), ['payment-service', 'web-frontend']);
    assert.deepEqual((items[0].textEdit as TextEdit).range, { start: { line: 8, character: 11 }, end: { line: 8, character: 11 } });
  });

  test('a finding with a fix comes back as a quick-fix code action with its edit', async () => {
    const uri = labUri('scratch-typo.yaml');
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: typo\n  namespace: backend\nspec:\n  podselector: {}\n  policyTypes:\n    - Ingress\n';
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'schema/unknown-field'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'schema/unknown-field')!;
    assert.deepEqual(diagnostic.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 13 } });
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    const rename = actions.find((a) => a.title === 'Rename to "podSelector"');
    assert.ok(rename, JSON.stringify(actions));
    assert.equal(rename.kind, 'quickfix');
    assert.equal(rename.isPreferred, true);
    assert.deepEqual(rename.edit, { changes: { [uri]: [{ range: diagnostic.range, newText: 'podSelector' }] } });
    const refactors = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [], only: ['refactor'] } });
    assert.deepEqual(refactors, []);
  });
});
