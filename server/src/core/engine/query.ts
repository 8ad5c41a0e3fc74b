/**
 * Turns the words of a question (`FROM`, `TO`, port, protocol, HTTP request) into a ReachQuery,
 * for can-reach's arguments and verify's expectations alike.
 */
import { parseIp } from '../net/cidr';
import type { Endpoint, HttpRequest, PolicyModel, ReachQuery } from './types';
import type { Protocol } from '../k8s/resources';

export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** Parsed-but-unresolved question: workload names are checked against a model later. */
export interface QuestionWords {
  readonly from: string;
  readonly to: string;
  readonly port?: number;
  readonly protocol?: Protocol;
  readonly http?: HttpRequest;
}

/** What went wrong with a question: `usage` for malformed words, `unknown` for names the model lacks. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly reason: 'usage' | 'unknown',
  ) {
    super(message);
  }
}

/** `<namespace>/<workload>`, `ip:<address>`, `world`, and (as a destination) `fqdn:<name>`. */
export function parseEndpoint(text: string, role: 'FROM' | 'TO'): Endpoint {
  if (text === 'world') return { type: 'world' };
  if (text.startsWith('ip:')) {
    const address = text.slice(3);
    if (!isIpAddress(address)) throw new QueryError(`${role} '${text}': '${address}' is not an IPv4 or IPv6 address`, 'usage');
    return { type: 'ip', address };
  }
  if (text.startsWith('fqdn:')) {
    if (role === 'FROM') throw new QueryError(`FROM cannot be a domain name ('${text}'): traffic from outside is asked with ip:<address> or world`, 'usage');
    const name = text.slice(5).replace(/\.$/, '').toLowerCase();
    if (!/^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/.test(name)) throw new QueryError(`TO '${text}': '${text.slice(5)}' is not a domain name`, 'usage');
    return { type: 'fqdn', name };
  }
  // Anything else without a scheme is a workload name; the model says whether it exists (and
  // suggests `namespace/name` for a bare name).
  if (text !== '' && !text.includes(':')) return { type: 'workload', id: text };
  throw new QueryError(`${role} '${text}' is not <namespace>/<workload>, ip:<address>, world${role === 'TO' ? ' or fqdn:<name>' : ''}`, 'usage');
}

/** `"GET /path"`: a method and a path starting with `/`. */
export function parseHttp(text: string): HttpRequest {
  const match = /^\s*([A-Za-z]+)\s+(\/\S*)\s*$/.exec(text);
  if (!match) throw new QueryError(`HTTP request '${text}' is not "METHOD /path" (e.g. "GET /public/health")`, 'usage');
  return { method: match[1].toUpperCase(), path: match[2] };
}

export function parsePort(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new QueryError(`port '${String(value)}' is not a number from 1 to 65535`, 'usage');
  return n;
}

export function parseProtocol(value: string): Protocol {
  const upper = value.toUpperCase();
  if ((PROTOCOLS as readonly string[]).includes(upper)) return upper as Protocol;
  throw new QueryError(`protocol '${value}' is not one of ${PROTOCOLS.join(', ')}`, 'usage');
}

/** Checks the combination (a protocol or request needs a port; HTTP runs over TCP). */
export function checkQuestion(words: QuestionWords): void {
  if (words.protocol && words.port === undefined) throw new QueryError('a protocol needs a port (--port N)', 'usage');
  if (words.http && words.port === undefined) throw new QueryError('an HTTP request needs a port (--port N)', 'usage');
  if (words.http && words.protocol && words.protocol !== 'TCP') throw new QueryError(`HTTP runs over TCP, not ${words.protocol}`, 'usage');
}

/** The ReachQuery for a question, with workload names checked against the model. */
export function resolveQuestion(words: QuestionWords, model: PolicyModel): ReachQuery {
  checkQuestion(words);
  const from = resolveEndpoint(parseEndpoint(words.from, 'FROM'), model);
  const to = resolveEndpoint(parseEndpoint(words.to, 'TO'), model);
  return {
    from,
    to,
    ...(words.port !== undefined ? { port: words.port, protocol: words.protocol ?? 'TCP' } : {}),
    ...(words.http ? { http: words.http } : {}),
  };
}

function resolveEndpoint(endpoint: Endpoint, model: PolicyModel): Endpoint {
  if (endpoint.type !== 'workload') return endpoint;
  const found = model.findWorkload(endpoint.id);
  if (found) return { type: 'workload', id: found.id };
  const close = model.suggestWorkloads(endpoint.id);
  let hint = '';
  if (close.length > 0) hint = `; did you mean ${close.join(', ')}?`;
  else if (model.workloads.length === 0) hint = '; the inputs define no workloads';
  else if (!endpoint.id.includes('/')) hint = '; workloads are written <namespace>/<name>';
  if (!endpoint.id.includes('/') && endpoint.id.includes('.')) hint += ` (for a domain name write fqdn:${endpoint.id})`;
  throw new QueryError(`unknown workload '${endpoint.id}'${hint}`, 'unknown');
}

/** How a question reads in output: `frontend/web → backend/api on TCP 8080 (GET /x)`. */
export function describeQuestion(from: string, to: string, query: Pick<ReachQuery, 'port' | 'protocol' | 'http'>): string {
  return `${from} → ${to} ${describeTraffic(query)}`;
}

export function describeTraffic(query: Pick<ReachQuery, 'port' | 'protocol' | 'http'>): string {
  if (query.port === undefined) return '(any traffic)';
  const http = query.http ? ` ${query.http.method} ${query.http.path}` : '';
  return `on ${query.protocol ?? 'TCP'} ${query.port}${http}`;
}

/** An IPv4 or IPv6 address as Node's `net.isIP` takes it: no leading zeros in IPv4 octets. */
function isIpAddress(text: string): boolean {
  const ip = parseIp(text);
  return ip.ok && !ip.leadingZeros;
}
