import type { AllowedPeer, IsolationInfo, WorkloadFlows } from '../engine/types';
import type { ReportLocations } from './locations';
import { byNamespace, type FlowsReport } from './flowsReport';
import { isolationSummary, l7Text, peerAgreementText, peerText, ruleWithLocation } from './labels';
import { alignRows } from './table';

/**
 * Per namespace, per workload: isolation, then allowed peers in aligned columns (peer, ports,
 * L7, rules); then the workload-to-workload flows both ends agree on.
 */
export function formatFlowsText(report: FlowsReport, ws: ReportLocations): string {
  const lines: string[] = [];
  for (const [namespace, workloads] of byNamespace(report.workloads)) {
    lines.push(`namespace ${namespace}`);
    for (const w of workloads) lines.push(...workloadLines(w, ws), '');
  }
  lines.push('effective flows (allowed by both ends)');
  if (report.effective.length === 0) lines.push('  none');
  lines.push(
    ...alignRows(
      report.effective.map((f) => [f.from, '→', f.to, f.ports, l7Text(f.l7), [...f.egressRules, ...f.ingressRules].map((r) => ruleWithLocation(r, ws)).join(', ')]),
      '  ',
    ),
  );
  for (const note of report.notes) lines.push('', `note: ${note}`);
  return lines.join('\n') + '\n';
}

function workloadLines(flows: WorkloadFlows, ws: ReportLocations): string[] {
  const w = flows.workload;
  const traits = [w.kind, ...(w.implicit ? ['implicit'] : []), ...(w.hostNetwork ? ['hostNetwork'] : [])];
  const where = ws.where(w.location);
  const lines = [`  ${w.name} (${traits.join(', ')})${where ? `  ${where}` : ''}`, `    ${isolationSummary(flows.ingress, flows.egress)}`];
  lines.push(...peerLines('ingress from', flows.ingress, flows.allowedIngress, ws));
  lines.push(...peerLines('egress to', flows.egress, flows.allowedEgress, ws));
  return lines;
}

function peerLines(title: string, isolation: IsolationInfo, peers: readonly AllowedPeer[], ws: ReportLocations): string[] {
  if (!isolation.isolated) return [`    ${title}: everything (not isolated)`];
  if (peers.length === 0) return [`    ${title}: nothing`];
  const rows = peers.map((p) => {
    const agreement = peerAgreementText(p);
    return [
      peerText(p.peer) + (agreement ? ` (${agreement})` : ''),
      p.ports,
      l7Text(p.l7),
      p.rules.map((r) => ruleWithLocation(r, ws)).join(', '),
    ];
  });
  return [`    ${title}:`, ...alignRows(rows, '      ')];
}
