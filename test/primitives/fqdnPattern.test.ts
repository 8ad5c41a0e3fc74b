import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fqdnMatches,
  fqdnPatternMatches,
  matchNameMatches,
  normalizeDnsName,
  patternCovers,
  validateFqdnPattern,
  validateMatchName,
  type FqdnMatcher,
} from '../../server/src/core/cilium/fqdnPattern';

const name = (value: string): FqdnMatcher => ({ kind: 'name', value });
const pattern = (value: string): FqdnMatcher => ({ kind: 'pattern', value });

describe('fqdnPatternMatches (C11, Cilium 1.17 default)', () => {
  const cases: [string, string, boolean][] = [
    ['*.stripe.com', 'api.stripe.com', true],
    ['*.stripe.com', 'stripe.com', false],
    ['*.stripe.com', 'a.b.stripe.com', false],
    ['*.stripe.com', 'api.stripe.com.', true],
    ['*.stripe.com', 'API.Stripe.COM', true],
    ['*.Stripe.com.', 'api.stripe.com', true],
    ['*.stripe.com', 'apistripe.com', false],
    ['*.stripe.com', 'api.stripe.com.evil.net', false],
    ['*.stripe.com', 'under_score.stripe.com', true],
    ['*', 'anything.example.org', true],
    ['*', 'localhost', true],
    ['*', '.', true],
    ['api.stripe.com', 'api.stripe.com', true],
    ['api.stripe.com', 'api.stripe.com.', true],
    ['api.stripe.com', 'x.api.stripe.com', false],
    ['*stripe.com', 'stripe.com', true],
    ['*stripe.com', 'substripe.com', true],
    ['*stripe.com', 'www.stripe.com', false],
    ['sub*.cilium.io', 'sub.cilium.io', true],
    ['sub*.cilium.io', 'subdomain.cilium.io', true],
    ['sub*.cilium.io', 'www.cilium.io', false],
    ['api-*.example.com', 'api-eu.example.com', true],
    ['api-*.example.com', 'api.example.com', false],
    ['*-*.example.com', 'a-b-c.example.com', true],
    ['*.*.svc.cluster.local', 'db.shop.svc.cluster.local', true],
    ['*.*.svc.cluster.local', 'db.svc.cluster.local', false],
    ['a*b*c.com', 'aXbYc.com', true],
    ['a*b*c.com', 'abc.com', true],
    ['a*b*c.com', 'acb.com', false],
    ['**.stripe.com', 'api.stripe.com', true],
    ['**.stripe.com', 'a.b.stripe.com', false],
    ['**.stripe.com', 'stripe.com', false],
    ['**', 'example.com', false],
    ['**', 'localhost', true],
    ['bad pattern', 'bad pattern', false],
    ['', 'example.com', false],
  ];
  for (const [p, n, expected] of cases) test(`${p || '(empty)'} vs ${n}: ${expected}`, () => assert.equal(fqdnPatternMatches(p, n), expected));
});

describe('`**.` by Cilium version', () => {
  const cases: [string, string, number, boolean][] = [
    ['**.cilium.io', 'sub.cilium.io', 19, true],
    ['**.cilium.io', 'a.b.c.cilium.io', 19, true],
    ['**.cilium.io', 'cilium.io', 19, false],
    ['**.cilium.io', 'a.b.cilium.io', 18, false],
    ['**.cilium.io', 'a.b.cilium.io', 17, false],
    ['**.cilium.io', 'sub.cilium.io', 16, true],
    ['***.cilium.io', 'a.b.cilium.io', 19, true],
    ['**.*.cilium.io', 'x.y.z.cilium.io', 19, true],
    ['**.*.cilium.io', 'y.cilium.io', 19, false],
    ['**', 'a.b.c', 19, true],
    ['**.', 'a.b.c', 19, true],
    ['*.', 'a.b.c', 19, true],
    ['*.', 'a.b.c', 17, false],
    ['*.', 'abc', 17, true],
    ['a.**.cilium.io', 'a.x.cilium.io', 19, true],
    ['a.**.cilium.io', 'a.x.y.cilium.io', 19, false],
    ['**cilium.io', 'subcilium.io', 19, true],
    ['**cilium.io', 'a.cilium.io', 19, false],
  ];
  for (const [p, n, minor, expected] of cases) {
    test(`1.${minor}: ${p} vs ${n}: ${expected}`, () => assert.equal(fqdnPatternMatches(p, n, { ciliumMinor: minor }), expected));
  }
});

