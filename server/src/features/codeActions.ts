import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { Finding, Fix } from '../core/rules/types';
import type { ManifestFile } from '../core/workspace/manifestFile';
import { toDiagnostics } from './diagnostics';
import { rangeOf } from './positions';

/**
 * Quick-fixes for the findings of a file that touch `range`. Each finding carries its fixes as
 * plain edits (computed by its rule), so this only converts offsets to LSP ranges.
 */
export function getCodeActions(
  file: ManifestFile,
  findings: readonly Finding[],
  range: Range,
  lookup: (uri: string) => ManifestFile | undefined,
): CodeAction[] {
  const start = file.lines.offsetAt(range.start);
  const end = file.lines.offsetAt(range.end);
  const touched = findings.filter((f) => f.fixes?.length && f.location.uri === file.uri && f.location.end >= start && f.location.start <= end);
  // Only the findings under the cursor become diagnostics (a dump has thousands).
  const diagnostics = toDiagnostics(file, touched, lookup);
  const actions: CodeAction[] = [];
  touched.forEach((finding, i) => {
    for (const fix of finding.fixes ?? []) {
      const edit = toWorkspaceEdit(fix, file, lookup);
      if (!edit) continue;
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostics[i] as Diagnostic], isPreferred: fix.preferred === true, edit });
    }
  });
  return actions;
}

/** A fix as a WorkspaceEdit: text edits per file, or a file creation followed by its content. */
export function toWorkspaceEdit(fix: Fix, file: ManifestFile, lookup: (uri: string) => ManifestFile | undefined): WorkspaceEdit | null {
  if (fix.createFile) {
    const { uri, text } = fix.createFile;
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: false, overwrite: false } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
      ],
    };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const e of fix.edits) {
    const target = e.uri === file.uri ? file : lookup(e.uri);
    if (!target) return null;
    (changes[e.uri] ??= []).push({ range: rangeOf(target, e.start, e.end), newText: e.newText });
  }
  return { changes };
}
