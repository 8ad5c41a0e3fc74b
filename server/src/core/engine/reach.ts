/**
 * `canReach`: both sides of one connection, with the explanation, a suggestion when denied,
 * and the modelling notes that apply.
 */
import { normalizeDnsName } from '../cilium/fqdnPattern';
import { parseIp } from '../net/cidr';
import { PortSet } from '../net/ports';
import type { Contribution, Evaluator, SideEval, Target } from './evaluate';
import { endpointText, l7Constraints, peerMatcherText, policyTitle, ruleTitle, trafficText } from './describe';
import { matchesHttp } from './http';
import type { PodGroup } from './groups';
import { suggestFix } from './suggest';
import type { Direction, Endpoint, L7Constraint, PolicyId, ReachQuery, ReachVerdict, RuleRef, SideVerdict } from './types';
import { distinctPolicyIds } from './compiled';

export interface ReachContext {
  readonly evaluator: Evaluator;
  findGroup(id: string): PodGroup | null;
  suggestWorkloads(id: string): string[];
  readonly engineNotes: readonly string[];
}

type Resolved = { readonly group: PodGroup | null; readonly target: Target } | { readonly error: string };

export const WORLD_NOTE =
  '`world` means some address outside the cluster: it counts as reachable when at least one outside address is allowed (an ipBlock/CIDR rule, the world or all entity, or a toFQDNs name the pod can resolve).';
const FQDN_BY_ADDRESS_NOTE =
  'A rule covering every outside address (the world entity, 0.0.0.0/0) also covers whatever address a DNS name resolves to, so it allows an fqdn endpoint without toFQDNs; the name must still be resolvable.';
const IP_NOTE = 'An ip: endpoint stands for an address outside the cluster: selectors never match it, and toFQDNs rules (which only know addresses learned from DNS) are not taken to cover it.';
const HOST_NETWORK_NOTE =
  'K11: hostNetwork pods share their node\'s address; AKS with Cilium applies no policy to them and treats their traffic as node traffic (entities host / remote-node). Ingress from a pod\'s own node is always allowed.';
const MIXED_NOTE = 'C17: NetworkPolicy and Cilium policies select the same pods here; Cilium unions all their allows, any deny wins, and NP semantics are kept for NP objects (edge cases UNCONFIRMED).';

export function canReach(ctx: ReachContext, query: ReachQuery): ReachVerdict {
  const from = resolve(ctx, query.from);
  const to = resolve(ctx, query.to);
  const traffic = trafficText(query);
  if ('error' in from || 'error' in to) {
    const message = 'error' in from ? from.error : (to as { error: string }).error;
    return failed(query, [message], null, []);
  }
  for (const end of [from, to]) {
    if (end.group?.finished) {
      return failed(query, [`${end.group.id}: every pod has finished (phase Succeeded/Failed), so it holds no connections.`], null, []);
    }
  }
  const ev = ctx.evaluator;
  // No port: any traffic at all (of the protocol, when one is given).
  const queried = query.port !== undefined ? PortSet.of(query.protocol ?? 'TCP', query.port) : query.protocol ? PortSet.allOf(query.protocol) : null;
  const egressEval = from.group ? ev.evaluate(from.group, 'egress', to.target) : null;
  const ingressEval = to.group ? ev.evaluate(to.group, 'ingress', from.target) : null;
  const anyPorts = query.http ? PortSet.allOf('TCP') : PortSet.all();
  const egressPorts = egressEval ? ev.allowedPorts(egressEval, query.http) : anyPorts;
  const ingressPorts = ingressEval ? ev.allowedPorts(ingressEval, query.http) : anyPorts;
  const within = (set: PortSet) => (queried ? set.intersect(queried) : set);
  const common = within(egressPorts.intersect(ingressPorts));
  const allowed = !common.isEmpty();
  const egressOk = !within(egressPorts).isEmpty();
  const ingressOk = !within(ingressPorts).isEmpty();

  const egress = egressEval ? sideVerdict(ev, egressEval, egressPorts, queried, query, traffic) : outsideSide('egress', query.from);
  const ingress = ingressEval ? sideVerdict(ev, ingressEval, ingressPorts, queried, query, traffic) : outsideSide('ingress', query.to);

  const explanation = [`${endpointText(query.from)} → ${endpointText(query.to)}, ${traffic}: ${allowed ? 'allowed' : 'denied'}.`];
  let decidedBy: ReachVerdict['decidedBy'] = null;
  if (!allowed) {
    if (!egressOk && !ingressOk) decidedBy = 'both';
    else if (!egressOk) decidedBy = 'egress';
    else if (!ingressOk) decidedBy = 'ingress';
    else decidedBy = 'both';
  }
  explanation.push(...egress.reasons, ...ingress.reasons);
  if (!allowed) {
    if (egressOk && ingressOk) {
      explanation.push(
        `Each side allows some traffic, but not the same: the egress allows ${within(egressPorts).describe()}, the ingress allows ${within(ingressPorts).describe()}.`,
      );
    } else {
      const egressText = `the egress of ${endpointText(query.from)}`;
      const ingressText = `the ingress of ${endpointText(query.to)}`;
      const by = decidedBy === 'both' ? `both sides: ${egressText} and ${ingressText}` : decidedBy === 'egress' ? egressText : ingressText;
      explanation.push(`Decided by ${by}.`);
    }
  } else if (queried === null) {
    explanation.push(`Traffic both sides allow: ${common.describe()}.`);
  }

  const notes = new Set<string>();
  for (const side of [egressEval, ingressEval]) {
    if (!side) continue;
    for (const p of side.policies) for (const n of p.notes) notes.add(n);
    const kinds = new Set(side.isolatedBy.map((p) => (p.id.kind === 'NetworkPolicy' ? 'np' : 'cilium')));
    if (kinds.size === 2) notes.add(MIXED_NOTE);
  }
  if (from.group?.hostNetwork || to.group?.hostNetwork) notes.add(HOST_NETWORK_NOTE);
  if (query.to.type === 'world' || query.from.type === 'world') notes.add(WORLD_NOTE);
  if (query.to.type === 'ip' || query.from.type === 'ip') notes.add(IP_NOTE);
  if (egressEval && egressEval.target.kind === 'fqdn' && egressEval.allows.some((c) => c.peer.kind !== 'fqdn' && c.addresses !== null)) notes.add(FQDN_BY_ADDRESS_NOTE);
  for (const n of ctx.engineNotes) notes.add(n);

  const suggestion = allowed
    ? null
    : suggestFix({ query, evaluator: ev, egress: egressEval, ingress: ingressEval, egressOk, ingressOk, egressPorts: within(egressPorts), ingressPorts: within(ingressPorts) });
  return {
    allowed,
    egress,
    ingress,
    explanation,
    suggestion,
    notes: [...notes],
    ports: common.describe(),
    decidedBy,
  };
}

