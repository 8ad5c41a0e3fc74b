/**
 * Annotation value types and their parsers. Kubernetes stores every annotation value as a
 * string; each controller then parses it its own way (AGIC and ingress-nginx use Go's
 * strconv.ParseBool and strconv.Atoi). A parser here accepts exactly what the controller
 * accepts and explains a rejection in plain words; `hint` flags values that work but are not
 * the recommended spelling. Parsers never throw and use only linear-time regexes.
 */
import { suggestClosest } from '../text/didYouMean';
import { validateHost } from './hostnames';

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T; readonly hint?: string }
  | {
      readonly ok: false;
      readonly message: string;
      /** Offsets of the offending part inside the value, when narrower than the whole value. */
      readonly start?: number;
      readonly end?: number;
    };

export type ValueType =
  | { readonly kind: 'bool' }
  | { readonly kind: 'int32'; readonly min?: number; readonly max?: number; readonly unit?: 'seconds' }
  | {
      readonly kind: 'enum';
      readonly values: readonly string[];
      readonly caseSensitive: boolean;
      /** Whether the controller trims spaces before comparing (ingress-nginx does, AGIC does not). */
      readonly trim?: boolean;
    }
  | { readonly kind: 'string'; readonly nonEmpty?: boolean }
  | { readonly kind: 'commaList' }
  | { readonly kind: 'statusCodes'; readonly allowRanges: boolean }
  | { readonly kind: 'armResourceId'; readonly provider: string; readonly resourceType: string }
  | { readonly kind: 'port' }
  | { readonly kind: 'path' }
  | { readonly kind: 'hostname'; readonly allowWildcard: boolean }
  | { readonly kind: 'hostnameList'; readonly allowWildcard: boolean }
  /** `seconds`: a unitless count of seconds ("60"); `nginxTime`: NGINX time syntax ("1m", "30s"). */
  | { readonly kind: 'duration'; readonly style: 'seconds' | 'nginxTime' }
  /** NGINX size syntax: bytes, or a number with k/K, m/M or g/G ("8m"). */
  | { readonly kind: 'size' }
  | { readonly kind: 'cidrList' }
  | { readonly kind: 'url' };

/** Something an annotation interacts with: another annotation or a field of the Ingress. */
export interface AnnotationConflict {
  /** Stable id for rules to refer to. */
  readonly code: string;
  /** The other annotation key, or a field path such as `spec.tls`. */
  readonly with: string;
  readonly message: string;
}

/** One documented annotation; the same shape serves AGIC and NGINX. */
export interface AnnotationSpec {
  /** The full key, prefix included. */
  readonly key: string;
  readonly type: ValueType;
  /** What applies when the annotation is absent, as text. */
  readonly default: string;
  /** Accepted values or format, as text ('' when any value of the type is fine). */
  readonly allowed: string;
  /** Plain-English explanation for a learner: what it does, when to use it, gotchas. */
  readonly description: string;
  /** Controller version that introduced it, where the source states one. */
  readonly since?: string;
  readonly docsUrl: string;
  readonly notes?: readonly string[];
  readonly conflicts?: readonly AnnotationConflict[];
  /** The value is raw NGINX configuration. */
  readonly snippet?: boolean;
  /** The annotation is another name for this key. */
  readonly aliasOf?: string;
}

/** Every spelling Go's strconv.ParseBool accepts. */
export const GO_PARSE_BOOL_ACCEPTED: readonly string[] = [
  '1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False',
];
/** What we recommend writing: the only spellings every tool and reader agrees on. */
export const RECOMMENDED_BOOL_VALUES: readonly string[] = ['true', 'false'];

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export function parseGoBool(text: string): ParseResult<boolean> {
  const index = GO_PARSE_BOOL_ACCEPTED.indexOf(text);
  if (index < 0) {
    const trimmed = text.trim();
    const spaced = trimmed !== text && GO_PARSE_BOOL_ACCEPTED.includes(trimmed);
    return {
      ok: false,
      message: spaced
        ? `Remove the spaces: write "${trimmed}".`
        : `"${text}" is not a boolean; write "true" or "false".`,
    };
  }
  const value = index < 6;
  if (RECOMMENDED_BOOL_VALUES.includes(text)) return { ok: true, value };
  return {
    ok: true,
    value,
    hint: `"${text}" is accepted (Go strconv.ParseBool) and means ${value}, but write "${value}" so every reader agrees.`,
  };
}

