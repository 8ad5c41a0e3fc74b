/**
 * How a YAML document is indented, so inserted text looks like the rest of the file: the
 * indentation step of nested maps, and whether list items under a key are indented
 * (`key:\n  - item`) or written at the key's column (`key:\n- item`).
 */
export interface YamlStyle {
  /** Spaces per nesting level of maps. */
  readonly indent: number;
  /** True when `- ` items sit one step to the right of their key. */
  readonly indentSequences: boolean;
}

export const DEFAULT_STYLE: YamlStyle = { indent: 2, indentSequences: true };

interface Line {
  readonly column: number;
  readonly dash: boolean;
  /** Column of the first key on the line (after any `- ` markers). */
  readonly keyColumn: number;
  readonly opensBlock: boolean;
}

function readLine(raw: string): Line | null {
  const trimmed = raw.trimStart();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('---') || trimmed.startsWith('...')) return null;
  const column = raw.length - trimmed.length;
  let rest = trimmed;
  let keyColumn = column;
  while (rest.startsWith('- ')) {
    const after = rest.slice(2).trimStart();
    keyColumn += rest.length - after.length;
    rest = after;
  }
  // A key that opens a nested block: `key:` with nothing (or only a comment) after it.
  const opensBlock = /^[^\s#][^#]*:\s*(#.*)?$/.test(rest) && !/^["'].*["']$/.test(rest);
  return { column, dash: trimmed.startsWith('- ') || trimmed === '-', keyColumn, opensBlock };
}

/** The style used by most of `text`; defaults (2 spaces, indented lists) when nothing tells. */
export function detectStyle(text: string): YamlStyle {
  const lines = text.split(/\r?\n/).map(readLine);
  const steps = new Map<number, number>();
  let indented = 0;
  let compact = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || !line.opensBlock) continue;
    let next: Line | null = null;
    for (let j = i + 1; j < lines.length && !next; j++) next = lines[j];
    if (!next) continue;
    if (next.dash) {
      if (next.column > line.keyColumn) indented++;
      else if (next.column === line.keyColumn) compact++;
    } else if (next.column > line.keyColumn) {
      const step = next.column - line.keyColumn;
      steps.set(step, (steps.get(step) ?? 0) + 1);
    }
  }
  let indent = DEFAULT_STYLE.indent;
  let best = 0;
  for (const [step, count] of steps) {
    if (count > best || (count === best && step < indent)) {
      indent = step;
      best = count;
    }
  }
  return { indent, indentSequences: compact > indented ? false : true };
}
