/**
 * The parts of a NetworkPolicy the `netpol/*` rules look at: the peers of every ingress `from`
 * and egress `to` list, and the entries of every `ports` list.
 */
import { isNetworkPolicy, type Resource } from '../../k8s/resources';
import { asMap, get, items, type YMap, type YNode } from '../../yaml/nodes';

export interface NetpolPeer {
  readonly node: YNode;
  readonly map: YMap | null;
  /** `from` or `to`. */
  readonly list: 'from' | 'to';
}

function rules(resource: Resource): { rule: YNode; list: 'from' | 'to' }[] {
  if (!isNetworkPolicy(resource)) return [];
  return [
    ...items(get(resource.spec, 'ingress')).map((rule) => ({ rule, list: 'from' as const })),
    ...items(get(resource.spec, 'egress')).map((rule) => ({ rule, list: 'to' as const })),
  ];
}

export function netpolPeers(resource: Resource): NetpolPeer[] {
  return rules(resource).flatMap(({ rule, list }) => items(get(rule, list)).map((node) => ({ node, map: asMap(node), list })));
}

export function netpolPorts(resource: Resource): YMap[] {
  return rules(resource).flatMap(({ rule }) =>
    items(get(rule, 'ports'))
      .map((n) => asMap(n))
      .filter((m): m is YMap => m !== null),
  );
}
