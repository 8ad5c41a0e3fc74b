#!/usr/bin/env node
/**
 * Entry point of the benchmark: installs the bench-only packages into bench/.deps (never into
 * the project's package.json), bundles the language server and the bench with esbuild, and runs
 * the suite. Usage:
 *   node bench/run.js [--docs 2000,20000] [--runs 5] [--servers netlens,yls,bare] [--layout one|many]
 *                     [--flows 5000,2000|none] [--timeout 900000] [--no-build]
 * Results: printed, and written to bench/out/results.md and results.json.
 */
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const BENCH = __dirname;
const REPO = path.resolve(BENCH, '..');
const DEPS = path.join(BENCH, '.deps');
/** Pinned: yaml-language-server 1.25 is the last line that runs on Node 20 (2.x wants Node 22). */
const BENCH_PACKAGES = ['yaml-language-server@1.25.0', 'kubernetes-types@1.30.0', 'ts-json-schema-generator@2.9.0'];

function ensureDeps() {
  const missing = BENCH_PACKAGES.filter((p) => !fs.existsSync(path.join(DEPS, 'node_modules', p.slice(0, p.lastIndexOf('@')), 'package.json')));
  if (missing.length === 0) return;
  console.error(`[bench] installing ${missing.join(', ')} into bench/.deps`);
  fs.mkdirSync(DEPS, { recursive: true });
  execFileSync('npm', ['install', '--prefix', DEPS, '--no-audit', '--no-fund', '--loglevel=error', ...BENCH_PACKAGES], { stdio: 'inherit' });
}

function bundle(entry, outfile) {
  const esbuild = path.join(REPO, 'node_modules', '.bin', 'esbuild');
  execFileSync(esbuild, [entry, '--bundle', '--platform=node', '--target=node20', '--format=cjs', '--sourcemap', '--log-level=warning', `--outfile=${outfile}`], { cwd: REPO, stdio: 'inherit' });
}

/** Bundles the bench (and, unless --no-build, the server it measures); returns the bench bundle. */
function build(args, entry = 'bench/main.ts', out = 'bench/out/bench.js') {
  if (!args.includes('--no-build')) bundle('server/src/lsp/server.ts', 'server/out/server.js');
  bundle(entry, out);
  return path.join(REPO, out);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const servers = (args.includes('--servers') ? args[args.indexOf('--servers') + 1] : 'netlens,yls,bare').split(',');
  if (servers.includes('yls')) ensureDeps();
  const script = build(args);
  const suiteArgs = args.filter((a) => a !== '--no-build');
  const result = spawnSync(process.execPath, [script, 'suite', ...suiteArgs], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

module.exports = { build, bundle };
