/**
 * Measurements that run inside one fresh process (so no run warms the next): the bare `yaml`
 * parse of a file, the policy engine on a generated workspace, and re-checks after edits of
 * several kinds. Each prints one JSON line.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { buildPolicyModel } from '../server/src/core/engine/index';
import { isWorkload } from '../server/src/core/k8s/resources';
import { WorkspaceViewCache } from '../server/src/core/analysis/workspaceView';
import { sanitizeSettings } from '../server/src/core/settings/analysisSettings';
import { IncrementalChecker } from '../server/src/core/workspace/incrementalCheck';
import { readManifestFile } from '../server/src/core/workspace/manifestFile';
import { WorkspaceIndex } from '../server/src/core/workspace/workspaceIndex';
import { toDiagnostics } from '../server/src/features/diagnostics';
import { generatePolicyWorkspace } from './generate';
import { peakRssMb } from './lspDriver';

/** `parseAllDocuments(text)` with the library's defaults, as a tool without caching would call it. */
export function measureBareParse(file: string): { parseMs: number; documents: number; peakRssMb: number } {
  const text = fs.readFileSync(file, 'utf8');
  const started = performance.now();
  const docs = parseAllDocuments(text);
  const parseMs = performance.now() - started;
  const documents = Array.isArray(docs) ? docs.length : 0;
  return { parseMs, documents, peakRssMb: peakRssMb(process.pid) };
}

/** `buildPolicyModel` + `allFlows()` over `workloads` workloads and `policies` policies. */
export function measureFlows(workloads: number, policies: number): { buildMs: number; flowsMs: number; totalMs: number; workloads: number; policies: number; flows: number; peakRssMb: number; baselineRssMb: number } {
  const text = generatePolicyWorkspace(workloads, policies);
  const file = readManifestFile('file:///bench/flows.yaml', text, { maxSize: Number.MAX_SAFE_INTEGER });
  const resources = file.resources;
  const counted = {
    workloads: resources.filter(isWorkload).length,
    policies: resources.filter((r) => r.kind === 'NetworkPolicy' || r.kind === 'CiliumNetworkPolicy').length,
  };
  const baselineRssMb = peakRssMb(process.pid);
  const started = performance.now();
  const model = buildPolicyModel(resources);
  const built = performance.now();
  const flows = model.allFlows();
  const done = performance.now();
  return { buildMs: built - started, flowsMs: done - built, totalMs: done - started, ...counted, flows: flows.length, peakRssMb: peakRssMb(process.pid), baselineRssMb };
}

/** Kinds of one-line edits in a dump, and what each changes for the analysis. */
export type EditKind = 'service' | 'policy' | 'workload';

/**
 * The editor's re-check after one-line edits, in process (reading the new text, checking it
 * incrementally, building the diagnostics and their JSON, as the server does), for edits the
 * LSP run does not make: a NetworkPolicy's pod selector and a Deployment's pod labels change
 * the policy model, a Service selector does not. Each kind: the value renamed, one character
 * typed, the value restored; `rounds` times.
 */
export function measureEdits(file: string, rounds: number): { kind: EditKind; ms: number[] }[] {
  const original = fs.readFileSync(file, 'utf8');
  const uri = 'file:///bench/edited.yaml';
  const settings = sanitizeSettings({});
  const index = new WorkspaceIndex();
  const views = new WorkspaceViewCache();
  const checker = new IncrementalChecker();
  const recheck = (text: string): number => {
    const started = performance.now();
    const manifest = index.set(uri, text);
    const findings = checker.check(manifest, views.get(index, settings), settings, index.revision);
    JSON.stringify(toDiagnostics(manifest, findings, (u) => index.get(u)));
    return performance.now() - started;
  };
  recheck(original);
  const out: { kind: EditKind; ms: number[] }[] = [];
  for (const kind of ['service', 'policy', 'workload'] as const) {
    const at = valueToEdit(original, kind);
    if (!at) continue;
    const ms: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const renamed = `${original.slice(0, at.start)}${at.value}-v2${original.slice(at.end)}`;
      ms.push(recheck(renamed));
      ms.push(recheck(`${original.slice(0, at.start)}${at.value}-v2x${original.slice(at.end)}`));
      ms.push(recheck(original));
    }
    out.push({ kind, ms });
  }
  return out;
}

/** The first label value after the middle of the text, of a Service selector, a NetworkPolicy pod selector or a Deployment's pod template. */
function valueToEdit(text: string, kind: EditKind): { start: number; end: number; value: string } | null {
  const anchors = {
    service: ['\nkind: Service\n', '\n  selector:\n    '],
    policy: ['\nkind: NetworkPolicy\n', '\n  podSelector:\n    matchLabels:\n      '],
    workload: ['\nkind: Deployment\n', '\n  template:\n    metadata:\n'],
  }[kind];
  let from = text.indexOf(anchors[0], Math.floor(text.length / 2));
  while (from >= 0) {
    const end = text.indexOf('\n---', from + 1);
    const section = text.indexOf(anchors[1], from);
    if (section >= 0 && (end < 0 || section < end)) {
      let line = section + anchors[1].length;
      if (kind === 'workload') {
        const labels = text.indexOf('      labels:\n        ', line);
        if (labels < 0 || (end >= 0 && labels > end)) return null;
        line = labels + '      labels:\n        '.length;
      }
      const colon = text.indexOf(': ', line);
      const eol = text.indexOf('\n', line);
      if (colon < 0 || colon > eol) return null;
      return { start: colon + 2, end: eol, value: text.slice(colon + 2, eol) };
    }
    from = text.indexOf(anchors[0], from + 1);
  }
  return null;
}
