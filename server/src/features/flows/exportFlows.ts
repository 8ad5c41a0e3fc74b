import type { PolicyModel } from '../../core/engine/types';
import { formatFlowsCsv } from '../../core/report/flowsCsv';
import { formatFlowsDot } from '../../core/report/flowsDot';
import { formatFlowsJson } from '../../core/report/flowsJson';
import { formatFlowsMarkdown } from '../../core/report/flowsMarkdown';
import type { FlowsReport } from '../../core/report/flowsReport';
import { formatFlowsText } from '../../core/report/flowsText';
import type { ReportLocations } from '../../core/report/locations';
import type { ExportFormat } from '../../protocol/protocol';

const FORMATTERS: Record<ExportFormat, (report: FlowsReport, ws: ReportLocations) => string> = {
  md: formatFlowsMarkdown,
  csv: formatFlowsCsv,
  dot: (report) => formatFlowsDot(report),
  json: formatFlowsJson,
  text: formatFlowsText,
};

/**
 * The flows as `aks-netlens flows --format F [--namespace NS]` prints them: the same formatters,
 * so the editor's export and the CLI never differ. `ws` names files and positions.
 */
export function exportFlows(model: PolicyModel, format: ExportFormat, ws: ReportLocations, namespace?: string): string {
  let workloads = model.allFlows();
  let effective = model.effectiveFlows();
  if (namespace) {
    const inNamespace = (id: string) => id.startsWith(`${namespace}/`);
    workloads = workloads.filter((w) => w.workload.namespace === namespace);
    effective = effective.filter((f) => inNamespace(f.from) || inNamespace(f.to));
  }
  const formatter = FORMATTERS[format] ?? FORMATTERS.md;
  return formatter({ settings: model.settings, workloads, effective, notes: model.notes }, ws);
}
