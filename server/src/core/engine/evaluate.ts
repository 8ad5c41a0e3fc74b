/**
 * What one side of a connection decides: the egress of the sender or the ingress of the
 * receiver, toward one concrete peer. The result keeps every matching rule with the ports it
 * opens, so verdicts, flows and explanations are all read from the same evaluation.
 */
import { fqdnMatches, patternCovers, type FqdnMatcher } from '../cilium/fqdnPattern';
import { AddressSet, type IpAddress } from '../net/cidr';
import { PortSet } from '../net/ports';
import type { CompiledPolicy, CompiledRule, L7Rules, PeerMatcher, PortEntry } from './compiled';
import { isKubeDns, type PodGroup, type Universe } from './groups';
import { matchesHttp } from './http';
import type { Direction, EngineSettings, HttpRequest, RuleRef } from './types';

/** The other end of a connection, as one side sees it. */
export type Target =
  | { readonly kind: 'group'; readonly group: PodGroup }
  | { readonly kind: 'ip'; readonly ip: IpAddress; readonly text: string }
  | { readonly kind: 'world' }
  | { readonly kind: 'fqdn'; readonly name: string };

/** One port entry of a matching rule, resolved to concrete ports. */
export interface Contribution {
  readonly rule: CompiledRule;
  readonly peer: PeerMatcher;
  readonly ports: PortSet;
  readonly l7: L7Rules | null;
  /** Outside addresses this contribution covers (external targets only). */
  readonly addresses: AddressSet | null;
}

export interface DenyHit {
  readonly rule: CompiledRule;
  readonly peer: PeerMatcher;
  readonly ports: PortSet;
}

/** A rule that names the peer but does not count, and why (e.g. toFQDNs without DNS visibility). */
export interface Blocked {
  readonly rule: CompiledRule;
  readonly reason: string;
}

export interface SideEval {
  readonly direction: Direction;
  readonly subject: PodGroup;
  readonly target: Target;
  readonly isolated: boolean;
  readonly isolatedBy: readonly CompiledPolicy[];
  /** Policies selecting the subject (isolating or not). */
  readonly policies: readonly CompiledPolicy[];
  readonly allows: readonly Contribution[];
  readonly denies: readonly DenyHit[];
  readonly blocked: readonly Blocked[];
  /** For fqdn targets: whether the name can be resolved at all (null for other targets). */
  readonly dns: DnsResolution | null;
}

export interface DnsView {
  /** Some DNS port of some kube-dns pod is reachable (both ends agree). */
  readonly canLookUp: boolean;
  /** A DNS L7 rule applies, so Cilium's DNS proxy sees the lookups (toFQDNs can learn IPs). */
  readonly visible: boolean;
  /** Names the proxy lets through; 'all' when no DNS rule restricts them. */
  readonly names: readonly FqdnMatcher[] | 'all';
  /** Rules letting lookups through (with or without DNS rules). */
  readonly rules: readonly RuleRef[];
  readonly servers: readonly PodGroup[];
}

export interface DnsResolution {
  readonly resolvable: boolean;
  readonly visible: boolean;
  readonly view: DnsView;
}

const ALL_IPV4 = AddressSet.allOf('IPv4');

interface PolicyTraits {
  readonly deny: Readonly<Record<Direction, boolean>>;
  readonly l7: Readonly<Record<Direction, boolean>>;
}

export class Evaluator {
  private readonly fixedPorts = new WeakMap<PortEntry, PortSet>();
  private readonly namedPorts = new WeakMap<PortEntry, Map<number, PortSet>>();
  private readonly traits = new WeakMap<CompiledPolicy, PolicyTraits>();
  private readonly dnsViews = new Map<number, DnsView>();
  /** The CoreDNS groups, found once (every subject's DNS view asks for them). */
  private dnsServers: PodGroup[] | undefined;
  private readonly sides: Record<Direction, ('open' | 'full' | readonly CompiledRule[])[]> = { ingress: [], egress: [] };

  constructor(
    readonly universe: Universe,
    /** Policies selecting each group (by group index). */
    readonly policiesOf: readonly (readonly CompiledPolicy[])[],
    readonly settings: EngineSettings,
  ) {}