/** Go strconv.Atoi: optional sign, decimal digits, nothing else; then checked against 32 bits and `range`. */
export function parseInt32(
  text: string,
  range: { readonly min?: number; readonly max?: number } = {},
  unit?: 'seconds',
): ParseResult<number> {
  if (!/^[+-]?\d+$/.test(text)) {
    const trimmed = text.trim();
    if (trimmed !== text && /^[+-]?\d+$/.test(trimmed)) {
      return { ok: false, message: `Remove the spaces: write "${trimmed}".` };
    }
    const withUnit = /^(\d+)\s*[A-Za-z]+$/.exec(trimmed);
    if (withUnit) {
      return {
        ok: false,
        message: `Write a whole number without a unit${unit ? ` (it is in ${unit})` : ''}: "${withUnit[1]}".`,
      };
    }
    return { ok: false, message: `"${text}" is not a whole number; write digits only, e.g. "30".` };
  }
  const digits = text.replace(/^[+-]/, '').replace(/^0+(?=\d)/, '');
  const value = digits.length > 12 ? Number.NaN : Number(text);
  if (Number.isNaN(value) || value < INT32_MIN || value > INT32_MAX) {
    return { ok: false, message: `${text} does not fit in a 32-bit integer (at most ${INT32_MAX}).` };
  }
  const { min, max } = range;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    return { ok: false, message: `${value} is out of range: use ${rangeText(min, max)}.` };
  }
  return { ok: true, value };
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  if (min !== undefined) return `${min} or more`;
  return `${max ?? INT32_MAX} or less`;
}

export function parseEnum(
  text: string,
  values: readonly string[],
  caseSensitive: boolean,
  trim = false,
): ParseResult<string> {
  const input = trim ? text.trim() : text;
  const same = (v: string) => (caseSensitive ? v === input : v.toLowerCase() === input.toLowerCase());
  const match = values.find(same);
  if (match !== undefined) return { ok: true, value: match };
  const list = values.map((v) => `"${v}"`).join(', ');
  const close = suggestClosest(input.trim(), values);
  const spaced = !trim && input.trim() !== input && values.some((v) => v.toLowerCase() === input.trim().toLowerCase());
  return {
    ok: false,
    message: spaced
      ? `Remove the spaces: write "${input.trim()}".`
      : `"${text}" is not allowed; use one of ${list}${close ? ` (did you mean "${close}"?)` : ''}.`,
  };
}

export function parseString(text: string, nonEmpty = false): ParseResult<string> {
  if (nonEmpty && text.trim().length === 0) return { ok: false, message: 'The value is empty.' };
  return { ok: true, value: text };
}

interface Item {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Splits on commas and trims each item, keeping each item's offsets in `text`. */
export function splitCommaItems(text: string): Item[] {
  const items: Item[] = [];
  let start = 0;
  for (const raw of text.split(',')) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    items.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
    start += raw.length + 1;
  }
  return items;
}

/** Points at the comma that makes an empty entry: the one before it, or after it for the first entry. */
function emptyItem(text: string, item: Item): ParseResult<never> {
  const before = item.start > 0 ? text.lastIndexOf(',', item.start - 1) : -1;
  const comma = before >= 0 ? before : text.indexOf(',', item.start);
  return { ok: false, message: 'Empty entry: remove the extra comma.', start: comma, end: comma + 1 };
}

export function parseCommaList(text: string): ParseResult<string[]> {
  if (text.trim().length === 0) return { ok: false, message: 'The list is empty.' };
  const items = splitCommaItems(text);
  const empty = items.find((i) => i.text.length === 0);
  if (empty) return emptyItem(text, empty);
  return { ok: true, value: items.map((i) => i.text) };
}

export interface StatusCodeRange {
  readonly from: number;
  readonly to: number;
}

