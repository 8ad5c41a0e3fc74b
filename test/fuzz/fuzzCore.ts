/**
 * The server fuzzer shared by test/fuzz/serverFuzz.test.ts (fixed seed, few runs) and
 * bench/fuzz.js (long runs): real manifests from examples/, mutated the ways hand-edited and
 * half-typed YAML breaks, sent to the bundled server over LSP. Every step must be answered within
 * a deadline, the process must stay alive, and every diagnostic range must lie inside the text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol/node';
import type { LspTestClient } from '../support/lspClient';

/** Every `*.yaml` under examples/, as [relative path, text]. */
export function exampleManifests(root: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) out.push([path.relative(root, full), fs.readFileSync(full, 'utf8')]);
    }
  };
  walk(path.join(root, 'examples'));
  return out;
}

export type Mutation =
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'duplicate-line'; readonly at: number }
  | { readonly kind: 'indent'; readonly at: number; readonly by: number };

const PUNCTUATION = [...':-[]{}&*!|>\'"%@', '\t', '\n', ' ', '#', ',', '?', '---\n', '...\n', '<<: ', '*a', '&a '];
/** Astral characters, combining marks, a lone surrogate half, a BOM, a right-to-left mark, NUL. */
const UNICODE = ['😀', '𝔘', '\u{10FFFF}', 'é', 'e\u0301', '\ud800', '\udfff', '\ufeff', '\u200f', '\u0000', '\u2028', '日本語'];

const position = fc.double({ min: 0, max: 1, noNaN: true });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.array(fc.constantFrom(...PUNCTUATION), { minLength: 1, maxLength: 5 }).map((a) => a.join('')) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.oneof(fc.constantFrom(...UNICODE), fc.string({ unit: 'binary', minLength: 1, maxLength: 4 })) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: position }),
  fc.record({ kind: fc.constant('indent' as const), at: position, by: fc.integer({ min: -4, max: 4 }) }),
);

function lineBounds(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return [start, nl < 0 ? text.length : nl + 1];
}

export function applyMutation(text: string, m: Mutation): string {
  const at = Math.min(text.length, Math.floor(m.at * (text.length + 1)));
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'duplicate-line': {
      // A `key: value` line twice in a row: a duplicated key.
      const [start, end] = lineBounds(text, at);
      const line = text.slice(start, end);
      return text.slice(0, end) + (line.endsWith('\n') ? line : `\n${line}`) + text.slice(end);
    }
    case 'indent': {
      const [start] = lineBounds(text, at);
      if (m.by >= 0) return text.slice(0, start) + ' '.repeat(m.by) + text.slice(start);
      let cut = 0;
      while (cut < -m.by && text[start + cut] === ' ') cut++;
      return text.slice(0, start) + text.slice(start + cut);
    }
  }
}

/** A fuzz case: a manifest, two rounds of mutations (open, then an edit), and positions to ask about. */
export function caseArb(manifests: readonly [string, string][]): fc.Arbitrary<{ source: string; opened: string; edited: string; positions: [number, number][] }> {
  return fc
    .record({
      source: fc.integer({ min: 0, max: manifests.length - 1 }),
      first: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
      second: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
      positions: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 3, maxLength: 3 }),
    })
    .map(({ source, first, second, positions }) => {
      const opened = first.reduce(applyMutation, manifests[source][1]);
      return { source: manifests[source][0], opened, edited: second.reduce(applyMutation, opened), positions };
    });
}

/** LSP lines: `\r\n`, `\n` and `\r` end a line; lengths in UTF-16 code units. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Why `range` is not a range inside `lines`, or null. */
export function badRange(range: Range, lines: readonly string[]): string | null {
  for (const p of [range.start, range.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `negative or fractional position ${JSON.stringify(p)}`;
    if (p.line >= lines.length) return `line ${p.line} beyond the last line ${lines.length - 1}`;
    if (p.character > lines[p.line].length) return `character ${p.character} beyond the length ${lines[p.line].length} of line ${p.line}`;
  }
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `start after end ${JSON.stringify(range)}`;
  return null;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

function assertDiagnostics(diagnostics: readonly Diagnostic[], text: string, what: string): void {
  const lines = lspLines(text);
  for (const d of diagnostics) {
    const bad = badRange(d.range, lines);
    if (bad) throw new Error(`${what}: diagnostic "${d.message}" has a bad range: ${bad}`);
  }
}

let counter = 0;

/**
 * One case against a running server: open, wait for the diagnostics of version 1; edit, wait for
 * version 2; hover, completion and code actions at the given positions; close. Throws (with the
 * text) on a crash, a late answer or a range outside the text.
 */
export async function runCase(client: LspTestClient, c: { source: string; opened: string; edited: string; positions: [number, number][] }, deadlineMs: number): Promise<void> {
  const uri = `file:///fuzz/case-${++counter}.yaml`;
  const where = (step: string) => `${step} (mutated ${c.source}; text ${JSON.stringify(c.edited.length > 400 ? c.edited.slice(0, 400) + '…' : c.edited)})`;
  try {
    await client.open(uri, c.opened, 1);
    const first = await client.waitForDiagnostics(uri, (p) => p.version === 1, deadlineMs).catch((e: Error) => {
      throw new Error(`${where('diagnostics after open')}: ${e.message.split('\n')[0]}`);
    });
    assertDiagnostics(first.diagnostics, c.opened, where('open'));
    await client.change(uri, 2, c.edited);
    const second = await client.waitForDiagnostics(uri, (p) => p.version === 2, deadlineMs).catch((e: Error) => {
      throw new Error(`${where('diagnostics after edit')}: ${e.message.split('\n')[0]}`);
    });
    assertDiagnostics(second.diagnostics, c.edited, where('edit'));
    const lines = lspLines(c.edited);
    const [hoverAt, completeAt, actionAt] = c.positions.map(([l, ch]) => {
      const line = l % lines.length;
      return { line, character: ch % (lines[line].length + 1) };
    });
    const hover = (await within(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: hoverAt }), deadlineMs, where('hover'))) as { range?: Range } | null;
    if (hover?.range) {
      const bad = badRange(hover.range, lines);
      if (bad) throw new Error(`${where('hover')}: bad range ${bad}`);
    }
    await within(client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: completeAt }), deadlineMs, where('completion'));
    await within(
      client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: actionAt, end: actionAt }, context: { diagnostics: second.diagnostics } }),
      deadlineMs,
      where('codeAction'),
    );
  } finally {
    if (client.exited === null) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  if (client.exited !== null) throw new Error(`${where('the server exited')} with code ${client.exited}\n${client.stderr.slice(-2000)}`);
}
