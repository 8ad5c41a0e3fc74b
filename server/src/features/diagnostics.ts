import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding } from '../core/rules/types';
import type { Severity } from '../core/problems';
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
  // No \`data\`: code actions are computed from the analysis of the version asked about, and a dump
  // publishes 10,000 diagnostics on every keystroke.
  return findings.map((f) => {
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
  });
}
