import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { LspTestClient, repoRoot, SERVER_BUNDLE } from '../support/lspClient';
import { applyMutation, badRange, caseArb, exampleManifests, lspLines, runCase } from './fuzzCore';

/** Fixed seed and a bounded number of runs, so `npm test` is reproducible and stays well under a minute. */
const SEED = 20_241_126;
const RUNS = 120;
const DEADLINE_MS = 1000;

describe('the fuzzer itself', () => {
  test('mutations do what they say', () => {
    const text = 'a: 1\n  b: 2\n';
    assert.equal(applyMutation(text, { kind: 'delete', at: 0, length: 3 }), '1\n  b: 2\n');
    assert.equal(applyMutation(text, { kind: 'insert', at: 0, text: '[' }), '[a: 1\n  b: 2\n');
    assert.equal(applyMutation(text, { kind: 'truncate', at: 0.5 }), 'a: 1\n ');
    assert.equal(applyMutation(text, { kind: 'duplicate-line', at: 0 }), 'a: 1\na: 1\n  b: 2\n');
    assert.equal(applyMutation(text, { kind: 'indent', at: 0.6, by: -4 }), 'a: 1\nb: 2\n');
    assert.equal(applyMutation(text, { kind: 'indent', at: 0, by: 2 }), '  a: 1\n  b: 2\n');
  });

  test('a range past the end of a line or start after end is caught', () => {
    const lines = lspLines('ab\r\ncd😀\n');
    assert.equal(badRange({ start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }, lines), null);
    assert.match(badRange({ start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, lines) ?? '', /beyond the length 4/);
    assert.match(badRange({ start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, lines) ?? '', /beyond the last line/);
    assert.match(badRange({ start: { line: 1, character: 1 }, end: { line: 0, character: 1 } }, lines) ?? '', /start after end/);
  });
});

describe('server fuzz over LSP: mutated real manifests', { skip: !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run `npm run bundle` first' }, () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => client.shutdown());

  test(`${RUNS} mutated manifests: no crash, every answer within ${DEADLINE_MS} ms, every diagnostic inside the text`, { timeout: 120_000 }, async () => {
    const manifests = exampleManifests(repoRoot());
    assert.ok(manifests.length >= 10, 'examples/ holds the manifests to mutate');
    await fc.assert(
      fc.asyncProperty(caseArb(manifests), (c) => runCase(client, c, DEADLINE_MS)),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    assert.equal(client.exited, null);
  });
});
