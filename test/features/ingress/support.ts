/** Puts a manifest with a `$0` cursor marker into a workspace, for hover and completion tests. */
import { createWorkspaceView } from '../../../server/src/core/analysis/workspaceView';
import type { WorkspaceView } from '../../../server/src/core/rules/types';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../server/src/core/settings/analysisSettings';
import type { ManifestFile } from '../../../server/src/core/workspace/manifestFile';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

export const CURSOR_URI = 'file:///test/ingress.yaml';

export interface AtCursor {
  readonly file: ManifestFile;
  readonly offset: number;
  readonly view: WorkspaceView;
  readonly text: string;
}

/** The file without its `$0` marker, the marker's offset, and a view of it plus `extraFiles`. */
export function atCursor(textWithCursor: string, extraFiles: Record<string, string> = {}): AtCursor {
  const offset = textWithCursor.indexOf('$0');
  if (offset < 0 || textWithCursor.indexOf('$0', offset + 1) >= 0) throw new Error('the fixture needs exactly one $0');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 2);
  const index = new WorkspaceIndex();
  for (const [uri, extra] of Object.entries(extraFiles)) index.set(uri, extra);
  const file = index.set(CURSOR_URI, text);
  return { file, offset, view: createWorkspaceView(index, DEFAULT_ANALYSIS_SETTINGS), text };
}
