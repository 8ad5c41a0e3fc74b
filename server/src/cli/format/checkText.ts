import type { Severity } from '../../core/problems';
import { paint, type Style } from './color';
import { countBySeverity, type PrintedFinding } from './checkReport';

const STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', information: 'bold', hint: 'bold' };

/** `file:line:col: severity rule-id: message`, then a one-line summary. */
export function formatCheckText(findings: readonly PrintedFinding[], color: boolean): string {
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}: ${paint(f.severity, STYLE[f.severity], color)} ${f.code}: ${f.message}`);
  const c = countBySeverity(findings);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.information, 'information')}, ${plural(c.hint, 'hint')}`);
  return lines.join('\n') + '\n';
}
