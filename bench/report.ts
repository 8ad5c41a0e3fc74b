/** Medians, ranges, ratios and the issue's targets, as the Markdown table of bench/README.md. */
import type { RunResult } from './lspDriver';

export type Series = Record<string, number>;

export interface SizeResult {
  readonly documents: number;
  readonly files: number;
  readonly bytes: number;
  readonly lines: number;
  readonly servers: Record<string, RunResult[]>;
  readonly bare: Series[];
  /** In-process re-checks after edits of several kinds (`measureEdits`), when measured. */
  edits?: { readonly kind: string; readonly ms: number[] }[];
}

export interface SuiteResults {
  readonly date: string;
  readonly machine: string;
  readonly command: string;
  readonly runs: number;
  readonly layout: string;
  readonly schemaNote: string;
  readonly sizes: SizeResult[];
  flows: { readonly workloads: number; readonly policies: number; readonly series: Series[] } | null;
}

export function median(values: readonly number[]): number {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

interface Stat {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function stat(values: readonly (number | null)[]): Stat | null {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  if (v.length === 0 || v.length < values.length) return null;
  return { median: median(v), min: Math.min(...v), max: Math.max(...v) };
}

function fmt(n: number, unit: string): string {
  if (unit === 'MB') return `${n.toFixed(0)}`;
  if (n >= 10_000) return `${(n / 1000).toFixed(1)} s`.replace(' s', 's');
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

function cell(s: Stat | null, unit: string): string {
  if (!s) return 'n/a';
  return `**${fmt(s.median, unit)}** (${fmt(s.min, unit)}–${fmt(s.max, unit)})`;
}

function ratio(a: Stat | null, b: Stat | null): string {
  return a && b && b.median > 0 ? `${(a.median / b.median).toFixed(2)}×` : '';
}

const NETLENS = 'aks-netlens';
const YLS = 'yaml-language-server';

function verdict(ok: boolean | null): string {
  return ok === null ? '' : ok ? 'met' : '**not met**';
}

export function renderReport(r: SuiteResults): string {
  const out: string[] = [];
  out.push(`Date ${r.date}; machine: ${r.machine}; ${r.runs} runs each (median, **bold**, and min–max); layout: ${r.layout === 'one' ? 'one file' : 'many files'}.`);
  out.push(`Command: \`${r.command}\``);
  if (r.schemaNote) out.push(`yaml-language-server schema: ${r.schemaNote}.`);
  out.push('');
  for (const size of r.sizes) {
    const n = size.servers[NETLENS] ?? [];
    const y = size.servers[YLS] ?? [];
    const get = (runs: RunResult[], k: keyof RunResult) => stat(runs.map((x) => x[k] as number | null));
    const bare = stat(size.bare.map((b) => b.parseMs));
    const bareMem = stat(size.bare.map((b) => b.peakRssMb));
    const big = size.documents >= 20_000;
    const small = size.documents === 2000;
    out.push(`### ${size.documents.toLocaleString('en-US')} documents — ${(size.bytes / 1e6).toFixed(1)} MB, ${size.lines.toLocaleString('en-US')} lines${size.files > 1 ? ` (measured file of ${size.files})` : ''}`);
    out.push('');
    out.push(`| ms (MB for memory) | aks-netlens | yaml-language-server + k8s schema | bare \`yaml\` parse | netlens ÷ YLS | netlens ÷ bare | target | |`);
    out.push('|---|---|---|---|---|---|---|---|');
    const first = get(n, 'firstDiagnosticsMs');
    const yFirst = get(y, 'firstDiagnosticsMs');
    const firstOk = first && (yFirst || bare) ? (!yFirst || first.median <= 0.4 * yFirst.median) && (!bare || first.median <= 1.2 * bare.median) : null;
    out.push(`| first diagnostics after open (first publish) | ${cell(first, 'ms')} | ${cell(yFirst, 'ms')} | ${cell(bare, 'ms')} | ${ratio(first, yFirst)} | ${ratio(first, bare)} | ≤ 0.4× YLS, ≤ 1.2× bare | ${verdict(firstOk)} |`);
    const complete = get(n, 'completeDiagnosticsMs');
    const yComplete = get(y, 'completeDiagnosticsMs');
    const completeOk = complete && (yComplete || bare) ? (!yComplete || complete.median <= 0.4 * yComplete.median) && (!bare || complete.median <= 1.2 * bare.median) : null;
    out.push(`| … complete (cross-document findings too) | ${cell(complete, 'ms')} | ${cell(yComplete, 'ms')} | ${cell(bare, 'ms')} | ${ratio(complete, yComplete)} | ${ratio(complete, bare)} | ≤ 0.4× YLS, ≤ 1.2× bare | ${verdict(completeOk)} |`);
    const edit = get(n, 'rediagnoseMs');
    const limit = small ? 100 : big ? 300 : null;
    out.push(`| re-diagnose after a one-line edit | ${cell(edit, 'ms')} | ${cell(get(y, 'rediagnoseMs'), 'ms')} | | ${ratio(edit, get(y, 'rediagnoseMs'))} | | ${limit ? `≤ ${limit}` : ''} | ${verdict(limit && edit ? edit.median <= limit : null)} |`);
    const again = get(n, 'rediagnoseAgainMs');
    out.push(`| … the next keystroke | ${cell(again, 'ms')} | ${cell(get(y, 'rediagnoseAgainMs'), 'ms')} | | ${ratio(again, get(y, 'rediagnoseAgainMs'))} | | ${limit ? `≤ ${limit}` : ''} | ${verdict(limit && again ? again.median <= limit : null)} |`);
    const hover = get(n, 'hoverMs');
    out.push(`| hover on a policy selector | ${cell(hover, 'ms')} | ${cell(get(y, 'hoverMs'), 'ms')} | | ${ratio(hover, get(y, 'hoverMs'))} | | ${small ? '≤ 10' : ''} | ${verdict(small ? (hover ? hover.median <= 10 : false) : null)} |`);
    const hoverAgain = get(n, 'hoverAgainMs');
    out.push(`| … the same hover again | ${cell(hoverAgain, 'ms')} | ${cell(get(y, 'hoverAgainMs'), 'ms')} | | ${ratio(hoverAgain, get(y, 'hoverAgainMs'))} | | ${small ? '≤ 10' : ''} | ${verdict(small ? (hoverAgain ? hoverAgain.median <= 10 : false) : null)} |`);
    const completion = get(n, 'completionMs');
    out.push(`| completion in a policy spec | ${cell(completion, 'ms')} | ${cell(get(y, 'completionMs'), 'ms')} | | ${ratio(completion, get(y, 'completionMs'))} | | ${small ? '≤ 50' : ''} | ${verdict(small ? (completion ? completion.median <= 50 : false) : null)} |`);
    const completionAgain = get(n, 'completionAgainMs');
    out.push(`| … the same completion again | ${cell(completionAgain, 'ms')} | ${cell(get(y, 'completionAgainMs'), 'ms')} | | ${ratio(completionAgain, get(y, 'completionAgainMs'))} | | ${small ? '≤ 50' : ''} | ${verdict(small ? (completionAgain ? completionAgain.median <= 50 : false) : null)} |`);
    const mem = get(n, 'peakRssMb');
    out.push(`| peak memory (VmHWM) | ${cell(mem, 'MB')} | ${cell(get(y, 'peakRssMb'), 'MB')} | ${cell(bareMem, 'MB')} | ${ratio(mem, get(y, 'peakRssMb'))} | ${ratio(mem, bareMem)} | ${big ? '≤ 1024' : ''} | ${verdict(big && mem ? mem.median <= 1024 : null)} |`);
    const diagCount = n[0]?.diagnosticsCount;
    const ylsCount = y[0]?.diagnosticsCount;
    out.push('');
    if (size.edits?.length) {
      out.push('');
      out.push('In process (read, check, diagnostics and their JSON; no editor round trip), after a one-line edit of:');
      out.push('');
      out.push('| edit | ms | what it changes |');
      out.push('|---|---|---|');
      const meaning: Record<string, string> = {
        service: 'a Service selector: the Service lookups of the rules reading that namespace re-run',
        policy: 'a NetworkPolicy pod selector: the policy model is compiled again; every rule that read it re-runs',
        workload: "a Deployment's pod labels: the policy model is compiled again; every rule that read it re-runs",
      };
      for (const e of size.edits) out.push(`| ${e.kind} | ${cell(stat(e.ms), 'ms')} | ${meaning[e.kind] ?? ''} |`);
    }
    out.push('');
    out.push(`Diagnostics published on open: aks-netlens ${diagCount ?? 'n/a'}, yaml-language-server ${ylsCount ?? 'n/a'}. Hover text: aks-netlens "${(n[0]?.hoverText ?? '').split('\n')[0].slice(0, 80)}", yaml-language-server "${(y[0]?.hoverText ?? '').split('\n')[0].slice(0, 80)}".`);
    out.push('');
  }
  if (r.flows) {
    const total = stat(r.flows.series.map((s) => s.totalMs));
    const build = stat(r.flows.series.map((s) => s.buildMs));
    const flows = stat(r.flows.series.map((s) => s.flowsMs));
    const mem = stat(r.flows.series.map((s) => s.peakRssMb));
    out.push(`### Engine: \`buildPolicyModel\` + \`allFlows()\`, ${r.flows.workloads.toLocaleString('en-US')} workloads and ${r.flows.policies.toLocaleString('en-US')} policies`);
    out.push('');
    out.push('| ms (MB for memory) | value | target | |');
    out.push('|---|---|---|---|');
    out.push(`| build model | ${cell(build, 'ms')} | | |`);
    out.push(`| all flows | ${cell(flows, 'ms')} | | |`);
    out.push(`| total | ${cell(total, 'ms')} | ≤ 2000 | ${verdict(total ? total.median <= 2000 : null)} |`);
    out.push(`| peak memory of the process | ${cell(mem, 'MB')} | | |`);
    out.push('');
  }
  return out.join('\n') + '\n';
}