  evaluate(subject: PodGroup, direction: Direction, target: Target): SideEval {
    const policies = this.policiesOf[subject.index];
    const isolatedBy = policies.filter((p) => p.isolates[direction]);
    const receiving = direction === 'ingress' ? subject : target.kind === 'group' ? target.group : null;
    const allows: Contribution[] = [];
    const denies: DenyHit[] = [];
    const blocked: Blocked[] = [];
    const dns = target.kind === 'fqdn' && direction === 'egress' ? this.resolution(subject, target.name) : null;
    for (const policy of policies) {
      for (const rule of policy.allow[direction]) {
        for (const peer of rule.peers) {
          const match = this.peerMatch(peer, target, subject, direction, dns);
          if (match === null) continue;
          if (typeof match === 'string') {
            blocked.push({ rule, reason: match });
            continue;
          }
          if (rule.ports === null) {
            allows.push({ rule, peer, ports: PortSet.all(), l7: null, addresses: match.addresses });
          } else {
            for (const entry of rule.ports) {
              const ports = this.resolvePorts(entry, receiving);
              if (!ports.isEmpty()) allows.push({ rule, peer, ports, l7: entry.l7, addresses: match.addresses });
            }
          }
          break; // One matching peer is enough for a rule.
        }
      }
      for (const rule of policy.deny[direction]) {
        for (const peer of rule.peers) {
          const match = this.peerMatch(peer, target, subject, direction, null);
          if (match === null || typeof match === 'string') continue;
          const ports = rule.ports === null ? PortSet.all() : rule.ports.reduce((acc, e) => acc.union(this.resolvePorts(e, receiving)), PortSet.none());
          if (!ports.isEmpty()) denies.push({ rule, peer, ports });
          break;
        }
      }
    }
    return { direction, subject, target, isolated: isolatedBy.length > 0, isolatedBy, policies, allows, denies, blocked, dns };
  }

  /**
   * Ports this side lets through toward its target. With an HTTP request, only TCP ports
   * where the request passes the L7 rules. `world` targets: a deny counts against an allow
   * only when its addresses cover the allow's addresses.
   */
  allowedPorts(side: SideEval, http?: HttpRequest): PortSet {
    if (side.dns && !side.dns.resolvable) return PortSet.none();
    const denyFor = (c: Contribution | null): PortSet => {
      let out = PortSet.none();
      for (const d of side.denies) {
        if (side.target.kind === 'world' && c?.addresses && !denyAddresses(d.peer).containsSet(c.addresses)) continue;
        out = out.union(d.ports);
      }
      return out;
    };
    let l4 = PortSet.none();
    let l7Pass = PortSet.none();
    let l7Any = PortSet.none();
    for (const c of side.allows) {
      const ports = c.ports.subtract(denyFor(c));
      if (c.l7 === null) l4 = l4.union(ports);
      else {
        l7Any = l7Any.union(ports);
        if (http && c.l7.kind === 'http' && c.l7.rules.some((r) => matchesHttp(r, http))) l7Pass = l7Pass.union(ports);
      }
    }
    let result: PortSet;
    if (side.isolated) {
      result = http ? l4.union(l7Pass) : l4.union(l7Any);
    } else {
      // C4: without default deny everything passes, but L7 rules still filter their ports
      // unless an L4-only rule opens the same port for the same peer.
      const all = PortSet.all().subtract(denyFor(null));
      result = http ? all.subtract(l7Any.subtract(l4).subtract(l7Pass)) : all;
    }
    return http ? result.intersect(PortSet.allOf('TCP')) : result;
  }

  /**
   * The common case of allowedPorts between two pods, without building contributions: no deny
   * rule and no L7 rule among the subject's policies in this direction. Null when the full
   * evaluation is needed.
   */
  quickAllowed(subject: PodGroup, direction: Direction, peer: PodGroup): PortSet | null {
    const side = this.sideOf(subject, direction);
    if (side === 'full') return null;
    if (side === 'open') return PortSet.all();
    const receiving = direction === 'ingress' ? subject : peer;
    let out = PortSet.none();
    for (const rule of side) {
      let matched = false;
      for (const m of rule.peers) {
        if (matchesGroup(m, peer)) {
          matched = true;
          break;
        }
      }
      if (!matched) continue;
      if (rule.ports === null) return PortSet.all();
      for (const entry of rule.ports) {
        const add = this.resolvePorts(entry, receiving);
        if (add !== out) out = out.union(add);
      }
    }
    return out;
  }

