import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { STRUCTURE_RULES } from '../../../server/src/core/rules/structure/index';
import { checkText } from '../../support/ruleHarness';

/** The repository root: the nearest folder above this test with a package.json (tests also run from a bundle). */
function repoRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'examples'))) return dir;
  }
  return process.cwd();
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
    });
}

describe('structural rules on the shipped examples', () => {
  const root = repoRoot();
  for (const folder of ['examples/aks-lab', 'examples/networkpolicy']) {
    const files = yamlFiles(join(root, folder));
    test(`${folder} has policies to check`, () => {
      assert.ok(files.length >= 2, `expected example manifests in ${folder}`);
    });
    for (const file of files) {
      test(`${relative(root, file)} has no structural findings`, () => {
        assert.deepEqual(checkText(readFileSync(file, 'utf8'), { rules: STRUCTURE_RULES }), []);
      });
    }
  }
});
