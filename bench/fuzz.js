#!/usr/bin/env node
/**
 * Long fuzz run of the language server (the short, fixed-seed one runs in `npm test`):
 *   node bench/fuzz.js [--runs 5000] [--seed N] [--deadline 1000] [--no-build]
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { build } = require('./run.js');

const args = process.argv.slice(2);
const script = build(args, 'bench/fuzzMain.ts', 'bench/out/fuzz.js');
const result = spawnSync(process.execPath, [script, ...args.filter((a) => a !== '--no-build')], { stdio: 'inherit' });
process.exit(result.status ?? 1);
