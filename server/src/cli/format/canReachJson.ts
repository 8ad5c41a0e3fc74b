import type { PolicyId, SideVerdict } from '../../core/engine/types';
import type { CliWorkspace } from '../workspace';
import type { CanReachReport } from './canReachReport';
import { endpointText, policyJson, ruleJson, uniqueRules } from '../../core/report/labels';

/** One JSON object: the verdict, both sides, the explanation and every rule involved with its position. */
export function formatCanReachJson(report: CanReachReport, ws: CliWorkspace): string {
  const { query, verdict } = report;
  const json = {
    allowed: verdict.allowed,
    from: endpointText(query.from),
    to: endpointText(query.to),
    port: query.port ?? null,
    protocol: query.port === undefined ? null : (query.protocol ?? 'TCP'),
    http: query.http ? { method: query.http.method, path: query.http.path } : null,
    egress: sideJson(verdict.egress, ws),
    ingress: sideJson(verdict.ingress, ws),
    explanation: verdict.explanation,
    suggestion: verdict.suggestion,
    notes: verdict.notes,
    rules: uniqueRules([...verdict.egress.allowedBy, ...verdict.egress.deniedBy, ...verdict.ingress.allowedBy, ...verdict.ingress.deniedBy]).map((r) =>
      ruleJson(r, ws),
    ),
  };
  return JSON.stringify(json, null, 2) + '\n';
}

function sideJson(side: SideVerdict, ws: CliWorkspace) {
  return {
    allowed: side.allowed,
    isolated: side.isolated,
    isolatedBy: side.isolatedBy.map(policyJson),
    allowedBy: side.allowedBy.map((r) => ruleJson(r, ws)),
    deniedBy: side.deniedBy.map((r) => ruleJson(r, ws)),
    reasons: side.reasons,
  };
}

