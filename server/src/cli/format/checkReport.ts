import type { Severity } from '../../core/problems';
import type { CliWorkspace } from '../workspace';
import type { Finding } from '../../core/rules/types';

/** One finding with its printable position (1-based lines and columns). */
export interface PrintedFinding {
  readonly file: string;
  readonly uri: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

export function printFindings(findings: readonly Finding[], ws: CliWorkspace): PrintedFinding[] {
  const out: PrintedFinding[] = [];
  for (const f of findings) {
    const start = ws.locate(f.location);
    const end = ws.locate({ ...f.location, start: f.location.end });
    if (!start || !end) continue;
    out.push({
      file: start.file,
      uri: f.location.uri,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity: f.severity,
      code: f.ruleId,
      message: f.message,
    });
  }
  return out;
}

export function countBySeverity(findings: readonly PrintedFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
