/**
 * Cilium label keys in endpoint selectors and the entity catalogue (policy-semantics.md C8, C9).
 *
 * A selector key may carry a source prefix: `k8s:app` (labels from Kubernetes), `reserved:host`
 * (Cilium's special identities), `any:app` or no prefix at all (any source). Parsing follows
 * cilium/cilium pkg/labels ParseSource / GetExtendedKeyFrom: the source is the text before the
 * first `:`; `$name` and `reserved.name` are short forms of `reserved:name`.
 */

export type LabelSource = 'k8s' | 'any' | 'reserved' | 'unspec' | (string & {});

export interface CiliumLabelKey {
  /** `k8s`, `any`, `reserved`, `unspec`, or whatever was written before the first `:`. */
  readonly source: LabelSource;
  readonly key: string;
  /** False when no source was written (the key then matches labels from any source). */
  readonly explicitSource: boolean;
}

export const POD_NAMESPACE_LABEL = 'io.kubernetes.pod.namespace';
export const NAMESPACE_LABELS_PREFIX = 'io.cilium.k8s.namespace.labels.';
export const SERVICE_ACCOUNT_LABEL = 'io.cilium.k8s.policy.serviceaccount';
export const CLUSTER_LABEL = 'io.cilium.k8s.policy.cluster';

/** The label sources cilium/cilium pkg/labels defines; another prefix before `:` is most likely a typo. */
export const KNOWN_LABEL_SOURCES: readonly string[] = [
  'k8s',
  'any',
  'reserved',
  'unspec',
  'container',
  'cni',
  'cidr',
  'cidrgroup',
  'node',
  'fqdn',
  'directory',
];

const RESERVED_KEY_PREFIX = 'reserved.';

export function parseCiliumLabelKey(key: string): CiliumLabelKey {
  if (key.startsWith('$')) return { source: 'reserved', key: key.slice(1), explicitSource: true };
  const colon = key.indexOf(':');
  if (colon < 0) {
    if (key.startsWith(RESERVED_KEY_PREFIX)) return { source: 'reserved', key: key.slice(RESERVED_KEY_PREFIX.length), explicitSource: true };
    return { source: 'any', key, explicitSource: false };
  }
  return { source: key.slice(0, colon), key: key.slice(colon + 1), explicitSource: true };
}

/** Whether a selector key with source `selectorSource` applies to a label from `labelSource`. */
export function sourceMatches(selectorSource: string, labelSource: string): boolean {
  return selectorSource === 'any' || selectorSource === labelSource;
}

/** The namespace-label key inside a `io.cilium.k8s.namespace.labels.<key>` selector key, or null. */
export function namespaceLabelKey(key: string): string | null {
  return key.startsWith(NAMESPACE_LABELS_PREFIX) ? key.slice(NAMESPACE_LABELS_PREFIX.length) : null;
}

export type CiliumEntity =
  | 'all'
  | 'world'
  | 'cluster'
  | 'host'
  | 'remote-node'
  | 'kube-apiserver'
  | 'ingress'
  | 'health'
  | 'init'
  | 'unmanaged'
  | 'none'
  | 'world-ipv4'
  | 'world-ipv6';

export interface EntityInfo {
  readonly name: CiliumEntity;
  /**
   * Whether the CRD's enum (`all;world;cluster;host;init;ingress;unmanaged;remote-node;health;none;kube-apiserver`)
   * accepts it; `world-ipv4` / `world-ipv6` exist in Cilium's code but not in the enum.
   */
  readonly inCrdEnum: boolean;
  readonly meaning: string;
}

export const CILIUM_ENTITIES: readonly EntityInfo[] = [
  { name: 'all', inCrdEnum: true, meaning: 'everything: the cluster(s) and the world' },
  { name: 'world', inCrdEnum: true, meaning: 'everything outside the cluster (0.0.0.0/0 and ::/0 outside the cluster)' },
  {
    name: 'cluster',
    inCrdEnum: true,
    meaning: 'everything inside the local cluster: managed and unmanaged endpoints, host, remote-node, init, health, ingress, kube-apiserver',
  },
  { name: 'host', inCrdEnum: true, meaning: 'the local node, including hostNetwork pods on it' },
  { name: 'remote-node', inCrdEnum: true, meaning: 'every other node (of any connected cluster), including their hostNetwork pods' },
  { name: 'kube-apiserver', inCrdEnum: true, meaning: 'the Kubernetes API server, in-cluster or external' },
  { name: 'ingress', inCrdEnum: true, meaning: "Cilium's own Envoy ingress (not AGIC or the application routing NGINX)" },
  { name: 'health', inCrdEnum: true, meaning: 'Cilium health endpoints' },
  { name: 'init', inCrdEnum: true, meaning: 'endpoints whose identity is not resolved yet' },
  { name: 'unmanaged', inCrdEnum: true, meaning: 'in-cluster endpoints not managed by Cilium' },
  { name: 'none', inCrdEnum: true, meaning: 'nothing' },
  { name: 'world-ipv4', inCrdEnum: false, meaning: 'the IPv4 part of world (not in the CRD enum, so the API server likely rejects it)' },
  { name: 'world-ipv6', inCrdEnum: false, meaning: 'the IPv6 part of world (not in the CRD enum, so the API server likely rejects it)' },
];

export function entityInfo(name: string): EntityInfo | null {
  return CILIUM_ENTITIES.find((e) => e.name === name) ?? null;
}
