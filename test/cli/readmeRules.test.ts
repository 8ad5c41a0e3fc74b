import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { rulesTable } from '../../server/src/cli/commands/rules';
import { runCli } from '../../server/src/cli/runCli';
import { memoryIo, repoRoot } from './io';

test('the README lists every check exactly as `aks-netlens rules --format md` prints them', () => {
  const readme = fs.readFileSync(path.join(repoRoot(), 'README.md'), 'utf8');
  assert.ok(readme.includes(rulesTable()), 'README.md is out of date: paste the output of `aks-netlens rules --format md` under "Checks"');
});

test('`rules ID` prints the documentation of one check; an unknown id suggests the closest', async () => {
  const ok = memoryIo();
  assert.equal(await runCli(['rules', 'policy/dns-blocked'], ok.io), 0);
  assert.match(ok.out(), /^policy\/dns-blocked \(warning\): /);
  assert.match(ok.out(), /\*\*Why it matters\.\*\*/);
  const bad = memoryIo();
  assert.equal(await runCli(['rules', 'polcy/dns-blocked'], bad.io), 2);
  assert.match(bad.err(), /did you mean policy\/dns-blocked\?/);
});
