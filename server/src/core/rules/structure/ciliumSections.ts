/**
 * Walking a Cilium policy the way Cilium validates it: each rule (`spec` and every `specs[]`
 * item), each entry of its ingress / ingressDeny / egress / egressDeny lists, and their
 * `toPorts` entries (cilium/cilium pkg/policy/api rule_validation.go).
 */
import { isCiliumPolicy, type Resource } from '../../k8s/resources';
import { asMap, asSeq, deref, get, getPair, items, type Span, type YMap, type YNode, type YSeq } from '../../yaml/nodes';
import { headSpan } from '../../analysis/locate';

export const RULE_SECTIONS = ['ingress', 'ingressDeny', 'egress', 'egressDeny'] as const;
export type RuleSection = (typeof RULE_SECTIONS)[number];

/** Peer fields that Cilium refuses to combine in one rule (IngressCommonRule / EgressRule.l3Members). */
export const INGRESS_L3_FIELDS = ['fromEndpoints', 'fromCIDR', 'fromCIDRSet', 'fromEntities', 'fromNodes', 'fromGroups'] as const;
export const EGRESS_L3_FIELDS = ['toEndpoints', 'toCIDR', 'toCIDRSet', 'toEntities', 'toServices', 'toGroups', 'toNodes', 'toFQDNs'] as const;

export interface CiliumRule {
  /** The rule's value (a map when well-formed). */
  readonly node: YNode;
  readonly map: YMap | null;
  /** Where findings about the whole rule go: the `spec` key, or the first line of a `specs` item. */
  readonly anchor: Span;
}

export interface SectionEntry {
  readonly rule: CiliumRule;
  readonly section: RuleSection;
  readonly ingress: boolean;
  readonly deny: boolean;
  readonly map: YMap;
}

/** The rules of a Cilium policy: `spec` first, then the `specs` items. */
export function ciliumRules(resource: Resource): CiliumRule[] {
  if (!isCiliumPolicy(resource)) return [];
  const out: CiliumRule[] = [];
  const specPair = getPair(resource.node, 'spec');
  const spec = deref(specPair?.value);
  if (specPair && spec && !(spec.kind === 'scalar' && spec.value === null)) {
    out.push({ node: spec, map: asMap(spec), anchor: specPair.key.span });
  }
  for (const item of items(get(resource.node, 'specs'))) {
    out.push({ node: item, map: asMap(item), anchor: headSpan(resource, item) });
  }
  return out;
}

/** Every entry (a map) of every ingress / ingressDeny / egress / egressDeny list of the policy. */
export function sectionEntries(resource: Resource): SectionEntry[] {
  const out: SectionEntry[] = [];
  for (const rule of ciliumRules(resource)) {
    if (!rule.map) continue;
    for (const section of RULE_SECTIONS) {
      for (const entry of items(get(rule.map, section))) {
        const map = asMap(entry);
        if (map) out.push({ rule, section, ingress: section.startsWith('ingress'), deny: section.endsWith('Deny'), map });
      }
    }
  }
  return out;
}

/** The `toPorts` entries (maps) of a rule entry. */
export function toPortsEntries(entry: SectionEntry): YMap[] {
  return items(get(entry.map, 'toPorts'))
    .map((n) => asMap(n))
    .filter((m): m is YMap => m !== null);
}

/** A non-empty list: Cilium counts a field as set when its list has at least one item. */
export function nonEmptyList(node: YNode | null): YSeq | null {
  const seq = asSeq(node);
  return seq && seq.items.length > 0 ? seq : null;
}
