/** Dispatch, help, usage errors and exit codes of the CLI, run in-process. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCliWith } from '../../server/src/cli/app';
import type { ModelBuilder } from '../../server/src/cli/commands/types';
import { fakeBuilder } from './fakeModel';
import { SHOP_TREE } from './fixtures';
import { memoryIo, removeTree, tempTree } from './io';

let root = '';
before(() => {
  root = tempTree(SHOP_TREE);
});
after(() => removeTree(root));

async function run(argv: string[], builder: ModelBuilder = fakeBuilder) {
  const m = memoryIo({ cwd: root });
  const code = await runCliWith(argv, m.io, builder);
  return { code, out: m.out(), err: m.err() };
}

const CAN_REACH_USAGE = `usage: aks-netlens can-reach FROM TO [--port N] [--protocol TCP|UDP|SCTP] [--http "METHOD /path"]
                      [--engine cilium|azure-npm|calico|none] [--cilium-version 1.16|1.17|1.18|1.19]
                      [--format text|json] PATH...
Run 'aks-netlens help can-reach' for details.
`;

describe('help and version', () => {
  test('--help lists every command; no arguments prints it on stderr with exit 2', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /^Commands:\n {2}can-reach {2}may FROM open a connection to TO\? \(exit 0 allowed, 1 denied\)\n {2}flows {6}.+\n {2}verify {5}.+\n/m);
    const none = await run([]);
    assert.equal(none.code, 2);
    assert.equal(none.err, help.out);
  });

  test('help COMMAND and COMMAND --help print the same text, with examples on examples/aks-lab', async () => {
    for (const name of ['can-reach', 'flows', 'verify']) {
      const a = await run(['help', name]);
      const b = await run([name, '--help']);
      assert.equal(a.code, 0);
      assert.equal(a.out, b.out);
      assert.match(a.out, /^Usage: aks-netlens /);
      assert.match(a.out, new RegExp(`^  aks-netlens ${name} .*examples/aks-lab$`, 'm'));
    }
    const unknown = await run(['help', 'nope']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /^aks-netlens help: unknown command 'nope'\n/);
  });

  test('--version prints the injected version', async () => {
    assert.deepEqual(await run(['--version']), { code: 0, out: 'aks-netlens 9.8.7\n', err: '' });
  });

  test('an unknown command suggests the closest one', async () => {
    const r = await run(['can-rech']);
    assert.equal(r.code, 2);
    assert.match(r.err, /^aks-netlens: unknown command 'can-rech' \(did you mean can-reach\?\)\n/);
  });
});

describe('usage errors: exit 2, one line, then the usage of the command', () => {
  const cases: [string[], string][] = [
    [['can-reach', 'shop/web'], 'FROM and TO are required'],
    [['can-reach', 'shop/web', 'shop/api'], 'no PATH given: name manifest files or folders, or - for stdin'],
    [['can-reach', 'shop/web', 'shop/api', '--port', 'http', '.'], "port 'http' is not a number from 1 to 65535"],
    [['can-reach', 'shop/web', 'shop/api', '--protocol', 'UDP', '.'], 'a protocol needs a port (--port N)'],
    [['can-reach', 'shop/web', 'shop/api', '--port', '80', '--protocol', 'ICMP', '.'], "protocol 'ICMP' is not one of TCP, UDP, SCTP"],
    [['can-reach', 'shop/web', 'shop/api', '--engine', 'flannel', '.'], "--engine must be one of cilium, azure-npm, calico, none (got 'flannel')"],
    [['can-reach', 'shop/web', 'shop/api', '--cilium-version', '1.15', '.'], "--cilium-version must be one of 1.16, 1.17, 1.18, 1.19 (got '1.15')"],
    [['can-reach', 'shop/web', 'shop/api', '--format', 'yaml', '.'], "--format must be one of text, json (got 'yaml')"],
    [['can-reach', 'fqdn:x.com', 'shop/api', '.'], "FROM cannot be a domain name ('fqdn:x.com'): traffic from outside is asked with ip:<address> or world"],
    [['can-reach', 'shop/web', 'shop/api', '--prot', '1', '.'], 'unknown option --prot (did you mean --port?)'],
  ];
  for (const [argv, message] of cases) {
    test(argv.slice(1).join(' '), async () => {
      const r = await run(argv);
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.equal(r.err, `aks-netlens can-reach: ${message}\n${CAN_REACH_USAGE}`);
    });
  }

  test('flows and verify print their own usage', async () => {
    const flows = await run(['flows', '--format', 'svg', '.']);
    assert.equal(flows.code, 2);
    assert.match(flows.err, /^aks-netlens flows: --format must be one of text, json, md, csv, dot \(got 'svg'\)\nusage: aks-netlens flows /);
    const verify = await run(['verify']);
    assert.equal(verify.code, 2);
    assert.match(verify.err, /^aks-netlens verify: EXPECTATIONS is required\nusage: aks-netlens verify /);
  });
});

describe('inputs and names', () => {
  test('an unknown workload is exit 2 with close matches, without the usage', async () => {
    const r = await run(['can-reach', 'shop/we', 'shop/api', '.']);
    assert.equal(r.code, 2);
    assert.equal(r.err, "aks-netlens can-reach: unknown workload 'shop/we'; did you mean shop/web?\n");
  });

  test('a missing PATH is exit 2 naming it', async () => {
    const r = await run(['flows', 'nowhere/']);
    assert.equal(r.code, 2);
    assert.equal(r.err, "aks-netlens flows: cannot read 'nowhere/': no such file or folder\n");
  });

  test('a YAML error in one file is a warning on stderr; the command still answers', async () => {
    const dir = tempTree({ ...SHOP_TREE, 'broken.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: [\n' });
    try {
      const m = memoryIo({ cwd: dir });
      const code = await runCliWith(['can-reach', 'shop/web', 'shop/api', '--port', '8080', '.'], m.io, fakeBuilder);
      assert.equal(code, 0);
      assert.equal(
        m.err(),
        'broken.yaml:3:18: warning: Flow sequence in block collection must be sufficiently indented and end with a ]\n' +
          'broken.yaml:3:18: warning: Flow map in block collection must be sufficiently indented and end with a }\n',
      );
      assert.match(m.out(), /^ALLOWED /);
    } finally {
      removeTree(dir);
    }
  });

  test('no Kubernetes objects at all is said on stderr', async () => {
    const dir = tempTree({ 'ci.yaml': 'jobs: {}\n' });
    try {
      const m = memoryIo({ cwd: dir });
      const code = await runCliWith(['flows', '.'], m.io, fakeBuilder);
      assert.equal(code, 0);
      assert.equal(m.err(), 'warning: no Kubernetes objects found in .\n');
    } finally {
      removeTree(dir);
    }
  });

  test('an exception from the engine is an internal error, exit 3, not a verdict', async () => {
    const r = await run(['flows', '.'], () => {
      throw new Error('boom');
    });
    assert.equal(r.code, 3);
    assert.match(r.err, /^aks-netlens flows: internal error, please report it: Error: boom\n/);
  });
});
