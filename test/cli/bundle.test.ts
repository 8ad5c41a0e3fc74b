/**
 * The built executable (server/out/cli.js, made by `npm run bundle:cli`) run as a child
 * process: the shebang bundle, process exit codes, real stdin. Skipped when it is not built.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './io';

const root = repoRoot();
const bundle = path.join(root, 'server', 'out', 'cli.js');
const skip = fs.existsSync(bundle) ? false : `${bundle} is not built: run "npm run bundle:cli" (npm test builds it first)`;

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bundle, ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the built aks-netlens executable', { skip }, () => {
  test('starts with a node shebang and prints the package version', () => {
    assert.ok(fs.readFileSync(bundle, 'utf8').startsWith('#!/usr/bin/env node\n'));
    const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    assert.deepEqual(cli(['--version']), { code: 0, out: `aks-netlens ${version}\n`, err: '' });
  });

  test('can-reach exits 0 when allowed and 1 when denied', () => {
    const allowed = cli(['can-reach', 'frontend/web-frontend', 'backend/payment-service', '--port', '8080', 'examples/aks-lab']);
    assert.equal(allowed.code, 0, allowed.err);
    assert.match(allowed.out, /^ALLOWED {2}frontend\/web-frontend → backend\/payment-service on TCP 8080\n/);
    const denied = cli(['can-reach', 'frontend/web-frontend', 'backend/payment-service', '--port', '9090', '--format', 'json', 'examples/aks-lab']);
    assert.equal(denied.code, 1, denied.err);
    assert.equal(JSON.parse(denied.out).allowed, false);
  });

  test('reads manifests from stdin and reports usage errors with exit 2', () => {
    const manifests = ['namespaces.yaml', 'payment-service.yaml', 'web-frontend.yaml']
      .map((f) => fs.readFileSync(path.join(root, 'examples', 'aks-lab', f), 'utf8'))
      .join('\n---\n');
    const open = cli(['can-reach', 'frontend/web-frontend', 'backend/payment-service', '--port', '9090', '-'], manifests);
    assert.equal(open.code, 0, open.err); // no policies read: nothing isolates either side
    const usage = cli(['can-reach', 'frontend/web-frontend']);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /^aks-netlens can-reach: FROM and TO are required\nusage: /);
  });
});
