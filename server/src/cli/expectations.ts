/**
 * Reads verify's expectations: a JSON array or YAML list of
 * `{from, to, port, protocol, http, engine, expect}` (other fields ignored, so the
 * netpol-analyzer conformance cases.json reads as is).
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import type { EnforcingEngine, HttpRequest } from '../core/engine/types';
import type { Protocol } from '../core/k8s/resources';
import { LineIndex } from '../core/text/lineIndex';
import { ENGINES } from './engineChoices';
import { checkQuestion, parseEndpoint, parseHttp, parsePort, parseProtocol, QueryError, type QuestionWords } from '../core/engine/query';

export interface Expectation {
  /** Position in the list, from 0. */
  readonly index: number;
  /** 1-based line of the entry in its file. */
  readonly line: number;
  readonly words: QuestionWords;
  /** The entry's own engine, or null for the command's `--engine`. */
  readonly engine: EnforcingEngine | null;
  readonly expect: 'allowed' | 'denied';
}

export type ExpectationsResult = { readonly ok: true; readonly expectations: Expectation[] } | { readonly ok: false; readonly errors: string[] };

/** Parses the file; malformed entries are all reported (as `file:line: message`), none is guessed at. */
export function parseExpectations(text: string, display: string): ExpectationsResult {
  const lines = new LineIndex(text);
  const at = (offset: number) => {
    const p = lines.positionAt(offset);
    return `${display}:${p.line + 1}:${p.character + 1}`;
  };
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return { ok: false, errors: doc.errors.map((e) => `${at(e.pos[0])}: error: ${e.message}`) };
  if (!isSeq(doc.contents)) {
    return { ok: false, errors: [`${at(doc.contents?.range?.[0] ?? 0)}: error: expectations must be a list (a JSON array or a YAML sequence) of {from, to, expect, ...}`] };
  }
  const expectations: Expectation[] = [];
  const errors: string[] = [];
  doc.contents.items.forEach((item, index) => {
    const offset = (item as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
    const where = `${at(offset)}: error: entry ${index}`;
    if (!isMap(item)) {
      errors.push(`${where}: expected an object with from, to and expect`);
      return;
    }
    try {
      const entry = item.toJSON() as Record<string, unknown>;
      expectations.push({ index, line: lines.positionAt(offset).line + 1, ...readEntry(entry) });
    } catch (e) {
      if (!(e instanceof QueryError)) throw e;
      errors.push(`${where}: ${e.message}`);
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, expectations };
}

function readEntry(entry: Record<string, unknown>): Omit<Expectation, 'index' | 'line'> {
  const from = requiredString(entry, 'from');
  const to = requiredString(entry, 'to');
  parseEndpoint(from, 'FROM');
  parseEndpoint(to, 'TO');
  const expect = entry.expect;
  if (expect !== 'allowed' && expect !== 'denied') throw new QueryError(`"expect" must be "allowed" or "denied" (got ${JSON.stringify(expect ?? null)})`, 'usage');
  const port = entry.port === undefined || entry.port === null ? undefined : parsePort(entry.port);
  let protocol: Protocol | undefined;
  if (entry.protocol !== undefined && entry.protocol !== null) {
    if (typeof entry.protocol !== 'string') throw new QueryError('"protocol" must be TCP, UDP or SCTP', 'usage');
    protocol = parseProtocol(entry.protocol);
  }
  const http = readHttp(entry.http);
  let engine: EnforcingEngine | null = null;
  if (entry.engine !== undefined && entry.engine !== null) {
    if (!(ENGINES as readonly unknown[]).includes(entry.engine)) throw new QueryError(`"engine" must be one of ${ENGINES.join(', ')} (got ${JSON.stringify(entry.engine)})`, 'usage');
    engine = entry.engine as EnforcingEngine;
  }
  const words: QuestionWords = { from, to, ...(port !== undefined ? { port } : {}), ...(protocol ? { protocol } : {}), ...(http ? { http } : {}) };
  checkQuestion(words);
  return { words, engine, expect };
}

function requiredString(entry: Record<string, unknown>, key: string): string {
  const value = entry[key];
  if (typeof value !== 'string' || value === '') throw new QueryError(`"${key}" must be a non-empty string`, 'usage');
  return value;
}

/** `"GET /path"` or `{method, path}`. */
function readHttp(value: unknown): HttpRequest | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return parseHttp(value);
  if (typeof value === 'object' && !Array.isArray(value)) {
    const { method, path } = value as Record<string, unknown>;
    if (typeof method === 'string' && typeof path === 'string') return parseHttp(`${method} ${path}`);
  }
  throw new QueryError('"http" must be "METHOD /path" or {method, path}', 'usage');
}
