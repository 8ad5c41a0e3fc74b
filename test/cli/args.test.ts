import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { choice, parseArgs } from '../../server/src/cli/args';
import { UsageError } from '../../server/src/cli/exitCodes';

const SPECS = [
  { name: 'port', takesValue: true },
  { name: 'protocol', takesValue: true },
  { name: 'verbose', takesValue: false },
];

describe('parseArgs', () => {
  test('separates options (both spellings) from positionals, keeping - as a positional', () => {
    const args = parseArgs(['a/b', '--port', '80', 'c/d', '--protocol=UDP', '-', '--verbose'], SPECS);
    assert.deepEqual(args.positionals, ['a/b', 'c/d', '-']);
    assert.deepEqual([...args.options], [
      ['port', '80'],
      ['protocol', 'UDP'],
      ['verbose', 'true'],
    ]);
    assert.equal(args.help, false);
  });

  test('everything after -- is positional', () => {
    assert.deepEqual(parseArgs(['--', '--port', 'x'], SPECS).positionals, ['--port', 'x']);
  });

  test('-h and --help ask for help wherever they are', () => {
    assert.equal(parseArgs(['x', '-h'], SPECS).help, true);
    assert.equal(parseArgs(['--help', '--port', '1'], SPECS).help, true);
  });

  test('an unknown option names the closest known one', () => {
    assert.throws(() => parseArgs(['--prot', '80'], SPECS), new UsageError('unknown option --prot (did you mean --port?)'));
    assert.throws(() => parseArgs(['--zzz'], SPECS), new UsageError('unknown option --zzz'));
    assert.throws(() => parseArgs(['-p', '80'], SPECS), new UsageError('unknown option -p'));
  });

  test('a value option without a value, and a flag with one, are usage errors', () => {
    assert.throws(() => parseArgs(['--port'], SPECS), new UsageError('option --port needs a value'));
    assert.throws(() => parseArgs(['--port='], SPECS), new UsageError('option --port needs a value'));
    assert.throws(() => parseArgs(['--verbose=1'], SPECS), new UsageError('option --verbose takes no value'));
  });
});

describe('choice', () => {
  test('returns the fallback when absent and rejects values outside the list', () => {
    const formats = ['text', 'json'] as const;
    assert.equal(choice(parseArgs([], [{ name: 'format', takesValue: true }]), 'format', formats, 'text'), 'text');
    assert.equal(choice(parseArgs(['--format', 'json'], [{ name: 'format', takesValue: true }]), 'format', formats, 'text'), 'json');
    assert.throws(
      () => choice(parseArgs(['--format', 'yaml'], [{ name: 'format', takesValue: true }]), 'format', formats, 'text'),
      new UsageError("--format must be one of text, json (got 'yaml')"),
    );
  });
});
