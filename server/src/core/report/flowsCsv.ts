import type { ReportLocations } from './locations';
import { externalPeers, type FlowsReport } from './flowsReport';
import { isPodPeer, l7Text, peerText, ruleWithLocation } from './labels';

/**
 * `from,to,ports,l7,rules`: one row per effective flow, then one per allowed peer that is not a
 * pod group (addresses, entities, domain names), in the direction the traffic goes.
 */
export function formatFlowsCsv(report: FlowsReport, ws: ReportLocations): string {
  const rows: string[][] = [['from', 'to', 'ports', 'l7', 'rules']];
  for (const f of report.effective) {
    rows.push([f.from, f.to, f.ports, l7Text(f.l7), [...f.egressRules, ...f.ingressRules].map((r) => ruleWithLocation(r, ws)).join('; ')]);
  }
  for (const { workload, direction, allowed } of externalPeers(report.workloads, (p) => isPodPeer(p.peer))) {
    const peer = peerText(allowed.peer);
    const [from, to] = direction === 'egress' ? [workload, peer] : [peer, workload];
    rows.push([from, to, allowed.ports, l7Text(allowed.l7), allowed.rules.map((r) => ruleWithLocation(r, ws)).join('; ')]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