/** HTTP status codes (100–599) and, when allowed, `from-to` ranges, comma-separated ("200-399, 401"). */
export function parseStatusCodes(text: string, allowRanges = true): ParseResult<StatusCodeRange[]> {
  if (text.trim().length === 0) return { ok: false, message: 'No status codes given; e.g. "200-399".' };
  const out: StatusCodeRange[] = [];
  for (const item of splitCommaItems(text)) {
    if (item.text.length === 0) return emptyItem(text, item);
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(item.text);
    const at = { start: item.start, end: item.end };
    if (!m) {
      const example = allowRanges ? '"200", "200-399"' : '"404"';
      return { ok: false, message: `"${item.text}" is not a status code; write codes like ${example}.`, ...at };
    }
    if (m[2] !== undefined && !allowRanges) {
      return { ok: false, message: 'Ranges are not accepted here; list each code.', ...at };
    }
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    for (const code of [from, to]) {
      if (code < 100 || code > 599) {
        return { ok: false, message: `${code} is not an HTTP status code (100–599).`, ...at };
      }
    }
    if (from > to) return { ok: false, message: `The range ${from}-${to} is backwards: write ${to}-${from}.`, ...at };
    out.push({ from, to });
  }
  return { ok: true, value: out };
}

export interface ArmResourceId {
  readonly subscription: string;
  readonly resourceGroup: string;
  readonly provider: string;
  readonly resourceType: string;
  readonly name: string;
}

/**
 * An Azure resource ID `/subscriptions/<sub>/resourceGroups/<rg>/providers/<provider>/<type>/<name>`
 * of the given provider and type. Keywords, provider and type compare case-insensitively, as ARM does.
 */
export function parseArmResourceId(text: string, provider: string, resourceType: string): ParseResult<ArmResourceId> {
  const expected = `/subscriptions/<subscription>/resourceGroups/<group>/providers/${provider}/${resourceType}/<name>`;
  if (!text.startsWith('/')) {
    return { ok: false, message: `Not a resource ID: it must start with "/subscriptions/"; expected ${expected}.` };
  }
  const segments: Item[] = [];
  let start = 1;
  for (const seg of text.slice(1).split('/')) {
    segments.push({ text: seg, start, end: start + seg.length });
    start += seg.length + 1;
  }
  const keyword = (i: number, word: string) => segments[i] !== undefined && segments[i].text.toLowerCase() === word.toLowerCase();
  const empty = segments.find((s) => s.text.length === 0);
  if (empty) return { ok: false, message: 'Empty segment: remove the extra "/".', start: Math.max(0, empty.start - 1), end: empty.start };
  if (!keyword(0, 'subscriptions') || !keyword(2, 'resourceGroups') || !keyword(4, 'providers') || segments.length < 8) {
    return { ok: false, message: `Not a resource ID of the expected shape; expected ${expected}.` };
  }
  if (segments.length > 8) {
    return {
      ok: false,
      message: `Too many segments: the ID should end with the ${resourceType} name.`,
      start: segments[8].start - 1,
      end: text.length,
    };
  }
  const [p, t] = [segments[5], segments[6]];
  if (p.text.toLowerCase() !== provider.toLowerCase() || t.text.toLowerCase() !== resourceType.toLowerCase()) {
    return {
      ok: false,
      message: `This is the ID of a ${p.text}/${t.text}; expected a ${provider}/${resourceType}.`,
      start: p.start,
      end: t.end,
    };
  }
  return {
    ok: true,
    value: {
      subscription: segments[1].text,
      resourceGroup: segments[3].text,
      provider: p.text,
      resourceType: t.text,
      name: segments[7].text,
    },
  };
}

export function parsePort(text: string): ParseResult<number> {
  if (!/^\d+$/.test(text)) return { ok: false, message: `"${text}" is not a port number; write digits, e.g. "8080".` };
  const value = text.length > 6 ? Number.POSITIVE_INFINITY : Number(text);
  if (value < 1 || value > 65535) return { ok: false, message: `${text} is not a port: use 1 to 65535.` };
  return { ok: true, value };
}

export function parsePath(text: string): ParseResult<string> {
  if (!text.startsWith('/')) return { ok: false, message: `A path must start with "/"; write "/${text.trimStart()}".` };
  const space = /\s/.exec(text);
  if (space) return { ok: false, message: 'A path cannot contain spaces.', start: space.index, end: space.index + 1 };
  return { ok: true, value: text };
}

