import { suggestClosest } from '../../core/text/didYouMean';
import { choice } from '../args';
import { EXIT, InputError } from '../exitCodes';
import { formatFlowsCsv } from '../../core/report/flowsCsv';
import { formatFlowsDot } from '../../core/report/flowsDot';
import { formatFlowsJson } from '../../core/report/flowsJson';
import { formatFlowsMarkdown } from '../../core/report/flowsMarkdown';
import type { FlowsReport } from '../../core/report/flowsReport';
import { formatFlowsText } from '../../core/report/flowsText';
import type { CliWorkspace } from '../workspace';
import { ENGINE_HELP, ENGINE_OPTIONS, engineSettings, loadWorkspace, PATH_HELP } from './shared';
import type { Command } from './types';

const FORMATS = ['text', 'json', 'md', 'csv', 'dot'] as const;
type FlowsFormat = (typeof FORMATS)[number];

const FORMATTERS: Record<FlowsFormat, (report: FlowsReport, ws: CliWorkspace) => string> = {
  text: formatFlowsText,
  json: formatFlowsJson,
  md: formatFlowsMarkdown,
  csv: formatFlowsCsv,
  dot: (report) => formatFlowsDot(report),
};

export const flowsCommand: Command = {
  name: 'flows',
  summary: 'list what each workload may send and receive, and the flows both ends allow',
  usage: `aks-netlens flows [--namespace NS] [--engine cilium|azure-npm|calico|none] [--cilium-version V]
                  [--format text|json|md|csv|dot] PATH...`,
  help: `For every workload in PATH, per namespace: whether its ingress and egress are isolated and by
how many policies, the peers it may receive from and send to (ports, L7 rules, and the rules
that allow them as file:line:col), then the workload-to-workload flows both ends allow.

Options:
  --namespace NS           only workloads of namespace NS (and flows into or out of it)
${ENGINE_HELP}
  --format F               text (default), json, md (Markdown tables), csv (one row per flow:
                           from,to,ports,l7,rules) or dot (a Graphviz digraph)

${PATH_HELP}

Examples:
  aks-netlens flows examples/aks-lab
  aks-netlens flows --namespace backend examples/aks-lab
  aks-netlens flows --format dot examples/aks-lab | dot -Tsvg -o flows.svg
  aks-netlens flows --format csv examples/aks-lab > flows.csv`,
  options: [{ name: 'namespace', takesValue: true }, { name: 'format', takesValue: true }, ...ENGINE_OPTIONS],
  async run(args, ctx) {
    const format = choice(args, 'format', FORMATS, 'text');
    const settings = engineSettings(args);
    const namespace = args.options.get('namespace');
    const ws = await loadWorkspace(args.positionals, ctx);
    const model = ctx.buildModel(ws.resources(), settings);
    let workloads = model.allFlows();
    let effective = model.effectiveFlows();
    if (namespace !== undefined) {
      if (!model.namespaces.includes(namespace) && !workloads.some((w) => w.workload.namespace === namespace)) {
        const close = suggestClosest(namespace, model.namespaces);
        throw new InputError(`unknown namespace '${namespace}'${close ? `; did you mean ${close}?` : ''}`);
      }
      const inNamespace = (id: string) => id.startsWith(`${namespace}/`);
      workloads = workloads.filter((w) => w.workload.namespace === namespace);
      effective = effective.filter((f) => inNamespace(f.from) || inNamespace(f.to));
    }
    ctx.io.stdout(FORMATTERS[format]({ settings, workloads, effective, notes: model.notes }, ws));
    return EXIT.ok;
  },
};
