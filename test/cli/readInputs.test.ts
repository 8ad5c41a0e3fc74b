import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../../server/src/cli/exitCodes';
import { readInputs, readTextInput } from '../../server/src/cli/readInputs';
import { removeTree, tempTree } from './io';

const ctx = (cwd: string, stdin?: string) => ({
  cwd,
  readStdin: async () => {
    if (stdin === undefined) throw new Error('no stdin');
    return stdin;
  },
});

describe('readInputs', () => {
  test('walks folders in name order for .yaml/.yml/.json, skipping node_modules and .git', async () => {
    const root = tempTree({
      'b.yaml': 'b',
      'a/z.yml': 'z',
      'a/y.JSON': 'y',
      'notes.txt': 'not read',
      'node_modules/pkg/x.yaml': 'skipped',
      '.git/config.yaml': 'skipped',
    });
    try {
      const { inputs, warnings } = await readInputs(['.'], ctx(root));
      assert.deepEqual(
        inputs.map((i) => [i.display, i.text, i.explicit]),
        [
          [path.join('a', 'y.JSON'), 'y', false],
          [path.join('a', 'z.yml'), 'z', false],
          ['b.yaml', 'b', false],
        ],
      );
      assert.equal(inputs[2].uri, `file://${root}/b.yaml`);
      assert.deepEqual(warnings, []);
    } finally {
      removeTree(root);
    }
  });

  test('a file named on the command line is read whatever its extension, once, and marked explicit', async () => {
    const root = tempTree({ 'dir/pod.txt': 'p', 'dir/a.yaml': '\uFEFFa' });
    try {
      const { inputs } = await readInputs(['dir/pod.txt', 'dir', 'dir/a.yaml'], ctx(root));
      assert.deepEqual(
        inputs.map((i) => [i.display, i.text, i.explicit]),
        [
          [path.join('dir', 'pod.txt'), 'p', true],
          [path.join('dir', 'a.yaml'), 'a', false], // the byte-order mark is dropped
        ],
      );
    } finally {
      removeTree(root);
    }
  });

  test('files outside the cwd are printed with their absolute path', async () => {
    const root = tempTree({ 'x.yaml': 'x' });
    const other = tempTree({});
    try {
      const { inputs } = await readInputs([path.join(root, 'x.yaml')], ctx(other));
      assert.equal(inputs[0].display, path.join(root, 'x.yaml'));
    } finally {
      removeTree(root);
      removeTree(other);
    }
  });

  test('symlinks are followed inside the tree only, and link loops end', async () => {
    const outside = tempTree({ 'secret.yaml': 'outside' });
    const root = tempTree({ 'real/a.yaml': 'a' });
    try {
      fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'leak.yaml'));
      fs.symlinkSync(outside, path.join(root, 'leakdir'));
      fs.symlinkSync(path.join(root, 'real'), path.join(root, 'real', 'loop'));
      fs.symlinkSync(path.join(root, 'real', 'a.yaml'), path.join(root, 'alias.yaml'));
      const { inputs } = await readInputs([root], ctx(root));
      assert.deepEqual(
        inputs.map((i) => i.text),
        ['a'],
      );
    } finally {
      removeTree(root);
      removeTree(outside);
    }
  });

  test('- reads stdin once', async () => {
    const { inputs } = await readInputs(['-', '-'], ctx('/', 'kind: Pod'));
    assert.deepEqual(inputs, [{ uri: 'stdin:', display: '<stdin>', text: 'kind: Pod', explicit: true }]);
  });

  test('a path that does not exist is an InputError naming it', async () => {
    const root = tempTree({});
    try {
      await assert.rejects(readInputs(['missing.yaml'], ctx(root)), new InputError("cannot read 'missing.yaml': no such file or folder"));
      await assert.rejects(readTextInput('.', ctx(root)), new InputError("cannot read '.': it is a folder, not a file"));
    } finally {
      removeTree(root);
    }
  });

  test('an unreadable file found while walking is a warning, not fatal', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, async () => {
    const root = tempTree({ 'ok.yaml': 'ok', 'locked.yaml': 'no' });
    try {
      fs.chmodSync(path.join(root, 'locked.yaml'), 0);
      const { inputs, warnings } = await readInputs(['.'], ctx(root));
      assert.deepEqual(inputs.map((i) => i.text), ['ok']);
      assert.deepEqual(warnings, ['locked.yaml: warning: file not read: permission denied']);
      await assert.rejects(readInputs(['locked.yaml'], ctx(root)), new InputError("cannot read 'locked.yaml': permission denied"));
    } finally {
      removeTree(root);
    }
  });
});
