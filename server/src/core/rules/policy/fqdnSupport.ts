/**
 * What the FQDN rules ask of each pod: whether its lookups reach CoreDNS and pass a DNS rule,
 * and which names that rule lets through (policy-semantics.md C11/C12).
 */
import { fqdnMatches, patternCovers, type FqdnMatcher } from '../../cilium/fqdnPattern';
import type { DnsAccess, PolicyModel, RuleRef, WorkloadInfo } from '../../engine/types';
import type { Resource } from '../../k8s/resources';
import { asMap, asSeq, get, getPair, getPath, items, type YSeq } from '../../yaml/nodes';
import { dnsMatchEntries } from '../fixes/dnsRule';
import { appendItemsEdit } from '../fixes/insert';
import type { Fix, RuleContext } from '../types';
import { findPolicy, policyName, type PolicyResource } from './common';
import { dnsPortRules, matcherOf } from './dnsSupport';

export interface PodDns {
  readonly workload: WorkloadInfo;
  readonly access: DnsAccess;
}

/** Pods whose lookups reach CoreDNS (those that cannot are the dns-blocked rule's). */
export function resolvingPods(model: PolicyModel, workloads: readonly WorkloadInfo[]): PodDns[] {
  const out: PodDns[] = [];
  for (const workload of workloads) {
    const access = model.dnsAccess(workload.id);
    if (access?.reachesDns) out.push({ workload, access });
  }
  return out;
}

/** Whether the DNS names a pod may look up (its proxied patterns) include everything `m` selects. */
export function lookupAllowed(access: DnsAccess, m: FqdnMatcher, ciliumMinor: number): boolean {
  const options = { ciliumMinor };
  return access.patterns.some((p) => {
    const allowed = matcherOf(p);
    return m.kind === 'name' ? fqdnMatches(allowed, m.value, options) : patternCovers(allowed, m, options);
  });
}

/** `"a", "b"` for messages. */
export function quotedList(values: readonly string[], max = 5): string {
  const q = values.map((v) => `"${v}"`);
  return q.length > max ? `${q.slice(0, max).join(', ')} and ${q.length - max} more` : q.join(', ');
}

/** A DNS rule list (`rules.dns`) a new entry can go into, preferring one in `policy` itself. */
export function dnsListFor(policy: PolicyResource, ruleMapPath: readonly (string | number)[], accessRules: readonly RuleRef[], context: RuleContext): { resource: Resource; list: YSeq; owner: string } | null {
  const model = context.workspace.policyModel();
  const own = dnsPortRules(policy, model).find((d) => d.dnsList && samePath(d.rule.path, ruleMapPath));
  if (own?.dnsList) return { resource: policy, list: own.dnsList, owner: 'this policy' };
  for (const ref of accessRules) {
    if (ref.section !== 'egress') continue;
    const owner = findPolicy(context.workspace, ref.policy);
    if (!owner) continue;
    const rulePath = ref.specIndex === null ? ['spec', 'egress', ref.index] : ['specs', ref.specIndex, 'egress', ref.index];
    for (const portRule of items(get(getPath(owner.node, rulePath), 'toPorts'))) {
      const list = asSeq(getPair(asMap(get(portRule, 'rules')), 'dns')?.value);
      if (list) return { resource: owner, list, owner: owner === policy ? 'this policy' : policyName(ref.policy) };
    }
  }
  return null;
}

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A fix appending DNS entries to a `rules.dns` list. */
export function appendDnsEntriesFix(target: { resource: Resource; list: YSeq }, matchers: readonly FqdnMatcher[], title: string): Fix {
  return { title, edits: [appendItemsEdit(target.resource, target.list, dnsMatchEntries(matchers))] };
}