describe('matchName', () => {
  const cases: [string, string, boolean][] = [
    ['api.stripe.com', 'api.stripe.com', true],
    ['api.stripe.com.', 'api.stripe.com', true],
    ['API.stripe.com', 'api.STRIPE.com.', true],
    ['api.stripe.com', 'stripe.com', false],
    ['*.stripe.com', 'api.stripe.com', false],
  ];
  for (const [m, n, expected] of cases) test(`${m} vs ${n}: ${expected}`, () => assert.equal(matchNameMatches(m, n), expected));
  test('fqdnMatches dispatches on the kind', () => {
    assert.ok(fqdnMatches(pattern('*.stripe.com'), 'api.stripe.com'));
    assert.ok(!fqdnMatches(name('*.stripe.com'), 'api.stripe.com'));
  });
  test('normalizeDnsName', () => {
    assert.equal(normalizeDnsName(' Api.Stripe.com. '), 'api.stripe.com');
  });
});

describe('validation', () => {
  const patterns: [string, RegExp | null][] = [
    ['*.stripe.com', null],
    ['*', null],
    ['**.stripe.com', null],
    ['API.Stripe.com.', null],
    ['under_score.example.com', null],
    ['', /must not be empty/],
    ['*.stripe.com/', /invalid characters/],
    ['^api\\.stripe\\.com$', /not a regular expression/],
    ['[a-z].stripe.com', /invalid characters/],
    ['.stripe.com', /empty label/],
    ['api..stripe.com', /empty label/],
    ['a'.repeat(256), /at most 255/],
    ['*.stripe.com ', /invalid characters/],
  ];
  for (const [p, expected] of patterns) {
    test(`pattern ${JSON.stringify(p.slice(0, 30))}`, () => {
      const result = validateFqdnPattern(p);
      if (expected === null) assert.equal(result, null);
      else assert.match(result ?? '', expected);
    });
  }
  const names: [string, RegExp | null][] = [
    ['api.stripe.com', null],
    ['api.stripe.com.', null],
    ['localhost', null],
    ['', /must not be empty/],
    ['*.stripe.com', /wildcards work only in matchPattern/],
    ['api stripe.com', /invalid characters/],
    ['..', /empty label/],
    ['x'.repeat(256), /at most 255/],
  ];
  for (const [n, expected] of names) {
    test(`matchName ${JSON.stringify(n.slice(0, 30))}`, () => {
      const result = validateMatchName(n);
      if (expected === null) assert.equal(result, null);
      else assert.match(result ?? '', expected);
    });
  }
});

