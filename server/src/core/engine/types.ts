/**
 * The policy engine's public data types: what `buildPolicyModel` returns and what questions
 * (`canReach`) take and give. Plain data only, so the CLI, the language features and the
 * tree-view protocol can all render it.
 */
import type { Protocol, Resource } from '../k8s/resources';

export type EnforcingEngine = 'cilium' | 'azure-npm' | 'calico' | 'none';
export type Direction = 'ingress' | 'egress';

export interface EngineSettings {
  /** Which dataplane enforces policies (AKS `--network-policy`). Default `cilium`. */
  readonly engine: EnforcingEngine;
  /** Cilium minor version modelled, e.g. 17 for 1.17 (16: NP `endPort` ignored; ≥19: `**.` FQDN prefix). */
  readonly ciliumMinor: number;
}

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = { engine: 'cilium', ciliumMinor: 17 };

/** Where a policy rule was written: absolute offsets in the file, for links and `file:line`. */
export interface SourceLocation {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
}

/** A policy object, by identity. */
export interface PolicyId {
  readonly kind: 'NetworkPolicy' | 'CiliumNetworkPolicy' | 'CiliumClusterwideNetworkPolicy';
  readonly namespace: string; // '' for CCNP
  readonly name: string;
}

/** One rule of one policy that allows (or denies) something, with where it is written. */
export interface RuleRef {
  readonly policy: PolicyId;
  readonly direction: Direction;
  /** `ingress`, `egress`, `ingressDeny` or `egressDeny`, and the rule's index in that list. */
  readonly section: 'ingress' | 'egress' | 'ingressDeny' | 'egressDeny';
  readonly index: number;
  /** Index in `specs` for multi-rule Cilium policies, else null. */
  readonly specIndex: number | null;
  readonly location: SourceLocation;
  /** Location of the policy's `metadata.name` value. */
  readonly policyLocation: SourceLocation;
}

/** A pod group: the pods of one workload (same labels, same namespace). */
export interface WorkloadInfo {
  /** `namespace/name`, the name users type (for a Pod with a controller owner: the owner's name). */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly hostNetwork: boolean;
  /** True for the implicit CoreDNS (`kube-system/coredns`) added when the manifests have none. */
  readonly implicit: boolean;
  readonly location: SourceLocation | null;
  /** Pod names when the group comes from Pod objects. */
  readonly pods: readonly string[];
  /** True when every pod of the group has phase Succeeded/Failed: it holds no connections. */
  readonly finished?: boolean;
}

export interface IsolationInfo {
  readonly isolated: boolean;
  /** Policies that select the group and isolate it in this direction. */
  readonly by: readonly PolicyId[];
}

/** A peer as a policy rule names it. */
export type Peer =
  | { readonly type: 'workload'; readonly id: string }
  | { readonly type: 'namespace'; readonly namespace: string } // every pod of a namespace
  | { readonly type: 'cidr'; readonly cidr: string; readonly except: readonly string[] }
  | { readonly type: 'entity'; readonly entity: string }
  | { readonly type: 'fqdn'; readonly pattern: string } // matchName or matchPattern text
  | { readonly type: 'any' }; // every peer (NP rule without from/to, `fromEntities: [all]`)

export interface L7Constraint {
  readonly kind: 'http' | 'dns' | 'kafka' | 'other';
  /** Human-readable, e.g. `GET /public.*`, `DNS *.stripe.com`. */
  readonly text: string;
}

/** One allowed peer of a group in one direction, with ports and the rules that allow it. */
export interface AllowedPeer {
  readonly peer: Peer;
  /** e.g. `TCP 8080`, `TCP 80,443,UDP 53`, `all ports`. */
  readonly ports: string;
  readonly l7: readonly L7Constraint[];
  readonly rules: readonly RuleRef[];
  /**
   * For workload peers: whether the peer's own policies let the traffic through too
   * ('both'), block it ('blocked-by-peer'), or only partly ('partial'). Null for non-workload peers.
   */
  readonly peerAgrees: 'both' | 'blocked-by-peer' | 'partial' | null;
}

export interface WorkloadFlows {
  readonly workload: WorkloadInfo;
  readonly ingress: IsolationInfo;
  readonly egress: IsolationInfo;
  /** Empty with `isolated: false` means "everything allowed" in that direction. */
  readonly allowedIngress: readonly AllowedPeer[];
  readonly allowedEgress: readonly AllowedPeer[];
  /** Peers that Cilium deny rules (ingressDeny / egressDeny) block, whatever else allows. */
  readonly deniedIngress?: readonly AllowedPeer[];
  readonly deniedEgress?: readonly AllowedPeer[];
}

/** A workload-to-workload flow both ends agree on. */
export interface EffectiveFlow {
  readonly from: string;
  readonly to: string;
  readonly ports: string;
  readonly l7: readonly L7Constraint[];
  readonly egressRules: readonly RuleRef[];
  readonly ingressRules: readonly RuleRef[];
}

export type Endpoint =
  | { readonly type: 'workload'; readonly id: string }
  | { readonly type: 'ip'; readonly address: string }
  | { readonly type: 'world' }
  | { readonly type: 'fqdn'; readonly name: string };

export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly host?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ReachQuery {
  readonly from: Endpoint;
  readonly to: Endpoint;
  /** Absent: "is any traffic at all allowed?". */
  readonly port?: number;
  /** Default TCP when a port is given. */
  readonly protocol?: Protocol;
  readonly http?: HttpRequest;
}

