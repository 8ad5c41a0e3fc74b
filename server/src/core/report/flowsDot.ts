import type { Peer } from '../engine/types';
import { externalPeers, type FlowsReport } from './flowsReport';
import { isPodPeer, l7Text, peerText } from './labels';

/** Node shapes for peers outside the pod groups, so a reader tells them apart at a glance. */
const EXTERNAL_SHAPES: Record<Exclude<Peer['type'], 'workload' | 'namespace'>, string> = {
  cidr: 'hexagon',
  entity: 'diamond',
  fqdn: 'ellipse',
  any: 'doubleoctagon',
};

/**
 * A Graphviz digraph: a cluster per namespace with its workloads as boxes, effective flows as
 * edges labelled with ports (and L7), allowed external peers as their own shapes.
 */
export function formatFlowsDot(report: FlowsReport): string {
  const lines = ['digraph "aks-netlens" {', '  rankdir=LR;', '  node [shape=box];'];
  const namespaces = new Map<string, Map<string, string>>(); // namespace → workload id → label
  const addWorkload = (id: string) => {
    const slash = id.indexOf('/');
    const ns = slash < 0 ? '' : id.slice(0, slash);
    if (!namespaces.has(ns)) namespaces.set(ns, new Map());
    namespaces.get(ns)!.set(id, slash < 0 ? id : id.slice(slash + 1));
  };
  for (const w of report.workloads) addWorkload(w.workload.id);
  for (const f of report.effective) {
    addWorkload(f.from);
    addWorkload(f.to);
  }
  for (const [ns, workloads] of [...namespaces].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`  subgraph ${quote(`cluster_${ns}`)} {`, `    label=${quote(ns)};`);
    for (const [id, label] of workloads) lines.push(`    ${quote(id)} [label=${quote(label)}];`);
    lines.push('  }');
  }
  const external = externalPeers(report.workloads, (p) => isPodPeer(p.peer));
  const externalNodes = new Map<string, Peer>();
  for (const { allowed } of external) externalNodes.set(peerText(allowed.peer), allowed.peer);
  for (const [id, peer] of externalNodes) {
    if (peer.type === 'workload' || peer.type === 'namespace') continue;
    lines.push(`  ${quote(id)} [shape=${EXTERNAL_SHAPES[peer.type]}];`);
  }
  for (const f of report.effective) lines.push(`  ${quote(f.from)} -> ${quote(f.to)} [label=${quote(edgeLabel(f.ports, l7Text(f.l7)))}];`);
  for (const { workload, direction, allowed } of external) {
    const peer = peerText(allowed.peer);
    const [from, to] = direction === 'egress' ? [workload, peer] : [peer, workload];
    lines.push(`  ${quote(from)} -> ${quote(to)} [label=${quote(edgeLabel(allowed.ports, l7Text(allowed.l7)))}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function edgeLabel(ports: string, l7: string): string {
  return l7 ? `${ports}\n${l7}` : ports;
}

/** A DOT double-quoted string (backslashes and quotes escaped, line breaks as `\n`). */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
