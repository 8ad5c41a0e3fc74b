import { LineIndex } from '../../server/src/core/text/lineIndex';

/** `L:C-L:C` (1-based) for absolute offsets in a text: how tests assert ranges readably. */
export function rangeText(text: string, start: number, end: number): string {
  const lines = new LineIndex(text);
  const s = lines.positionAt(start);
  const e = lines.positionAt(end);
  return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
}

/** Removes the common indentation of a template literal, so fixtures can be indented in tests. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
