/**
 * Sets of (protocol, port) pairs: for each of TCP, UDP and SCTP a sorted list of disjoint,
 * non-adjacent inclusive port ranges.
 *
 * "Every port" of a protocol is modelled as 0..65535. NetworkPolicy ports are 1-65535 and an
 * omitted `port` means every port; in Cilium `port: "0"` (or no port) means every port. Using one
 * full range for all of these keeps "all ports" a single value whichever policy kind wrote it;
 * describe() never shows port 0 on its own in a range (`TCP 1-65535`). Named ports are resolved
 * by the engine before they get here.
 */
import type { Protocol } from '../k8s/resources';

export type { Protocol };

/** Display and iteration order (the netpol-analyzer order). */
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export const MIN_PORT = 0;
export const MAX_PORT = 65535;

export function isProtocol(s: string): s is Protocol {
  return (PROTOCOLS as readonly string[]).includes(s);
}

/** Inclusive port range [from, to]. */
export type PortRange = readonly [number, number];

type RangeMap = Readonly<Record<Protocol, readonly PortRange[]>>;

const FULL: readonly PortRange[] = [[MIN_PORT, MAX_PORT]];

/** An immutable set of (protocol, port) pairs. */
export class PortSet {
  private static readonly NONE = new PortSet({ TCP: [], UDP: [], SCTP: [] });
  private static readonly ALL = new PortSet({ TCP: FULL, UDP: FULL, SCTP: FULL });

  private constructor(private readonly byProtocol: RangeMap) {}

  /** Every port of every protocol. */
  static all(): PortSet {
    return PortSet.ALL;
  }

  static none(): PortSet {
    return PortSet.NONE;
  }

  /** Every port of one protocol (NetworkPolicy port omitted; Cilium port 0). */
  static allOf(protocol: Protocol): PortSet {
    return PortSet.of(protocol, MIN_PORT, MAX_PORT);
  }

  /**
   * Ports `from..to` (inclusive) of one protocol; `to` defaults to `from`. Bounds are clamped to
   * 0..65535; a non-integer bound or `from > to` gives the empty set (never throws).
   */
  static of(protocol: Protocol, from: number, to: number = from): PortSet {
    if (!Number.isInteger(from) || !Number.isInteger(to)) return PortSet.NONE;
    const lo = Math.max(MIN_PORT, from);
    const hi = Math.min(MAX_PORT, to);
    if (lo > hi) return PortSet.NONE;
    return new PortSet({ ...PortSet.NONE.byProtocol, [protocol]: [[lo, hi]] });
  }

  /** The same ports for several protocols (Cilium `protocol: ANY` = TCP, UDP and SCTP). */
  static ofEach(protocols: readonly Protocol[], from: number, to: number = from): PortSet {
    return protocols.reduce((set, p) => set.union(PortSet.of(p, from, to)), PortSet.NONE);
  }

  ranges(protocol: Protocol): readonly PortRange[] {
    return this.byProtocol[protocol];
  }

  isEmpty(): boolean {
    return PROTOCOLS.every((p) => this.byProtocol[p].length === 0);
  }

  /** Every port of every protocol (or of `protocol`, when given). */
  isAll(protocol?: Protocol): boolean {
    const full = (p: Protocol) => {
      const r = this.byProtocol[p];
      return r.length === 1 && r[0][0] === MIN_PORT && r[0][1] === MAX_PORT;
    };
    return protocol ? full(protocol) : PROTOCOLS.every(full);
  }

  contains(protocol: Protocol, port: number): boolean {
    return this.byProtocol[protocol].some(([lo, hi]) => port >= lo && port <= hi);
  }

  /** Whether every pair of `other` is in this set. */
  containsSet(other: PortSet): boolean {
    return other.subtract(this).isEmpty();
  }

  equals(other: PortSet): boolean {
    return PROTOCOLS.every((p) => {
      const a = this.byProtocol[p];
      const b = other.byProtocol[p];
      return a.length === b.length && a.every((r, i) => r[0] === b[i][0] && r[1] === b[i][1]);
    });
  }

  union(other: PortSet): PortSet {
    if (this.isEmpty() || other === PortSet.ALL) return other;
    if (other.isEmpty() || this === PortSet.ALL) return this;
    return this.combine(other, unionRanges);
  }

  intersect(other: PortSet): PortSet {
    if (this === PortSet.ALL) return other;
    if (other === PortSet.ALL) return this;
    return this.combine(other, intersectRanges);
  }

  subtract(other: PortSet): PortSet {
    if (other.isEmpty() || this.isEmpty()) return this;
    return this.combine(other, subtractRanges);
  }

  /** Protocols with at least one port. */
  protocols(): Protocol[] {
    return PROTOCOLS.filter((p) => this.byProtocol[p].length > 0);
  }

  /**
   * `TCP 8080`, `TCP 80,443,UDP 53`, `TCP 1-65535`, `all ports` (every port of every protocol),
   * `no ports` (empty). Protocols in the order TCP, UDP, SCTP.
   */
  describe(): string {
    if (this.isAll()) return 'all ports';
    if (this.isEmpty()) return 'no ports';
    const parts: string[] = [];
    for (const p of this.protocols()) {
      const ranges = this.byProtocol[p].map(([lo, hi]) => {
        // Port 0 is not a port a connection uses; it only appears as the start of "every port".
        const shownLo = lo === 0 && hi > 0 ? 1 : lo;
        return shownLo === hi ? String(hi) : `${shownLo}-${hi}`;
      });
      parts.push(`${p} ${ranges.join(',')}`);
    }
    return parts.join(',');
  }

  private combine(other: PortSet, op: (a: readonly PortRange[], b: readonly PortRange[]) => PortRange[]): PortSet {
    const next = {
      TCP: op(this.byProtocol.TCP, other.byProtocol.TCP),
      UDP: op(this.byProtocol.UDP, other.byProtocol.UDP),
      SCTP: op(this.byProtocol.SCTP, other.byProtocol.SCTP),
    };
    if (PROTOCOLS.every((p) => next[p].length === 0)) return PortSet.NONE;
    return new PortSet(next);
  }
}

function unionRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of all) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function intersectRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const out: PortRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (lo <= hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

function subtractRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const out: PortRange[] = [];
  for (const [lo0, hi] of a) {
    let lo = lo0;
    for (const [blo, bhi] of b) {
      if (bhi < lo || blo > hi) continue;
      if (blo > lo) out.push([lo, blo - 1]);
      lo = bhi + 1;
      if (lo > hi) break;
    }
    if (lo <= hi) out.push([lo, hi]);
  }
  return out;
}
