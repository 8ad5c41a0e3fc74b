/**
 * Where the cursor is in a block-style YAML document, read from the text alone: the keys above
 * it (by indentation) and whether it sits on a key or after `key:`. Completion needs this while
 * the line being typed is still incomplete, when the parse tree has nothing useful there.
 */

export interface YamlCursorContext {
  /** Keys from the document root down to the map the cursor is in; `-` marks a sequence item. */
  readonly path: readonly string[];
  /** `key` when the cursor is in the value after `key:`, else null (the cursor is on a key). */
  readonly key: string | null;
  /** Absolute offsets of what the completion replaces: the key typed so far, or the value. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  /** The text typed so far in that range, before the cursor (quotes stripped for values). */
  readonly prefix: string;
  /** Whether the value being typed starts with a quote (the completion then supplies both). */
  readonly quoted: boolean;
}

interface LineShape {
  /** Columns of the `- ` markers at the start of the line. */
  readonly dashes: number[];
  /** Column where the content after indentation and dashes starts. */
  readonly contentColumn: number;
  /** `key` of a `key:` line, else null. */
  readonly key: string | null;
  /** Text after `key:` (trimmed), '' when the line opens a block. */
  readonly rest: string;
  readonly blank: boolean;
}

function shape(line: string): LineShape {
  let i = 0;
  const dashes: number[] = [];
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
      dashes.push(i);
      i++;
      continue;
    }
    break;
  }
  const content = line.slice(i);
  const blank = content.trim() === '' || content.trimStart().startsWith('#');
  const colon = blank || /^[{[]/.test(content) ? -1 : findKeyColon(line, i);
  if (colon < 0) return { dashes, contentColumn: i, key: null, rest: '', blank };
  return { dashes, contentColumn: i, key: unquote(line.slice(i, colon)), rest: stripComment(line.slice(colon + 1)).trim(), blank };
}

/** Text before a ` #` comment (linear: no regex backtracking on long lines). */
function stripComment(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return text.slice(0, i).trimEnd();
  }
  return text;
}

function unquote(key: string): string {
  if (key.startsWith('"') && key.endsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'") && key.endsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trim();
}

/** The cursor context at `offset` of `text`, or null inside flow collections, block scalars or comments. */
export function yamlContextAt(text: string, offset: number): YamlCursorContext | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl < 0 ? text.length : nl;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const before = text.slice(lineStart, offset);
  if (/[{[]/.test(before) || before.includes('#')) return null;

  const current = shape(line);
  const column = offset - lineStart;
  if (column < current.contentColumn && !/^ *$/.test(before)) return null;
  const contentColumn = Math.max(current.contentColumn, /^ *$/.test(before) ? column : current.contentColumn);

  // Value position: the cursor is after "key:" on this line.
  const colon = findKeyColon(line, current.contentColumn);
  let key: string | null = null;
  let replaceStart: number;
  let replaceEnd: number;
  let prefix: string;
  let quoted = false;
  if (colon >= 0 && column > colon) {
    key = unquote(line.slice(current.contentColumn, colon));
    let valueStart = colon + 1;
    while (line[valueStart] === ' ') valueStart++;
    if (column < valueStart) valueStart = column;
    const valueText = stripComment(line.slice(valueStart));
    quoted = valueText.startsWith('"') || valueText.startsWith("'");
    replaceStart = lineStart + valueStart;
    replaceEnd = lineStart + valueStart + valueText.trimEnd().length;
    if (replaceEnd < offset) replaceEnd = offset;
    prefix = text.slice(replaceStart, offset).replace(/^["']/, '');
  } else {
    replaceStart = lineStart + contentColumn;
    const keyEnd = colon >= 0 ? colon : line.trimEnd().length;
    replaceEnd = Math.max(offset, lineStart + keyEnd);
    prefix = text.slice(replaceStart, offset);
  }

  const path = parentPath(text, lineStart, contentColumn, current.dashes);
  return path ? { path, key, replaceStart, replaceEnd, prefix, quoted } : null;
}

/** Index of the `:` that ends the key of this line (outside quotes), or -1. */
function findKeyColon(line: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if ((c === '"' || c === "'") && i === from) quote = c;
    else if (c === '#' && (i === 0 || line[i - 1] === ' ')) return -1;
    else if (c === ':' && (i + 1 === line.length || line[i + 1] === ' ')) return i;
  }
  return -1;
}

/**
 * Keys above a line whose content starts at `column` (its own dashes, if any, open sequence
 * items). Walks up line by line; stops at the document start. Null when the document uses a
 * shape this reader does not follow.
 */
function parentPath(text: string, lineStart: number, column: number, ownDashes: readonly number[]): string[] | null {
  const path: string[] = [];
  let target = column;
  // A sequence item being written on the current line: find the key that owns the sequence.
  let seqDash: number | null = ownDashes.length ? ownDashes[0] : null;
  if (seqDash !== null) {
    for (let k = ownDashes.length - 1; k >= 1; k--) path.push('-');
    path.push('-');
    target = seqDash;
  }
  let end = lineStart - 1;
  for (let guard = 0; end >= 0 && guard < 100_000; guard++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const raw = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (/^(---|\.\.\.)(\s|$)/.test(raw)) break;
    const s = shape(raw);
    if (s.blank) continue;
    if (seqDash !== null) {
      // Looking for the key that owns a sequence whose items start at column seqDash.
      if (s.dashes.includes(seqDash)) continue; // an earlier item of the same sequence
      if (s.contentColumn > seqDash || (s.dashes.length && s.dashes[0] > seqDash)) continue; // inside an earlier item
      if (!s.key || s.rest !== '') return null;
      path.push(s.key);
      target = s.contentColumn;
      seqDash = s.dashes.length ? s.dashes[s.dashes.length - 1] : null;
      if (seqDash !== null) {
        for (let k = s.dashes.length - 1; k >= 1; k--) path.push('-');
        path.push('-');
      }
      if (target === 0 && seqDash === null) break;
      continue;
    }
    if (s.contentColumn >= target) {
      // A sibling (same column) or deeper content; a sibling opening the item we are in shows as a dash left of us.
      if (s.dashes.length && s.contentColumn === target && s.dashes[s.dashes.length - 1] < target) {
        seqDash = s.dashes[s.dashes.length - 1];
        for (let k = s.dashes.length - 1; k >= 1; k--) path.push('-');
        path.push('-');
        target = seqDash;
      }
      continue;
    }
    if (!s.key || s.rest !== '') return null;
    path.push(s.key);
    target = s.contentColumn;
    if (s.dashes.length) {
      seqDash = s.dashes[s.dashes.length - 1];
      for (let k = s.dashes.length - 1; k >= 1; k--) path.push('-');
      path.push('-');
      target = seqDash;
    }
    if (target === 0 && seqDash === null) break;
  }
  return path.reverse();
}
