/**
 * Measurements that run inside one fresh process (so no run warms the next): the bare `yaml`
 * parse of a file, and the policy engine on a generated workspace. Each prints one JSON line.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { buildPolicyModel } from '../server/src/core/engine/index';
import { isWorkload } from '../server/src/core/k8s/resources';
import { readManifestFile } from '../server/src/core/workspace/manifestFile';
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
