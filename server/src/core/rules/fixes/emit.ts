/**
 * A small YAML writer for the text quick-fixes insert: plain data rendered in block style at
 * a given column (following the document's YamlStyle) or in flow style for flow collections.
 * Strings are written plain when YAML reads them back as the same string, else double-quoted.
 */
import type { YamlStyle } from './style';

export type YamlValue = string | number | boolean | readonly YamlValue[] | YamlMap;
export interface YamlMap {
  readonly [key: string]: YamlValue;
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const KEYWORDS = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/** A string as a YAML scalar: plain when safe (`kube-system`), else JSON-quoted (`"53"`, `"*.x.com"`). */
export function scalarText(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return PLAIN.test(value) && !KEYWORDS.test(value) ? value : JSON.stringify(value);
}

function isMap(v: YamlValue): v is YamlMap {
  return typeof v === 'object' && !Array.isArray(v);
}

function isEmptyCollection(v: YamlValue): boolean {
  return Array.isArray(v) ? v.length === 0 : isMap(v) ? Object.keys(v).length === 0 : false;
}

/** One-line flow form: `{to: [{podSelector: {}}], ports: [{port: 53}]}`. */
export function renderFlow(value: YamlValue): string {
  if (Array.isArray(value)) return `[${value.map(renderFlow).join(', ')}]`;
  if (isMap(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${scalarText(k)}: ${renderFlow(v)}`)
      .join(', ')}}`;
  }
  return scalarText(value as string | number | boolean);
}

const pad = (n: number) => ' '.repeat(n);

/** `key: value` lines of a map whose keys start at `column`. */
export function renderMapLines(map: YamlMap, column: number, style: YamlStyle): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(map)) out.push(...renderEntryLines(key, value, column, style));
  return out;
}

/** One `key: value` entry at `column`, nested values below it. */
export function renderEntryLines(key: string, value: YamlValue, column: number, style: YamlStyle): string[] {
  const head = `${pad(column)}${scalarText(key)}:`;
  if (!Array.isArray(value) && !isMap(value)) return [`${head} ${scalarText(value as string | number | boolean)}`];
  if (isEmptyCollection(value)) return [`${head} ${renderFlow(value)}`];
  if (Array.isArray(value)) return [head, ...renderSeqLines(value, column + (style.indentSequences ? style.indent : 0), style)];
  return [head, ...renderMapLines(value as YamlMap, column + style.indent, style)];
}

/** `- item` lines with the dash at `column`. */
export function renderSeqLines(seq: readonly YamlValue[], column: number, style: YamlStyle): string[] {
  const out: string[] = [];
  for (const item of seq) out.push(...renderItemLines(item, column, style));
  return out;
}

/** One list item with its dash at `column`; a map's keys line up two columns to the right. */
export function renderItemLines(item: YamlValue, column: number, style: YamlStyle): string[] {
  if (isMap(item) && !isEmptyCollection(item)) {
    const lines = renderMapLines(item, column + 2, style);
    lines[0] = `${pad(column)}- ${lines[0].slice(column + 2)}`;
    return lines;
  }
  if (Array.isArray(item) || isMap(item)) return [`${pad(column)}- ${renderFlow(item)}`];
  return [`${pad(column)}- ${scalarText(item as string | number | boolean)}`];
}
