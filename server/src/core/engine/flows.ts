/**
 * Flows per workload (what its rules allow, peer by peer) and the workload-to-workload flows
 * both ends agree on. Peers are expanded once per rule; only workload peers need the other
 * end's evaluation, so the cost follows the number of allowed pairs, not workloads squared
 * times policies.
 */
import { PortSet } from '../net/ports';
import type { CompiledPolicy, CompiledRule, PeerMatcher } from './compiled';
import { policyKey } from './compiled';
import { l7Constraints } from './describe';
import type { Evaluator } from './evaluate';
import { compareText, type PodGroup, type Universe } from './groups';
import type { AllowedPeer, Direction, EffectiveFlow, IsolationInfo, L7Constraint, Peer, PolicyId, RuleRef, WorkloadFlows } from './types';

/** An allowed peer while it is being collected (short-lived; the AllowedPeer is built from it). */
interface PeerEntry {
  readonly peer: Peer;
  readonly group: PodGroup | null;
  ports: PortSet;
  named: Set<string> | null;
  l7: L7Constraint[];
  /** Shared one-rule arrays until a second rule needs a copy (most peers have one rule). */
  rules: readonly RuleRef[];
}

type Expansion = readonly [string | number, Peer, PodGroup | null][];

const NO_L7: L7Constraint[] = [];
const NO_RULES: readonly RuleRef[] = [];

const ALL_PORTS_TEXT = PortSet.all().describe();
const PEER_ORDER: Record<Peer['type'], number> = { workload: 0, namespace: 1, any: 2, entity: 3, cidr: 4, fqdn: 5 };

export class FlowBuilder {
  private readonly expansions = new WeakMap<PeerMatcher, Expansion>();
  private readonly workloadPeers = new Map<number, Peer>();
  private readonly oneRule = new WeakMap<RuleRef, readonly RuleRef[]>();
  private readonly policyKeys = new WeakMap<CompiledPolicy, string>();

  constructor(
    private readonly universe: Universe,
    private readonly ev: Evaluator,
  ) {}

  /** The isolating policies, each once (the first id seen for its key), sorted by key. */
  isolation(group: PodGroup, direction: Direction): IsolationInfo {
    const byKey = new Map<string, PolicyId>();
    let last = '';
    let inOrder = true;
    for (const p of this.ev.policiesOf[group.index]) {
      if (!p.isolates[direction]) continue;
      let key = this.policyKeys.get(p);
      if (key === undefined) this.policyKeys.set(p, (key = policyKey(p.id)));
      if (byKey.has(key)) continue;
      if (key < last) inOrder = false;
      byKey.set(key, p.id);
      last = key;
    }
    // policiesOf follows the model's policy order, which is by key: the sort is rarely needed.
    const by = inOrder ? [...byKey.values()] : [...byKey.keys()].sort(compareText).map((key) => byKey.get(key)!);
    return { isolated: by.length > 0, by };
  }

  flowsOf(group: PodGroup): WorkloadFlows {
    const ingress = this.isolation(group, 'ingress');
    const egress = this.isolation(group, 'egress');
    return {
      workload: group.info,
      ingress,
      egress,
      allowedIngress: ingress.isolated ? this.peers(group, 'ingress', false) : [],
      allowedEgress: egress.isolated ? this.peers(group, 'egress', false) : [],
      deniedIngress: this.peers(group, 'ingress', true),
      deniedEgress: this.peers(group, 'egress', true),
    };
  }

  private peers(group: PodGroup, direction: Direction, deny: boolean): AllowedPeer[] {
    if (deny && !this.ev.hasDenies(group, direction)) return [];
    const entries = new Map<string | number, PeerEntry>();
    for (const policy of this.ev.policiesOf[group.index]) {
      for (const rule of deny ? policy.deny[direction] : policy.allow[direction]) {
        for (const peer of rule.peers) {
          for (const [key, display, peerGroup] of this.expand(peer)) {
            const receiving = direction === 'ingress' ? group : peerGroup;
            let entry = entries.get(key);
            if (!entry) {
              entry = { peer: display, group: peerGroup, ports: PortSet.none(), named: null, l7: NO_L7, rules: NO_RULES };
              entries.set(key, entry);
            }
            this.addRule(entry, rule, receiving, direction === 'egress' && peerGroup === null);
          }
        }
      }
    }
    const denies = !deny && this.ev.hasDenies(group, direction);
    const out: AllowedPeer[] = [];
    for (const entry of entries.values()) {
      let ports = entry.ports;
      if (denies && entry.group) {
        // A deny rule matching this workload takes its ports away (C16).
        const side = this.ev.evaluate(group, direction, { kind: 'group', group: entry.group });
        for (const d of side.denies) ports = ports.subtract(d.ports);
      }
      if (ports.isEmpty() && !entry.named) continue;
      out.push({
        peer: entry.peer,
        ports: portsText(ports, entry.named),
        l7: entry.l7,
        rules: entry.rules as RuleRef[],
        peerAgrees: !deny && entry.group ? this.peerAgrees(group, direction, entry.group, ports) : null,
      });
    }
    return out.sort(comparePeers);
  }

