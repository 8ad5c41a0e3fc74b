/**
 * The compiled form of policies: what a rule's peers and ports are, ready to be matched
 * against a concrete peer. Built once by compileNetworkPolicy / compileCilium.
 */
import type { FqdnMatcher } from '../cilium/fqdnPattern';
import type { Protocol } from '../k8s/resources';
import type { AddressSet } from '../net/cidr';
import type { ClassSet } from './selectors';
import type { Direction, PolicyId, RuleRef } from './types';

/** One element of a rule's peer list. */
export type PeerMatcher =
  /** Every peer: NP rule without `from`/`to`, Cilium rule with only `toPorts`. */
  | { readonly kind: 'any' }
  /**
   * Pods picked by selectors. `namespaces` is set when the selector picks whole namespaces (NP
   * namespaceSelector alone; a Cilium selector that constrains only the namespace): flows then
   * name the namespaces instead of every workload in them.
   */
  | { readonly kind: 'pods'; readonly classes: ClassSet; readonly namespaces: readonly string[] | null; readonly text: string }
  | { readonly kind: 'cidr'; readonly set: AddressSet; readonly cidr: string; readonly except: readonly string[] }
  | { readonly kind: 'entity'; readonly entity: string }
  | { readonly kind: 'fqdn'; readonly matcher: FqdnMatcher }
  /** Cilium `toNodes` / `fromNodes`: node traffic (hostNetwork pods, nodes). */
  | { readonly kind: 'nodes'; readonly text: string };

export type L7Rules =
  | { readonly kind: 'http'; readonly rules: readonly HttpRule[] }
  | { readonly kind: 'dns'; readonly matchers: readonly FqdnMatcher[] }
  | { readonly kind: 'kafka' | 'other'; readonly texts: readonly string[] };

export interface HttpRule {
  readonly method: string | null;
  readonly path: string | null;
  readonly host: string | null;
  /** Required headers: `name` alone (present) or `name: value` (exact value). */
  readonly headers: readonly { readonly name: string; readonly value: string | null }[];
}

/** One port (or port range, or named port) of a rule, with its L7 rules. */
export interface PortEntry {
  readonly protocols: readonly Protocol[];
  /** Null: every port of those protocols; a string: a named container port. */
  readonly port: number | string | null;
  readonly endPort: number | null;
  readonly l7: L7Rules | null;
}

export interface CompiledRule {
  readonly ref: RuleRef;
  readonly deny: boolean;
  /** Union of peers; empty means the rule matches no peer. */
  readonly peers: readonly PeerMatcher[];
  /** Null: every port and protocol, no L7. */
  readonly ports: readonly PortEntry[] | null;
}

/** One policy object, or one rule of a Cilium policy's `specs` (each has its own subject). */
export interface CompiledPolicy {
  readonly id: PolicyId;
  readonly specIndex: number | null;
  readonly subjects: ClassSet;
  /** The subject selector as applied, e.g. `pods with app=db in namespace shop`. */
  readonly subjectText: string;
  /** Whether selecting a pod switches this direction to default deny. */
  readonly isolates: Readonly<Record<Direction, boolean>>;
  readonly allow: Readonly<Record<Direction, readonly CompiledRule[]>>;
  readonly deny: Readonly<Record<Direction, readonly CompiledRule[]>>;
  /** Modelling notes that matter whenever this policy takes part in a verdict. */
  readonly notes: readonly string[];
}

export function policyKey(id: PolicyId): string {
  return `${id.kind}/${id.namespace}/${id.name}`;
}

/** Each policy once (by key), in the order first seen. */
export function distinctPolicyIds(ids: readonly PolicyId[]): PolicyId[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    const key = policyKey(id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
