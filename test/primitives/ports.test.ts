import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isProtocol, PortSet } from '../../server/src/core/net/ports';

const tcp = (from: number, to?: number) => PortSet.of('TCP', from, to);
const udp = (from: number, to?: number) => PortSet.of('UDP', from, to);
const sctp = (from: number, to?: number) => PortSet.of('SCTP', from, to);

describe('PortSet.describe (netpol-analyzer style)', () => {
  const cases: [PortSet, string][] = [
    [tcp(8080), 'TCP 8080'],
    [tcp(80).union(tcp(443)).union(udp(53)), 'TCP 80,443,UDP 53'],
    [udp(53).union(tcp(443)).union(tcp(80)), 'TCP 80,443,UDP 53'],
    [PortSet.allOf('TCP'), 'TCP 1-65535'],
    [tcp(32000, 32768), 'TCP 32000-32768'],
    [sctp(9000).union(udp(53)).union(tcp(22)), 'TCP 22,UDP 53,SCTP 9000'],
    [PortSet.all(), 'all ports'],
    [PortSet.none(), 'no ports'],
    [PortSet.allOf('TCP').union(PortSet.allOf('UDP')), 'TCP 1-65535,UDP 1-65535'],
    [PortSet.ofEach(['TCP', 'UDP', 'SCTP'], 8080), 'TCP 8080,UDP 8080,SCTP 8080'],
    [tcp(0), 'TCP 0'],
    [tcp(0, 100), 'TCP 1-100'],
    [PortSet.allOf('TCP').subtract(tcp(1, 79)), 'TCP 0,80-65535'],
  ];
  for (const [set, expected] of cases) test(expected, () => assert.equal(set.describe(), expected));
});

describe('PortSet algebra', () => {
  test('union merges overlapping and adjacent ranges', () => {
    const set = tcp(80, 90).union(tcp(85, 100)).union(tcp(101)).union(tcp(200));
    assert.deepEqual(set.ranges('TCP'), [
      [80, 101],
      [200, 200],
    ]);
  });
  test('intersect', () => {
    assert.equal(tcp(1, 1000).intersect(tcp(443).union(tcp(8080)).union(udp(53))).describe(), 'TCP 443');
    assert.ok(tcp(80).intersect(udp(80)).isEmpty(), 'protocols are separate');
    assert.equal(PortSet.all().intersect(udp(53)).describe(), 'UDP 53');
    assert.equal(tcp(10, 20).intersect(tcp(15, 30)).describe(), 'TCP 15-20');
  });
  test('subtract splits ranges', () => {
    assert.equal(tcp(1, 100).subtract(tcp(50)).describe(), 'TCP 1-49,51-100');
    assert.equal(tcp(1, 100).subtract(tcp(1, 10)).subtract(tcp(90, 200)).describe(), 'TCP 11-89');
    assert.ok(tcp(443).subtract(tcp(1, 65535)).isEmpty());
    assert.equal(PortSet.all().subtract(PortSet.allOf('TCP')).describe(), 'UDP 1-65535,SCTP 1-65535');
    assert.equal(tcp(80).subtract(udp(80)).describe(), 'TCP 80');
  });
  test('contains', () => {
    const set = tcp(32000, 32768).union(udp(53));
    assert.ok(set.contains('TCP', 32000));
    assert.ok(set.contains('TCP', 32768));
    assert.ok(!set.contains('TCP', 32769));
    assert.ok(!set.contains('UDP', 32000));
    assert.ok(set.contains('UDP', 53));
    assert.ok(!set.contains('SCTP', 53));
    assert.ok(PortSet.all().contains('SCTP', 1));
  });
  test('isAll / isEmpty', () => {
    assert.ok(PortSet.all().isAll());
    assert.ok(PortSet.allOf('TCP').union(PortSet.allOf('UDP')).union(PortSet.allOf('SCTP')).isAll());
    assert.ok(!PortSet.allOf('TCP').isAll());
    assert.ok(PortSet.allOf('TCP').isAll('TCP'));
    assert.ok(!tcp(1, 65535).isAll('TCP'), 'all ports includes 0 (see ports.ts)');
    assert.ok(PortSet.none().isEmpty());
    assert.ok(!tcp(1).isEmpty());
    assert.ok(tcp(1, 10).subtract(tcp(1, 10)).isEmpty());
  });
  test('containsSet and equals', () => {
    assert.ok(tcp(1, 1024).containsSet(tcp(80).union(tcp(443))));
    assert.ok(!tcp(1, 1024).containsSet(tcp(80).union(udp(53))));
    assert.ok(PortSet.all().containsSet(tcp(5)));
    assert.ok(tcp(80).union(tcp(81)).equals(tcp(80, 81)));
    assert.ok(!tcp(80).equals(udp(80)));
  });
  test('of() never throws on bad input', () => {
    assert.ok(tcp(100, 10).isEmpty(), 'from > to');
    assert.ok(tcp(1.5).isEmpty(), 'not an integer');
    assert.ok(tcp(Number.NaN).isEmpty());
    assert.equal(tcp(-5, 70000).describe(), 'TCP 1-65535', 'clamped');
    assert.ok(tcp(-5, 70000).isAll('TCP'));
  });
  test('protocols() and isProtocol()', () => {
    assert.deepEqual(sctp(1).union(tcp(1)).protocols(), ['TCP', 'SCTP']);
    assert.ok(isProtocol('UDP'));
    assert.ok(!isProtocol('udp'));
    assert.ok(!isProtocol('ANY'));
    assert.ok(!isProtocol('ICMP'));
  });
  test('sets are immutable', () => {
    const a = tcp(80);
    a.union(tcp(81));
    a.subtract(tcp(80));
    assert.equal(a.describe(), 'TCP 80');
  });
});
