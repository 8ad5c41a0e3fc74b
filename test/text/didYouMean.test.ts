import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { damerauLevenshtein, suggestClosest } from '../../server/src/core/text/didYouMean';

describe('damerauLevenshtein', () => {
  const cases: [string, string, number][] = [
    ['ca', 'ac', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['health-probe-status-code', 'health-probe-status-codes', 1],
    ['redirct', 'redirect', 1],
  ];
  for (const [a, b, d] of cases) test(`${a} ↔ ${b} = ${d}`, () => assert.equal(damerauLevenshtein(a, b), d));

  test('stops early above the limit', () => {
    assert.equal(damerauLevenshtein('aaaaaaaa', 'bbbbbbbb', 2), 3);
  });
});

describe('suggestClosest', () => {
  const names = ['timeout', 'interval', 'unhealthy-threshold', 'status-codes'];
  const cases: [string, readonly string[], string | null][] = [
    ['tiemout', names, 'timeout'],
    ['status-code', names, 'status-codes'],
    ['Timeout', names, 'timeout'],
    ['timeout', names, null],
    ['foo', ['bar', 'baz'], null],
    ['ab', ['ax', 'ay'], 'ax'],
    ['x'.repeat(500), ['x'.repeat(499)], null],
    ['', names, null],
  ];
  for (const [input, candidates, expected] of cases) {
    test(`${JSON.stringify(input.length > 20 ? input.slice(0, 20) + '…' : input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(suggestClosest(input, candidates), expected);
    });
  }
});
