import type { AllowedPeer, IsolationInfo } from '../engine/types';
import type { ReportLocations } from './locations';
import type { FlowsReport } from './flowsReport';
import { policyJson, ruleJson } from './labels';

/** The engine's WorkloadFlows and EffectiveFlow data, with source positions as file/line/column. */
export function formatFlowsJson(report: FlowsReport, ws: ReportLocations): string {
  const json = {
    settings: { engine: report.settings.engine, ciliumVersion: `1.${report.settings.ciliumMinor}` },
    workloads: report.workloads.map((f) => ({
      workload: {
        id: f.workload.id,
        namespace: f.workload.namespace,
        name: f.workload.name,
        kind: f.workload.kind,
        labels: f.workload.labels,
        hostNetwork: f.workload.hostNetwork,
        implicit: f.workload.implicit,
        pods: f.workload.pods,
        location: ws.locate(f.workload.location),
      },
      ingress: isolationJson(f.ingress),
      egress: isolationJson(f.egress),
      allowedIngress: f.allowedIngress.map((p) => peerJson(p, ws)),
      allowedEgress: f.allowedEgress.map((p) => peerJson(p, ws)),
    })),
    effectiveFlows: report.effective.map((f) => ({
      from: f.from,
      to: f.to,
      ports: f.ports,
      l7: f.l7,
      egressRules: f.egressRules.map((r) => ruleJson(r, ws)),
      ingressRules: f.ingressRules.map((r) => ruleJson(r, ws)),
    })),
    notes: report.notes,
  };
  return JSON.stringify(json, null, 2) + '\n';
}

function isolationJson(isolation: IsolationInfo) {
  return { isolated: isolation.isolated, by: isolation.by.map(policyJson) };
}

function peerJson(allowed: AllowedPeer, ws: ReportLocations) {
  return {
    peer: allowed.peer,
    ports: allowed.ports,
    l7: allowed.l7,
    rules: allowed.rules.map((r) => ruleJson(r, ws)),
    peerAgrees: allowed.peerAgrees,
  };
}
