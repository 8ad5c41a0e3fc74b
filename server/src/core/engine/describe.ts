/** Short texts for explanations: policies, rules, peers, ports and L7 rules. */
import { describeRequirement, isEmptySelector, type LabelSelector, type Requirement } from '../k8s/labelSelector';
import { NAMESPACE_LABELS_PREFIX, POD_NAMESPACE_LABEL, SERVICE_ACCOUNT_LABEL } from '../cilium/labelKeys';
import type { HttpRule, L7Rules, PeerMatcher } from './compiled';
import type { Endpoint, L7Constraint, PolicyId, ReachQuery, RuleRef } from './types';

export function policyTitle(id: PolicyId): string {
  return id.namespace ? `${id.kind} ${id.namespace}/${id.name}` : `${id.kind} ${id.name}`;
}

/** `egress[1] of CiliumNetworkPolicy backend/payment-egress-domains` (`specs[0].egress[1]` for multi-rule policies). */
export function ruleTitle(ref: RuleRef): string {
  const where = ref.specIndex === null ? `${ref.section}[${ref.index}]` : `specs[${ref.specIndex}].${ref.section}[${ref.index}]`;
  return `${where} of ${policyTitle(ref.policy)}`;
}

export function endpointText(e: Endpoint): string {
  switch (e.type) {
    case 'workload':
      return e.id;
    case 'ip':
      return `ip ${e.address}`;
    case 'world':
      return 'world (addresses outside the cluster)';
    case 'fqdn':
      return `fqdn ${e.name}`;
  }
}

/** `TCP 8080`, `UDP 53`, or `any port` for a query without a port. */
export function trafficText(query: Pick<ReachQuery, 'port' | 'protocol' | 'http'>): string {
  const base =
    query.port !== undefined ? `${query.protocol ?? 'TCP'} ${query.port}` : query.http ? 'HTTP on any TCP port' : query.protocol ? `any ${query.protocol} port` : 'any port';
  return query.http ? `${base} (${query.http.method} ${query.http.path})` : base;
}

/**
 * What namespaces must carry, to follow "namespaces": `with team=a, env in (x, y)`,
 * `that have label team`, `that lack label legacy` (an Exists reads "has team" on its own).
 */
export function namespaceRequirementsText(reqs: readonly Requirement[]): string {
  const parts: string[] = [];
  const valued = reqs.filter((r) => r.operator === 'In' || r.operator === 'NotIn');
  if (valued.length) parts.push(`with ${valued.map(describeRequirement).join(', ')}`);
  const keysOf = (op: Requirement['operator']) => reqs.filter((r) => r.operator === op).map((r) => r.key);
  const present = keysOf('Exists');
  if (present.length) parts.push(`that have label${present.length > 1 ? 's' : ''} ${present.join(', ')}`);
  const absent = keysOf('DoesNotExist');
  if (absent.length) parts.push(`that lack label${absent.length > 1 ? 's' : ''} ${absent.join(', ')}`);
  return parts.join(' and ');
}

/** A NetworkPolicy peer, e.g. `pods with app=web in namespace shop`, `all pods in namespaces with team=b`. */
export function describeNetworkPolicyPeer(policyNamespace: string, nsSel: LabelSelector | null, podSel: LabelSelector | null): string {
  const where = nsSel
    ? isEmptySelector(nsSel)
      ? 'in every namespace'
      : `in namespaces ${namespaceRequirementsText(nsSel.requirements)}`
    : `in namespace ${policyNamespace}`;
  const which = podSel && !isEmptySelector(podSel) ? `pods with ${podSel.requirements.map(describeRequirement).join(', ')}` : 'all pods';
  return `${which} ${where}`;
}

/** A Cilium selector after pinning, e.g. `pods with app=web in namespace shop`. */
export function describeCiliumSelector(sel: LabelSelector): string {
  const podParts: string[] = [];
  const nsReqs: Requirement[] = [];
  let namespace: string | null = null;
  for (const r of sel.requirements) {
    if (r.key === POD_NAMESPACE_LABEL) {
      if (r.operator === 'In' && r.values.length === 1) namespace = r.values[0];
      else if (r.operator !== 'Exists') nsReqs.push({ ...r, key: 'name' });
    } else if (r.key.startsWith(NAMESPACE_LABELS_PREFIX)) {
      nsReqs.push({ ...r, key: r.key.slice(NAMESPACE_LABELS_PREFIX.length) });
    } else if (r.key === SERVICE_ACCOUNT_LABEL) {
      podParts.push(describeRequirement({ ...r, key: 'serviceaccount' }));
    } else {
      podParts.push(describeRequirement(r));
    }
  }
  const which = podParts.length ? `pods with ${podParts.join(', ')}` : 'all pods';
  const nsText = namespaceRequirementsText(nsReqs);
  let where: string;
  if (namespace !== null) where = nsText ? `in namespace ${namespace} (${nsText})` : `in namespace ${namespace}`;
  else if (nsText) where = `in namespaces ${nsText}`;
  // No namespace requirement, or only "some namespace" (Exists): every namespace's pods match.
  else where = 'in every namespace';
  return `${which} ${where}`;
}

export function peerMatcherText(m: PeerMatcher): string {
  switch (m.kind) {
    case 'any':
      return 'any peer';
    case 'pods':
      return m.text;
    case 'cidr':
      return m.except.length ? `${m.cidr} except ${m.except.join(', ')}` : m.cidr;
    case 'entity':
      return `entity ${m.entity}`;
    case 'fqdn':
      return `fqdn ${m.matcher.kind === 'name' ? m.matcher.value : `pattern ${m.matcher.value}`}`;
    case 'nodes':
      return 'nodes';
  }
}

export function httpRuleText(r: HttpRule): string {
  const parts = [r.method ?? 'any method', r.path ?? 'any path'];
  if (r.host) parts.push(`host ${r.host}`);
  for (const h of r.headers) parts.push(h.value === null ? `header ${h.name}` : `header ${h.name}: ${h.value}`);
  return parts.join(' ');
}

export function l7Constraints(l7: L7Rules): L7Constraint[] {
  switch (l7.kind) {
    case 'http':
      return l7.rules.length ? l7.rules.map((r) => ({ kind: 'http', text: `HTTP ${httpRuleText(r)}` })) : [{ kind: 'http', text: 'HTTP (no request allowed)' }];
    case 'dns':
      return [{ kind: 'dns', text: l7.matchers.length ? `DNS ${l7.matchers.map((m) => m.value).join(', ')}` : 'DNS (no name allowed)' }];
    case 'kafka':
      return l7.texts.map((t) => ({ kind: 'kafka', text: `Kafka ${t}`.trim() }));
    case 'other':
      return l7.texts.map((t) => ({ kind: 'other', text: t }));
  }
}
