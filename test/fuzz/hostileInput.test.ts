import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspTestClient, renderDiagnostic, SERVER_BUNDLE } from '../support/lspClient';

/** Hostile documents over LSP: each gets its diagnostics quickly, one clear message, and the server keeps answering. */
describe('hostile input over LSP', { skip: !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run `npm run bundle` first' }, () => {
  let client: LspTestClient;
  /** A server with a small size limit, so the "too large" case needs no 20 MB message. */
  let small: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    small = new LspTestClient({ configuration: { maxFileSize: 4096 } });
    await Promise.all([client.initialize(), small.initialize()]);
  });
  after(async () => Promise.all([client.shutdown(), small.shutdown()]));

  /** Opens `text`, waits (bounded) for its diagnostics, and checks the server still answers a hover. */
  async function openAndWait(name: string, text: string, limitMs: number, on = client): Promise<PublishDiagnosticsParams> {
    const client = on;
    const uri = `file:///hostile/${name}.yaml`;
    const started = Date.now();
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, () => true, limitMs);
    assert.ok(Date.now() - started < limitMs, `${name}: diagnostics took ${Date.now() - started} ms`);
    const hover = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    await Promise.race([hover, new Promise((_, reject) => setTimeout(() => reject(new Error(`${name}: hover hangs`)), 2000))]);
    assert.equal(client.exited, null, `${name}: the server exited`);
    return published;
  }

  const policyHead = ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: lol', '  namespace: shop'];

  test('an alias bomb ("billion laughs") gets one clear error and is never expanded', async () => {
    const lines = [...policyHead, 'spec:', '  podSelector: {}', '  policyTypes: [Ingress]', '  ingress:', '  - from:', '    - podSelector:', '        matchLabels: &l0 {a: lol}'];
    // Ten levels of nine aliases each: billions of copies if expanded.
    const bomb = ['x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++) bomb.push(`x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const text = [...lines, 'status:', ...bomb.map((l) => `  ${l}`), ''].join('\n');
    const published = await openAndWait('alias-bomb', text, 5000);
    const aliasErrors = published.diagnostics.filter((d) => /alias bomb/.test(String(d.message)));
    assert.deepEqual(aliasErrors.map(renderDiagnostic), [
      `1:1-1:2 error yaml/syntax Aliases expand this document to more than a billion nodes from 142 written (an alias bomb): YAML decoders such as Kubernetes' refuse excessive aliasing.`,
    ]);
  });

  test('ten thousand nested [ give one error and no hang', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ' + '['.repeat(10_000) + '\n';
    const published = await openAndWait('deep-flow', text, 5000);
    assert.deepEqual(published.diagnostics.map(renderDiagnostic), ['4:207-4:208 error yaml/syntax Nesting deeper than 200 levels: the deeper content is not analysed.']);
  });

  test('deep block nesting gives the same single error', async () => {
    const levels = Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}- `).join('\n');
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n${levels}x\n`;
    const published = await openAndWait('deep-block', text, 5000);
    assert.equal(published.diagnostics.length, 1);
    assert.match(String(published.diagnostics[0].message), /^Nesting deeper than 200 levels/);
  });

  test('a file over the size limit gets one information and no analysis', async () => {
    const doc = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: big\n  labels: {a: [x}\n---\n';
    const published = await openAndWait('too-large', doc.repeat(100), 5000, small);
    assert.deepEqual(published.diagnostics.map(renderDiagnostic), [
      '1:1-1:1 information yaml/skipped This file is 8 KB, over the 4 KB limit (setting aksNetlens.maxFileSize): it is not analysed.',
    ]);
    // The same text under the limit is analysed: its syntax error shows.
    const analysed = await openAndWait('not-too-large', doc, 5000, small);
    assert.ok(analysed.diagnostics.length > 0 && analysed.diagnostics.every((d) => d.code === 'yaml/syntax'), JSON.stringify(analysed.diagnostics));
  });

  test('binary content (NUL bytes) and broken UTF-8 (U+FFFD) get one information each', async () => {
    const binary = await openAndWait('binary', 'apiVersion: v1\nkind: Secret\nmetadata: {name: x}\ndata: {a: "\u0000\u0001"}\n', 5000);
    assert.deepEqual(binary.diagnostics.map(renderDiagnostic), [
      '4:12-4:13 information yaml/skipped This file is not valid UTF-8 text (binary content or a broken encoding): it is not analysed.',
    ]);
    const broken = await openAndWait('latin1', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\uFFFD}\n', 5000);
    assert.deepEqual(broken.diagnostics.map(renderDiagnostic), [
      '3:21-3:22 information yaml/skipped This file is not valid UTF-8 text (binary content or a broken encoding): it is not analysed.',
    ]);
  });

  test('a Helm template is skipped with one information', async () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  ports: [{port: {{ .Values.port }}}]\n';
    const published = await openAndWait('helm', text, 5000);
    assert.deepEqual(published.diagnostics.map(renderDiagnostic), [
      '4:9-4:39 information yaml/skipped This file is a Helm/Go template ({{ … }}): it is skipped. Render it first (helm template …) to check the result.',
    ]);
  });
});