export function parseHostname(text: string, allowWildcard: boolean): ParseResult<string> {
  const defects = validateHost(text, { allowWildcard });
  const error = defects.find((d) => d.severity === 'error');
  if (error) return { ok: false, message: error.message, start: error.start, end: error.end };
  const warning = defects[0];
  return warning ? { ok: true, value: text, hint: warning.message } : { ok: true, value: text };
}

/** Comma-separated host names; empty entries are skipped (AGIC drops them too). */
export function parseHostnameList(text: string, allowWildcard: boolean): ParseResult<string[]> {
  const items = splitCommaItems(text).filter((i) => i.text.length > 0);
  if (items.length === 0) return { ok: false, message: 'No host names given.' };
  for (const item of items) {
    const defects = validateHost(item.text, { allowWildcard });
    const error = defects.find((d) => d.severity === 'error');
    if (error) {
      return { ok: false, message: error.message, start: item.start + error.start, end: item.start + error.end };
    }
  }
  return { ok: true, value: items.map((i) => i.text) };
}

/** ingress-nginx timeouts: a unitless number of seconds, read with Atoi (a unit makes it ignored). */
export function parseNginxSeconds(text: string): ParseResult<number> {
  if (/^\d+$/.test(text)) return text.length > 9 ? { ok: false, message: `${text} seconds is too large.` } : { ok: true, value: Number(text) };
  const withUnit = /^(\d+)\s*(ms|s|m|h|d)$/.exec(text.trim());
  if (withUnit) {
    return {
      ok: false,
      message: `Timeouts here are plain seconds without a unit: write "${withUnit[2] === 's' ? withUnit[1] : '<seconds>'}". With a unit ingress-nginx ignores the value and keeps its default.`,
    };
  }
  return { ok: false, message: `"${text}" is not a number of seconds; write digits, e.g. "60".` };
}

const NGINX_TIME_UNITS = ['ms', 'y', 'M', 'w', 'd', 'h', 'm', 's'];

/** NGINX time syntax: one or more `<number><unit>` parts ("1m", "1h30m"); a bare number means seconds. */
export function parseNginxTime(text: string): ParseResult<string> {
  const value = text.trim();
  if (value.length === 0) return { ok: false, message: 'The duration is empty; e.g. "1m".' };
  let i = 0;
  while (i < value.length) {
    const digits = /^\d+/.exec(value.slice(i, i + 20));
    if (!digits) return { ok: false, message: `"${text}" is not an NGINX duration; write e.g. "30s", "1m" or "1h30m".` };
    i += digits[0].length;
    const unit = NGINX_TIME_UNITS.find((u) => value.startsWith(u, i));
    if (unit) i += unit.length;
    else if (i < value.length) return { ok: false, message: `Unknown time unit in "${text}"; use ms, s, m, h, d, w, M or y.` };
  }
  return { ok: true, value };
}

/** NGINX size syntax: bytes, or a number with k/K, m/M or g/G ("8m"); "0" disables a size limit. */
export function parseNginxSize(text: string): ParseResult<string> {
  if (/^\d+[kKmMgG]?$/.test(text)) return { ok: true, value: text };
  const long = /^(\d+)\s*([kKmMgG])[bB]$/.exec(text.trim());
  if (long) return { ok: false, message: `NGINX sizes take one letter: write "${long[1]}${long[2].toLowerCase()}".` };
  return { ok: false, message: `"${text}" is not an NGINX size; write e.g. "8m", "512k" or "1024".` };
}

/** Comma-separated IPv4/IPv6 addresses and CIDR ranges ("10.0.0.0/24,172.10.0.1"). */
export function parseCidrList(text: string): ParseResult<string[]> {
  if (text.trim().length === 0) return { ok: false, message: 'No address ranges given; e.g. "10.0.0.0/8".' };
  const out: string[] = [];
  for (const item of splitCommaItems(text)) {
    if (item.text.length === 0) return emptyItem(text, item);
    const problem = cidrProblem(item.text);
    if (problem) return { ok: false, message: problem, start: item.start, end: item.end };
    out.push(item.text);
  }
  return { ok: true, value: out };
}