describe('patternCovers', () => {
  const cases: [FqdnMatcher, FqdnMatcher, boolean, number?][] = [
    // The user-visible case: a DNS rule `*.stripe.com` does not let pods resolve `stripe.com`.
    [pattern('*.stripe.com'), name('stripe.com'), false],
    [pattern('*.stripe.com'), name('api.stripe.com'), true],
    [pattern('*.stripe.com'), name('API.STRIPE.COM.'), true],
    [pattern('*.stripe.com'), name('a.b.stripe.com'), false],
    [pattern('*'), name('stripe.com'), true],
    [pattern('*'), pattern('*.stripe.com'), true],
    [pattern('*'), pattern('**.stripe.com'), true, 19],
    [name('stripe.com'), name('stripe.com.'), true],
    [name('stripe.com'), name('api.stripe.com'), false],
    [name('api.stripe.com'), pattern('*.stripe.com'), false],
    [pattern('*.stripe.com'), pattern('*.stripe.com'), true],
    [pattern('*.stripe.com'), pattern('api-*.stripe.com'), true],
    [pattern('api-*.stripe.com'), pattern('*.stripe.com'), false],
    [pattern('*.com'), pattern('*.stripe.com'), false],
    [pattern('*.*.com'), pattern('*.stripe.com'), true],
    [pattern('a*'), pattern('ab*'), true],
    [pattern('ab*'), pattern('a*'), false],
    [pattern('a*.x'), pattern('ab*.x'), true],
    [pattern('*b.x'), pattern('a*b.x'), true],
    [pattern('a*b.x'), pattern('a*b*b.x'), true],
    [pattern('a*b*b.x'), pattern('a*b.x'), false],
    [pattern('*a*.x'), pattern('*a*a*.x'), true],
    [pattern('*-*.x'), pattern('api-*.x'), true],
    [pattern('*-*.x'), pattern('api*.x'), false],
    [pattern('*stripe.com'), name('stripe.com'), true],
    [pattern('*stripe.com'), pattern('*.stripe.com'), false],
    [pattern('*'), pattern('*'), true],
    [pattern('*.stripe.com'), pattern('*'), false],
    // Cilium 1.19 `**.`
    [pattern('**.stripe.com'), name('a.b.stripe.com'), true, 19],
    [pattern('**.stripe.com'), name('stripe.com'), false, 19],
    [pattern('**.stripe.com'), pattern('*.stripe.com'), true, 19],
    [pattern('**.stripe.com'), pattern('**.api.stripe.com'), true, 19],
    [pattern('**.api.stripe.com'), pattern('**.stripe.com'), false, 19],
    [pattern('*.stripe.com'), pattern('**.stripe.com'), false, 19],
    [pattern('**.stripe.com'), pattern('**.stripe.com'), true, 19],
    [pattern('**.*.stripe.com'), pattern('**.stripe.com'), false, 19],
    [pattern('**.stripe.com'), pattern('**.x*.stripe.com'), true, 19],
    [pattern('**.com'), pattern('*.stripe.com'), true, 19],
    // Before 1.19 `**.` is `*.`
    [pattern('**.stripe.com'), name('a.b.stripe.com'), false, 17],
    [pattern('**.stripe.com'), pattern('*.stripe.com'), true, 17],
    // Invalid selectors: an invalid b selects nothing; an invalid a covers nothing.
    [pattern('*.stripe.com'), pattern('bad pattern'), true],
    [pattern('bad pattern'), name('api.stripe.com'), false],
  ];
  for (const [a, b, expected, minor] of cases) {
    const label = `${a.kind} ${a.value} covers ${b.kind} ${b.value}${minor ? ` (1.${minor})` : ''}: ${expected}`;
    test(label, () => assert.equal(patternCovers(a, b, { ciliumMinor: minor }), expected));
  }
  test('agrees with matching on sample names', () => {
    const patterns = ['*.stripe.com', 'api*.stripe.com', '*i.stripe.com', '*.*.com', 'a*b*.x.com', '*'];
    const samples = ['api.stripe.com', 'ai.stripe.com', 'i.stripe.com', 'x.stripe.com', 'stripe.com', 'ab.x.com', 'aXb.x.com', 'b.x.com'];
    for (const a of patterns) {
      for (const b of patterns) {
        if (!patternCovers(pattern(a), pattern(b))) continue;
        for (const s of samples) {
          if (fqdnPatternMatches(b, s)) assert.ok(fqdnPatternMatches(a, s), `${a} covers ${b} but misses ${s}`);
        }
      }
    }
  });
});

describe('patternCovers is exact on small globs (exhaustive check)', () => {
  const globs: string[] = [];
  const grow = (prefix: string) => {
    if (prefix) globs.push(prefix);
    if (prefix.length < 3) for (const c of ['a', 'b', '*']) grow(prefix + c);
  };
  grow('');
  const labels: string[] = [];
  const words = (prefix: string) => {
    if (prefix) labels.push(prefix);
    if (prefix.length < 6) for (const c of ['a', 'b', 'c']) words(prefix + c);
  };
  words('');
  test(`${globs.length}² glob pairs against ${labels.length} labels`, () => {
    for (const a of globs) {
      for (const b of globs) {
        if (b === '*') continue; // matches every multi-label name too; covered in the table above
        const witness = labels.find((l) => fqdnPatternMatches(b, l) && !fqdnPatternMatches(a, l));
        assert.equal(patternCovers(pattern(a), pattern(b)), witness === undefined, `${a} covers ${b}? witness: ${witness}`);
      }
    }
  });
});
