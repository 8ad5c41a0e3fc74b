/** A manifest with a `$0` cursor marker in a workspace of real manifests, for hover and completion tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createWorkspaceView } from '../../../server/src/core/analysis/workspaceView';
import type { WorkspaceView } from '../../../server/src/core/rules/types';
import { DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings } from '../../../server/src/core/settings/analysisSettings';
import type { ManifestFile } from '../../../server/src/core/workspace/manifestFile';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { repoRoot } from '../../support/lspClient';

export const CURSOR_URI = 'file:///test/policy.yaml';

export interface AtCursor {
  readonly file: ManifestFile;
  readonly offset: number;
  readonly view: WorkspaceView;
  readonly text: string;
}

/** The files of an example folder (e.g. `examples/aks-lab`) by URI. */
export function exampleFiles(folder: string): Record<string, string> {
  const root = path.join(repoRoot(), folder);
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name) && entry.name !== 'expectations.yaml') out[pathToFileURL(full).href] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}

/** The URI of an example file, as exampleFiles names it. */
export function exampleUri(relative: string): string {
  return pathToFileURL(path.join(repoRoot(), relative)).href;
}

/**
 * The workspace with `textWithCursor` (without its `$0`) at `uri`, replacing the file of that URI
 * if `extraFiles` has one; the marker's offset.
 */
export function atCursor(
  textWithCursor: string,
  extraFiles: Record<string, string> = {},
  uri = CURSOR_URI,
  settings: Partial<AnalysisSettings> = {},
): AtCursor {
  const offset = textWithCursor.indexOf('$0');
  if (offset < 0 || textWithCursor.indexOf('$0', offset + 1) >= 0) throw new Error('the fixture needs exactly one $0');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 2);
  const index = new WorkspaceIndex();
  for (const [u, extra] of Object.entries(extraFiles)) if (u !== uri) index.set(u, extra);
  const file = index.set(uri, text);
  return { file, offset, view: createWorkspaceView(index, { ...DEFAULT_ANALYSIS_SETTINGS, ...settings }), text };
}

/** An example file with `$0` inserted before the `occurrence`-th match of `needle` (plus `shift` characters). */
export function markExample(relative: string, needle: string, shift = 0, occurrence = 1): string {
  const text = fs.readFileSync(path.join(repoRoot(), relative), 'utf8');
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not found ${occurrence} times in ${relative}`);
  }
  return text.slice(0, at + shift) + '$0' + text.slice(at + shift);
}
