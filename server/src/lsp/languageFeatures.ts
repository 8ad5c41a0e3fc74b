import {
  CodeActionKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type Connection,
  type Hover,
  type ServerCapabilities,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import { getCodeActions } from '../features/codeActions';
import { completionsAt } from '../features/completion';
import { hoverAt } from '../features/hover';
import type { WorkspaceView } from '../core/rules/types';
import type { ManifestFile } from '../core/workspace/manifestFile';
import { errorText, type ServerSession } from './session';

/**
 * Completion opens by itself after a space (`app: ` offers label values, `- ` list items) and
 * after an opening quote.
 */
const TRIGGER_CHARACTERS = [' ', '"'];

export const languageFeatureCapabilities: ServerCapabilities = {
  hoverProvider: true,
  completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
};

/**
 * Hover, completion and code actions. Hover and completion read the document as the index holds
 * it (every edit is applied there at once) and the workspace view of the current index revision,
 * whose policy model is compiled once and shared; code actions use the document's analysis.
 */
export function registerLanguageFeatures(connection: Connection, session: ServerSession, log: (m: string) => void): void {
  /** The file and workspace view at a position, or null when the request was cancelled or the file is unknown. */
  async function at(params: TextDocumentPositionParams, token: CancellationToken): Promise<{ file: ManifestFile; offset: number; view: WorkspaceView } | null> {
    if (token.isCancellationRequested || !session.index.get(params.textDocument.uri)) return null;
    const view = await session.viewFor(params.textDocument.uri);
    // Read the file after the await: an edit may have arrived meanwhile, and the view is of the current revision.
    const file = session.index.get(params.textDocument.uri);
    if (!file || token.isCancellationRequested) return null;
    return { file, offset: file.lines.offsetAt(params.position), view };
  }

  connection.onHover(async (params, token): Promise<Hover | null> => {
    try {
      const found = await at(params, token);
      return found ? hoverAt(found.file, found.offset, found.view, log) : null;
    } catch (error) {
      log(`hover failed: ${errorText(error)}`);
      return null;
    }
  });

  connection.onCompletion(async (params, token): Promise<CompletionItem[]> => {
    try {
      const found = await at(params, token);
      return found ? completionsAt(found.file, found.offset, found.view, log) : [];
    } catch (error) {
      log(`completion failed: ${errorText(error)}`);
      return [];
    }
  });

  connection.onCodeAction(async (params: CodeActionParams, token): Promise<CodeAction[]> => {
    try {
      const only = params.context.only;
      if (only && !only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) return [];
      if (token.isCancellationRequested) return [];
      const analysis = await session.analysisOf(params.textDocument.uri);
      if (!analysis || token.isCancellationRequested) return [];
      return getCodeActions(analysis.file, analysis.findings, params.range, (uri) => session.index.get(uri));
    } catch (error) {
      log(`codeAction failed: ${errorText(error)}`);
      return [];
    }
  });
}