function resolve(ctx: ReachContext, e: Endpoint): Resolved {
  switch (e.type) {
    case 'workload': {
      const group = ctx.findGroup(e.id);
      if (!group) {
        const close = ctx.suggestWorkloads(e.id);
        return { error: `Unknown workload ${e.id}${close.length ? `; did you mean ${close.join(', ')}?` : '.'}` };
      }
      return { group, target: { kind: 'group', group } };
    }
    case 'ip': {
      const ip = parseIp(e.address);
      if (!ip.ok) return { error: ip.error };
      return { group: null, target: { kind: 'ip', ip, text: e.address } };
    }
    case 'world':
      return { group: null, target: { kind: 'world' } };
    case 'fqdn':
      return { group: null, target: { kind: 'fqdn', name: normalizeDnsName(e.name) } };
  }
}

function failed(query: ReachQuery, explanation: string[], suggestion: string | null, notes: string[]): ReachVerdict {
  const side = (direction: Direction): SideVerdict => ({ direction, allowed: false, isolated: false, isolatedBy: [], allowedBy: [], deniedBy: [], reasons: [] });
  return {
    allowed: false,
    egress: side('egress'),
    ingress: side('ingress'),
    explanation: [`${endpointText(query.from)} → ${endpointText(query.to)}, ${trafficText(query)}: denied.`, ...explanation],
    suggestion,
    notes,
    ports: 'no ports',
    decidedBy: null,
  };
}

function outsideSide(direction: Direction, endpoint: Endpoint): SideVerdict {
  return {
    direction,
    allowed: true,
    isolated: false,
    isolatedBy: [],
    allowedBy: [],
    deniedBy: [],
    reasons: [`${endpointText(endpoint)} is not a pod: no ${direction} policy applies on that side.`],
    ports: 'all ports',
  };
}