  /**
   * Per group and direction: 'open' (not isolated, no deny or L7 rule), 'full' (deny or L7
   * rules need the full evaluation), or the allow rules of an isolated side.
   */
  private sideOf(subject: PodGroup, direction: Direction): 'open' | 'full' | readonly CompiledRule[] {
    const cache = this.sides[direction];
    const hit = cache[subject.index];
    if (hit !== undefined) return hit;
    const policies = this.policiesOf[subject.index];
    let value: 'open' | 'full' | CompiledRule[] = 'open';
    if (policies.some((p) => this.traitsOf(p).deny[direction] || this.traitsOf(p).l7[direction])) value = 'full';
    else if (policies.some((p) => p.isolates[direction])) value = policies.flatMap((p) => p.allow[direction]);
    cache[subject.index] = value;
    return value;
  }

  /** Whether some policy selecting the subject has deny rules in this direction. */
  hasDenies(subject: PodGroup, direction: Direction): boolean {
    return this.policiesOf[subject.index].some((p) => this.traitsOf(p).deny[direction]);
  }

  private traitsOf(policy: CompiledPolicy): PolicyTraits {
    let t = this.traits.get(policy);
    if (!t) {
      const l7 = (dir: Direction) => policy.allow[dir].some((r) => r.ports?.some((e) => e.l7 !== null) ?? false);
      t = { deny: { ingress: policy.deny.ingress.length > 0, egress: policy.deny.egress.length > 0 }, l7: { ingress: l7('ingress'), egress: l7('egress') } };
      this.traits.set(policy, t);
    }
    return t;
  }

  /** L7 constraints that apply on `ports` (ports not also opened by an L4-only rule). */
  l7On(side: SideEval, ports: PortSet): Contribution[] {
    let l4 = PortSet.none();
    for (const c of side.allows) if (c.l7 === null) l4 = l4.union(c.ports);
    return side.allows.filter((c) => c.l7 !== null && !c.ports.intersect(ports).subtract(l4).isEmpty());
  }

  resolvePorts(entry: PortEntry, receiving: PodGroup | null): PortSet {
    if (typeof entry.port !== 'string') {
      const hit = this.fixedPorts.get(entry);
      if (hit) return hit;
      const set = entry.port === null ? PortSet.ofEach(entry.protocols, 0, 65535) : PortSet.ofEach(entry.protocols, entry.port, entry.endPort ?? entry.port);
      this.fixedPorts.set(entry, set);
      return set;
    }
    // K9/C14: a named port is resolved on the pod receiving the traffic; outside peers have none.
    if (!receiving) return PortSet.none();
    let byGroup = this.namedPorts.get(entry);
    if (!byGroup) this.namedPorts.set(entry, (byGroup = new Map()));
    const hit = byGroup.get(receiving.index);
    if (hit) return hit;
    let out = PortSet.none();
    for (const cp of receiving.ports) {
      if (cp.name === entry.port && entry.protocols.includes(cp.protocol)) out = out.union(PortSet.of(cp.protocol, cp.port));
    }
    byGroup.set(receiving.index, out);
    return out;
  }

  /**
   * Whether a peer matcher matches the target: null (no), a reason string (it names the target
   * but cannot apply), or the outside addresses it covers (null for pods).
   */
  private peerMatch(peer: PeerMatcher, target: Target, subject: PodGroup, direction: Direction, dns: DnsResolution | null): { addresses: AddressSet | null } | string | null {
    const yes = { addresses: null };
    switch (target.kind) {
      case 'group':
        return matchesGroup(peer, target.group) ? yes : null;
      case 'ip': {
        const set = AddressSet.fromIp(target.ip);
        const covered = externalAddresses(peer);
        if (covered && covered.containsSet(set)) return { addresses: set };
        if (peer.kind === 'entity' && peer.entity === `world-${target.ip.family.toLowerCase()}`) return { addresses: set };
        return null;
      }
      case 'world': {
        const covered = externalAddresses(peer);
        if (covered && !covered.isEmpty()) return { addresses: covered };
        if (peer.kind === 'fqdn' && direction === 'egress') {
          return this.someNameVisible(subject, peer.matcher) ? { addresses: null } : 'it names outside hosts by DNS name, but none of them can be looked up through the DNS proxy';
        }
        return null;
      }
      case 'fqdn': {
        if (peer.kind === 'fqdn') {
          if (!fqdnMatches(peer.matcher, target.name, { ciliumMinor: this.settings.ciliumMinor })) return null;
          if (!dns || !dns.resolvable) return `it lists ${target.name}, but ${subject.id} cannot resolve the name`;
          if (!dns.visible) return `it lists ${target.name}, but the lookups of ${subject.id} pass no DNS rule, so Cilium's DNS proxy never learns the addresses`;
          return { addresses: null };
        }
        const covered = externalAddresses(peer);
        if (covered && covered.containsSet(ALL_IPV4)) return { addresses: covered };
        if (covered && !covered.isEmpty()) return `it covers ${peerCidrText(peer)}, which holds the addresses of ${target.name} only if the name resolves there`;
        return null;
      }
    }
  }

