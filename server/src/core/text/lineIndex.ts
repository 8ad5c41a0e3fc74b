import { lastAtOrBefore } from './lastAtOrBefore';

/** Zero-based line/character position (UTF-16 code units, as LSP and VS Code count). */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** Offsets of line starts in a text; `\r\n`, `\n` and `\r` all end a line. */
export class LineIndex {
  private readonly starts: Uint32Array | number[];

  constructor(
    private readonly text: string,
    starts?: Uint32Array | number[],
  ) {
    this.starts = starts ?? lineStarts(text);
  }

  /**
   * The index of a text made of consecutive parts starting at `offsets`, whose line starts are
   * known (relative to each part, as `lineStarts` gives them): no scan of the text. Each part
   * must start at a line start.
   */
  static joined(text: string, offsets: readonly number[], parts: readonly ArrayLike<number>[]): LineIndex {
    // A part ending with a line end has a start at its end: the next part's first line.
    const own = (i: number) => parts[i].length - (i + 1 < parts.length && offsets[i] + parts[i][parts[i].length - 1] === offsets[i + 1] ? 1 : 0);
    let count = 0;
    for (let i = 0; i < parts.length; i++) count += own(i);
    const starts = new Uint32Array(count);
    let n = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const offset = offsets[i];
      for (let k = 0, end = own(i); k < end; k++) starts[n++] = offset + part[k];
    }
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    const line = Math.max(0, lastAtOrBefore(starts.length, (i) => starts[i], clamped));
    return { line, character: clamped - starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    return Math.max(start, Math.min(start + position.character, next));
  }
}

/** Offsets of line starts in a text, the first being 0. */
export function lineStarts(text: string): Uint32Array | number[] {
  if (text.indexOf('\r') < 0) {
    // The common case, found by native search and stored without growing an array: a large
    // file (every edit of it) is indexed several times faster than char by char.
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Uint32Array(count);
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
    return starts;
  }
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}
