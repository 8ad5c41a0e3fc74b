/** Real manifests for the flows feature tests: a folder of the repository, or inline texts. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPolicyModel } from '../../../server/src/core/engine/index';
import type { PolicyModel } from '../../../server/src/core/engine/types';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { createLocator, type Locator } from '../../../server/src/features/flows/locations';

/** The repository root, above this file (compiled or bundled elsewhere: above the cwd). */
export function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'examples', 'aks-lab'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error('repository root not found');
}

export interface TestWorkspace {
  readonly index: WorkspaceIndex;
  readonly model: PolicyModel;
  readonly locate: Locator;
  /** file:// URI of a file by its path relative to the folder. */
  uri(relative: string): string;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(f) ? [p] : [];
    });
}

/** Every YAML file of a repository folder, e.g. `examples/aks-lab`. */
export function folderWorkspace(relative: string, edit: (file: string, text: string) => string = (_, t) => t): TestWorkspace {
  const dir = path.join(repoRoot(), relative);
  const files: Record<string, string> = {};
  for (const f of walk(dir)) files[path.relative(dir, f).split(path.sep).join('/')] = edit(path.relative(dir, f), readFileSync(f, 'utf8'));
  return inlineWorkspace(files, dir);
}

/** Files given as texts, by relative path. */
export function inlineWorkspace(files: Record<string, string>, dir = '/test/ws'): TestWorkspace {
  const index = new WorkspaceIndex();
  const uri = (relative: string) => pathToFileURL(path.join(dir, relative)).href;
  for (const [relative, text] of Object.entries(files)) index.set(uri(relative), text);
  return { index, model: buildPolicyModel(index.resources()), locate: createLocator((u) => index.get(u)), uri };
}

/** 0-based line of the first line containing `needle` in a file, to assert ranges against the text. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  let from = -1;
  for (let i = 0; i < occurrence; i++) {
    from = text.indexOf(needle, from + 1);
    if (from < 0) throw new Error(`'${needle}' not found`);
  }
  return text.slice(0, from).split('\n').length - 1;
}