  /** Which names the subject can resolve, and whether Cilium's DNS proxy sees them (C11/C12). */
  dnsView(subject: PodGroup): DnsView {
    const cached = this.dnsViews.get(subject.index);
    if (cached) return cached;
    const servers = (this.dnsServers ??= this.universe.groups.filter(isKubeDns));
    let canLookUp = false;
    let visible = false;
    let allNames = false;
    const names: FqdnMatcher[] = [];
    const rules: RuleRef[] = [];
    for (const server of servers) {
      const out = this.evaluate(subject, 'egress', { kind: 'group', group: server });
      const back = this.evaluate(server, 'ingress', { kind: 'group', group: subject });
      const outPorts = this.allowedPorts(out);
      const inPorts = this.allowedPorts(back);
      const dnsPorts = PortSet.of('UDP', 53).union(PortSet.of('TCP', 53));
      const open = outPorts.intersect(inPorts).intersect(dnsPorts);
      if (open.isEmpty()) continue;
      canLookUp = true;
      const covering = out.allows.filter((c) => !c.ports.intersect(open).isEmpty());
      for (const c of covering) {
        if (!rules.includes(c.rule.ref)) rules.push(c.rule.ref);
        if (c.l7?.kind === 'dns') {
          visible = true;
          names.push(...c.l7.matchers);
        } else if (c.l7 === null) {
          allNames = true;
        }
      }
      if (covering.length === 0) allNames = true; // not isolated: lookups pass unfiltered
    }
    const view: DnsView = { canLookUp, visible, names: allNames || !visible ? 'all' : names, rules, servers };
    this.dnsViews.set(subject.index, view);
    return view;
  }

  resolution(subject: PodGroup, name: string): DnsResolution {
    const view = this.dnsView(subject);
    const opts = { ciliumMinor: this.settings.ciliumMinor };
    const resolvable = view.canLookUp && (view.names === 'all' || view.names.some((m) => fqdnMatches(m, name, opts)));
    return { resolvable, visible: resolvable && view.visible, view };
  }

  private someNameVisible(subject: PodGroup, matcher: FqdnMatcher): boolean {
    const view = this.dnsView(subject);
    if (!view.canLookUp || !view.visible) return false;
    if (view.names === 'all') return true;
    const opts = { ciliumMinor: this.settings.ciliumMinor };
    if (matcher.kind === 'name') return view.names.some((m) => fqdnMatches(m, matcher.value, opts));
    return view.names.some((m) => patternCovers(m, matcher, opts) || patternCovers(matcher, m, opts));
  }
}

/** Whether a peer matcher matches a pod group (hostNetwork groups are node traffic, C9/K11). */
export function matchesGroup(peer: PeerMatcher, g: PodGroup): boolean {
  switch (peer.kind) {
    case 'any':
      return true;
    case 'pods':
      return g.classIndex >= 0 && peer.classes.has(g.classIndex);
    case 'entity':
      if (peer.entity === 'all' || peer.entity === 'cluster') return true;
      return (peer.entity === 'host' || peer.entity === 'remote-node') && g.hostNetwork;
    case 'nodes':
      return g.hostNetwork;
    default:
      return false;
  }
}

/** Outside addresses a peer covers: CIDRs, and `world`/`all`/any peer for every address. */
function externalAddresses(peer: PeerMatcher): AddressSet | null {
  switch (peer.kind) {
    case 'any':
      return AddressSet.all();
    case 'cidr':
      return peer.set;
    case 'entity':
      if (peer.entity === 'world' || peer.entity === 'all') return AddressSet.all();
      if (peer.entity === 'world-ipv4') return AddressSet.allOf('IPv4');
      if (peer.entity === 'world-ipv6') return AddressSet.allOf('IPv6');
      return null;
    default:
      return null;
  }
}

function denyAddresses(peer: PeerMatcher): AddressSet {
  return externalAddresses(peer) ?? AddressSet.empty();
}

function peerCidrText(peer: PeerMatcher): string {
  return peer.kind === 'cidr' ? (peer.except.length ? `${peer.cidr} except ${peer.except.join(', ')}` : peer.cidr) : 'some addresses';
}
