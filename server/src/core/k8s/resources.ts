import type { YMap, YNode } from '../yaml/nodes';
import type { YamlDocument } from '../yaml/parseYaml';

export type Labels = Readonly<Record<string, string>>;
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** Where a resource was written: the file, the YAML document, and its item index inside a List. */
export interface SourceRef {
  readonly uri: string;
  readonly document: YamlDocument;
  /** Index in `items` when the resource is an item of a List document. */
  readonly listIndex?: number;
}

/** The network policy kinds the engine understands, and the Cilium ones among them. */
export const POLICY_KINDS = ['NetworkPolicy', 'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'] as const;
export const CILIUM_KINDS = ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'] as const;

export const WORKLOAD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

interface ResourceBase {
  readonly apiVersion: string;
  readonly name: string;
  /** The namespace; `default` when a namespaced object does not say; '' for cluster-scoped kinds. */
  readonly namespace: string;
  /** Whether `metadata.namespace` was written (a missing one is filled in by kubectl's context). */
  readonly namespaceExplicit: boolean;
  readonly labels: Labels;
  readonly annotations: Readonly<Record<string, string>>;
  /** The object's map node; all field lookups and ranges come from it. */
  readonly node: YMap;
  readonly source: SourceRef;
}

export interface NamespaceResource extends ResourceBase {
  readonly kind: 'Namespace';
}

export interface ContainerPort {
  readonly name: string | null;
  readonly port: number;
  readonly protocol: Protocol;
}

export interface OwnerReference {
  readonly kind: string;
  readonly name: string;
  readonly controller: boolean;
}

export interface WorkloadResource extends ResourceBase {
  readonly kind: WorkloadKind;
  /** Labels the pods carry (the pod template's, or the Pod's own). */
  readonly podLabels: Labels;
  /** The node holding the pod labels (for ranges), if written. */
  readonly podLabelsNode: YNode | null;
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
  readonly serviceAccount: string;
  /** For Pods: the controller owner, whose name becomes the workload's name. */
  readonly owner: OwnerReference | null;
  /** For Pods: status.phase when written (Succeeded/Failed pods hold no connections). */
  readonly phase: string | null;
}

export interface ServicePort {
  readonly name: string | null;
  readonly port: number;
  readonly targetPort: number | string;
  readonly protocol: Protocol;
}

export interface ServiceResource extends ResourceBase {
  readonly kind: 'Service';
  /** Null when the Service has no selector (endpoints managed by hand). */
  readonly selector: Labels | null;
  readonly ports: readonly ServicePort[];
  readonly type: string;
}

export interface NetworkPolicyResource extends ResourceBase {
  readonly kind: 'NetworkPolicy';
  readonly spec: YNode | null;
}

export interface CiliumPolicyResource extends ResourceBase {
  readonly kind: 'CiliumNetworkPolicy' | 'CiliumClusterwideNetworkPolicy';
  readonly spec: YNode | null;
  readonly specs: YNode | null;
}

export interface IngressResource extends ResourceBase {
  readonly kind: 'Ingress';
  readonly spec: YNode | null;
}

export interface IngressClassResource extends ResourceBase {
  readonly kind: 'IngressClass';
  readonly controller: string | null;
  readonly isDefault: boolean;
}

/** Any other Kubernetes object (Secrets, NginxIngressController, Calico policies...). */
export interface OtherResource extends ResourceBase {
  readonly kind: string;
  readonly other: true;
}

export type KnownResource =
  | NamespaceResource
  | WorkloadResource
  | ServiceResource
  | NetworkPolicyResource
  | CiliumPolicyResource
  | IngressResource
  | IngressClassResource;

export type Resource = KnownResource | OtherResource;

/** Resources added to and removed from a workspace (or a file) by one change. */
export interface ResourceChange {
  readonly added: readonly Resource[];
  readonly removed: readonly Resource[];
}

export function isWorkload(r: Resource): r is WorkloadResource {
  return (WORKLOAD_KINDS as readonly string[]).includes(r.kind) && !('other' in r);
}

export function isCiliumPolicy(r: Resource): r is CiliumPolicyResource {
  return (r.kind === 'CiliumNetworkPolicy' || r.kind === 'CiliumClusterwideNetworkPolicy') && !('other' in r);
}

export function isNetworkPolicy(r: Resource): r is NetworkPolicyResource {
  return r.kind === 'NetworkPolicy' && !('other' in r);
}

/** `namespace/name` or just `name` for cluster-scoped objects. */
export function qualifiedName(r: Resource): string {
  return r.namespace ? `${r.namespace}/${r.name}` : r.name;
}
