import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddressSet,
  cidrContains,
  formatIp,
  ipBlockSet,
  parseCidr,
  parseIp,
  validateIpBlockExcept,
  type Cidr,
  type IpAddress,
} from '../../server/src/core/net/cidr';

function cidr(s: string, allowBareIp = false): Cidr {
  const r = parseCidr(s, { allowBareIp });
  if (!r.ok) throw new Error(`test setup: ${s}: ${r.error}`);
  return r.cidr;
}

function ip(s: string): IpAddress {
  const r = parseIp(s);
  if (!r.ok) throw new Error(`test setup: ${s}: ${r.error}`);
  return r;
}

describe('parseIp', () => {
  const valid: [string, string, 'IPv4' | 'IPv6'][] = [
    ['10.0.0.1', '10.0.0.1', 'IPv4'],
    ['0.0.0.0', '0.0.0.0', 'IPv4'],
    ['255.255.255.255', '255.255.255.255', 'IPv4'],
    ['010.001.002.003', '10.1.2.3', 'IPv4'],
    ['::', '::', 'IPv6'],
    ['::1', '::1', 'IPv6'],
    ['2001:DB8::1', '2001:db8::1', 'IPv6'],
    ['2001:db8:0:0:0:0:0:1', '2001:db8::1', 'IPv6'],
    ['fe80::', 'fe80::', 'IPv6'],
    ['1:0:0:1:0:0:0:1', '1:0:0:1::1', 'IPv6'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8', 'IPv6'],
    ['1:0:2:3:4:5:6:7', '1:0:2:3:4:5:6:7', 'IPv6'],
    ['::ffff:10.1.2.3', '::ffff:a01:203', 'IPv6'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221', 'IPv6'],
  ];
  for (const [input, formatted, family] of valid) {
    test(`${input} → ${formatted}`, () => {
      const r = parseIp(input);
      assert.ok(r.ok, input);
      assert.equal(r.family, family);
      assert.equal(formatIp(r), formatted);
    });
  }
  test('values are exact bigints', () => {
    assert.equal(ip('10.0.0.1').value, 0x0a000001n);
    assert.equal(ip('::1').value, 1n);
    assert.equal(ip('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff').value, (1n << 128n) - 1n);
  });
  const invalid: [string, RegExp][] = [
    ['', /empty/],
    ['10.0.0', /four numbers/],
    ['10.0.0.256', /256 is greater than 255/],
    ['10.0.0.-1', /not a valid/],
    ['10.0.0.1.2', /four numbers/],
    ['1::2::3', /'::' may appear only once/],
    ['1:2:3:4:5:6:7', /eight groups/],
    ['1:2:3:4:5:6:7:8:9', /eight groups/],
    ['1:2:3:4:5:6:7::8', /at least one group/],
    ['12345::', /not 1-4 hex digits/],
    ['fe80::1%eth0', /zones/],
    ['g::1', /hex digits/],
    ['example.com', /not a valid IP address/],
    ['::1.2.3', /IPv4 part/],
  ];
  for (const [input, message] of invalid) {
    test(`invalid: ${JSON.stringify(input)}`, () => {
      const r = parseIp(input);
      assert.ok(!r.ok);
      assert.match(r.error, message);
    });
  }
});

describe('parseCidr', () => {
  const valid: [string, string, number, boolean][] = [
    ['10.0.0.0/8', '10.0.0.0/8', 8, false],
    ['0.0.0.0/0', '0.0.0.0/0', 0, false],
    ['192.168.1.7/32', '192.168.1.7/32', 32, false],
    ['10.0.0.1/8', '10.0.0.0/8', 8, true],
    ['172.17.255.255/16', '172.17.0.0/16', 16, true],
    ['::/0', '::/0', 0, false],
    ['2001:db8::/32', '2001:db8::/32', 32, false],
    ['2001:db8::1/64', '2001:db8::/64', 64, true],
    ['fd00::/8', 'fd00::/8', 8, false],
  ];
  for (const [input, text, prefix, hostBits] of valid) {
    test(`${input} → ${text}`, () => {
      const c = cidr(input);
      assert.equal(c.text, text);
      assert.equal(c.prefix, prefix);
      assert.equal(c.hostBitsSet, hostBits);
    });
  }
  test('host bits set: masked, with the Kubernetes ambiguity warning', () => {
    const c = cidr('10.0.0.1/8');
    assert.equal(c.base, 0x0a000000n);
    assert.deepEqual(c.warnings, ['CIDR value "10.0.0.1/8" is ambiguous (should be "10.0.0.0/8" or "10.0.0.1/32"?); Kubernetes uses "10.0.0.0/8"']);
  });
  test('leading zeros are accepted with a warning', () => {
    const c = cidr('010.0.0.0/08');
    assert.equal(c.text, '10.0.0.0/8');
    assert.equal(c.leadingZeros, true);
    assert.match(c.warnings.join(), /non-standard CIDR value "010.0.0.0\/08" will be considered invalid.*use "10.0.0.0\/8"/);
  });
  test('IPv4-mapped IPv6 is flagged', () => {
    const c = cidr('::ffff:10.0.0.0/104');
    assert.equal(c.ipv4Mapped, true);
    assert.equal(c.warnings.length, 1);
  });
  test('non-canonical IPv6 gets the RFC 5952 warning', () => {
    assert.deepEqual(cidr('2001:DB8:0:0::/32').warnings, ['IPv6 CIDR value "2001:DB8:0:0::/32" should be in RFC 5952 canonical format ("2001:db8::/32")']);
    assert.deepEqual(cidr('2001:db8::/32').warnings, []);
  });
  test('canonical values have no warnings', () => {
    for (const s of ['10.0.0.0/8', '0.0.0.0/0', '::/0', '192.168.0.0/16']) assert.deepEqual(cidr(s).warnings, [], s);
  });
  test('bare IPs only when allowed (Cilium toCIDR)', () => {
    const r = parseCidr('10.1.2.3');
    assert.ok(!r.ok);
    assert.equal(r.error, '"10.1.2.3" is an IP address, not a CIDR: add a prefix length, e.g. "10.1.2.3/32"');
    assert.equal(cidr('10.1.2.3', true).text, '10.1.2.3/32');
    assert.equal(cidr('2001:db8::5', true).text, '2001:db8::5/128');
    const r6 = parseCidr('2001:db8::5');
    assert.ok(!r6.ok && r6.error.includes('"2001:db8::5/128"'));
  });
  const invalid: [string, RegExp][] = [
    ['10.0.0.0/33', /prefix length must be a number from 0 to 32 for IPv4/],
    ['::/129', /from 0 to 128 for IPv6/],
    ['10.0.0.0/', /prefix length/],
    ['10.0.0.0/-1', /prefix length/],
    ['10.0.0.0/8/8', /prefix length/],
    ['10.0.0.0/ 8', /prefix length/],
    ['10.0.0/8', /four numbers/],
    ['300.0.0.0/8', /greater than 255/],
    ['abc/8', /not a valid IP address/],
    ['', /empty/],
    ['fe80::1%eth0/64', /zones/],
    ['10.0.0.0 /8', /not a valid IP address/],
  ];
  for (const [input, message] of invalid) {
    test(`invalid: ${JSON.stringify(input)}`, () => {
      const r = parseCidr(input);
      assert.ok(!r.ok, input);
      assert.match(r.error, message);
    });
  }
});

describe('cidrContains and except validation (K8)', () => {
  const cases: [string, string, boolean][] = [
    ['10.0.0.0/8', '10.1.0.0/16', true],
    ['10.0.0.0/8', '10.0.0.0/8', true],
    ['10.0.0.0/16', '10.0.0.0/8', false],
    ['10.0.0.0/8', '11.0.0.0/16', false],
    ['0.0.0.0/0', '203.0.113.9/32', true],
    ['::/0', '10.0.0.0/8', false],
    ['2001:db8::/32', '2001:db8:1::/48', true],
    ['2001:db8::/32', '2001:db9::/48', false],
  ];
  for (const [outer, inner, expected] of cases) test(`${outer} ⊇ ${inner}: ${expected}`, () => assert.equal(cidrContains(cidr(outer), cidr(inner)), expected));

  test('except must be a strict subset', () => {
    assert.equal(validateIpBlockExcept(cidr('172.17.0.0/16'), cidr('172.17.1.0/24')), null);
    assert.match(validateIpBlockExcept(cidr('172.17.0.0/16'), cidr('172.17.0.0/16'))!, /covers the whole cidr/);
    assert.match(validateIpBlockExcept(cidr('172.17.0.0/16'), cidr('172.16.0.0/12'))!, /covers the whole cidr/);
    assert.match(validateIpBlockExcept(cidr('172.17.0.0/16'), cidr('10.0.0.0/24'))!, /is outside cidr "172.17.0.0\/16"/);
    assert.match(validateIpBlockExcept(cidr('172.17.0.0/16'), cidr('fd00::/64'))!, /IPv6 but cidr .* is IPv4/);
  });
});

describe('AddressSet', () => {
  test('ipBlock except splitting (K8 example)', () => {
    const set = ipBlockSet(cidr('172.17.0.0/16'), [cidr('172.17.1.0/24')]);
    assert.deepEqual(set.toRanges(), ['172.17.0.0/24', '172.17.2.0-172.17.255.255']);
    assert.deepEqual(set.toCidrs(), [
      '172.17.0.0/24',
      '172.17.2.0/23',
      '172.17.4.0/22',
      '172.17.8.0/21',
      '172.17.16.0/20',
      '172.17.32.0/19',
      '172.17.64.0/18',
      '172.17.128.0/17',
    ]);
    assert.ok(set.contains(ip('172.17.0.200')));
    assert.ok(!set.contains(ip('172.17.1.5')));
    assert.ok(set.contains(ip('172.17.2.0')));
    assert.ok(!set.contains(ip('172.18.0.0')));
    assert.equal(set.size('IPv4'), 65536n - 256n);
  });
  test('several excepts, including the edges', () => {
    const set = ipBlockSet(cidr('10.0.0.0/24'), [cidr('10.0.0.0/26'), cidr('10.0.0.192/26'), cidr('10.0.0.100/32')]);
    assert.deepEqual(set.toRanges(), ['10.0.0.64-10.0.0.99', '10.0.0.101-10.0.0.191']);
  });
  test('0.0.0.0/0 except private ranges', () => {
    const set = ipBlockSet(cidr('0.0.0.0/0'), [cidr('10.0.0.0/8'), cidr('172.16.0.0/12'), cidr('192.168.0.0/16')]);
    assert.ok(set.contains(ip('8.8.8.8')));
    assert.ok(!set.contains(ip('10.255.0.1')));
    assert.ok(!set.contains(ip('172.31.255.255')));
    assert.ok(set.contains(ip('172.32.0.0')));
    assert.ok(!set.contains(ip('2001:db8::1')), 'an IPv4 block holds no IPv6 address');
    assert.equal(set.toRanges().length, 4);
  });
  test('IPv6 sets', () => {
    const set = ipBlockSet(cidr('2001:db8::/32'), [cidr('2001:db8:ffff::/48')]);
    assert.ok(set.contains(ip('2001:db8::1')));
    assert.ok(!set.contains(ip('2001:db8:ffff::1')));
    assert.deepEqual(set.toRanges(), ['2001:db8::-2001:db8:fffe:ffff:ffff:ffff:ffff:ffff']);
    assert.deepEqual(AddressSet.fromCidr(cidr('::/0')).toRanges(), ['::/0']);
  });
  test('all() and the full-range shortcuts', () => {
    const all = AddressSet.all();
    assert.ok(all.isAll());
    assert.deepEqual(all.toRanges(), ['0.0.0.0/0', '::/0']);
    assert.ok(AddressSet.fromCidr(cidr('0.0.0.0/0')).isAll('IPv4'));
    assert.ok(!AddressSet.fromCidr(cidr('0.0.0.0/0')).isAll());
    assert.ok(AddressSet.fromCidr(cidr('0.0.0.0/0')).union(AddressSet.fromCidr(cidr('::/0'))).isAll());
    const some = AddressSet.fromCidr(cidr('10.0.0.0/8'));
    assert.equal(all.intersect(some), some);
    assert.equal(some.union(all), all);
    assert.ok(some.subtract(all).isEmpty());
  });
  test('union merges overlapping and adjacent blocks', () => {
    const set = AddressSet.fromCidr(cidr('10.0.0.0/25'))
      .union(AddressSet.fromCidr(cidr('10.0.0.128/25')))
      .union(AddressSet.fromCidr(cidr('10.0.1.0/24')))
      .union(AddressSet.fromCidr(cidr('10.0.0.64/26')));
    assert.deepEqual(set.toRanges(), ['10.0.0.0/23']);
    assert.equal(set.intervals('IPv4').length, 1);
  });
  test('intersect', () => {
    const a = AddressSet.fromCidr(cidr('10.0.0.0/8'));
    const b = AddressSet.fromCidr(cidr('10.1.0.0/16')).union(AddressSet.fromCidr(cidr('11.0.0.0/8')));
    assert.deepEqual(a.intersect(b).toRanges(), ['10.1.0.0/16']);
    assert.ok(a.intersect(AddressSet.fromCidr(cidr('fd00::/8'))).isEmpty());
  });
  test('containsSet', () => {
    const world = ipBlockSet(cidr('0.0.0.0/0'), [cidr('10.0.0.0/8')]);
    assert.ok(world.containsSet(AddressSet.fromCidr(cidr('8.8.8.0/24'))));
    assert.ok(!world.containsSet(AddressSet.fromCidr(cidr('10.0.0.0/24'))));
    assert.ok(!world.containsSet(AddressSet.fromCidr(cidr('10.0.0.0/7'))), 'partly inside');
    assert.ok(world.containsSet(AddressSet.empty()));
    assert.ok(AddressSet.empty().containsSet(AddressSet.empty()));
    assert.ok(!AddressSet.empty().containsSet(world));
  });
  test('subtract keeps the rest and equals() compares exactly', () => {
    const a = AddressSet.fromCidr(cidr('192.168.0.0/16'));
    const b = AddressSet.fromCidr(cidr('192.168.0.0/17'));
    assert.ok(a.subtract(b).equals(AddressSet.fromCidr(cidr('192.168.128.0/17'))));
    assert.ok(b.subtract(a).isEmpty());
    assert.ok(a.subtract(AddressSet.empty()).equals(a));
  });
  test('single addresses', () => {
    assert.deepEqual(AddressSet.fromIp(ip('10.1.2.3')).toRanges(), ['10.1.2.3/32']);
    assert.deepEqual(AddressSet.fromRange('IPv4', 10n, 5n).toRanges(), [], 'reversed range is empty');
  });
});
