import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding } from '../core/rules/types';
import type { Severity } from '../core/problems';
import { anchorOf } from '../core/workspace/anchors';
import type { ManifestFile } from '../core/workspace/manifestFile';
import { rangeOf } from './positions';

export const DIAGNOSTIC_SOURCE = 'aks-netlens';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Findings of one file as LSP diagnostics. Related locations in other files are dropped when
 * `lookup` cannot find them (they would point nowhere).
 */
export function toDiagnostics(file: ManifestFile, findings: readonly Finding[], lookup: (uri: string) => ManifestFile | undefined): Diagnostic[] {
  return findings.map((f) => {
    const document = f.related?.length || f.location.uri !== file.uri ? undefined : anchorOf(f.location);
    if (!document) return toDiagnostic(file, f, lookup);
    // A finding inside one document is where it was in that document's (unchanged) text: its
    // diagnostic holds while the document starts where it did. A dump publishes 10,000 of them
    // on every keystroke, nearly all in documents the keystroke did not touch.
    const start = file.lines.positionAt(document.offset);
    const known = converted.get(f);
    if (known && known.line === start.line && known.character === start.character) return known.diagnostic;
    const diagnostic = toDiagnostic(file, f, lookup);
    converted.set(f, { line: start.line, character: start.character, diagnostic });
    return diagnostic;
  });
}

const converted = new WeakMap<Finding, { line: number; character: number; diagnostic: Diagnostic }>();

function toDiagnostic(file: ManifestFile, f: Finding, lookup: (uri: string) => ManifestFile | undefined): Diagnostic {
  // No `data`: code actions are computed from the analysis of the version asked about.
  const diagnostic: Diagnostic = {
    range: rangeOf(file, f.location.start, f.location.end),
    severity: SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    code: f.ruleId,
    message: f.message,
  };
  if (f.tags?.length) {
    diagnostic.tags = f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  const related = (f.related ?? []).flatMap((r) => {
    const target = r.location.uri === file.uri ? file : lookup(r.location.uri);
    return target ? [{ location: { uri: r.location.uri, range: rangeOf(target, r.location.start, r.location.end) }, message: r.message }] : [];
  });
  if (related.length) diagnostic.relatedInformation = related;
  return diagnostic;
}
