import { describeQuestion } from '../../core/engine/query';
import type { CliWorkspace } from '../workspace';
import { paint } from './color';
import { endpointText, ruleWithLocation } from '../../core/report/labels';
import { countResults, type VerifyReport, type VerifyResult } from './verifyReport';

/** Each failure with where it is written and why, then exactly `N passed, M failed`. */
export function formatVerifyText(report: VerifyReport, ws: CliWorkspace, color: boolean): string {
  const lines: string[] = [];
  for (const result of report.results) if (!result.pass) lines.push(...failureLines(report.file, result, ws, color));
  const { passed, failed } = countResults(report);
  lines.push(`${passed} passed, ${failed} failed`);
  return lines.join('\n') + '\n';
}

function failureLines(file: string, result: VerifyResult, ws: CliWorkspace, color: boolean): string[] {
  const { expectation: e, query, verdict } = result;
  const question = query ? describeQuestion(endpointText(query.from), endpointText(query.to), query) : describeQuestion(e.words.from, e.words.to, e.words);
  const engine = e.engine ? ` [engine ${e.engine}]` : '';
  const head = `${paint('FAIL', 'red', color)} ${file}:${e.line} [${e.index}] ${question}${engine}`;
  if (!verdict) return [head, `  expected ${e.expect}, but: ${result.error ?? 'no verdict'}`, ''];
  const lines = [head, `  expected ${e.expect}, got ${verdict.allowed ? 'allowed' : 'denied'}`];
  for (const sentence of verdict.explanation) lines.push(`  ${sentence}`);
  const rules = [...verdict.egress.allowedBy, ...verdict.egress.deniedBy, ...verdict.ingress.allowedBy, ...verdict.ingress.deniedBy];
  for (const rule of rules) lines.push(`  rule: ${ruleWithLocation(rule, ws)}`);
  if (!verdict.allowed && verdict.suggestion) lines.push(`  suggestion: ${verdict.suggestion}`);
  lines.push('');
  return lines;
}
