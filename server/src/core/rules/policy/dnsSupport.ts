/**
 * Reading the DNS-related parts of a policy: where egress is switched to default deny, the
 * `toFQDNs` entries, and the egress rules toward CoreDNS with their `rules.dns` lists. Shared
 * by the DNS rules and their fixes.
 */
import type { FqdnMatcher } from '../../cilium/fqdnPattern';
import type { PolicyModel, WorkloadInfo } from '../../engine/types';
import { asMap, asSeq, get, getPair, items, scalarText, stringValue, type YMap, type YNode, type YPair, type YSeq } from '../../yaml/nodes';
import { policyIdOf, presentPair, ruleMaps, type PolicyResource, type RuleMap } from './common';

export const KUBE_DNS_TEXT = 'kube-dns (pods with k8s-app=kube-dns in kube-system) on port 53';

export function isKubeDnsWorkload(w: WorkloadInfo | null): boolean {
  return !!w && w.namespace === 'kube-system' && w.labels['k8s-app'] === 'kube-dns';
}

/** Where egress default deny is switched on: the key a "cannot resolve names" warning sits on. */
export interface EgressAnchor {
  readonly rule: RuleMap;
  readonly pair: YPair;
}

/**
 * The key that makes this policy isolate egress: NP `policyTypes` listing Egress (or `egress`
 * when policyTypes is left to its default), Cilium `egress`/`egressDeny` unless
 * `enableDefaultDeny.egress` is false (K2, C3, C4). Null when the policy leaves egress open.
 */
export function egressAnchor(policy: PolicyResource): EgressAnchor | null {
  for (const rule of ruleMaps(policy)) {
    if (policy.kind === 'NetworkPolicy') {
      const typesPair = presentPair(rule.map, 'policyTypes');
      const types = items(typesPair?.value).map((n) => stringValue(n));
      if (types.length > 0) return types.includes('Egress') && typesPair ? { rule, pair: typesPair } : null;
      const egress = getPair(rule.map, 'egress');
      return egress && items(egress.value).length > 0 ? { rule, pair: egress } : null;
    }
    if (scalarText(get(get(rule.map, 'enableDefaultDeny'), 'egress')) === 'false') continue;
    for (const key of ['egress', 'egressDeny']) {
      const pair = getPair(rule.map, key);
      if (pair && items(pair.value).length > 0) return { rule, pair };
    }
  }
  return null;
}

/** One `matchName` / `matchPattern` of a `toFQDNs` list. */
export interface FqdnEntry {
  readonly matcher: FqdnMatcher;
  /** The `matchName` / `matchPattern` value. */
  readonly value: YNode;
  /** The `toFQDNs` pair it belongs to. */
  readonly list: YPair;
  readonly ruleIndex: number;
}

export function fqdnEntries(rule: YMap): FqdnEntry[] {
  const out: FqdnEntry[] = [];
  items(get(rule, 'egress')).forEach((egressRule, ruleIndex) => {
    const list = getPair(asMap(egressRule), 'toFQDNs');
    if (!list) return;
    for (const entry of items(list.value)) {
      for (const kind of ['matchName', 'matchPattern'] as const) {
        const pair = getPair(asMap(entry), kind);
        const text = stringValue(pair?.value);
        if (pair?.value && text) out.push({ matcher: { kind: kind === 'matchName' ? 'name' : 'pattern', value: text }, value: pair.value, list, ruleIndex });
      }
    }
  });
  return out;
}

/** A `toPorts` item of an egress rule toward CoreDNS that lists port 53. */
export interface DnsPortRule {
  readonly rule: RuleMap;
  readonly egressIndex: number;
  /** The `toPorts` item (has `ports`, maybe `rules`). */
  readonly portRule: YMap;
  /** `rules.dns` when written. */
  readonly dnsList: YSeq | null;
  readonly dnsPair: YPair | null;
}

/**
 * Port-53 entries of Cilium egress rules that reach CoreDNS: rules whose `toEndpoints` select
 * kube-dns in this workspace, or that name no peer at all (ports toward any peer).
 */
export function dnsPortRules(policy: PolicyResource, model: PolicyModel): DnsPortRule[] {
  if (policy.kind === 'NetworkPolicy') return [];
  const id = policyIdOf(policy);
  const out: DnsPortRule[] = [];
  for (const rule of ruleMaps(policy)) {
    items(get(rule.map, 'egress')).forEach((egressRule, egressIndex) => {
      const map = asMap(egressRule);
      if (!map || !reachesKubeDns(map, [...rule.path, 'egress', egressIndex], id, model)) return;
      for (const portRule of items(get(map, 'toPorts'))) {
        const prMap = asMap(portRule);
        if (!prMap || !listsPort53(prMap)) continue;
        const dnsPair = getPair(asMap(get(prMap, 'rules')), 'dns');
        out.push({ rule, egressIndex, portRule: prMap, dnsList: asSeq(dnsPair?.value), dnsPair });
      }
    });
  }
  return out;
}

const L3_EGRESS = ['toEndpoints', 'toEntities', 'toCIDR', 'toCIDRSet', 'toServices', 'toFQDNs', 'toNodes', 'toGroups'];

function reachesKubeDns(rule: YMap, path: readonly (string | number)[], id: ReturnType<typeof policyIdOf>, model: PolicyModel): boolean {
  const l3 = L3_EGRESS.filter((k) => presentPair(rule, k));
  if (l3.length === 0) return true;
  if (!l3.includes('toEndpoints')) return false;
  return items(get(rule, 'toEndpoints')).some((_, j) => {
    const sel = model.selectionAt(id, [...path, 'toEndpoints', j]);
    return !!sel && sel.workloads.some((w) => isKubeDnsWorkload(model.findWorkload(w)));
  });
}

function listsPort53(portRule: YMap): boolean {
  const ports = items(get(portRule, 'ports'));
  return ports.length === 0 || ports.some((p) => {
    const port = scalarText(get(p, 'port'));
    return port === '53' || port === null || port === '0';
  });
}

/** A DNS pattern as written (matchName values hold no `*`, so the kind follows from the text). */
export function matcherOf(text: string): FqdnMatcher {
  return text.includes('*') ? { kind: 'pattern', value: text } : { kind: 'name', value: text };
}
