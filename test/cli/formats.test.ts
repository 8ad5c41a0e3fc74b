/**
 * The CLI's own output, run in-process with a stand-in model (fakeModel.ts) so the expected
 * texts depend only on the formats: verdict lines, rule positions, tables, CSV, DOT, JSON shapes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCliWith } from '../../server/src/cli/app';
import { fakeBuilder } from './fakeModel';
import { SHOP_TREE } from './fixtures';
import { memoryIo, removeTree, tempTree } from './io';

let root = '';
before(() => {
  root = tempTree(SHOP_TREE);
});
after(() => removeTree(root));

async function run(argv: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const m = memoryIo({ cwd: root, ...options });
  const code = await runCliWith(argv, m.io, fakeBuilder);
  return { code, out: m.out(), err: m.err() };
}

describe('can-reach output', () => {
  test('allowed: verdict, explanation, both sides with the rule as file:line:col, notes; exit 0', async () => {
    const r = await run(['can-reach', 'shop/web', 'shop/api', '--port', '8080', '.']);
    assert.equal(r.code, 0);
    assert.equal(r.err, '');
    assert.equal(
      r.out,
      `ALLOWED  shop/web → shop/api on TCP 8080

  egress is not isolated
  ingress allows it

egress of shop/web: allowed (no policy isolates it)
ingress of shop/api: allowed (isolated by shop/allow-8080)
  allowed by shop/allow-8080 ingress[0] (policies/allow.yaml:8:3)

note: engine cilium, Cilium 1.17
`,
    );
  });

  test('denied: the suggestion comes last; exit 1; engine options reach the model', async () => {
    const r = await run(['can-reach', '--engine', 'azure-npm', '--cilium-version=1.19', 'shop/web', 'shop/api', '--port', '9090', '--protocol', 'udp', '.']);
    assert.equal(r.code, 1);
    assert.equal(
      r.out,
      `DENIED  shop/web → shop/api on UDP 9090

  egress is not isolated
  no ingress rule allows it

egress of shop/web: allowed (no policy isolates it)
ingress of shop/api: denied (isolated by shop/allow-8080)

note: engine azure-npm, Cilium 1.19

suggestion: allow the port in an ingress rule
`,
    );
  });

  test('colour only on a terminal without NO_COLOR', async () => {
    const tty = await run(['can-reach', 'shop/web', 'shop/api', '--port', '9090', '.'], { isTTY: true });
    assert.ok(tty.out.startsWith('\u001b[1m\u001b[31mDENIED\u001b[0m\u001b[0m  shop/web'));
    const noColor = await run(['can-reach', 'shop/web', 'shop/api', '--port', '9090', '.'], { isTTY: true, env: { NO_COLOR: '1' } });
    assert.ok(noColor.out.startsWith('DENIED  shop/web'));
    const piped = await run(['can-reach', 'shop/web', 'shop/api', '--port', '9090', '.']);
    assert.ok(!piped.out.includes('\u001b'));
  });

  test('--format json: one object with the documented keys', async () => {
    const r = await run(['can-reach', 'shop/web', 'shop/api', '--port', '8080', '--http', 'GET /health', '--format', 'json', '.']);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out), {
      allowed: true,
      from: 'shop/web',
      to: 'shop/api',
      port: 8080,
      protocol: 'TCP',
      http: { method: 'GET', path: '/health' },
      egress: { allowed: true, isolated: false, isolatedBy: [], allowedBy: [], deniedBy: [], reasons: ['egress is not isolated'] },
      ingress: {
        allowed: true,
        isolated: true,
        isolatedBy: [{ kind: 'NetworkPolicy', namespace: 'shop', name: 'allow-8080' }],
        allowedBy: [{ policy: 'allow-8080', namespace: 'shop', kind: 'NetworkPolicy', section: 'ingress', index: 0, file: 'policies/allow.yaml', line: 8, column: 3 }],
        deniedBy: [],
        reasons: ['ingress allows it'],
      },
      explanation: ['egress is not isolated', 'ingress allows it'],
      suggestion: null,
      notes: ['engine cilium, Cilium 1.17'],
      rules: [{ policy: 'allow-8080', namespace: 'shop', kind: 'NetworkPolicy', section: 'ingress', index: 0, file: 'policies/allow.yaml', line: 8, column: 3 }],
    });
  });

  test('without --port the question is "any traffic" and JSON has null port and protocol', async () => {
    const r = await run(['can-reach', 'ip:192.0.2.1', 'shop/api', '--format', 'json', '.']);
    const json = JSON.parse(r.out);
    assert.deepEqual([json.from, json.port, json.protocol, json.http], ['ip:192.0.2.1', null, null, null]);
  });

  test('manifests from stdin', async () => {
    const r = await run(['can-reach', 'shop/web', 'shop/api', '--port', '8080', '-'], { stdin: SHOP_TREE['workloads.yaml'] + '---\n' + SHOP_TREE['policies/allow.yaml'] });
    assert.equal(r.code, 0);
    assert.match(r.out, /^  allowed by shop\/allow-8080 ingress\[0\] \(<stdin>:30:3\)$/m);
  });
});

describe('flows output', () => {
  test('text: per namespace and workload, isolation, aligned peers with rules, effective flows, notes', async () => {
    const r = await run(['flows', '.']);
    assert.equal(r.code, 0);
    assert.equal(
      r.out,
      `namespace shop
  api (Deployment)  workloads.yaml:1:1
    ingress: isolated by 1 policy · egress: open
    ingress from:
      default/*                           TCP 8080               shop/allow-8080 ingress[0] (policies/allow.yaml:8:3)
      cidr:10.0.0.0/8 except 10.1.0.0/16  TCP 8080  GET /health  shop/allow-8080 ingress[0] (policies/allow.yaml:8:3)
    egress to: everything (not isolated)

  web (Deployment)  workloads.yaml:12:1
    ingress: isolated by 1 policy · egress: open
    ingress from:
      default/*                           TCP 8080               shop/allow-8080 ingress[0] (policies/allow.yaml:8:3)
      cidr:10.0.0.0/8 except 10.1.0.0/16  TCP 8080  GET /health  shop/allow-8080 ingress[0] (policies/allow.yaml:8:3)
    egress to: everything (not isolated)

effective flows (allowed by both ends)
  shop/api  →  shop/web  TCP 8080  shop/allow-8080 ingress[0] (policies/allow.yaml:8:3)
  shop/web  →  shop/api  TCP 8080  shop/allow-8080 ingress[0] (policies/allow.yaml:8:3)

note: fake model: every policy allows TCP 8080 from every workload
`,
    );
  });

  test('csv: header, one row per effective flow and per external peer, RFC 4180 line ends', async () => {
    const r = await run(['flows', '--format', 'csv', '.']);
    assert.equal(
      r.out,
      [
        'from,to,ports,l7,rules',
        'shop/api,shop/web,TCP 8080,,shop/allow-8080 ingress[0] (policies/allow.yaml:8:3)',
        'shop/web,shop/api,TCP 8080,,shop/allow-8080 ingress[0] (policies/allow.yaml:8:3)',
        'cidr:10.0.0.0/8 except 10.1.0.0/16,shop/api,TCP 8080,GET /health,shop/allow-8080 ingress[0] (policies/allow.yaml:8:3)',
        'cidr:10.0.0.0/8 except 10.1.0.0/16,shop/web,TCP 8080,GET /health,shop/allow-8080 ingress[0] (policies/allow.yaml:8:3)',
        '',
      ].join('\r\n'),
    );
  });

  test('dot: a cluster per namespace, labelled edges, external peers with their own shape', async () => {
    const r = await run(['flows', '--format', 'dot', '.']);
    assert.equal(
      r.out,
      `digraph "aks-netlens" {
  rankdir=LR;
  node [shape=box];
  subgraph "cluster_shop" {
    label="shop";
    "shop/api" [label="api"];
    "shop/web" [label="web"];
  }
  "cidr:10.0.0.0/8 except 10.1.0.0/16" [shape=hexagon];
  "shop/api" -> "shop/web" [label="TCP 8080"];
  "shop/web" -> "shop/api" [label="TCP 8080"];
  "cidr:10.0.0.0/8 except 10.1.0.0/16" -> "shop/api" [label="TCP 8080\\nGET /health"];
  "cidr:10.0.0.0/8 except 10.1.0.0/16" -> "shop/web" [label="TCP 8080\\nGET /health"];
}
`,
    );
  });

  test('md: a table per workload and one of effective flows', async () => {
    const r = await run(['flows', '--format', 'md', '.']);
    const lines = r.out.split('\n');
    assert.equal(lines[0], '# Network flows');
    assert.ok(lines.includes('### api (Deployment)'));
    assert.ok(lines.includes('ingress: isolated by 1 policy · egress: open — workloads.yaml:1:1'));
    assert.ok(lines.includes('| ingress | cidr:10.0.0.0/8 except 10.1.0.0/16 | TCP 8080 | GET /health | shop/allow-8080 ingress[0] (policies/allow.yaml:8:3) |'));
    assert.ok(lines.includes('| egress | everything (not isolated) |  |  |  |'));
    assert.ok(lines.includes('| shop/web | shop/api | TCP 8080 |  | shop/allow-8080 ingress[0] (policies/allow.yaml:8:3) |'));
  });

  test('json: WorkloadFlows and EffectiveFlow data with file/line/column', async () => {
    const r = await run(['flows', '--format', 'json', '--namespace', 'shop', '.']);
    const json = JSON.parse(r.out);
    assert.deepEqual(Object.keys(json), ['settings', 'workloads', 'effectiveFlows', 'notes']);
    assert.deepEqual(json.workloads[0].workload.location, { file: 'workloads.yaml', line: 1, column: 1 });
    assert.deepEqual(json.workloads[0].ingress, { isolated: true, by: [{ kind: 'NetworkPolicy', namespace: 'shop', name: 'allow-8080' }] });
    assert.deepEqual(json.workloads[0].allowedIngress[0], {
      peer: { type: 'namespace', namespace: 'default' },
      ports: 'TCP 8080',
      l7: [],
      rules: [{ policy: 'allow-8080', namespace: 'shop', kind: 'NetworkPolicy', section: 'ingress', index: 0, file: 'policies/allow.yaml', line: 8, column: 3 }],
      peerAgrees: null,
    });
    assert.deepEqual(json.effectiveFlows[0].from, 'shop/api');
  });

  test('--namespace keeps that namespace; an unknown one is exit 2 with the close match', async () => {
    const other = await run(['flows', '--namespace', 'quiet', '.']);
    assert.equal(other.code, 0);
    assert.equal(other.out, 'effective flows (allowed by both ends)\n  none\n\nnote: fake model: every policy allows TCP 8080 from every workload\n');
    const typo = await run(['flows', '--namespace', 'shp', '.']);
    assert.equal(typo.code, 2);
    assert.equal(typo.err, "aks-netlens flows: unknown namespace 'shp'; did you mean shop?\n");
  });
});

describe('verify output', () => {
  test('text: failures with explanations, unknown workloads as failures, last line N passed, M failed', async () => {
    const dir = tempTree({
      'exp.yaml': [
        '- {from: shop/web, to: shop/api, port: 8080, expect: allowed}',
        '- {from: shop/web, to: shop/api, port: 9090, expect: allowed}',
        '- {from: shop/nope, to: shop/api, expect: denied}',
        '- {from: shop/web, to: shop/api, port: 9090, protocol: UDP, engine: azure-npm, expect: denied}',
      ].join('\n'),
    });
    try {
      const r = await run(['verify', `${dir}/exp.yaml`, '.']);
      assert.equal(r.code, 1);
      assert.equal(
        r.out,
        `FAIL ${dir}/exp.yaml:2 [1] shop/web → shop/api on TCP 9090
  expected allowed, got denied
  egress is not isolated
  no ingress rule allows it
  suggestion: allow the port in an ingress rule

FAIL ${dir}/exp.yaml:3 [2] shop/nope → shop/api (any traffic)
  expected denied, but: unknown workload 'shop/nope'

2 passed, 2 failed
`,
      );
      const json = await run(['verify', `${dir}/exp.yaml`, '--format', 'json', '.']);
      assert.deepEqual(JSON.parse(json.out), {
        passed: 2,
        failed: 2,
        results: [
          { index: 0, allowed: true, expect: 'allowed', pass: true },
          { index: 1, allowed: false, expect: 'allowed', pass: false },
          { index: 2, allowed: null, expect: 'denied', pass: false, error: "unknown workload 'shop/nope'" },
          { index: 3, allowed: false, expect: 'denied', pass: true },
        ],
      });
    } finally {
      removeTree(dir);
    }
  });

  test('all passing: exit 0 and only the count', async () => {
    const r = await run(['verify', '-', '.'], { stdin: '[{"from":"shop/web","to":"shop/api","port":null,"protocol":null,"expect":"allowed","kind":"internal"}]' });
    assert.equal(r.code, 0);
    assert.equal(r.out, '1 passed, 0 failed\n');
  });

  test('one model per engine named by the expectations', async () => {
    const built: string[] = [];
    const m = memoryIo({ cwd: root, stdin: '- {from: shop/web, to: shop/api, expect: allowed}\n- {from: shop/web, to: shop/api, expect: allowed, engine: calico}\n- {from: shop/api, to: shop/web, expect: allowed}\n' });
    await runCliWith(['verify', '-', '--engine', 'none', '.'], m.io, (resources, settings) => {
      built.push(settings.engine);
      return fakeBuilder(resources, settings);
    });
    assert.deepEqual(built, ['none', 'calico']);
  });

  test('a malformed expectations file is exit 2 with every problem as file:line:col', async () => {
    const r = await run(['verify', '-', '.'], { stdin: '- {from: shop/web, to: shop/api, expect: maybe}\n- {from: shop/web, to: shop/api, port: 70000, expect: denied}\n' });
    assert.equal(r.code, 2);
    assert.equal(
      r.err,
      `aks-netlens verify: <stdin> is not a valid expectations file
<stdin>:1:3: error: entry 0: "expect" must be "allowed" or "denied" (got "maybe")
<stdin>:2:3: error: entry 1: port '70000' is not a number from 1 to 65535
`,
    );
    assert.equal(r.out, '');
  });
});