  private addRule(entry: PeerEntry, rule: CompiledRule, receiving: PodGroup | null, unresolvedNames: boolean): void {
    if (entry.rules.length === 0) {
      let single = this.oneRule.get(rule.ref);
      if (!single) this.oneRule.set(rule.ref, (single = [rule.ref]));
      entry.rules = single;
    } else if (!entry.rules.includes(rule.ref)) {
      entry.rules = [...entry.rules, rule.ref];
    }
    if (rule.ports === null) {
      entry.ports = PortSet.all();
      return;
    }
    for (const port of rule.ports) {
      if (typeof port.port === 'string' && unresolvedNames) {
        // Named ports toward namespaces or any peer resolve per destination pod.
        (entry.named ??= new Set()).add(`${port.protocols.length === 3 ? '' : `${port.protocols.join('/')} `}named port ${port.port}`);
        continue;
      }
      entry.ports = unionOf(entry.ports, this.ev.resolvePorts(port, receiving));
      if (port.l7) {
        if (entry.l7 === NO_L7) entry.l7 = [];
        for (const c of l7Constraints(port.l7)) if (!entry.l7.some((x) => x.text === c.text)) entry.l7.push(c);
      }
    }
  }

  private peerAgrees(group: PodGroup, direction: Direction, peer: PodGroup, ports: PortSet): AllowedPeer['peerAgrees'] {
    const otherDirection = direction === 'egress' ? 'ingress' : 'egress';
    const allowed = this.ev.quickAllowed(peer, otherDirection, group) ?? this.ev.allowedPorts(this.ev.evaluate(peer, otherDirection, { kind: 'group', group }));
    const agreed = allowed.intersect(ports);
    if (agreed.equals(ports)) return 'both';
    return agreed.isEmpty() ? 'blocked-by-peer' : 'partial';
  }

  /** Display peers of one matcher: [key, peer, group for workload peers]; computed once per matcher. */
  private expand(peer: PeerMatcher): Expansion {
    let hit = this.expansions.get(peer);
    if (!hit) this.expansions.set(peer, (hit = this.expandUncached(peer)));
    return hit;
  }

  private expandUncached(peer: PeerMatcher): Expansion {
    switch (peer.kind) {
      case 'any':
        return [['any', { type: 'any' }, null]];
      case 'pods': {
        if (peer.namespaces) return peer.namespaces.map((ns) => [`ns:${ns}`, { type: 'namespace', namespace: ns }, null]);
        // Workload peers are keyed by group index (a number), the others by text.
        const out: [number, Peer, PodGroup][] = [];
        for (const c of peer.classes) {
          for (const gi of this.universe.classes[c].groups) {
            const g = this.universe.groups[gi];
            let display = this.workloadPeers.get(gi);
            if (!display) this.workloadPeers.set(gi, (display = { type: 'workload', id: g.id }));
            out.push([gi, display, g]);
          }
        }
        return out;
      }
      case 'cidr':
        return [[`cidr:${peer.cidr}|${peer.except.join(',')}`, { type: 'cidr', cidr: peer.cidr, except: peer.except }, null]];
      case 'entity':
        return [[`entity:${peer.entity}`, { type: 'entity', entity: peer.entity }, null]];
      case 'fqdn':
        return [[`fqdn:${peer.matcher.value}`, { type: 'fqdn', pattern: peer.matcher.value }, null]];
      case 'nodes':
        return [['entity:nodes', { type: 'entity', entity: 'nodes' }, null]];
    }
  }

  /**
   * Workload pairs both ends agree on, sorted by source then destination (groups are sorted by
   * id, so index order is id order). Only the candidates a rule names are evaluated; pairs of
   * two unrestricted ends cost one object each.
   */
  effectiveFlows(): EffectiveFlow[] {
    const groups = this.universe.groups;
    const live = groups.filter((g) => !g.finished).map((g) => g.index);
    const open = (g: PodGroup, dir: Direction) => this.ev.policiesOf[g.index].every((p) => !p.isolates[dir] && p.allow[dir].length === 0 && p.deny[dir].length === 0);
    const ingressOpen = groups.map((g) => open(g, 'ingress'));
    const ingressSources = groups.map((g) => (ingressOpen[g.index] ? null : this.candidates(g, 'ingress')));
    const flows: EffectiveFlow[] = [];
    const none: readonly never[] = [];
    for (const ai of live) {
      const a = groups[ai];
      const aOpen = open(a, 'egress');
      const targets = aOpen ? null : this.candidates(a, 'egress');
      const order = targets ? [...targets].filter((i) => !groups[i].finished).sort((x, y) => x - y) : live;
      for (const bi of order) {
        if (bi === ai) continue;
        const sources = ingressSources[bi];
        if (sources && !sources.has(ai)) continue;
        const b = groups[bi];
        const eQuick = aOpen ? PortSet.all() : this.ev.quickAllowed(a, 'egress', b);
        if (eQuick?.isEmpty()) continue;
        const iQuick = ingressOpen[bi] ? PortSet.all() : this.ev.quickAllowed(b, 'ingress', a);
        if (iQuick?.isEmpty()) continue;
        if (aOpen && ingressOpen[bi]) {
          flows.push({ from: a.id, to: b.id, ports: ALL_PORTS_TEXT, l7: none, egressRules: none, ingressRules: none });
          continue;
        }
        // Only flows that exist pay for the full evaluation (rules and L7 constraints).
        const eSide = aOpen ? null : this.ev.evaluate(a, 'egress', { kind: 'group', group: b });
        const ePorts = eQuick ?? this.ev.allowedPorts(eSide!);
        const iSide = ingressOpen[bi] ? null : this.ev.evaluate(b, 'ingress', { kind: 'group', group: a });
        const iPorts = iQuick ?? this.ev.allowedPorts(iSide!);
        const common = ePorts.intersect(iPorts);
        if (common.isEmpty()) continue;
        const l7: L7Constraint[] = [];
        for (const side of [eSide, iSide]) {
          if (!side) continue;
          for (const c of this.ev.l7On(side, common)) for (const k of l7Constraints(c.l7!)) if (!l7.some((x) => x.text === k.text)) l7.push(k);
        }
        flows.push({
          from: a.id,
          to: b.id,
          ports: common.describe(),
          l7,
          egressRules: eSide && eSide.isolated ? rulesCovering(eSide.allows, common) : none,
          ingressRules: iSide && iSide.isolated ? rulesCovering(iSide.allows, common) : none,
        });
      }
    }
    return flows;
  }

