/**
 * Messages between the VS Code client and the language server beyond standard LSP. Shared by
 * both sides (the client imports this file by relative path; esbuild inlines it). Keep it free
 * of imports so the client never pulls server code.
 */

export interface RangeDto {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export interface LocationDto {
  readonly uri: string;
  readonly range: RangeDto;
}

/** A policy rule that allows or denies, with a label such as `backend/allow-frontend-ingress ingress[0]`. */
export interface RuleDto {
  readonly label: string;
  readonly location: LocationDto | null;
}

/**
 * `both`: the peer workload's own policies let the traffic through too; `blocked-by-peer`: they
 * block it; `partial`: they allow only part of it; `external`: the other end is not one workload
 * (namespace, CIDR, entity, FQDN, any peer), so only this side decides here.
 */
export type PeerState = 'both' | 'blocked-by-peer' | 'partial' | 'external';

export interface PeerDto {
  readonly kind: 'workload' | 'namespace' | 'cidr' | 'entity' | 'fqdn' | 'any';
  /** As the CLI prints peers: `frontend/web-frontend`, `frontend/*`, `cidr:10.0.0.0/8`, `entity:world`, `fqdn:api.stripe.com`, `any peer`. */
  readonly label: string;
  /** Ports, protocols and L7 constraints: `TCP 8080 · GET /api/.*`. */
  readonly detail: string;
  readonly state: PeerState;
  readonly rules: readonly RuleDto[];
}

export interface IsolationDto {
  readonly isolated: boolean;
  readonly policies: readonly string[];
}

export interface WorkloadDto {
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  readonly implicit: boolean;
  readonly location: LocationDto | null;
  readonly ingress: IsolationDto;
  readonly egress: IsolationDto;
  /** `ingress: isolated by 2 policies · egress: open`. */
  readonly summary: string;
  readonly ingressPeers: readonly PeerDto[];
  readonly egressPeers: readonly PeerDto[];
}

export interface FlowsResult {
  readonly workloads: readonly WorkloadDto[];
  /** Model notes (engine without Cilium support, ...). */
  readonly notes: readonly string[];
  /** Number of manifest files indexed; 0 lets the client show its welcome content. */
  readonly fileCount: number;
  /** True while the workspace is still being indexed. */
  readonly indexing: boolean;
}

export interface FlowsParams {
  /** Only workloads of these namespaces (empty or absent: all). */
  readonly namespaces?: readonly string[];
  /** Only workloads defined in this file, or governed by a policy defined in it. */
  readonly uri?: string;
}

export interface CanReachParams {
  /** `ns/workload`, `ip:1.2.3.4`, `world`, `fqdn:name` (the CLI's syntax). */
  readonly from: string;
  readonly to: string;
  readonly port?: number;
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
  /** `GET /path` */
  readonly http?: string;
}

export interface CanReachResult {
  readonly allowed: boolean;
  /** `frontend/web-frontend → backend/payment-service on TCP 8080`. */
  readonly question: string;
  /** The whole answer as a Markdown document, with links to the rules (`file:///…#L12,5`). */
  readonly markdown: string;
  /** Plain text lines of the explanation. */
  readonly explanation: readonly string[];
  readonly suggestion: string | null;
  readonly notes: readonly string[];
  readonly rules: readonly RuleDto[];
  /** Set when the question could not be asked (unknown workload...). */
  readonly error?: string;
}

export interface EndpointsResult {
  readonly workloads: readonly { readonly id: string; readonly kind: string }[];
  readonly namespaces: readonly string[];
}

export interface DefaultDenyParams {
  readonly namespace: string;
  readonly direction: 'ingress' | 'egress' | 'both';
  readonly flavor: 'NetworkPolicy' | 'CiliumNetworkPolicy';
  /** Also allow DNS to kube-dns when egress is denied (recommended). */
  readonly allowDns: boolean;
}

export interface DefaultDenyResult {
  /** One YAML document (no leading `---`), ending with a newline; empty when `error` is set. */
  readonly text: string;
  readonly suggestedFileName: string;
  /** Set when the parameters are unusable (a namespace name Kubernetes would reject...). */
  readonly error?: string;
}

export interface ExplainPolicyParams {
  readonly uri: string;
  readonly position: { readonly line: number; readonly character: number };
}

/** Null when the cursor is not inside a NetworkPolicy, CiliumNetworkPolicy or CCNP. */
export type ExplainPolicyResult = {
  readonly title: string;
  readonly markdown: string;
} | null;

export type ExportFormat = 'md' | 'csv' | 'dot' | 'json' | 'text';

export interface ExportFlowsParams {
  readonly format: ExportFormat;
  /** Only workloads of this namespace (and flows that start or end there). */
  readonly namespace?: string;
}

export interface ExportFlowsResult {
  readonly text: string;
}

/** Request and notification method names. */
export const Methods = {
  flows: 'aksNetlens/flows',
  flowsChanged: 'aksNetlens/flowsChanged',
  canReach: 'aksNetlens/canReach',
  endpoints: 'aksNetlens/endpoints',
  defaultDeny: 'aksNetlens/defaultDenyPolicy',
  explainPolicy: 'aksNetlens/explainPolicy',
  exportFlows: 'aksNetlens/exportFlows',
  workloadAt: 'aksNetlens/workloadAt',
} as const;

export interface WorkloadAtParams {
  readonly uri: string;
  readonly position: { readonly line: number; readonly character: number };
}

export interface WorkloadAtResult {
  readonly id: string | null;
}

/** The settings section the client contributes and the server pulls (per resource). */
export const SETTINGS_SECTION = 'aksNetlens';
