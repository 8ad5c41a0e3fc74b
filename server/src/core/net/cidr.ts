/**
 * IPv4 and IPv6 addresses, CIDR prefixes and address sets (sorted disjoint intervals).
 *
 * Parsing follows what the Kubernetes API server accepts for NetworkPolicy `ipBlock`
 * (pkg/apis/networking/validation ValidateIPBlock → IsValidCIDRForLegacyField): unless the
 * StrictIPCIDRValidation feature gate is on (alpha since 1.33, off by default) the value is
 * parsed "sloppily" — bits set after the prefix are masked off (`10.0.0.1/8` means
 * `10.0.0.0/8`), IPv4 octets and the prefix length may have leading zeros, IPv4-mapped IPv6 is
 * allowed — and each of those forms gets an API warning instead of an error. We accept the same
 * forms, mask the host bits, and return the matching warnings, so callers can report them.
 * Cilium parses with Go's net.ParseCIDR, which also masks host bits but rejects leading zeros
 * (`leadingZeros` lets a caller treat that as an error).
 */

export type IpFamily = 'IPv4' | 'IPv6';

export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
}

export interface Cidr {
  readonly family: IpFamily;
  /** The first address of the block (host bits cleared). */
  readonly base: bigint;
  readonly prefix: number;
  /** Canonical text, e.g. `10.0.0.0/8`, `2001:db8::/32`. */
  readonly text: string;
  /** The address part had bits set after the prefix (`10.0.0.1/8`). */
  readonly hostBitsSet: boolean;
  /** IPv4 octets or the prefix length had leading zeros (`010.0.0.0/08`). */
  readonly leadingZeros: boolean;
  /** An IPv4-mapped IPv6 address (`::ffff:10.0.0.0/104`). */
  readonly ipv4Mapped: boolean;
  /** Warnings the Kubernetes API server returns for this value (empty for canonical values). */
  readonly warnings: readonly string[];
}

export type IpResult = ({ readonly ok: true } & IpAddress & { readonly leadingZeros: boolean; readonly ipv4Mapped: boolean }) | { readonly ok: false; readonly error: string };
export type CidrResult = { readonly ok: true; readonly cidr: Cidr } | { readonly ok: false; readonly error: string };

export function familyBits(family: IpFamily): number {
  return family === 'IPv4' ? 32 : 128;
}

const MAX: Record<IpFamily, bigint> = { IPv4: (1n << 32n) - 1n, IPv6: (1n << 128n) - 1n };