function sideVerdict(ev: Evaluator, side: SideEval, ports: PortSet, queried: PortSet | null, query: ReachQuery, traffic: string): SideVerdict {
  const subject = side.subject;
  const dir = side.direction;
  const toFrom = dir === 'egress' ? 'to' : 'from';
  const peer = dir === 'egress' ? endpointText(query.to) : endpointText(query.from);
  const scope = queried ?? PortSet.all();
  const allowedHere = queried ? ports.intersect(queried) : ports;
  const allowed = !allowedHere.isEmpty();
  const reasons: string[] = [];

  if (subject.hostNetwork) {
    reasons.push(`${subject.id} uses the host network: policies do not apply to it (its traffic is node traffic), so its ${dir} is not restricted.`);
  } else if (!side.isolated) {
    reasons.push(`No policy isolates the ${dir} of ${subject.id}, so its ${dir} is allowed${side.denies.length ? ' except what deny rules block' : ''}.`);
  } else {
    const titles = uniqueTitles(side.isolatedBy.map((p) => p.id));
    reasons.push(`The ${dir} of ${subject.id} is isolated by ${titles.length === 1 ? '1 policy' : `${titles.length} policies`}: ${titles.join(', ')}.`);
  }

  if (side.dns) reasons.push(dnsReason(side));

  const relevant = side.allows.filter((c) => !c.ports.intersect(scope).isEmpty());
  const allowedBy: RuleRef[] = [];
  if (side.isolated) {
    for (const [ref, set] of byRule(relevant)) {
      reasons.push(`${ruleTitle(ref)} allows ${set.ports.describe()} ${toFrom} ${set.peers.join(', ')}.`);
      if (!set.ports.intersect(allowedHere).isEmpty()) allowedBy.push(ref);
    }
    if (relevant.length === 0) {
      const others = side.allows;
      if (others.length > 0) {
        let union = PortSet.none();
        for (const c of others) union = union.union(c.ports);
        reasons.push(`Rules naming ${peer} allow only ${union.describe()}: ${uniqueRefs(others.map((c) => c.rule.ref)).map(ruleTitle).join(', ')}.`);
      }
      reasons.push(`No ${dir} rule of those policies allows ${traffic} ${toFrom} ${peer}.`);
    } else if (!allowed && side.denies.length === 0 && query.http) {
      reasons.push(`The HTTP request ${query.http.method} ${query.http.path} passes none of the HTTP rules on those ports.`);
    }
  }
  for (const b of side.blocked) reasons.push(`${ruleTitle(b.rule.ref)} does not count: ${b.reason}.`);

  const deniedBy: RuleRef[] = [];
  for (const d of side.denies) {
    if (d.ports.intersect(scope).isEmpty()) continue;
    reasons.push(`${ruleTitle(d.rule.ref)} denies ${d.ports.describe()} ${toFrom} ${peerMatcherText(d.peer)}: a deny rule wins over every allow, NetworkPolicy included.`);
    if (!deniedBy.includes(d.rule.ref)) deniedBy.push(d.rule.ref);
  }

  const l7: L7Constraint[] = [];
  if (allowed) {
    for (const c of ev.l7On(side, allowedHere)) {
      const constraints = l7Constraints(c.l7!);
      for (const k of constraints) if (!l7.some((x) => x.text === k.text)) l7.push(k);
      const on = c.ports.intersect(allowedHere).describe();
      let line = `On ${on}, ${ruleTitle(c.rule.ref)} lets through only ${constraints.map((k) => k.text).join('; ')}`;
      if (query.http && c.l7!.kind === 'http') {
        const pass = c.l7!.rules.some((r) => matchesHttp(r, query.http!));
        line += pass ? `; the request ${query.http.method} ${query.http.path} matches` : `; the request ${query.http.method} ${query.http.path} does not match this rule`;
      } else if (c.l7!.kind === 'http') {
        line += ' (other requests get HTTP 403)';
      } else if (c.l7!.kind === 'dns') {
        line += ' (other names are refused)';
      }
      reasons.push(`${line}.`);
      if (!allowedBy.includes(c.rule.ref) && side.isolated) allowedBy.push(c.rule.ref);
    }
  }
  return {
    direction: dir,
    allowed,
    isolated: side.isolated,
    isolatedBy: distinctPolicyIds(side.isolatedBy.map((p) => p.id)),
    allowedBy,
    deniedBy,
    reasons,
    ports: allowedHere.describe(),
    l7,
  };
}

function dnsReason(side: SideEval): string {
  const dns = side.dns!;
  const who = side.subject.id;
  const name = side.target.kind === 'fqdn' ? side.target.name : '';
  const servers = dns.view.servers.map((s) => s.id).join(', ') || 'kube-dns';
  const via = dns.view.rules.length ? ` (${dns.view.rules.map(ruleTitle).join(', ')})` : '';
  if (!dns.view.canLookUp) return `${who} cannot look up any name: its DNS traffic does not reach ${servers} on port 53 (both ends must allow it).`;
  if (!dns.resolvable) {
    const names = dns.view.names === 'all' ? '' : dns.view.names.map((m) => m.value).join(', ');
    return `${who} cannot resolve ${name}: the DNS rules on its lookups${via} allow only ${names}; other names are refused.`;
  }
  if (dns.visible) return `${who} can resolve ${name}: its lookups reach ${servers} on port 53 through DNS rules that match the name${via}.`;
  return `${who} can resolve ${name}, but its lookups pass no DNS rule${via}, so Cilium's DNS proxy does not see them and toFQDNs rules learn no addresses.`;
}

function byRule(contributions: readonly Contribution[]): Map<RuleRef, { ports: PortSet; peers: string[] }> {
  const out = new Map<RuleRef, { ports: PortSet; peers: string[] }>();
  for (const c of contributions) {
    const entry = out.get(c.rule.ref) ?? { ports: PortSet.none(), peers: [] };
    entry.ports = entry.ports.union(c.ports);
    const text = peerMatcherText(c.peer);
    if (!entry.peers.includes(text)) entry.peers.push(text);
    out.set(c.rule.ref, entry);
  }
  return out;
}

function uniqueRefs(refs: readonly RuleRef[]): RuleRef[] {
  return [...new Set(refs)];
}


function uniqueTitles(ids: readonly PolicyId[]): string[] {
  return distinctPolicyIds(ids).map(policyTitle);
}
