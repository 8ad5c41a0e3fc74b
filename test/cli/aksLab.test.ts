/**
 * The CLI on examples/aks-lab with the real engine: the lab's verdicts through can-reach, its
 * written expectations through verify, positions of the deciding rules, close-match errors.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../server/src/cli/runCli';
import { memoryIo, repoRoot } from './io';

const root = repoRoot();
const LAB = 'examples/aks-lab';

async function run(argv: string[], cwd = root) {
  const m = memoryIo({ cwd });
  const code = await runCli(argv, m.io);
  return { code, out: m.out(), err: m.err() };
}

describe('can-reach on the AKS lab', () => {
  test('web-frontend → payment-service TCP 8080 is allowed by a rule on each side, shown as file:line:col', async () => {
    const r = await run(['can-reach', 'frontend/web-frontend', 'backend/payment-service', '--port', '8080', LAB]);
    assert.equal(r.code, 0);
    assert.equal(r.err, '');
    const lines = r.out.split('\n');
    assert.equal(lines[0], 'ALLOWED  frontend/web-frontend → backend/payment-service on TCP 8080');
    const sides = lines.indexOf('egress of frontend/web-frontend: allowed (isolated by frontend/default-deny-all, frontend/frontend-to-payment)');
    assert.ok(sides > 0, r.out);
    assert.deepEqual(lines.slice(sides + 1, sides + 4), [
      '  allowed by frontend/frontend-to-payment egress[1] (examples/aks-lab/policies/frontend-to-payment.yaml:24:7)',
      'ingress of backend/payment-service: allowed (isolated by backend/allow-frontend-ingress, backend/default-deny-all)',
      '  allowed by backend/allow-frontend-ingress ingress[0] (examples/aks-lab/policies/allow-frontend-ingress.yaml:14:7)',
    ]);
    assert.ok(!r.out.includes('suggestion:'));
  });

  test('a port the policies do not list is denied (exit 1) with a suggestion last', async () => {
    const r = await run(['can-reach', 'frontend/web-frontend', 'backend/payment-service', '--port', '9090', LAB]);
    assert.equal(r.code, 1);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines[0], 'DENIED  frontend/web-frontend → backend/payment-service on TCP 9090');
    assert.ok(lines.includes('egress of frontend/web-frontend: denied (isolated by frontend/default-deny-all, frontend/frontend-to-payment)'));
    assert.ok(lines.includes('ingress of backend/payment-service: denied (isolated by backend/allow-frontend-ingress, backend/default-deny-all)'));
    assert.match(lines[lines.length - 1], /^suggestion: .*TCP 9090/);
  });

  test('payment-service may not open connections into frontend, on any port', async () => {
    const r = await run(['can-reach', 'backend/payment-service', 'frontend/web-frontend', '--format', 'json', LAB]);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out);
    assert.deepEqual([json.allowed, json.egress.allowed, json.ingress.allowed, json.port, json.protocol], [false, false, false, null, null]);
  });

  test('HTTPS to api.stripe.com: allowed by toFQDNs, the rule in JSON with its position', async () => {
    const r = await run(['can-reach', 'backend/payment-service', 'fqdn:api.stripe.com', '--port', '443', '--format', 'json', LAB]);
    assert.equal(r.code, 0);
    const json = JSON.parse(r.out);
    assert.equal(json.allowed, true);
    assert.deepEqual(json.egress.allowedBy, [
      { policy: 'payment-egress-domains', namespace: 'backend', kind: 'CiliumNetworkPolicy', section: 'egress', index: 1, file: 'examples/aks-lab/policies/payment-egress-domains.yaml', line: 30, column: 7 },
    ]);
    assert.equal(json.ingress.isolated, false);
  });

  test('file names are relative to the cwd when under it, absolute otherwise', async () => {
    const inLab = await run(['can-reach', 'frontend/web-frontend', 'backend/payment-service', '--port', '8080', '.'], path.join(root, LAB));
    assert.ok(inLab.out.includes('  allowed by backend/allow-frontend-ingress ingress[0] (policies/allow-frontend-ingress.yaml:14:7)\n'));
    // A fresh folder: the temp folder itself may hold the checkout (CI clones under /tmp).
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-netlens-cwd-'));
    const elsewhere = await run(['can-reach', 'frontend/web-frontend', 'backend/payment-service', '--port', '8080', path.join(root, LAB)], outside);
    fs.rmSync(outside, { recursive: true, force: true });
    const absolute = path.join(root, LAB, 'policies', 'allow-frontend-ingress.yaml');
    assert.ok(elsewhere.out.includes(`  allowed by backend/allow-frontend-ingress ingress[0] (${absolute}:14:7)\n`));
  });

  test('mistyped workloads: exit 2 with the close matches', async () => {
    const typo = await run(['can-reach', 'frontend/web-frontnd', 'backend/payment-service', LAB]);
    assert.equal(typo.code, 2);
    assert.equal(typo.out, '');
    assert.equal(typo.err, "aks-netlens can-reach: unknown workload 'frontend/web-frontnd'; did you mean frontend/web-frontend?\n");
    const bare = await run(['can-reach', 'frontend/web-frontend', 'payment-service', LAB]);
    assert.equal(bare.err, "aks-netlens can-reach: unknown workload 'payment-service'; did you mean backend/payment-service?\n");
    const domain = await run(['can-reach', 'backend/payment-service', 'api.stripe.com', LAB]);
    assert.equal(domain.err, "aks-netlens can-reach: unknown workload 'api.stripe.com'; workloads are written <namespace>/<name> (for a domain name write fqdn:api.stripe.com)\n");
  });
});

describe('verify on the AKS lab', () => {
  test("every written expectation of the lab holds", async () => {
    const r = await run(['verify', `${LAB}/expectations.yaml`, LAB]);
    assert.equal(r.err, '');
    assert.equal(r.out, '23 passed, 0 failed\n');
    assert.equal(r.code, 0);
  });

  test('with azure-npm, which ignores Cilium policies, every "denied" expectation fails', async () => {
    const r = await run(['verify', `${LAB}/expectations.yaml`, '--engine', 'azure-npm', '--format', 'json', LAB]);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out);
    assert.deepEqual([json.passed, json.failed], [8, 15]);
    for (const result of json.results) assert.deepEqual([result.allowed, result.pass], [true, result.expect === 'allowed']);
  });
});

describe('flows on the AKS lab', () => {
  test('text: isolation per workload and the frontend → payment flow with both rules', async () => {
    const r = await run(['flows', LAB]);
    assert.equal(r.code, 0);
    const lines = r.out.split('\n');
    assert.deepEqual(lines.slice(0, 5), [
      'namespace backend',
      '  payment-service (Deployment)  examples/aks-lab/payment-service.yaml:8:9',
      '    ingress: isolated by 2 policies · egress: isolated by 2 policies',
      '    ingress from:',
      '      frontend/web-frontend  TCP 8080  backend/allow-frontend-ingress ingress[0] (examples/aks-lab/policies/allow-frontend-ingress.yaml:14:7)',
    ]);
    assert.ok(lines.includes('    ingress: isolated by 1 policy · egress: isolated by 2 policies'));
    assert.ok(lines.includes('    ingress from: nothing'));
    assert.ok(
      lines.some((l) =>
        /^ {2}frontend\/web-frontend +→ {2}backend\/payment-service +TCP 8080 +frontend\/frontend-to-payment egress\[1\] \(examples\/aks-lab\/policies\/frontend-to-payment\.yaml:24:7\), backend\/allow-frontend-ingress ingress\[0\] \(examples\/aks-lab\/policies\/allow-frontend-ingress\.yaml:14:7\)$/.test(l),
      ),
      r.out,
    );
  });

  test('csv and --namespace: the frontend flows and nothing of backend alone', async () => {
    const r = await run(['flows', '--namespace', 'frontend', '--format', 'csv', LAB]);
    const rows = r.out.split('\r\n');
    assert.equal(rows[0], 'from,to,ports,l7,rules');
    assert.ok(rows.includes('frontend/web-frontend,backend/payment-service,TCP 8080,,frontend/frontend-to-payment egress[1] (examples/aks-lab/policies/frontend-to-payment.yaml:24:7); backend/allow-frontend-ingress ingress[0] (examples/aks-lab/policies/allow-frontend-ingress.yaml:14:7)'));
    assert.ok(!rows.some((row) => row.startsWith('backend/payment-service,')), r.out);
  });

  test('dot: the domain names payment-service may call are ellipses with TCP 443 edges', async () => {
    const r = await run(['flows', '--format', 'dot', LAB]);
    assert.ok(r.out.includes('  "fqdn:api.stripe.com" [shape=ellipse];\n'));
    assert.ok(r.out.includes('  "backend/payment-service" -> "fqdn:httpbin.org" [label="TCP 443"];\n'));
  });
});
