/**
 * A concrete suggestion for a denied connection: which policy to extend (or which deny rule to
 * narrow) on each side that blocks it.
 */
import { PortSet } from '../net/ports';
import type { CompiledPolicy } from './compiled';
import { policyTitle, ruleTitle } from './describe';
import type { Evaluator, SideEval } from './evaluate';
import type { ReachQuery } from './types';

export interface FixInput {
  readonly query: ReachQuery;
  readonly evaluator: Evaluator;
  readonly egress: SideEval | null;
  readonly ingress: SideEval | null;
  readonly egressOk: boolean;
  readonly ingressOk: boolean;
  readonly egressPorts: PortSet;
  readonly ingressPorts: PortSet;
}

export function suggestFix(input: FixInput): string | null {
  const parts: string[] = [];
  const sides: SideEval[] = [];
  if (input.egress && !input.egressOk) sides.push(input.egress);
  if (input.ingress && !input.ingressOk) sides.push(input.ingress);
  if (sides.length === 0) {
    // Each side allows something, but not the same traffic.
    if (input.egress && input.ingress) {
      return `open a common port on both sides: the egress of ${input.egress.subject.id} allows ${input.egressPorts.describe()} and the ingress of ${input.ingress.subject.id} allows ${input.ingressPorts.describe()}`;
    }
    return null;
  }
  for (const side of sides) {
    const fix = fixSide(side, input);
    if (fix) parts.push(fix);
  }
  return parts.length ? parts.join('; and ') : null;
}

function fixSide(side: SideEval, input: FixInput): string | null {
  const scopePort = input.query.port;
  const relevantDenies = side.denies.filter((d) => scopePort === undefined || d.ports.contains(input.query.protocol ?? 'TCP', scopePort));
  if (relevantDenies.length > 0) {
    return `remove or narrow ${[...new Set(relevantDenies.map((d) => ruleTitle(d.rule.ref)))].join(', ')} (no allow rule can override a deny rule)`;
  }
  const http = input.query.http;
  if (http) {
    // Open at L4 but the request fails the HTTP rules: extend those rules.
    const l4 = input.evaluator.allowedPorts(side);
    const scope = scopePort === undefined ? l4 : l4.intersect(PortSet.of(input.query.protocol ?? 'TCP', scopePort));
    const filtering = scope.isEmpty() ? [] : input.evaluator.l7On(side, scope).filter((c) => c.l7?.kind === 'http');
    if (filtering.length > 0) {
      return `extend the HTTP rules of ${[...new Set(filtering.map((c) => ruleTitle(c.rule.ref)))].join(', ')} to match ${http.method} ${http.path}`;
    }
  }
  const dir = side.direction;
  const who = side.subject.id;
  const target = side.target;
  const ports = scopePort === undefined ? 'the ports it needs' : `${input.query.protocol ?? 'TCP'} ${scopePort}`;
  const dnsFix = (name: string): string | null => {
    const dns = side.dns;
    if (!dns || dns.visible) return null;
    if (!dns.view.canLookUp) return `allow DNS from ${who} to kube-system/coredns (UDP and TCP 53) with a DNS rule matching ${name} (toPorts.rules.dns matchName: ${name})`;
    const holder = dns.view.rules.length ? ` in ${dns.view.rules.map(ruleTitle).join(', ')}` : ' on its egress rule toward kube-dns port 53';
    return `add a DNS rule matching ${name} (toPorts.rules.dns matchName: ${name})${holder}`;
  };

  if (!side.isolated) {
    // Not isolated but still denied: only DNS can be missing (fqdn targets).
    return target.kind === 'fqdn' ? dnsFix(target.name) : null;
  }
  const policy = choosePolicy(side);
  let peer: string;
  switch (target.kind) {
    case 'group':
      peer = `${target.group.id} (${labelText(target.group.labels)} in namespace ${target.group.namespace})`;
      break;
    case 'ip':
      peer = `${target.text}${target.ip.family === 'IPv4' ? '/32' : '/128'} (ipBlock or toCIDR)`;
      break;
    case 'world':
      peer = 'world (toEntities: [world], or an ipBlock / toCIDR for the addresses needed)';
      break;
    case 'fqdn':
      peer = `fqdn ${target.name}`;
      break;
  }
  const toFrom = dir === 'egress' ? 'to' : 'from';
  if (target.kind === 'fqdn' && policy?.id.kind === 'NetworkPolicy') {
    return `NetworkPolicy cannot name hosts: add an egress rule to ${policyTitle(policy.id)} with an ipBlock for the addresses of ${target.name}, or a CiliumNetworkPolicy egress rule allowing ${ports} to toFQDNs matchName ${target.name} together with a DNS rule matching it`;
  }
  const where = policy ? policyTitle(policy.id) : `a policy selecting ${who}`;
  let text = `add an ${dir} rule to ${where} allowing ${ports} ${toFrom} ${peer}`;
  if (target.kind === 'fqdn') {
    const listed = side.blocked.length > 0;
    const dns = dnsFix(target.name);
    if (listed && dns) text = dns;
    else {
      text += ` (toFQDNs matchName: ${target.name})`;
      if (dns) text += `, and ${dns}`;
    }
  }
  return text;
}

/** The policy to extend: one that already has allow rules in this direction, preferring the right kind. */
function choosePolicy(side: SideEval): CompiledPolicy | null {
  const dir = side.direction;
  const withRules = side.isolatedBy.filter((p) => p.allow[dir].some((r) => r.peers.length > 0));
  const wantCilium = side.target.kind === 'fqdn';
  const pick = (list: readonly CompiledPolicy[]) =>
    list.find((p) => (wantCilium ? p.id.kind !== 'NetworkPolicy' : true) && p.id.namespace === side.subject.namespace) ?? list[0] ?? null;
  return pick(withRules) ?? pick(side.isolatedBy);
}

function labelText(labels: Readonly<Record<string, string>>): string {
  const keys = Object.keys(labels).sort();
  return keys.length ? `pods with ${keys.map((k) => `${k}=${labels[k]}`).join(', ')}` : 'its pods';
}
