import type { PolicyModel } from '../../core/engine/types';
import { formatFlowsCsv } from '../../cli/format/flowsCsv';
import { formatFlowsDot } from '../../cli/format/flowsDot';
import { formatFlowsJson } from '../../cli/format/flowsJson';
import { formatFlowsMarkdown } from '../../cli/format/flowsMarkdown';
import type { FlowsReport } from '../../cli/format/flowsReport';
import { formatFlowsText } from '../../cli/format/flowsText';
import type { CliWorkspace } from '../../cli/workspace';
import type { ExportFormat } from '../../protocol/protocol';

const FORMATTERS: Record<ExportFormat, (report: FlowsReport, ws: CliWorkspace) => string> = {
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
export function exportFlows(model: PolicyModel, format: ExportFormat, ws: CliWorkspace, namespace?: string): string {
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
