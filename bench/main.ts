/**
 * The benchmark suite (bundled to bench/out/bench.js by bench/run.js). Subcommands:
 *   suite [--docs 2000,20000] [--runs 5] [--servers netlens,yls,bare] [--layout one|many] [--flows 5000,2000|none] [--edits on|off] [--timeout 900000]
 *   bare-parse <file>          one in-process `yaml` parse, JSON on stdout
 *   flows <workloads> <policies>  one engine run, JSON on stdout
 *   edits <file> [rounds]      in-process re-checks after edits of several kinds, JSON on stdout
 *   generate <docs> <dir> [one|many]  write a generated workspace
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateManifests, type GeneratedWorkspace } from './generate';
import { measureBareParse, measureEdits, measureFlows } from './inProcess';
import { runOnce, type RunResult, type ServerSpec } from './lspDriver';
import { ensureKubernetesSchema, schemaKindCount } from './k8sSchema';
import { renderReport, type SizeResult, type SuiteResults, type Series } from './report';

const BENCH_DIR = path.resolve(__dirname, '..');
const REPO = path.resolve(BENCH_DIR, '..');
const OUT = path.join(BENCH_DIR, 'out');
const DEPS = path.join(BENCH_DIR, '.deps');

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

function writeWorkspace(ws: GeneratedWorkspace, dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const f of ws.files) {
    const full = path.join(dir, f.name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, f.text);
  }
}

function netlensSpec(docs: number): ServerSpec {
  return {
    name: 'aks-netlens',
    command: process.execPath,
    // BENCH_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=bench/out/prof`, profiles the server.
    args: [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), path.join(REPO, 'server', 'out', 'server.js'), '--stdio'],
    pullConfiguration: true,
    configuration: () => ({}),
    // session.ts: files of 500+ documents get a quick first pass on open.
    staged: docs >= 500,
  };
}

function ylsSpec(schemaFile: string): ServerSpec {
  const yaml = {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    schemas: { [schemaFile]: ['*.yaml', '*.yml'] },
  };
  return {
    name: 'yaml-language-server',
    command: process.execPath,
    args: [path.join(DEPS, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
    pullConfiguration: true,
    configuration: (section) => (section === 'yaml' ? yaml : section === 'http' ? { proxy: '', proxyStrictSSL: false } : {}),
  };
}

/** Runs a subcommand of this bundle in a fresh process and parses its JSON line. */
function child<T>(args: string[]): T {
  const out = execFileSync(process.execPath, [__filename, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

const log = (m: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

/** yaml-language-server must really use the offline schema: a wrong type must be reported and hover must show its text. */
async function checkYlsSchema(spec: ServerSpec): Promise<string> {
  const dir = path.join(OUT, 'schema-check');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'check.yaml');
  fs.writeFileSync(file, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: many\n  selector:\n    matchLabels:\n      app: x\n');
  const marks = {
    hover: { file: 'check.yaml', line: 5, character: 4 },
    completion: { file: 'check.yaml', line: 6, character: 2 },
    edit: { file: 'check.yaml', line: 3, character: 8, oldText: 'x', newText: 'y', },
  };
  const r = await runOnce(spec, dir, file, marks, 120_000);
  if (r.diagnosticsCount === 0 || !/replicas|number|integer/i.test(r.hoverText)) {
    throw new Error(`yaml-language-server does not apply the offline schema (diagnostics ${r.diagnosticsCount}, hover "${r.hoverText}")`);
  }
  return `schema applied: ${r.diagnosticsCount} diagnostic(s) on a wrong type, hover "${r.hoverText.split('\n')[0].slice(0, 60)}…"`;
}

async function suite(args: string[]): Promise<void> {
  const docsList = arg(args, 'docs', '2000,20000').split(',').map(Number);
  const runs = Number(arg(args, 'runs', '5'));
  const servers = arg(args, 'servers', 'netlens,yls,bare').split(',');
  const layout = arg(args, 'layout', 'one') as 'one' | 'many';
  const flowsArg = arg(args, 'flows', '5000,2000');
  const editsArg = arg(args, 'edits', 'on');
  const timeoutMs = Number(arg(args, 'timeout', '900000'));
  fs.mkdirSync(OUT, { recursive: true });

  const specs: ((docs: number) => ServerSpec)[] = [];
  if (servers.includes('netlens')) specs.push(netlensSpec);
  let schemaNote = '';
  if (servers.includes('yls')) {
    const schemaFile = ensureKubernetesSchema(DEPS, path.join(OUT, 'kubernetes-schema.json'), log);
    const spec = ylsSpec(schemaFile);
    schemaNote = `${schemaKindCount(schemaFile)} kinds; ${await checkYlsSchema(spec)}`;
    log(schemaNote);
    specs.push(() => spec);
  }

  const results: SuiteResults = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    command: `node bench/run.js ${args.join(' ')}`.trim(),
    runs,
    layout,
    schemaNote,
    sizes: [],
    flows: null,
  };

  for (const docs of docsList) {
    const ws = generateManifests({ documents: docs, layout });
    const dir = path.join(OUT, `ws-${docs}-${layout}`);
    writeWorkspace(ws, dir);
    const file = path.join(dir, ws.marks.edit.file);
    const text = fs.readFileSync(file, 'utf8');
    const size = { documents: docs, files: ws.files.length, bytes: Buffer.byteLength(text), lines: text.split('\n').length - 1, servers: {} as Record<string, RunResult[]>, bare: [] as Series[] };
    log(`${docs} documents: ${ws.files.length} file(s); measured file ${(size.bytes / 1e6).toFixed(2)} MB, ${size.lines} lines`);
    const marks = { hover: ws.marks.hover, completion: ws.marks.completion, edit: ws.marks.edit };
    for (let run = 1; run <= runs; run++) {
      // Interleaved, so a slow phase of the machine hits every tool alike.
      for (const makeSpec of specs) {
        const spec = makeSpec(docs);
        // One file: no workspace folder, so both servers do exactly the work of the open file.
        const r = await runOnce(spec, layout === 'one' ? null : dir, file, marks, timeoutMs);
        (size.servers[spec.name] ??= []).push(r);
        log(`  run ${run} ${spec.name}: first ${r.firstDiagnosticsMs.toFixed(0)} ms, complete ${r.completeDiagnosticsMs.toFixed(0)} ms (${r.diagnosticsCount} diags), hover ${r.hoverMs?.toFixed(1) ?? '-'} / ${r.hoverAgainMs?.toFixed(1) ?? '-'} ms, completion ${r.completionMs?.toFixed(1) ?? '-'} / ${r.completionAgainMs?.toFixed(1) ?? '-'} ms (${r.completionItems}), edit ${r.rediagnoseMs.toFixed(0)} / ${r.rediagnoseAgainMs.toFixed(0)} ms, peak ${r.peakRssMb.toFixed(0)} MB`);
      }
      if (servers.includes('bare')) {
        const b = child<{ parseMs: number; documents: number; peakRssMb: number }>(['bare-parse', file]);
        size.bare.push({ parseMs: b.parseMs, peakRssMb: b.peakRssMb });
        log(`  run ${run} bare yaml parse: ${b.parseMs.toFixed(0)} ms (${b.documents} docs), peak ${b.peakRssMb.toFixed(0)} MB`);
      }
    }
    if (editsArg !== 'off' && servers.includes('netlens')) {
      const edits = child<ReturnType<typeof measureEdits>>(['edits', file, '3']);
      (size as SizeResult).edits = edits;
      for (const e of edits) log(`  in-process re-check after a ${e.kind} edit: ${e.ms.map((m) => m.toFixed(0)).join(', ')} ms`);
    }
    results.sizes.push(size);
  }

  if (flowsArg !== 'none') {
    const [w, p] = flowsArg.split(',').map(Number);
    const series: Series[] = [];
    for (let run = 1; run <= runs; run++) {
      const f = child<ReturnType<typeof measureFlows>>(['flows', String(w), String(p)]);
      series.push({ totalMs: f.totalMs, buildMs: f.buildMs, flowsMs: f.flowsMs, peakRssMb: f.peakRssMb });
      log(`  flows ${f.workloads} workloads / ${f.policies} policies: build ${f.buildMs.toFixed(0)} ms + allFlows ${f.flowsMs.toFixed(0)} ms (${f.flows} groups), peak ${f.peakRssMb.toFixed(0)} MB`);
    }
    results.flows = { workloads: w, policies: p, series };
  }

  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  const report = renderReport(results);
  fs.writeFileSync(path.join(OUT, 'results.md'), report);
  process.stdout.write(report);
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case 'suite':
      return suite(args);
    case 'bare-parse':
      process.stdout.write(JSON.stringify(measureBareParse(args[0])) + '\n');
      return;
    case 'flows':
      process.stdout.write(JSON.stringify(measureFlows(Number(args[0]), Number(args[1]))) + '\n');
      return;
    case 'edits':
      process.stdout.write(JSON.stringify(measureEdits(args[0], Number(args[1] ?? '3'))) + '\n');
      return;
    case 'generate': {
      const ws = generateManifests({ documents: Number(args[0]), layout: (args[2] as 'one' | 'many') ?? 'one' });
      writeWorkspace(ws, args[1]);
      process.stdout.write(JSON.stringify({ files: ws.files.length, documents: ws.documents, marks: ws.marks }) + '\n');
      return;
    }
    default:
      throw new Error(`unknown command ${command ?? ''}: suite | bare-parse | flows | edits | generate`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
