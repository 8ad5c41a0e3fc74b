import type { AllowedPeer, WorkloadFlows } from '../engine/types';
import type { ReportLocations } from './locations';
import { byNamespace, type FlowsReport } from './flowsReport';
import { isolationSummary, l7Text, peerAgreementText, peerText, ruleWithLocation } from './labels';

/** A Markdown report: a section per namespace, a table of allowed peers per workload, the effective flows. */
export function formatFlowsMarkdown(report: FlowsReport, ws: ReportLocations): string {
  const lines: string[] = ['# Network flows', ''];
  for (const [namespace, workloads] of byNamespace(report.workloads)) {
    lines.push(`## Namespace ${cell(namespace)}`, '');
    for (const w of workloads) lines.push(...workloadSection(w, ws));
  }
  lines.push('## Effective flows (allowed by both ends)', '');
  if (report.effective.length === 0) lines.push('None.', '');
  else {
    lines.push('| From | To | Ports | L7 | Rules |', '|---|---|---|---|---|');
    for (const f of report.effective) {
      const rules = [...f.egressRules, ...f.ingressRules].map((r) => ruleWithLocation(r, ws));
      lines.push(row([f.from, f.to, f.ports, l7Text(f.l7)], rules));
    }
    lines.push('');
  }
  if (report.notes.length > 0) {
    lines.push('## Notes', '');
    for (const note of report.notes) lines.push(`- ${cell(note)}`);
    lines.push('');
  }
  return lines.join('\n');
}

function workloadSection(flows: WorkloadFlows, ws: ReportLocations): string[] {
  const w = flows.workload;
  const where = ws.where(w.location);
  const lines = [`### ${cell(w.name)} (${w.kind}${w.implicit ? ', implicit' : ''}${w.hostNetwork ? ', hostNetwork' : ''})`, ''];
  lines.push(`${isolationSummary(flows.ingress, flows.egress)}${where ? ` — ${cell(where)}` : ''}`, '');
  const rows: string[] = [];
  for (const [direction, isolated, peers] of [
    ['ingress', flows.ingress.isolated, flows.allowedIngress],
    ['egress', flows.egress.isolated, flows.allowedEgress],
  ] as const) {
    if (!isolated) rows.push(row([direction, 'everything (not isolated)', '', ''], []));
    else if (peers.length === 0) rows.push(row([direction, 'nothing', '', ''], []));
    else for (const p of peers) rows.push(peerRow(direction, p, ws));
  }
  return [...lines, '| Direction | Peer | Ports | L7 | Rules |', '|---|---|---|---|---|', ...rows, ''];
}

function peerRow(direction: string, p: AllowedPeer, ws: ReportLocations): string {
  const agreement = peerAgreementText(p);
  const peer = peerText(p.peer) + (agreement ? ` (${agreement})` : '');
  return row([direction, peer, p.ports, l7Text(p.l7)], p.rules.map((r) => ruleWithLocation(r, ws)));
}

/** A table row ending with the rules cell, one rule a line. */
function row(cells: readonly string[], rules: readonly string[]): string {
  return `| ${[...cells.map(cell), rules.map(cell).join('<br>')].join(' | ')} |`;
}

/** Text safe inside a table cell: no pipes, no line breaks, no HTML. */
function cell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}
