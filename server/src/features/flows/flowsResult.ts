import type { AllowedPeer, IsolationInfo, PolicyId, PolicyModel, RuleRef, WorkloadFlows } from '../../core/engine/types';
import { POLICY_KINDS as ALL_POLICY_KINDS } from '../../core/k8s/resources';
import type { Resource } from '../../core/k8s/resources';
import type { ManifestFile } from '../../core/workspace/manifestFile';
import type { FlowsParams, FlowsResult, IsolationDto, PeerDto, RuleDto, WorkloadDto } from '../../protocol/protocol';
import { isolationSummary, l7Text, peerText, policyName, ruleName } from '../../core/report/labels';
import type { Locator } from './locations';

/** What the host knows beside the model: where things are written and how far indexing got. */
export interface FlowsContext {
  readonly locate: Locator;
  /** Manifest files that hold at least one Kubernetes object (0: the client shows its welcome). */
  readonly fileCount: number;
  readonly indexing: boolean;
  /** The resources of the `uri` filter's file, to include the workloads its policies govern. */
  readonly resourcesOfFile?: readonly Resource[];
}

const POLICY_KINDS = new Set<string>(ALL_POLICY_KINDS);

/** Files that hold at least one Kubernetes object (other YAML, like CI configs, does not count). */
export function manifestFileCount(files: readonly ManifestFile[]): number {
  return files.filter((f) => f.resources.length > 0).length;
}

/** Identity of a policy across the model and the manifests. */
export function policyKey(policy: Pick<PolicyId, 'kind' | 'namespace' | 'name'>): string {
  return `${policy.kind}|${policy.namespace}|${policy.name}`;
}

/** The tree view's data: every workload (filtered) with its isolation and allowed peers per direction. */
export function toFlowsResult(model: PolicyModel, params: FlowsParams, context: FlowsContext): FlowsResult {
  const namespaces = new Set(params.namespaces ?? []);
  const inFile = params.uri ? fileFilter(params.uri, context.resourcesOfFile ?? []) : null;
  const workloads: WorkloadDto[] = [];
  for (const flows of model.allFlows()) {
    if (namespaces.size > 0 && !namespaces.has(flows.workload.namespace)) continue;
    if (inFile && !inFile(flows)) continue;
    workloads.push(workloadDto(flows, context.locate));
  }
  return { workloads, notes: model.notes, fileCount: context.fileCount, indexing: context.indexing };
}

/** A workload belongs to a file when it is defined there or a policy of the file isolates it or allows it something. */
function fileFilter(uri: string, resources: readonly Resource[]): (flows: WorkloadFlows) => boolean {
  const policies = new Set(resources.filter((r) => POLICY_KINDS.has(r.kind)).map((r) => policyKey({ kind: r.kind as PolicyId['kind'], namespace: r.namespace, name: r.name })));
  const fromFile = (rules: readonly RuleRef[]) => rules.some((r) => r.location.uri === uri);
  return (flows) =>
    flows.workload.location?.uri === uri ||
    [...flows.ingress.by, ...flows.egress.by].some((p) => policies.has(policyKey(p))) ||
    [...flows.allowedIngress, ...flows.allowedEgress].some((peer) => fromFile(peer.rules));
}

function workloadDto(flows: WorkloadFlows, locate: Locator): WorkloadDto {
  const w = flows.workload;
  return {
    id: w.id,
    namespace: w.namespace,
    name: w.name,
    kind: w.kind,
    implicit: w.implicit,
    location: locate(w.location),
    ingress: isolationDto(flows.ingress),
    egress: isolationDto(flows.egress),
    summary: isolationSummary(flows.ingress, flows.egress),
    ingressPeers: flows.allowedIngress.map((p) => peerDto(p, locate)),
    egressPeers: flows.allowedEgress.map((p) => peerDto(p, locate)),
  };
}

function isolationDto(isolation: IsolationInfo): IsolationDto {
  return { isolated: isolation.isolated, policies: isolation.by.map(policyName) };
}

function peerDto(allowed: AllowedPeer, locate: Locator): PeerDto {
  const l7 = l7Text(allowed.l7);
  return {
    kind: allowed.peer.type,
    label: peerText(allowed.peer),
    detail: l7 ? `${allowed.ports} · ${l7}` : allowed.ports,
    // Null agreement: the other end is not one workload, so only this side decides.
    state: allowed.peerAgrees ?? 'external',
    rules: allowed.rules.map((r) => ruleDto(r, locate)),
  };
}

export function ruleDto(rule: RuleRef, locate: Locator): RuleDto {
  return { label: ruleName(rule), location: locate(rule.location) };
}
