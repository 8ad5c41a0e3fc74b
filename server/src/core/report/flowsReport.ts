import type { AllowedPeer, EffectiveFlow, EngineSettings, WorkloadFlows } from '../engine/types';
import { groupBy } from '../lists';

/** What the flows formats render: the workloads (sorted by id) and the flows, already filtered. */
export interface FlowsReport {
  readonly settings: EngineSettings;
  readonly workloads: readonly WorkloadFlows[];
  readonly effective: readonly EffectiveFlow[];
  readonly notes: readonly string[];
}

/** Workloads grouped by namespace, namespaces in order of first appearance (ids are sorted). */
export function byNamespace(workloads: readonly WorkloadFlows[]): Map<string, WorkloadFlows[]> {
  return groupBy(workloads, (w) => w.workload.namespace);
}

/** A peer allowed to or from a workload, with which way the traffic goes. */
export interface DirectedPeer {
  readonly workload: string;
  readonly direction: 'ingress' | 'egress';
  readonly allowed: AllowedPeer;
}

/** Every allowed peer that is not a pod group (addresses, entities, domain names, "any"). */
export function externalPeers(workloads: readonly WorkloadFlows[], isPod: (p: AllowedPeer) => boolean): DirectedPeer[] {
  const out: DirectedPeer[] = [];
  for (const w of workloads) {
    for (const allowed of w.allowedIngress) if (!isPod(allowed)) out.push({ workload: w.workload.id, direction: 'ingress', allowed });
    for (const allowed of w.allowedEgress) if (!isPod(allowed)) out.push({ workload: w.workload.id, direction: 'egress', allowed });
  }
  return out;
}
