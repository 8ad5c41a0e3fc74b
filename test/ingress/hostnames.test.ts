import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hostMatches, tlsHostsCover, validateHost, type HostDefect } from '../../server/src/core/ingress/hostnames';

const codes = (host: string, allowWildcard = true): [HostDefect['code'], number, number][] =>
  validateHost(host, { allowWildcard }).map((d) => [d.code, d.start, d.end]);

describe('validateHost', () => {
  const cases: [string, boolean, [HostDefect['code'], number, number][]][] = [
    ['example.com', true, []],
    ['foo.example.com', false, []],
    ['*.example.com', true, []],
    ['*.example.com', false, [['host-wildcard-not-allowed', 0, 1]]],
    ['*foo.com', true, [['host-wildcard-position', 0, 1]]],
    ['foo*.com', true, [['host-wildcard-position', 3, 4]]],
    ['foo.*.com', true, [['host-wildcard-position', 4, 5]]],
    ['*', true, [['host-wildcard-position', 0, 1]]],
    ['10.0.0.1', true, [['host-ip', 0, 8]]],
    ['::1', true, [['host-ip', 0, 3]]],
    ['999.1.1.1', true, []],
    ['example.com:8080', true, [['host-port', 11, 16]]],
    ['Example.com', true, [['host-uppercase', 0, 1]]],
    ['exa_mple.com', true, [['host-invalid-char', 3, 4]]],
    ['example.com.', true, [['host-empty-label', 11, 12]]],
    ['.example.com', true, [['host-empty-label', 0, 1]]],
    ['a..b', true, [['host-empty-label', 2, 3]]],
    ['-foo.com', true, [['host-label-hyphen', 0, 1]]],
    ['foo-.com', true, [['host-label-hyphen', 3, 4]]],
    ['', true, [['host-empty', 0, 0]]],
  ];
  for (const [host, allowWildcard, expected] of cases) {
    test(`${JSON.stringify(host)}${allowWildcard ? '' : ' (no wildcard)'}`, () => {
      assert.deepEqual(codes(host, allowWildcard), expected);
    });
  }

  test('a label over 63 characters is a warning (Kubernetes accepts it, DNS cannot carry it)', () => {
    const host = `${'a'.repeat(64)}.example.com`;
    const [defect] = validateHost(host, { allowWildcard: false });
    assert.deepEqual([defect.code, defect.severity, defect.start, defect.end], ['host-label-too-long', 'warning', 63, 64]);
  });

  test('a host over 253 characters: the excess is marked', () => {
    const host = Array.from({ length: 26 }, () => 'abcdefghi').join('.'); // 26*10-1 = 259
    const [defect] = validateHost(host, { allowWildcard: false });
    assert.deepEqual([defect.code, defect.start, defect.end], ['host-too-long', 253, 259]);
  });

  test('messages explain the fix', () => {
    assert.match(validateHost('Example.com', { allowWildcard: false })[0].message, /write "e"/);
    assert.match(validateHost('10.0.0.1', { allowWildcard: false })[0].message, /DNS name/);
  });
});

describe('hostMatches', () => {
  const cases: [string, string, boolean][] = [
    ['*.foo.com', 'bar.foo.com', true],
    ['*.foo.com', 'a.bar.foo.com', false],
    ['*.foo.com', 'foo.com', false],
    ['*.foo.com', '.foo.com', false],
    ['bar.foo.com', 'BAR.foo.com', true],
    ['bar.foo.com', 'baz.foo.com', false],
  ];
  for (const [pattern, host, expected] of cases) {
    test(`${pattern} ${expected ? 'matches' : 'does not match'} ${host}`, () => {
      assert.equal(hostMatches(pattern, host), expected);
    });
  }
});

describe('tlsHostsCover', () => {
  const cases: [string[], string, boolean][] = [
    [['*.foo.com'], 'a.foo.com', true],
    [['foo.com'], 'www.foo.com', false],
    [['foo.com', 'www.foo.com'], 'www.foo.com', true],
    [['*.foo.com'], '*.foo.com', true],
    [['a.foo.com'], '*.foo.com', false],
    [['a.foo.com'], '', false],
    [[], 'a.foo.com', false],
  ];
  for (const [tls, host, expected] of cases) {
    test(`${JSON.stringify(tls)} ${expected ? 'covers' : 'does not cover'} ${JSON.stringify(host)}`, () => {
      assert.equal(tlsHostsCover(tls, host), expected);
    });
  }
});