export function maxAddress(family: IpFamily): bigint {
  return MAX[family];
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface RawIp {
  family: IpFamily;
  value: bigint;
  leadingZeros: boolean;
  ipv4Mapped: boolean;
}

function parseIpv4(s: string): RawIp | string {
  const parts = s.split('.');
  if (parts.length !== 4) return `"${s}" is not a valid IPv4 address (it needs four numbers separated by dots)`;
  let value = 0n;
  let leadingZeros = false;
  for (const part of parts) {
    if (!/^[0-9]{1,10}$/.test(part)) return `"${s}" is not a valid IPv4 address (each part must be a number 0-255)`;
    const n = Number(part);
    if (n > 255) return `"${s}" is not a valid IPv4 address (${part} is greater than 255)`;
    if (part.length > 1 && part[0] === '0') leadingZeros = true;
    value = (value << 8n) | BigInt(n);
  }
  return { family: 'IPv4', value, leadingZeros, ipv4Mapped: false };
}

function parseIpv6(s: string): RawIp | string {
  const bad = `"${s}" is not a valid IPv6 address`;
  if (s.includes('%')) return `${bad} (zones such as %eth0 are not allowed)`;
  const halves = s.split('::');
  if (halves.length > 2) return `${bad} ('::' may appear only once)`;
  const groupsOf = (text: string): string[] => (text === '' ? [] : text.split(':'));
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  let leadingZeros = false;
  let embedded: bigint | null = null;
  // An embedded IPv4 address may only be the very last part.
  const all = halves.length === 2 ? tail : head;
  if (all.length > 0 && all[all.length - 1].includes('.')) {
    const v4 = parseIpv4(all.pop()!);
    if (typeof v4 === 'string') return `${bad} (its IPv4 part is invalid)`;
    leadingZeros = v4.leadingZeros;
    embedded = v4.value;
  }
  const words: number[] = [];
  const readGroups = (groups: string[]): string | null => {
    for (const g of groups) {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return `${bad} ("${g}" is not 1-4 hex digits)`;
      words.push(parseInt(g, 16));
    }
    return null;
  };
  const headError = readGroups(head);
  if (headError) return headError;
  const headCount = words.length;
  const tailError = readGroups(tail);
  if (tailError) return tailError;
  const tailWords = words.splice(headCount);
  const given = words.length + tailWords.length + (embedded !== null ? 2 : 0);
  if (halves.length === 2) {
    if (given > 7) return `${bad} ('::' must stand for at least one group)`;
  } else if (given !== 8) {
    return `${bad} (it needs eight groups, or '::')`;
  }
  const zeros = 8 - given;
  const all16 = [...words, ...new Array<number>(zeros).fill(0), ...tailWords];
  let value = 0n;
  for (const w of all16) value = (value << 16n) | BigInt(w);
  if (embedded !== null) value = (value << 32n) | embedded;
  const ipv4Mapped = value >> 32n === 0xffffn;
  return { family: 'IPv6', value, leadingZeros, ipv4Mapped };
}

function parseRawIp(s: string): RawIp | string {
  if (s.length === 0) return 'the IP address is empty';
  if (s.length > 64) return `"${s.slice(0, 64)}…" is not a valid IP address`;
  if (s.includes(':')) return parseIpv6(s);
  if (/^[0-9.]+$/.test(s)) return parseIpv4(s);
  return `"${s}" is not a valid IP address (e.g. 10.9.8.7 or 2001:db8::ffff)`;
}

/** Parses an IPv4 or IPv6 address (leading zeros in IPv4 octets accepted, as Kubernetes does). */
export function parseIp(s: string): IpResult {
  const raw = parseRawIp(s);
  if (typeof raw === 'string') return { ok: false, error: raw };
  return { ok: true, ...raw };
}

export interface ParseCidrOptions {
  /** Accept a bare address as a /32 or /128 (Cilium `toCIDR` does; NetworkPolicy `ipBlock` does not). */
  readonly allowBareIp?: boolean;
}

export function parseCidr(s: string, options: ParseCidrOptions = {}): CidrResult {
  const slash = s.indexOf('/');
  if (slash < 0) {
    const ip = parseRawIp(s);
    if (typeof ip === 'string') return { ok: false, error: `${ip}; a CIDR looks like 10.9.8.0/24 or 2001:db8::/64` };
    if (!options.allowBareIp) {
      const bits = familyBits(ip.family);
      return { ok: false, error: `"${s}" is an IP address, not a CIDR: add a prefix length, e.g. "${s}/${bits}"` };
    }
    return { ok: true, cidr: makeCidr(ip, familyBits(ip.family), s, false, true) };
  }
  const addressText = s.slice(0, slash);
  const prefixText = s.slice(slash + 1);
  const ip = parseRawIp(addressText);
  if (typeof ip === 'string') return { ok: false, error: ip };
  const bits = familyBits(ip.family);
  if (!/^[0-9]{1,4}$/.test(prefixText) || Number(prefixText) > bits) {
    return { ok: false, error: `"${s}": the prefix length must be a number from 0 to ${bits} for ${ip.family}` };
  }
  const prefixLeadingZeros = prefixText.length > 1 && prefixText[0] === '0';
  return { ok: true, cidr: makeCidr(ip, Number(prefixText), s, prefixLeadingZeros) };
}

function makeCidr(ip: RawIp, prefix: number, source: string, prefixLeadingZeros: boolean, bare = false): Cidr {
  const base = ip.value & prefixMask(ip.family, prefix);
  const text = `${formatIp({ family: ip.family, value: base })}/${prefix}`;
  const hostBitsSet = base !== ip.value;
  const leadingZeros = ip.leadingZeros || prefixLeadingZeros;
  const warnings: string[] = [];
  if (hostBitsSet) {
    const single = `${formatIp(ip)}/${familyBits(ip.family)}`;
    warnings.push(`CIDR value "${source}" is ambiguous (should be "${text}" or "${single}"?); Kubernetes uses "${text}"`);
  }
  if (leadingZeros || ip.ipv4Mapped) {
    warnings.push(`non-standard CIDR value "${source}" will be considered invalid in a future Kubernetes release: use "${text}"`);
  }
  if (warnings.length === 0 && !bare && ip.family === 'IPv6' && source !== text) {
    warnings.push(`IPv6 CIDR value "${source}" should be in RFC 5952 canonical format ("${text}")`);
  }
  return { family: ip.family, base, prefix, text, hostBitsSet, leadingZeros, ipv4Mapped: ip.ipv4Mapped, warnings };
}

function prefixMask(family: IpFamily, prefix: number): bigint {
  const bits = BigInt(familyBits(family));
  const hostBits = bits - BigInt(prefix);
  return MAX[family] ^ ((1n << hostBits) - 1n);
}

/** The last address of a CIDR block. */
export function cidrLast(cidr: Cidr): bigint {
  return cidr.base | (MAX[cidr.family] ^ prefixMask(cidr.family, cidr.prefix));
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** IPv4 dotted quad; IPv6 in RFC 5952 form (lowercase, longest run of 2+ zero groups as `::`). */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 'IPv4') {
    const v = ip.value;
    return [24n, 16n, 8n, 0n].map((shift) => String((v >> shift) & 0xffn)).join('.');
  }
  const words: number[] = [];
  for (let i = 7; i >= 0; i--) words.push(Number((ip.value >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

// ---------------------------------------------------------------------------------------------
// Relations between CIDRs

/** Whether every address of `inner` is in `outer` (false across families). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || outer.prefix > inner.prefix) return false;
  return (inner.base & prefixMask(outer.family, outer.prefix)) === outer.base;
}

/**
 * Kubernetes' rule for `ipBlock.except`: each entry must be a strict subset of `cidr`
 * (inside it and with a longer prefix). Returns the API server's complaint, or null.
 */
export function validateIpBlockExcept(cidr: Cidr, except: Cidr): string | null {
  if (cidrContains(cidr, except) && except.prefix > cidr.prefix) return null;
  if (except.family !== cidr.family) return `except "${except.text}" is ${except.family} but cidr "${cidr.text}" is ${cidr.family}: it must be a strict subset of cidr`;
  if (cidrContains(except, cidr)) return `except "${except.text}" covers the whole cidr "${cidr.text}": it must be a strict subset of cidr`;
  return `except "${except.text}" is outside cidr "${cidr.text}": it must be a strict subset of cidr`;
}

// ---------------------------------------------------------------------------------------------
// Address sets

/** Inclusive interval [lo, hi]. */
export type Interval = readonly [bigint, bigint];

/** An immutable set of addresses of both families, as sorted, disjoint, non-adjacent intervals. */
export class AddressSet {
  private static readonly EMPTY = new AddressSet([], []);
  private static readonly ALL = new AddressSet([[0n, MAX.IPv4]], [[0n, MAX.IPv6]]);

  private constructor(
    readonly v4: readonly Interval[],
    readonly v6: readonly Interval[],
  ) {}

  static empty(): AddressSet {
    return AddressSet.EMPTY;
  }

  /** Every IPv4 and IPv6 address (`0.0.0.0/0` + `::/0`). */
  static all(): AddressSet {
    return AddressSet.ALL;
  }

  static allOf(family: IpFamily): AddressSet {
    return family === 'IPv4' ? new AddressSet(AddressSet.ALL.v4, []) : new AddressSet([], AddressSet.ALL.v6);
  }

  static fromCidr(cidr: Cidr): AddressSet {
    if (cidr.prefix === 0) return AddressSet.allOf(cidr.family);
    return AddressSet.fromRange(cidr.family, cidr.base, cidrLast(cidr));
  }

  static fromRange(family: IpFamily, lo: bigint, hi: bigint): AddressSet {
    if (lo > hi || lo < 0n || hi > MAX[family]) return AddressSet.EMPTY;
    return family === 'IPv4' ? new AddressSet([[lo, hi]], []) : new AddressSet([], [[lo, hi]]);
  }

  static fromIp(ip: IpAddress): AddressSet {
    return AddressSet.fromRange(ip.family, ip.value, ip.value);
  }

  intervals(family: IpFamily): readonly Interval[] {
    return family === 'IPv4' ? this.v4 : this.v6;
  }

  isEmpty(): boolean {
    return this.v4.length === 0 && this.v6.length === 0;
  }

  isAll(family?: IpFamily): boolean {
    const full = (list: readonly Interval[], f: IpFamily) => list.length === 1 && list[0][0] === 0n && list[0][1] === MAX[f];
    if (family) return full(this.intervals(family), family);
    return full(this.v4, 'IPv4') && full(this.v6, 'IPv6');
  }

  union(other: AddressSet): AddressSet {
    if (this.isEmpty() || other.isAll()) return other;
    if (other.isEmpty() || this.isAll()) return this;
    return new AddressSet(unionIntervals(this.v4, other.v4), unionIntervals(this.v6, other.v6));
  }

  intersect(other: AddressSet): AddressSet {
    if (this.isAll()) return other;
    if (other.isAll()) return this;
    return new AddressSet(intersectIntervals(this.v4, other.v4), intersectIntervals(this.v6, other.v6));
  }

  subtract(other: AddressSet): AddressSet {
    if (other.isEmpty() || this.isEmpty()) return this;
    if (other.isAll()) return AddressSet.EMPTY;
    return new AddressSet(subtractIntervals(this.v4, other.v4), subtractIntervals(this.v6, other.v6));
  }

  contains(ip: IpAddress): boolean {
    const list = this.intervals(ip.family);
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ip.value < list[mid][0]) hi = mid - 1;
      else if (ip.value > list[mid][1]) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** Whether every address of `other` is in this set. */
  containsSet(other: AddressSet): boolean {
    return other.subtract(this).isEmpty();
  }

  equals(other: AddressSet): boolean {
    const same = (a: readonly Interval[], b: readonly Interval[]) => a.length === b.length && a.every((x, i) => x[0] === b[i][0] && x[1] === b[i][1]);
    return same(this.v4, other.v4) && same(this.v6, other.v6);
  }

  /** Number of addresses of one family. */
  size(family: IpFamily): bigint {
    return this.intervals(family).reduce((n, [lo, hi]) => n + (hi - lo + 1n), 0n);
  }

  /**
   * Readable intervals, IPv4 first: an interval that is exactly one CIDR block prints as the
   * CIDR (`10.0.0.0/8`), any other as `first-last` (`172.17.2.0-172.17.255.255`).
   */
  toRanges(): string[] {
    const out: string[] = [];
    for (const family of ['IPv4', 'IPv6'] as const) {
      for (const [lo, hi] of this.intervals(family)) {
        const blocks = intervalToCidrs(family, lo, hi, 2);
        if (blocks.length === 1) out.push(blocks[0]);
        else out.push(`${formatIp({ family, value: lo })}-${formatIp({ family, value: hi })}`);
      }
    }
    return out;
  }

  /** The smallest list of CIDR blocks covering exactly this set, IPv4 first. */
  toCidrs(): string[] {
    const out: string[] = [];
    for (const family of ['IPv4', 'IPv6'] as const) {
      for (const [lo, hi] of this.intervals(family)) out.push(...intervalToCidrs(family, lo, hi, Number.POSITIVE_INFINITY));
    }
    return out;
  }
}

/** `cidr` minus every `except` entry (entries of another family are ignored). */
export function ipBlockSet(cidr: Cidr, except: readonly Cidr[] = []): AddressSet {
  let set = AddressSet.fromCidr(cidr);
  for (const e of except) set = set.subtract(AddressSet.fromCidr(e));
  return set;
}

function unionIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  if (a.length === 0) return [...b];
  if (b.length === 0) return [...a];
  const all = [...a, ...b].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [lo, hi] of all) {
    const last = out[out.length - 1];
    // Merge overlapping and adjacent intervals so the representation is canonical.
    if (last && lo <= last[1] + 1n) {
      if (hi > last[1]) last[1] = hi;
    } else {
      out.push([lo, hi]);
    }
  }
  return out;
}

function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = a[i][0] > b[j][0] ? a[i][0] : b[j][0];
    const hi = a[i][1] < b[j][1] ? a[i][1] : b[j][1];
    if (lo <= hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const [lo0, hi] of a) {
    let lo = lo0;
    while (j < b.length && b[j][1] < lo) j++;
    let k = j;
    while (k < b.length && b[k][0] <= hi) {
      if (b[k][0] > lo) out.push([lo, b[k][0] - 1n]);
      lo = b[k][1] + 1n;
      if (lo > hi) break;
      k++;
    }
    if (lo <= hi) out.push([lo, hi]);
  }
  return out;
}

/** Splits [lo, hi] into aligned CIDR blocks; stops early once more than `limit` are needed. */
function intervalToCidrs(family: IpFamily, lo: bigint, hi: bigint, limit: number): string[] {
  const bits = familyBits(family);
  const out: string[] = [];
  let start = lo;
  while (start <= hi) {
    // Largest block aligned at `start` that does not pass `hi`.
    let size = 0;
    while (size < bits) {
      const next = 1n << BigInt(size + 1);
      if (start % next !== 0n || start + next - 1n > hi) break;
      size++;
    }
    out.push(`${formatIp({ family, value: start })}/${bits - size}`);
    if (out.length >= limit) return out;
    start += 1n << BigInt(size);
  }
  return out;
}
