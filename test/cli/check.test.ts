/** `aks-netlens check`: the editor's diagnostics as text, JSON and SARIF, exit codes by --fail-on. */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/runCli';
import { memoryIo, removeTree, repoRoot, tempTree } from './io';

const BAD_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector: {}
  ingress:
  - from:
    - ipBlock: {cidr: 10.0.0.0/8}
  - ports:
    - port: 80
      protocol: tcp
`;

const BROKEN_YAML = `apiVersion: v1
kind: Namespace
metadata: {name: [shop}
`;

async function run(argv: string[], cwd: string) {
  const m = memoryIo({ cwd });
  const code = await runCli(argv, m.io);
  return { code, out: m.out(), err: m.err() };
}

describe('aks-netlens check', () => {
  const root = tempTree({ 'policy.yaml': BAD_POLICY, 'ns.yaml': BROKEN_YAML, 'ci.yml': 'on: push\njobs: {}\n' });
  after(() => removeTree(root));

  test('text: one line per finding with 1-based file:line:col, then a summary; exit 1 on errors', async () => {
    const r = await run(['check', '.'], root);
    assert.equal(r.code, 1);
    const lines = r.out.trimEnd().split('\n');
    assert.ok(lines.some((l) => /^ns\.yaml:3:\d+: error yaml\/syntax: /.test(l)), r.out);
    assert.ok(lines.some((l) => l.startsWith('policy.yaml:13:17: error ') && l.includes('tcp')), r.out);
    assert.match(lines[lines.length - 1], /^\d+ errors?, \d+ warnings?, \d+ informations?, \d+ hints?$/);
    assert.ok(!r.out.includes('ci.yml'), 'non-Kubernetes YAML is ignored');
  });

  test('json: the documented shape with 1-based positions and severities as words', async () => {
    const r = await run(['check', '--format', 'json', 'policy.yaml'], root);
    const parsed = JSON.parse(r.out) as { diagnostics: Record<string, unknown>[] };
    const protocol = parsed.diagnostics.find((d) => d.line === 13);
    assert.ok(protocol, r.out);
    assert.deepEqual(Object.keys(protocol).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
    assert.deepEqual({ file: protocol.file, line: protocol.line, column: protocol.column, endLine: protocol.endLine, endColumn: protocol.endColumn, severity: protocol.severity }, { file: 'policy.yaml', line: 13, column: 17, endLine: 13, endColumn: 20, severity: 'error' });
  });

  test('sarif: version 2.1.0, the fired rules with help, results with regions', async () => {
    const r = await run(['check', '--format', 'sarif', '.'], root);
    const sarif = JSON.parse(r.out) as { version: string; runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.ok(run0.results.length > 0);
    for (const res of run0.results) {
      assert.equal(run0.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      assert.ok(res.locations[0].physicalLocation.region.startLine >= 1);
      assert.ok(!res.locations[0].physicalLocation.artifactLocation.uri.startsWith('/'));
    }
    assert.ok(run0.tool.driver.rules.every((rule) => rule.help.text.length > 0));
  });

  test('--fail-on decides the exit code; --rule turns a rule off', async () => {
    const lab = repoRoot();
    const clean = await run(['check', 'examples/aks-lab'], lab);
    assert.equal(clean.code, 0, clean.out);
    const off = await run(['check', '--rule', 'yaml/syntax=off', '--fail-on', 'error', 'ns.yaml'], root);
    assert.equal(off.code, 0, off.out);
    assert.equal(off.out.trim(), '0 errors, 0 warnings, 0 informations, 0 hints');
  });

  test('bad usage exits 2 with a message', async () => {
    assert.equal((await run(['check', '--fail-on', 'fatal', '.'], root)).code, 2);
    assert.equal((await run(['check', '--rule', 'nonsense', '.'], root)).code, 2);
    assert.equal((await run(['check'], root)).code, 2);
  });
});
