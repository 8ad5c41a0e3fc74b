import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkFile } from '../../server/src/core/analysis/checkFile';
import { createWorkspaceView, WorkspaceViewCache } from '../../server/src/core/analysis/workspaceView';
import { sanitizeSettings } from '../../server/src/core/settings/analysisSettings';
import { IncrementalChecker } from '../../server/src/core/workspace/incrementalCheck';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { repoRoot } from '../support/lspClient';
import { applyMutation, exampleManifests, mutationArb } from './fuzzCore';

/**
 * The server checks files incrementally (findings kept per document and rule, re-run only when
 * their inputs changed). Whatever the edits, it must give exactly what a fresh `checkFile` gives.
 */
describe('incremental checking equals a fresh checkFile', () => {
  const manifests = exampleManifests(repoRoot()).filter(([name]) => !name.endsWith('expectations.yaml'));
  const settings = sanitizeSettings({});
  const uriOf = (name: string) => `file:///ws/${name}`;

  function workspace(): WorkspaceIndex {
    const index = new WorkspaceIndex();
    for (const [name, text] of manifests) index.set(uriOf(name), text);
    return index;
  }

  test('a file assembled from several manifests, then edited document by document', () => {
    const index = workspace();
    const views = new WorkspaceViewCache();
    const checker = new IncrementalChecker();
    const uri = 'file:///ws/dump.yaml';
    const parts = manifests.slice(0, 8).map(([, text]) => text.trimEnd());
    let text = parts.join('\n---\n') + '\n';
    for (let step = 0; step <= parts.length; step++) {
      if (step > 0) {
        // Rename something in one document: its findings change, the others' positions move.
        parts[step - 1] = parts[step - 1].replace(/name: ([\w-]+)/, 'name: $1-renamed-at-step');
        text = parts.join('\n---\n') + '\n';
      }
      const file = index.set(uri, text);
      const view = views.get(index, settings);
      assert.deepEqual(checker.check(file, view, settings, index.revision), checkFile(file, view, settings), `step ${step}`);
      const scratch = new WorkspaceIndex();
      for (const u of index.uris()) scratch.set(u, index.get(u)!.text);
      assert.deepEqual(checker.check(file, view, settings, index.revision), checkFile(scratch.get(uri)!, createWorkspaceView(scratch, settings), settings), `step ${step}, fresh`);
    }
  });

  test('the quick first pass is a part of the full findings, and the full pass after it is exact', () => {
    const index = workspace();
    const view = new WorkspaceViewCache().get(index, settings);
    for (const [name] of manifests) {
      const file = index.get(uriOf(name))!;
      const checker = new IncrementalChecker();
      const quick = checker.checkOwnDocuments(file, view, settings, index.revision);
      const full = checkFile(file, view, settings);
      const key = (f: { ruleId: string; location: { start: number; end: number }; message: string }) => `${f.ruleId}@${f.location.start}-${f.location.end}:${f.message}`;
      const fullKeys = new Set(full.map(key));
      assert.deepEqual(quick.findings.map(key).filter((k) => !fullKeys.has(k)), [], name);
      assert.deepEqual(checker.check(file, view, settings, index.revision), full, name);
    }
  });

  test('random edits to a file of the workspace: the edited file and an untouched one stay exact', () => {
    const sources = manifests.map(([name]) => name);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sources.length - 1 }), fc.array(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (which, rounds) => {
        const index = workspace();
        const views = new WorkspaceViewCache();
        const checker = new IncrementalChecker();
        const edited = uriOf(sources[which]);
        const other = uriOf(sources[(which + 1) % sources.length]);
        let text = index.get(edited)!.text;
        // Check once before the edits, so every later round exercises the reuse paths.
        checker.check(index.get(edited)!, views.get(index, settings), settings, index.revision);
        checker.check(index.get(other)!, views.get(index, settings), settings, index.revision);
        for (const round of rounds) {
          text = round.reduce(applyMutation, text);
          const file = index.set(edited, text);
          const view = views.get(index, settings);
          assert.deepEqual(checker.check(file, view, settings, index.revision), checkFile(file, view, settings));
          const untouched = index.get(other)!;
          assert.deepEqual(checker.check(untouched, view, settings, index.revision), checkFile(untouched, view, settings));
          // Nothing reused across revisions (documents, model, findings) differs from a fresh start.
          const scratch = new WorkspaceIndex();
          for (const u of index.uris()) scratch.set(u, index.get(u)!.text);
          const scratchView = createWorkspaceView(scratch, settings);
          assert.deepEqual(checker.check(file, view, settings, index.revision), checkFile(scratch.get(edited)!, scratchView, settings));
        }
      }),
      { seed: 4242, numRuns: 60 },
    );
  });
});