/** What one side (the source's egress or the destination's ingress) decides. */
export interface SideVerdict {
  readonly direction: Direction;
  readonly allowed: boolean;
  /** False when the side has no policies in force (everything allowed), or is not a pod. */
  readonly isolated: boolean;
  readonly isolatedBy: readonly PolicyId[];
  readonly allowedBy: readonly RuleRef[];
  readonly deniedBy: readonly RuleRef[];
  /** Sentences, e.g. "payment-service's egress is isolated by 2 policies; rule egress[1] of backend/payment-egress-domains allows TCP 443 to api.stripe.com". */
  readonly reasons: readonly string[];
  /** Ports this side lets through toward the other end (PortSet.describe()), e.g. `TCP 8080`. */
  readonly ports?: string;
  /** L7 rules that filter the allowed traffic on this side. */
  readonly l7?: readonly L7Constraint[];
}

export interface ReachVerdict {
  readonly allowed: boolean;
  readonly egress: SideVerdict;
  readonly ingress: SideVerdict;
  /** The whole explanation, one sentence a line, ready to print. */
  readonly explanation: readonly string[];
  /** When denied: what would allow it (a sentence with a concrete suggestion). */
  readonly suggestion: string | null;
  /** Notes on modelling choices (UNCONFIRMED semantics, engine without Cilium support...). */
  readonly notes: readonly string[];
  /** Ports both sides let through (PortSet.describe()), e.g. `TCP 8080` or `all ports`. */
  readonly ports?: string;
  /** Which side decided a denial: `egress`, `ingress`, `both`, or null when allowed. */
  readonly decidedBy?: 'egress' | 'ingress' | 'both' | null;
}

/** Policies compiled once; questions answered from it. Built by `buildPolicyModel` (engine/index.ts). */
export interface PolicyModel {
  readonly settings: EngineSettings;
  /** Every pod group, sorted by id; includes the implicit CoreDNS when the manifests define none. */
  readonly workloads: readonly WorkloadInfo[];
  /** Namespaces known to exist (Namespace objects and every namespace any resource names). */
  readonly namespaces: readonly string[];
  /** Workload by `namespace/name` (also a Pod's own name when it belongs to an owner). */
  findWorkload(id: string): WorkloadInfo | null;
  /** Up to 5 known workload ids close to a mistyped one. */
  suggestWorkloads(id: string): string[];
  flowsOf(workloadId: string): WorkloadFlows | null;
  allFlows(): WorkloadFlows[];
  /** Workload-to-workload flows both ends agree on, sorted. */
  effectiveFlows(): EffectiveFlow[];
  canReach(query: ReachQuery): ReachVerdict;
  /** Every policy object of the workspace with what it selects and a plain-English summary. */
  policies(): readonly PolicyInfo[];
  policyInfo(id: PolicyId): PolicyInfo | null;
  /**
   * What a selector written inside a policy matches, given the YAML path of the selector inside
   * the policy object (e.g. ['spec','ingress',0,'from',1,'podSelector'] or
   * ['spec','egress',0,'toEndpoints',0]); null when the path holds no selector.
   */
  selectionAt(id: PolicyId, path: readonly (string | number)[]): Selection | null;
  /** How a workload's DNS lookups fare: can it reach kube-dns on 53, and which names may it resolve. */
  dnsAccess(workloadId: string): DnsAccess | null;
  /** Model-wide notes (e.g. "engine azure-npm: the 3 Cilium policies have no effect"). */
  readonly notes: readonly string[];
  /** The same workspace with `extra` resources added (stand-in pods for "what if" questions). */
  extendedWith(extra: readonly Resource[]): PolicyModel;
}

/** A compiled policy, for hover, diagnostics and "Explain policy". */
export interface PolicyInfo {
  readonly id: PolicyId;
  /** Where the policy's `metadata.name` value is written. */
  readonly location: SourceLocation;
  /** Workload ids selected by the policy's subject selector, sorted. */
  readonly selected: readonly string[];
  /** Directions in which the policy isolates its selected pods (after defaulting / Cilium triggers). */
  readonly isolates: { readonly ingress: boolean; readonly egress: boolean };
  /**
   * Plain-English summary, one sentence a line, e.g. "Pods app=payment-service in backend may send:
   * DNS lookups for *.stripe.com to CoreDNS; HTTPS to api.stripe.com; everything else out is denied."
   */
  readonly summary: readonly string[];
}

/** What one selector in a policy matches in this workspace. */
export interface Selection {
  /** `pods` for pod/endpoint selectors, `namespaces` for namespace selectors. */
  readonly kind: 'pods' | 'namespaces';
  /** Workload ids matched (for a namespace selector: the workloads in the matched namespaces). */
  readonly workloads: readonly string[];
  readonly namespaces: readonly string[];
  /** How the selector reads, with its implicit scoping, e.g. "pods app=web in namespace shop (CNP namespace pinning)". */
  readonly description: string;
}

export interface DnsAccess {
  /** The workload may send to kube-dns on port 53 (UDP or TCP). */
  readonly reachesDns: boolean;
  /** Lookups pass a Cilium DNS rule (the proxy sees them); false when DNS is allowed at L4 only or not isolated. */
  readonly proxied: boolean;
  /** matchName / matchPattern texts the lookups may ask for (when proxied). */
  readonly patterns: readonly string[];
  readonly rules: readonly RuleRef[];
}
