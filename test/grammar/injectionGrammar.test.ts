import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot } from './repoRoot';

const root = repoRoot();
const cases = 'test/grammar/cases/*.test.yaml';

/** Runs vscode-tmgrammar-test on the cases with a grammar configuration (package.json shape). */
function runGrammarTests(config: string): { status: number | null; output: string } {
  const cli = path.join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
  const run = spawnSync(process.execPath, [cli, '--config', config, cases], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** VS Code's own YAML grammar, when the e2e code-server install (test/e2e/install-code-server.sh) is present. */
function vscodeYamlGrammars(): string | null {
  const prefix = process.env.AKS_NETLENS_E2E_PREFIX ?? path.join(homedir(), '.cache', 'aks-netlens-e2e');
  const dir = path.join(prefix, 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'yaml', 'syntaxes');
  return existsSync(path.join(dir, 'yaml.tmLanguage.json')) ? dir : null;
}

describe('YAML injection grammar (syntaxes/aks-netlens.injection.json)', () => {
  test('marks annotation keys, Key Vault URIs and Cilium label keys over a minimal YAML grammar', () => {
    const { status, output } = runGrammarTests('test/grammar/fixtures/grammars.json');
    assert.equal(status, 0, output);
    assert.match(output, /injection\.test\.yaml run successfuly/);
  });

  test('gives the same scopes over the YAML grammar VS Code ships', (t) => {
    const source = vscodeYamlGrammars();
    if (!source) {
      t.skip('VS Code YAML grammar not installed (run test/e2e/install-code-server.sh)');
      return;
    }
    // The tool resolves grammar paths against the configuration's folder: copy everything next to it.
    const dir = mkdtempSync(path.join(tmpdir(), 'aks-netlens-grammar-'));
    try {
      const grammars = readdirSync(source).filter((f) => f.endsWith('.tmLanguage.json'));
      for (const f of grammars) copyFileSync(path.join(source, f), path.join(dir, f));
      copyFileSync(path.join(root, 'syntaxes', 'aks-netlens.injection.json'), path.join(dir, 'injection.json'));
      const contributed: { scopeName: string; path: string; injectTo?: string[] }[] = grammars.map((f) => ({
        scopeName: (JSON.parse(readFileSync(path.join(source, f), 'utf8')) as { scopeName: string }).scopeName,
        path: f,
      }));
      contributed.push({ scopeName: 'aks-netlens.injection', path: 'injection.json', injectTo: ['source.yaml'] });
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ contributes: { grammars: contributed } }));
      const { status, output } = runGrammarTests(path.join(dir, 'package.json'));
      assert.equal(status, 0, output);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