  /** Groups some rule of this direction names (a superset of the allowed peers). */
  private candidates(group: PodGroup, direction: Direction): Set<number> | null {
    const out = new Set<number>();
    for (const policy of this.ev.policiesOf[group.index]) {
      if (!policy.isolates[direction] && policy.deny[direction].length === 0 && policy.allow[direction].length > 0) {
        // Allow rules without default deny only filter L7; every peer stays possible.
        return null;
      }
      for (const rule of policy.allow[direction]) {
        for (const peer of rule.peers) {
          const matched = this.groupsOf(peer);
          if (matched === null) return null;
          for (const g of matched) out.add(g);
        }
      }
    }
    const isolated = this.ev.policiesOf[group.index].some((p) => p.isolates[direction]);
    return isolated ? out : null;
  }

  private groupsOf(peer: PeerMatcher): number[] | null {
    switch (peer.kind) {
      case 'any':
        return null;
      case 'entity':
        if (peer.entity === 'all' || peer.entity === 'cluster') return null;
        if (peer.entity === 'host' || peer.entity === 'remote-node') return this.hostNetworkGroups();
        return [];
      case 'nodes':
        return this.hostNetworkGroups();
      case 'pods': {
        const out: number[] = [];
        for (const c of peer.classes) out.push(...this.universe.classes[c].groups);
        return out;
      }
      default:
        return [];
    }
  }

  private hostNetworkGroups(): number[] {
    return this.universe.groups.filter((g) => g.hostNetwork && !g.finished).map((g) => g.index);
  }
}

function rulesCovering(allows: readonly { rule: CompiledRule; ports: PortSet }[], ports: PortSet): RuleRef[] {
  const out: RuleRef[] = [];
  for (const c of allows) if (!c.ports.intersect(ports).isEmpty() && !out.includes(c.rule.ref)) out.push(c.rule.ref);
  return out;
}

const unions = new WeakMap<PortSet, WeakMap<PortSet, PortSet>>();

/**
 * a.union(b), remembered per pair: peers collect the same few rule port sets over and over, and
 * reusing the results also keeps describePorts' memo hits.
 */
function unionOf(a: PortSet, b: PortSet): PortSet {
  if (a === b) return a;
  let byOther = unions.get(a);
  if (!byOther) unions.set(a, (byOther = new WeakMap()));
  let result = byOther.get(b);
  if (!result) byOther.set(b, (result = a.union(b)));
  return result;
}

const describedPorts = new WeakMap<PortSet, string>();

/** PortSet.describe(), remembered per set (most peers share the sets of a few rules). */
function describePorts(ports: PortSet): string {
  let text = describedPorts.get(ports);
  if (text === undefined) describedPorts.set(ports, (text = ports.describe()));
  return text;
}

function portsText(ports: PortSet, named: ReadonlySet<string> | null): string {
  if (!named) return describePorts(ports);
  const parts: string[] = [];
  if (!ports.isEmpty()) parts.push(describePorts(ports));
  parts.push(...[...named].sort());
  return parts.join(',');
}

function peerKey(p: Peer): string {
  switch (p.type) {
    case 'workload':
      return p.id;
    case 'namespace':
      return p.namespace;
    case 'cidr':
      return p.cidr;
    case 'entity':
      return p.entity;
    case 'fqdn':
      return p.pattern;
    case 'any':
      return '';
  }
}

function comparePeers(a: AllowedPeer, b: AllowedPeer): number {
  return PEER_ORDER[a.peer.type] - PEER_ORDER[b.peer.type] || compareText(peerKey(a.peer), peerKey(b.peer));
}
