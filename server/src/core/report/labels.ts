/** Shared wording for policies, rules, peers and endpoints, so every format names things alike. */
import type { AllowedPeer, Endpoint, IsolationInfo, L7Constraint, Peer, PolicyId, RuleRef } from '../engine/types';
import type { ReportLocations } from './locations';

/** `namespace/name`, or just `name` for a cluster-wide policy. */
export function policyName(policy: PolicyId): string {
  return policy.namespace ? `${policy.namespace}/${policy.name}` : policy.name;
}

/** `backend/allow-api ingress[0]`, with `specs[i].` for multi-rule Cilium policies. */
export function ruleName(rule: RuleRef): string {
  const spec = rule.specIndex === null ? '' : `specs[${rule.specIndex}].`;
  return `${policyName(rule.policy)} ${spec}${rule.section}[${rule.index}]`;
}

/** `backend/allow-api ingress[0] (policies/api.yaml:12:9)`. */
export function ruleWithLocation(rule: RuleRef, ws: ReportLocations): string {
  const where = ws.where(rule.location);
  return where ? `${ruleName(rule)} (${where})` : ruleName(rule);
}

export function endpointText(endpoint: Endpoint): string {
  switch (endpoint.type) {
    case 'workload':
      return endpoint.id;
    case 'ip':
      return `ip:${endpoint.address}`;
    case 'world':
      return 'world';
    case 'fqdn':
      return `fqdn:${endpoint.name}`;
  }
}

/** A peer as printed: workload ids as is, other peers with a prefix that says what they are. */
export function peerText(peer: Peer): string {
  switch (peer.type) {
    case 'workload':
      return peer.id;
    case 'namespace':
      return `${peer.namespace}/*`;
    case 'cidr':
      return peer.except.length > 0 ? `cidr:${peer.cidr} except ${peer.except.join(',')}` : `cidr:${peer.cidr}`;
    case 'entity':
      return `entity:${peer.entity}`;
    case 'fqdn':
      return `fqdn:${peer.pattern}`;
    case 'any':
      return 'any peer';
  }
}

/** Whether the peer is a pod group of the cluster (its flows show up among the effective flows). */
export function isPodPeer(peer: Peer): boolean {
  return peer.type === 'workload' || peer.type === 'namespace';
}

/** Why a workload peer's own policies matter, or '' when they agree or do not apply. */
export function peerAgreementText(allowed: AllowedPeer): string {
  if (allowed.peerAgrees === 'blocked-by-peer') return "the peer's policies block it";
  if (allowed.peerAgrees === 'partial') return "the peer's policies allow only part";
  return '';
}

export function l7Text(l7: readonly L7Constraint[]): string {
  return l7.map((c) => c.text).join('; ');
}

/** `isolated by 2 policies` or `open`. */
export function isolationText(isolation: IsolationInfo): string {
  if (!isolation.isolated) return 'open';
  const n = isolation.by.length;
  return `isolated by ${n} ${n === 1 ? 'policy' : 'policies'}`;
}

/** `ingress: isolated by 2 policies · egress: open`. */
export function isolationSummary(ingress: IsolationInfo, egress: IsolationInfo): string {
  return `ingress: ${isolationText(ingress)} · egress: ${isolationText(egress)}`;
}

/** The shape of a rule in every JSON output. */
export interface RuleJson {
  readonly policy: string;
  readonly namespace: string;
  readonly kind: PolicyId['kind'];
  readonly section: RuleRef['section'];
  readonly index: number;
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
}

export function ruleJson(rule: RuleRef, ws: ReportLocations): RuleJson {
  const at = ws.locate(rule.location);
  return {
    policy: rule.policy.name,
    namespace: rule.policy.namespace,
    kind: rule.policy.kind,
    section: rule.section,
    index: rule.index,
    file: at?.file ?? null,
    line: at?.line ?? null,
    column: at?.column ?? null,
  };
}

/** Rules in first-seen order without repeats (the same rule can allow both sides' views). */
export function uniqueRules(rules: Iterable<RuleRef>): RuleRef[] {
  const seen = new Set<string>();
  const out: RuleRef[] = [];
  for (const r of rules) {
    const key = `${r.policy.kind}|${r.policy.namespace}|${r.policy.name}|${r.specIndex}|${r.section}|${r.index}|${r.location.uri}|${r.location.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

export function policyJson(policy: PolicyId) {
  return { kind: policy.kind, namespace: policy.namespace, name: policy.name };
}
