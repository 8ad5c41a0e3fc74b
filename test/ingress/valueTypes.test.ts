import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GO_PARSE_BOOL_ACCEPTED,
  RECOMMENDED_BOOL_VALUES,
  describeValueType,
  parseArmResourceId,
  parseCidrList,
  parseEnum,
  parseGoBool,
  parseHostnameList,
  parseInt32,
  parseNginxSeconds,
  parseNginxSize,
  parseNginxTime,
  parsePath,
  parsePort,
  parseStatusCodes,
  parseUrl,
  parseValue,
  type ParseResult,
} from '../../server/src/core/ingress/valueTypes';

function ok<T>(r: ParseResult<T>): T {
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.value;
}
function fail(r: ParseResult<unknown>): { message: string; start?: number; end?: number } {
  assert.ok(!r.ok, `expected a failure, got ${JSON.stringify(r)}`);
  return r;
}

describe('bool (Go strconv.ParseBool)', () => {
  test('accepts exactly the twelve Go spellings with their meaning', () => {
    assert.deepEqual(
      GO_PARSE_BOOL_ACCEPTED.map((v) => ok(parseGoBool(v))),
      [true, true, true, true, true, true, false, false, false, false, false, false],
    );
  });
  test('recommends "true"/"false": no hint for them, a hint for the others', () => {
    assert.deepEqual(RECOMMENDED_BOOL_VALUES, ['true', 'false']);
    const t = parseGoBool('true');
    assert.ok(t.ok && t.hint === undefined);
    const upper = parseGoBool('True');
    assert.ok(upper.ok && /write "true"/.test(upper.hint ?? ''));
    const one = parseGoBool('0');
    assert.ok(one.ok && one.value === false && /write "false"/.test(one.hint ?? ''));
  });
  test('rejects yes/on and spaced values', () => {
    assert.match(fail(parseGoBool('yes')).message, /not a boolean/);
    assert.match(fail(parseGoBool('on')).message, /not a boolean/);
    assert.match(fail(parseGoBool(' true')).message, /Remove the spaces/);
  });
});

describe('int32 (Go strconv.Atoi)', () => {
  const good: [string, number][] = [['30', 30], ['+5', 5], ['-1', -1], ['007', 7], ['2147483647', 2147483647]];
  for (const [text, value] of good) test(`"${text}" → ${value}`, () => assert.equal(ok(parseInt32(text)), value));
  test('rejects a unit, saying what to write', () => {
    assert.match(fail(parseInt32('30s', {}, 'seconds')).message, /without a unit \(it is in seconds\): "30"/);
  });
  test('rejects spaces, underscores, decimals, empty', () => {
    assert.match(fail(parseInt32(' 30')).message, /Remove the spaces/);
    fail(parseInt32('1_000'));
    fail(parseInt32('1.5'));
    fail(parseInt32(''));
  });
  test('rejects values beyond 32 bits', () => {
    assert.match(fail(parseInt32('2147483648')).message, /32-bit/);
    assert.match(fail(parseInt32('99999999999999999999999')).message, /32-bit/);
  });
  test('checks the range (rule-priority 1–20000)', () => {
    assert.match(fail(parseInt32('0', { min: 1, max: 20000 })).message, /use 1 to 20000/);
    fail(parseInt32('20001', { min: 1, max: 20000 }));
    assert.equal(ok(parseInt32('20000', { min: 1, max: 20000 })), 20000);
  });
});

describe('enum', () => {
  test('case-insensitive match returns the canonical value', () => {
    assert.equal(ok(parseEnum('HTTPS', ['http', 'https'], false)), 'https');
  });
  test('case-sensitive enum rejects another case', () => {
    fail(parseEnum('Cookie', ['cookie'], true));
  });
  test('suggests the closest value', () => {
    assert.match(fail(parseEnum('htps', ['http', 'https'], false)).message, /did you mean "https"/);
  });
  test('spaces: rejected unless the controller trims', () => {
    assert.match(fail(parseEnum(' https', ['http', 'https'], false)).message, /Remove the spaces/);
    assert.equal(ok(parseEnum('grpc ', ['HTTP', 'GRPC'], false, true)), 'GRPC');
  });
});

describe('statusCodes', () => {
  test('"200-399, 401" → two ranges', () => {
    assert.deepEqual(ok(parseStatusCodes('200-399, 401')), [
      { from: 200, to: 399 },
      { from: 401, to: 401 },
    ]);
  });
  const bad: [string, RegExp, number?, number?][] = [
    ['99', /not an HTTP status code/, 0, 2],
    ['200, 600', /600 is not an HTTP status code/, 5, 8],
    ['399-200', /backwards: write 200-399/, 0, 7],
    ['2xx', /not a status code/, 0, 3],
    ['200-399,', /Empty entry/, 7, 8],
    ['', /No status codes/],
  ];
  for (const [text, message, start, end] of bad) {
    test(`rejects ${JSON.stringify(text)}`, () => {
      const r = fail(parseStatusCodes(text));
      assert.match(r.message, message);
      assert.deepEqual([r.start, r.end], [start, end]);
    });
  }
  test('ranges can be disallowed (custom-http-errors)', () => {
    assert.match(fail(parseStatusCodes('500-599', false)).message, /Ranges are not accepted/);
    assert.deepEqual(ok(parseStatusCodes('404,415', false)), [
      { from: 404, to: 404 },
      { from: 415, to: 415 },
    ]);
  });
});

