/**
 * Building blocks for the engine tests: real manifests (YAML text read with readManifestFile),
 * a shared small cluster, and a compact way to ask canReach.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { buildPolicyModel } from '../../server/src/core/engine/index';
import type { Resource } from '../../server/src/core/k8s/resources';
import type { EngineSettings, Endpoint, PolicyModel, ReachQuery, ReachVerdict } from '../../server/src/core/engine/types';
import type { Protocol } from '../../server/src/core/k8s/resources';
import { readManifestFile } from '../../server/src/core/workspace/manifestFile';

export const URI = 'file:///test/manifests.yaml';

/** Removes the common indentation of a template literal and its first/last blank lines. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = text.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n') + '\n';
}

export function docs(...parts: string[]): string {
  return parts.map((p) => p.trimEnd()).join('\n---\n') + '\n';
}

export function namespace(name: string, labels: Record<string, string> = {}): string {
  const labelLines = Object.entries(labels).map(([k, v]) => `    ${k}: "${v}"`);
  return ['apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ${name}`, ...(labelLines.length ? ['  labels:', ...labelLines] : [])].join('\n');
}

export interface WorkloadOptions {
  readonly ports?: readonly { name?: string; port: number; protocol?: Protocol }[];
  readonly hostNetwork?: boolean;
  readonly serviceAccount?: string;
}

/** A Deployment whose pods carry `labels`. */
export function deployment(ns: string, name: string, labels: Record<string, string>, options: WorkloadOptions = {}): string {
  const labelLines = (indent: string) => Object.entries(labels).map(([k, v]) => `${indent}${k}: "${v}"`);
  const lines = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    'spec:',
    '  selector:',
    '    matchLabels:',
    ...labelLines('      '),
    '  template:',
    '    metadata:',
    '      labels:',
    ...labelLines('        '),
    '    spec:',
  ];
  if (options.hostNetwork) lines.push('      hostNetwork: true');
  if (options.serviceAccount) lines.push(`      serviceAccountName: ${options.serviceAccount}`);
  lines.push('      containers:', '        - name: main', '          image: nginx:1.27');
  if (options.ports?.length) {
    lines.push('          ports:');
    for (const p of options.ports) {
      lines.push(`            - containerPort: ${p.port}`);
      if (p.name) lines.push(`              name: ${p.name}`);
      if (p.protocol) lines.push(`              protocol: ${p.protocol}`);
    }
  }
  return lines.join('\n');
}

/**
 * The shared cluster: namespaces shop (team=a, env=prod) and other (team=b); workloads
 * shop/web (app=web, port http=8080), shop/db (app=db, port pg=5432), shop/client
 * (role=client), other/web (app=web, port http=8080), other/client (role=client).
 */
export const CLUSTER = docs(
  namespace('shop', { team: 'a', env: 'prod' }),
  namespace('other', { team: 'b' }),
  deployment('shop', 'web', { app: 'web' }, { ports: [{ name: 'http', port: 8080 }] }),
  deployment('shop', 'db', { app: 'db' }, { ports: [{ name: 'pg', port: 5432 }] }),
  deployment('shop', 'client', { role: 'client' }),
  deployment('other', 'web', { app: 'web' }, { ports: [{ name: 'http', port: 8080 }] }),
  deployment('other', 'client', { role: 'client' }),
);

export function modelOf(text: string, settings: Partial<EngineSettings> = {}): PolicyModel {
  const file = readManifestFile(URI, text);
  return buildPolicyModel(file.resources, settings);
}

/** `ip:1.2.3.4`, `world`, `fqdn:name` or a workload id. */
export function endpoint(text: string): Endpoint {
  if (text === 'world') return { type: 'world' };
  if (text.startsWith('ip:')) return { type: 'ip', address: text.slice(3) };
  if (text.startsWith('fqdn:')) return { type: 'fqdn', name: text.slice(5) };
  return { type: 'workload', id: text };
}

export interface Ask {
  readonly from: string;
  readonly to: string;
  readonly port?: number;
  readonly protocol?: Protocol;
  readonly http?: ReachQuery['http'];
}

export function ask(model: PolicyModel, q: Ask): ReachVerdict {
  return model.canReach({ from: endpoint(q.from), to: endpoint(q.to), port: q.port, protocol: q.protocol, http: q.http });
}

/** One row of a truth table: manifests (added to CLUSTER unless `alone`), a question, the verdict. */
export interface Row extends Ask {
  readonly name: string;
  readonly policies: string;
  readonly expect: boolean;
  readonly alone?: boolean;
  readonly settings?: Partial<EngineSettings>;
  /** Extra checks on the verdict. */
  readonly check?: (verdict: ReachVerdict, model: PolicyModel, text: string) => void;
}

export function runTable(rows: readonly Row[]): void {
  for (const row of rows) {
    test(row.name, () => {
      const text = row.alone ? row.policies : docs(CLUSTER, row.policies);
      const model = modelOf(text, row.settings);
      const verdict = ask(model, row);
      assert.equal(verdict.allowed, row.expect, `${row.from} → ${row.to} ${row.protocol ?? ''} ${row.port ?? ''}:\n${verdict.explanation.join('\n')}`);
      row.check?.(verdict, model, text);
    });
  }
}

/** The absolute offset of the `nth` occurrence (from 0) of `needle` in `text`. */
export function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found ${nth + 1} times`);
  }
  return at;
}

/**
 * The repository root: the first folder above this file (compiled tests run from
 * out/test/test/...) or above the working directory that holds package.json and server/.
 */
export function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'server'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`repository root not found above ${__dirname} or ${process.cwd()}`);
}

/** Every resource of every .yaml/.yml/.json file under `dir`, files in sorted order. */
export function readFolder(dir: string): Resource[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/.test(name)) files.push(path);
    }
  };
  walk(dir);
  return files.flatMap((f) => readManifestFile(`file:///${relative(dir, f)}`, readFileSync(f, 'utf8')).resources);
}
