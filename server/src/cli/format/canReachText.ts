import type { Endpoint, SideVerdict } from '../../core/engine/types';
import { describeTraffic } from '../../core/engine/query';
import type { CliWorkspace } from '../workspace';
import type { CanReachReport } from './canReachReport';
import { paint } from './color';
import { endpointText, policyName, ruleWithLocation } from '../../core/report/labels';

/**
 * The verdict on its own line, the engine's explanation, what each side decided with the
 * rules (as `file:line:col`), then notes and, when denied, the suggestion.
 */
export function formatCanReachText(report: CanReachReport, ws: CliWorkspace, color: boolean): string {
  const { query, verdict } = report;
  const lines: string[] = [];
  const word = verdict.allowed ? paint('ALLOWED', 'green', color) : paint('DENIED', 'red', color);
  lines.push(`${paint(word, 'bold', color)}  ${endpointText(query.from)} → ${endpointText(query.to)} ${describeTraffic(query)}`);
  if (verdict.explanation.length > 0) {
    lines.push('');
    for (const sentence of verdict.explanation) lines.push(`  ${sentence}`);
  }
  lines.push('');
  lines.push(...sideLines('egress', query.from, verdict.egress, ws));
  lines.push(...sideLines('ingress', query.to, verdict.ingress, ws));
  if (verdict.notes.length > 0) {
    lines.push('');
    for (const note of verdict.notes) lines.push(`${paint('note:', 'yellow', color)} ${note}`);
  }
  if (!verdict.allowed && verdict.suggestion) {
    lines.push('');
    lines.push(`${paint('suggestion:', 'bold', color)} ${verdict.suggestion}`);
  }
  return lines.join('\n') + '\n';
}

function sideLines(direction: 'egress' | 'ingress', endpoint: Endpoint, side: SideVerdict, ws: CliWorkspace): string[] {
  const state = side.allowed ? 'allowed' : 'denied';
  let why: string;
  if (endpoint.type !== 'workload') why = 'not a pod: no policy applies';
  else if (!side.isolated) why = 'no policy isolates it';
  else why = `isolated by ${side.isolatedBy.map(policyName).join(', ')}`;
  const lines = [`${direction} of ${endpointText(endpoint)}: ${state} (${why})`];
  for (const rule of side.allowedBy) lines.push(`  allowed by ${ruleWithLocation(rule, ws)}`);
  for (const rule of side.deniedBy) lines.push(`  denied by ${ruleWithLocation(rule, ws)}`);
  return lines;
}