describe('armResourceId', () => {
  const P = 'Microsoft.Network';
  const T = 'applicationGatewayWebApplicationFirewallPolicies';
  const waf = `/subscriptions/abcd/resourceGroups/rg/providers/${P}/${T}/adserver`;
  test('the documented WAF policy example parses', () => {
    assert.deepEqual(ok(parseArmResourceId(waf, P, T)), {
      subscription: 'abcd',
      resourceGroup: 'rg',
      provider: P,
      resourceType: T,
      name: 'adserver',
    });
  });
  test('keywords compare case-insensitively', () => {
    ok(parseArmResourceId(waf.replace('resourceGroups', 'resourcegroups').replace(T, T.toLowerCase()), P, T));
  });
  test('another resource type is named and marked', () => {
    const id = `/subscriptions/abcd/resourceGroups/rg/providers/${P}/applicationGateways/agw`;
    const r = fail(parseArmResourceId(id, P, T));
    assert.match(r.message, /ID of a Microsoft.Network\/applicationGateways; expected/);
    assert.deepEqual([r.start, r.end], [id.indexOf(P), id.indexOf('/agw')]);
  });
  test('missing leading slash, trailing slash, extra segments', () => {
    assert.match(fail(parseArmResourceId(waf.slice(1), P, T)).message, /must start with "\/subscriptions\/"/);
    const trailing = fail(parseArmResourceId(waf + '/', P, T));
    assert.deepEqual([trailing.start, trailing.end], [waf.length, waf.length + 1]);
    assert.match(fail(parseArmResourceId(waf + '/x', P, T)).message, /Too many segments/);
  });
});

describe('scalars: port, path, url, sizes, durations', () => {
  test('port', () => {
    assert.equal(ok(parsePort('8080')), 8080);
    fail(parsePort('0'));
    fail(parsePort('65536'));
    fail(parsePort('http'));
  });
  test('path', () => {
    assert.equal(ok(parsePath('/test/')), '/test/');
    assert.match(fail(parsePath('test/')).message, /write "\/test\/"/);
  });
  test('url', () => {
    ok(parseUrl('https://auth.example.com/verify'));
    ok(parseUrl('https://$host/oauth2/start?rd=$escaped_request_uri'));
    fail(parseUrl('auth.example.com/verify'));
  });
  test('nginx size', () => {
    assert.equal(ok(parseNginxSize('8m')), '8m');
    ok(parseNginxSize('0'));
    assert.match(fail(parseNginxSize('8MB')).message, /write "8m"/);
    fail(parseNginxSize('8 m'));
  });
  test('nginx seconds: unitless', () => {
    assert.equal(ok(parseNginxSeconds('60')), 60);
    assert.match(fail(parseNginxSeconds('60s')).message, /write "60"/);
    fail(parseNginxSeconds('1.5'));
  });
  test('nginx time syntax', () => {
    ok(parseNginxTime('1m'));
    ok(parseNginxTime('1h30m'));
    ok(parseNginxTime('500ms'));
    assert.match(fail(parseNginxTime('1x')).message, /Unknown time unit/);
    fail(parseNginxTime('m'));
    fail(parseNginxTime(''));
  });
});

describe('lists: CIDRs and host names', () => {
  test('CIDR lists with spaces and IPv6', () => {
    assert.deepEqual(ok(parseCidrList('10.0.0.0/24,172.10.0.1')), ['10.0.0.0/24', '172.10.0.1']);
    assert.deepEqual(ok(parseCidrList('10.0.0.0/8, 2001:db8::/32, ::1')), ['10.0.0.0/8', '2001:db8::/32', '::1']);
  });
  const bad: [string, RegExp, number, number][] = [
    ['10.0.0.0/33', /\/0 to \/32/, 0, 11],
    ['10.0.0.0/8, 10.0.0.256', /not an IP address/, 12, 22],
    ['10.0.0.0/8,,1.2.3.4', /Empty entry/, 10, 11],
    ['2001:db8::1::2', /not an IP address/, 0, 14],
  ];
  for (const [text, message, start, end] of bad) {
    test(`CIDR list ${JSON.stringify(text)} is rejected at the bad item`, () => {
      const r = fail(parseCidrList(text));
      assert.match(r.message, message);
      assert.deepEqual([r.start, r.end], [start, end]);
    });
  }
  test('host name lists: wildcards allowed, bad host marked inside the list', () => {
    assert.deepEqual(ok(parseHostnameList('a.com, *.b.com,', true)), ['a.com', '*.b.com']);
    const r = fail(parseHostnameList('a.com, B.com', true));
    assert.deepEqual([r.start, r.end], [7, 8]);
  });
});

describe('parseValue and describeValueType', () => {
  test('dispatch by kind', () => {
    assert.equal(ok(parseValue({ kind: 'int32', min: 1, max: 64999 }, '8080')), 8080);
    fail(parseValue({ kind: 'int32', min: 1, max: 64999 }, '65000'));
    fail(parseValue({ kind: 'string', nonEmpty: true }, '  '));
    assert.deepEqual(ok(parseValue({ kind: 'commaList' }, 'cert1, cert2')), ['cert1', 'cert2']);
    fail(parseValue({ kind: 'hostname', allowWildcard: false }, '*.a.com'));
  });
  test('labels', () => {
    assert.equal(describeValueType({ kind: 'int32', min: 1, max: 20000 }), 'whole number from 1 to 20000');
    assert.equal(describeValueType({ kind: 'enum', values: ['http', 'https'], caseSensitive: false }), 'one of "http", "https" (any case)');
    assert.equal(describeValueType({ kind: 'bool' }), 'boolean: "true" or "false"');
  });
});