function cidrProblem(text: string): string | null {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const v4 = isIPv4(address);
  if (!v4 && !isIPv6(address)) return `"${address}" is not an IP address.`;
  if (slash < 0) return null;
  const prefix = text.slice(slash + 1);
  const max = v4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return `"/${prefix}" is not a prefix length; use /0 to /${max}.`;
  return null;
}

export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function isIPv6(text: string): boolean {
  if (text.length > 45 || !/^[0-9A-Fa-f:.]+$/.test(text)) return false;
  let body = text;
  let groupsFromV4 = 0;
  const lastColon = body.lastIndexOf(':');
  if (body.includes('.')) {
    if (!isIPv4(body.slice(lastColon + 1))) return false;
    body = body.slice(0, lastColon + 1) + '0';
    groupsFromV4 = 1; // the IPv4 tail takes two groups; its placeholder counts as one
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h.length === 0 ? [] : h.split(':'));
  const all = halves.flatMap(groups);
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = all.length + groupsFromV4;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** An absolute http(s) URL; NGINX variables such as `$host` are allowed in it. */
export function parseUrl(text: string): ParseResult<string> {
  const space = /\s/.exec(text);
  if (space) return { ok: false, message: 'A URL cannot contain spaces.', start: space.index, end: space.index + 1 };
  if (!/^https?:\/\/[^/?#]+/i.test(text)) {
    return { ok: false, message: `"${text}" is not an absolute URL; write e.g. "https://auth.example.com/verify".` };
  }
  return { ok: true, value: text };
}

/** Parses `text` as `type`. */
export function parseValue(type: ValueType, text: string): ParseResult<unknown> {
  switch (type.kind) {
    case 'bool':
      return parseGoBool(text);
    case 'int32':
      return parseInt32(text, type, type.unit);
    case 'enum':
      return parseEnum(text, type.values, type.caseSensitive, type.trim);
    case 'string':
      return parseString(text, type.nonEmpty);
    case 'commaList':
      return parseCommaList(text);
    case 'statusCodes':
      return parseStatusCodes(text, type.allowRanges);
    case 'armResourceId':
      return parseArmResourceId(text, type.provider, type.resourceType);
    case 'port':
      return parsePort(text);
    case 'path':
      return parsePath(text);
    case 'hostname':
      return parseHostname(text, type.allowWildcard);
    case 'hostnameList':
      return parseHostnameList(text, type.allowWildcard);
    case 'duration':
      return type.style === 'seconds' ? parseNginxSeconds(text) : parseNginxTime(text);
    case 'size':
      return parseNginxSize(text);
    case 'cidrList':
      return parseCidrList(text);
    case 'url':
      return parseUrl(text);
  }
}

/** A short human label for hovers and completion details. */
export function describeValueType(type: ValueType): string {
  switch (type.kind) {
    case 'bool':
      return 'boolean: "true" or "false"';
    case 'int32': {
      const range = type.min !== undefined || type.max !== undefined ? ` from ${rangeText(type.min, type.max)}` : '';
      return `whole number${range}${type.unit ? ` (${type.unit})` : ''}`;
    }
    case 'enum':
      return `one of ${type.values.map((v) => `"${v}"`).join(', ')}${type.caseSensitive ? '' : ' (any case)'}`;
    case 'string':
      return 'text';
    case 'commaList':
      return 'comma-separated names';
    case 'statusCodes':
      return type.allowRanges ? 'HTTP status codes and ranges, e.g. "200-399, 401"' : 'comma-separated HTTP status codes';
    case 'armResourceId':
      return `Azure resource ID of a ${type.provider}/${type.resourceType}`;
    case 'port':
      return 'port number, 1 to 65535';
    case 'path':
      return 'URL path starting with "/"';
    case 'hostname':
      return type.allowWildcard ? 'host name (wildcard "*.example.com" allowed)' : 'host name';
    case 'hostnameList':
      return `comma-separated host names${type.allowWildcard ? ' (wildcards allowed)' : ''}`;
    case 'duration':
      return type.style === 'seconds' ? 'seconds, as a plain number, e.g. "60"' : 'NGINX duration, e.g. "1m"';
    case 'size':
      return 'NGINX size, e.g. "8m"';
    case 'cidrList':
      return 'comma-separated IP addresses or CIDR ranges';
    case 'url':
      return 'absolute URL';
  }
}
