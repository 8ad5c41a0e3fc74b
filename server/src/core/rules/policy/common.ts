/**
 * What the policy rules share: which resources they look at, the rule maps of a policy
 * (`spec` and every item of Cilium's `specs`), whether the chosen engine enforces a policy,
 * and how pods and lists are named in messages.
 */
import { headSpan, locate } from '../../analysis/locate';
import type { PolicyId, SourceLocation } from '../../engine/types';
import type { CiliumPolicyResource, NetworkPolicyResource, Resource } from '../../k8s/resources';
import { isCiliumPolicy, isNetworkPolicy, POLICY_KINDS } from '../../k8s/resources';
import type { AnalysisSettings } from '../../settings/analysisSettings';
import type { WorkspaceView } from '../types';
import { asMap, get, getPair, type YMap, type YNode, type YPair } from '../../yaml/nodes';

export { CILIUM_KINDS, POLICY_KINDS } from '../../k8s/resources';

export type PolicyResource = NetworkPolicyResource | CiliumPolicyResource;

export function asPolicy(resource: Resource): PolicyResource | null {
  return isNetworkPolicy(resource) || isCiliumPolicy(resource) ? resource : null;
}

export function policyIdOf(policy: PolicyResource): PolicyId {
  const clusterwide = policy.kind === 'CiliumClusterwideNetworkPolicy';
  return { kind: policy.kind, namespace: clusterwide ? '' : policy.namespace, name: policy.name };
}

/** `NetworkPolicy backend/api`, `CiliumClusterwideNetworkPolicy dns`. */
export function policyName(id: PolicyId): string {
  return `${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name}`;
}

/**
 * A document with YAML errors is reported by the syntax check; rules stay quiet on it, since
 * what the resource holds is a guess (a duplicate key keeps only the last value).
 */
export function hasSyntaxErrors(resource: Resource): boolean {
  return resource.source.document.problems.some((p) => p.severity === 'error');
}

/** Whether the engine in the settings enforces this kind of policy at all. */
export function enforced(kind: string, settings: AnalysisSettings): boolean {
  if (settings.engine === 'none') return false;
  return kind === 'NetworkPolicy' || settings.engine === 'cilium';
}

/** One rule map of a policy: `spec`, or an item of `specs`, with its YAML path. */
export interface RuleMap {
  readonly map: YMap;
  readonly path: readonly (string | number)[];
}

export function ruleMaps(policy: PolicyResource): RuleMap[] {
  const out: RuleMap[] = [];
  const spec = asMap(policy.spec);
  if (spec) out.push({ map: spec, path: ['spec'] });
  if (policy.kind !== 'NetworkPolicy') {
    const specs = get(policy.node, 'specs');
    if (specs && specs.kind === 'seq') {
      specs.items.forEach((item, i) => {
        const map = asMap(item);
        if (map) out.push({ map, path: ['specs', i] });
      });
    }
  }
  return out;
}

/** The pair for `key` when its value is written (not missing, not null). */
export function presentPair(map: YNode | null, key: string): YPair | null {
  const pair = getPair(asMap(map), key);
  if (!pair || !pair.value) return null;
  const v = pair.value;
  return v.kind === 'scalar' && v.value === null ? null : pair;
}

/** Location of `metadata.name`'s value (or of the object when it has none). */
export function nameLocation(resource: Resource): SourceLocation {
  const name = get(get(resource.node, 'metadata'), 'name');
  return locate(resource, name ? name.span : headSpan(resource, resource.node));
}

/** `a, b and c`; long lists end with `and N more`. */
export function listText(items: readonly string[], max = 5): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length > max) return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

export function policyKeyOf(id: PolicyId): string {
  return `${id.kind}/${id.namespace}/${id.name}`;
}

const byKeyCache = new WeakMap<WorkspaceView, Map<string, PolicyResource[]>>();

/** Every policy of the workspace by kind/namespace/name (several when names collide), once per view. */
export function policiesByKey(view: WorkspaceView): ReadonlyMap<string, readonly PolicyResource[]> {
  let map = byKeyCache.get(view);
  if (!map) {
    map = new Map();
    for (const r of view.ofKinds(POLICY_KINDS)) {
      const p = asPolicy(r);
      if (!p) continue;
      const key = policyKeyOf(policyIdOf(p));
      map.set(key, [...(map.get(key) ?? []), p]);
    }
    byKeyCache.set(view, map);
  }
  return map;
}

/** The policy object with this id (the last one when names collide, as applying them would leave). */
export function findPolicy(view: WorkspaceView, id: PolicyId): PolicyResource | null {
  const list = policiesByKey(view).get(policyKeyOf(id));
  return list ? list[list.length - 1] : null;
}
