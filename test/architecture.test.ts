/**
 * The dependency rules of ARCHITECTURE.md, checked on the sources: the core does no I/O and
 * knows no editor or protocol; only the client imports `vscode`; the client reaches the server
 * only through the protocol module; the CLI does not depend on the language server.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './support/lspClient';

const root = repoRoot();

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(rel));
    else if (entry.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

function violations(dir: string, forbidden: (spec: string, file: string) => boolean): string[] {
  return sources(dir).flatMap((file) => imports(file).filter((spec) => forbidden(spec, file)).map((spec) => `${file} imports ${spec}`));
}

test('the core imports no I/O, no editor and no protocol package', () => {
  const bad = violations('server/src/core', (spec) => /^(node:|fs$|path$|os$|child_process$|url$|vscode)/.test(spec));
  assert.deepEqual(bad, []);
  const globals = sources('server/src/core').filter((f) => /\b(process\.|console\.)/.test(fs.readFileSync(path.join(root, f), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')));
  assert.deepEqual(globals, []);
});

test('only the client imports vscode, and it reaches the server only through the protocol module', () => {
  assert.deepEqual(violations('server/src', (spec) => spec === 'vscode'), []);
  assert.deepEqual(
    violations('client/src', (spec) => spec.includes('server/src/') && !spec.endsWith('server/src/protocol/protocol')),
    [],
  );
});

test('features use LSP data types only; the CLI depends on neither the language server nor the features', () => {
  assert.deepEqual(violations('server/src/features', (spec) => spec === 'vscode-languageserver' || spec.startsWith('vscode-languageserver/') || /\/(lsp|cli)\//.test(spec) || /^(node:|fs$)/.test(spec)), []);
  assert.deepEqual(violations('server/src/cli', (spec) => spec.startsWith('vscode-languageserver') || /\/(lsp|features)\//.test(spec)), []);
});

test('the protocol module shared with the client imports nothing', () => {
  assert.deepEqual(imports('server/src/protocol/protocol.ts'), []);
});
