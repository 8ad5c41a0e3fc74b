import type { FlowsResult, PeerDto, RuleDto, WorkloadDto } from '../../../server/src/protocol/protocol';

export type Direction = 'ingress' | 'egress';

export interface NamespaceNode {
  readonly type: 'namespace';
  readonly id: string;
  readonly namespace: string;
  readonly children: WorkloadNode[];
}

export interface WorkloadNode {
  readonly type: 'workload';
  readonly id: string;
  readonly workload: WorkloadDto;
  readonly parent: NamespaceNode;
  readonly children: DirectionNode[];
}

export interface DirectionNode {
  readonly type: 'direction';
  readonly id: string;
  readonly direction: Direction;
  readonly workload: WorkloadDto;
  readonly parent: WorkloadNode;
  readonly children: PeerNode[];
}

export interface PeerNode {
  readonly type: 'peer';
  readonly id: string;
  readonly peer: PeerDto;
  readonly direction: Direction;
  readonly workload: WorkloadDto;
  readonly parent: DirectionNode;
  readonly children: RuleNode[];
}

export interface RuleNode {
  readonly type: 'rule';
  readonly id: string;
  readonly rule: RuleDto;
  readonly parent: PeerNode;
}

/** A line of text in place of data (nothing matches the filters, the request failed, a model note...). */
export interface MessageNode {
  readonly type: 'message';
  readonly id: string;
  readonly text: string;
  readonly tooltip?: string;
}

/** The model's notes (engine assumptions), folded at the end so they never push the flows down. */
export interface NotesNode {
  readonly type: 'notes';
  readonly id: string;
  readonly children: MessageNode[];
}

export type FlowNode = NamespaceNode | WorkloadNode | DirectionNode | PeerNode | RuleNode | MessageNode | NotesNode;

export interface FlowTree {
  readonly roots: readonly FlowNode[];
  /** Workload nodes by workload id, to reveal the one under the cursor. */
  readonly workloads: ReadonlyMap<string, WorkloadNode>;
}

/**
 * The whole tree of one server answer, built at once so every node knows its parent (needed
 * by `reveal`). Ids are stable across answers so VS Code keeps what the user expanded.
 */
export function buildTree(result: FlowsResult): FlowTree {
  const namespaces = new Map<string, NamespaceNode>();
  const workloads = new Map<string, WorkloadNode>();
  for (const workload of result.workloads) {
    let ns = namespaces.get(workload.namespace);
    if (!ns) {
      ns = { type: 'namespace', id: `ns:${workload.namespace}`, namespace: workload.namespace, children: [] };
      namespaces.set(workload.namespace, ns);
    }
    const node: WorkloadNode = { type: 'workload', id: `wl:${workload.id}`, workload, parent: ns, children: [] };
    for (const direction of ['ingress', 'egress'] as const) node.children.push(directionNode(node, direction));
    ns.children.push(node);
    workloads.set(workload.id, node);
  }
  const roots: FlowNode[] = [...namespaces.values()].sort((a, b) => a.namespace.localeCompare(b.namespace));
  if (roots.length > 0 && result.notes.length > 0) {
    roots.push({ type: 'notes', id: 'notes', children: result.notes.map((note, i) => message(`note:${i}`, note, note)) });
  }
  return { roots, workloads };
}

function directionNode(parent: WorkloadNode, direction: Direction): DirectionNode {
  const workload = parent.workload;
  const node: DirectionNode = { type: 'direction', id: `${parent.id}|${direction}`, direction, workload, parent, children: [] };
  const seen = new Map<string, number>();
  for (const peer of direction === 'ingress' ? workload.ingressPeers : workload.egressPeers) {
    const base = `${node.id}|${peer.label}|${peer.detail}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const peerNode: PeerNode = { type: 'peer', id: n === 0 ? base : `${base}#${n}`, peer, direction, workload, parent: node, children: [] };
    peer.rules.forEach((rule, i) => peerNode.children.push({ type: 'rule', id: `${peerNode.id}|${i}|${rule.label}`, rule, parent: peerNode }));
    node.children.push(peerNode);
  }
  return node;
}

export function message(id: string, text: string, tooltip?: string): MessageNode {
  return { type: 'message', id: `msg:${id}`, text, tooltip };
}
