import { lastAtOrBefore } from './lastAtOrBefore';
import { lineStarts, type Position } from './lineIndex';

/** About how many characters a block holds: an edit copies one or two blocks, not the text. */
const BLOCK_SIZE = 32 * 1024;

interface Block {
  readonly text: string;
  /** Starts of the lines that begin in this block, relative to it (the first is 0). */
  readonly lines: Uint32Array | number[];
}

/**
 * A text kept as blocks of about 32 K characters, each ending with a line break (but the last),
 * so an edit of a 17 MB dump copies a block or two instead of the whole text, and whole-text
 * strings are made only when asked for (`toString`). Lines end at `\r\n`, `\n` or `\r`;
 * positions count UTF-16 code units and are clamped as LSP text documents clamp them.
 * Immutable: `edit` returns the next version.
 */
export class BlockText {
  private joined: string | null = null;

  private constructor(
    private readonly blocks: readonly Block[],
    /** Offset of each block's first character. */
    private readonly starts: readonly number[],
    /** Number of lines before each block. */
    private readonly linesBefore: readonly number[],
    readonly length: number,
    readonly lineCount: number,
  ) {}

  static of(text: string): BlockText {
    const result = BlockText.from(toBlocks(text, true));
    result.joined = text;
    return result;
  }

  private static from(blocks: readonly Block[]): BlockText {
    const starts: number[] = new Array(blocks.length);
    const linesBefore: number[] = new Array(blocks.length);
    let offset = 0;
    let lines = 0;
    for (let i = 0; i < blocks.length; i++) {
      starts[i] = offset;
      linesBefore[i] = lines;
      offset += blocks[i].text.length;
      lines += blocks[i].lines.length;
    }
    return new BlockText(blocks, starts, linesBefore, offset, lines);
  }

  /** The whole text (made once per version). */
  toString(): string {
    return (this.joined ??= this.blocks.length === 1 ? this.blocks[0].text : this.blocks.map((b) => b.text).join(''));
  }

  slice(start: number, end: number): string {
    start = clamp(start, 0, this.length);
    end = clamp(end, start, this.length);
    if (this.joined !== null) return this.joined.slice(start, end);
    const first = this.blockAt(start);
    const last = this.blockAt(end);
    if (first === last) return this.blocks[first].text.slice(start - this.starts[first], end - this.starts[first]);
    let out = this.blocks[first].text.slice(start - this.starts[first]);
    for (let i = first + 1; i < last; i++) out += this.blocks[i].text;
    return out + this.blocks[last].text.slice(0, end - this.starts[last]);
  }

  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    const i = this.blockAt(offset);
    return this.blocks[i].text.charCodeAt(offset - this.starts[i]);
  }

  /** Offset where `line` starts (clamped to the lines there are). */
  lineStart(line: number): number {
    line = clamp(line, 0, this.lineCount - 1);
    const i = Math.max(0, lastAtOrBefore(this.blocks.length, (k) => this.linesBefore[k], line));
    // Blocks without a line of their own (an empty last block) are skipped by the search.
    return this.starts[i] + this.blocks[i].lines[line - this.linesBefore[i]];
  }

  /** Offset after the last character of `line` before its line break (clamped to the lines there are). */
  lineEnd(line: number): number {
    line = clamp(line, 0, this.lineCount - 1);
    const next = line + 1 < this.lineCount ? this.lineStart(line + 1) : this.length;
    return this.beforeLineEnd(next, this.lineStart(line));
  }

  positionAt(offset: number): Position {
    offset = clamp(offset, 0, this.length);
    const i = this.blockAt(offset);
    const lines = this.blocks[i].lines;
    const k = Math.max(0, lastAtOrBefore(lines.length, (n) => lines[n], offset - this.starts[i]));
    const lineStart = this.starts[i] + lines[k];
    return { line: this.linesBefore[i] + k, character: this.beforeLineEnd(offset, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineCount) return this.length;
    if (position.line < 0) return 0;
    const start = this.lineStart(position.line);
    if (position.character <= 0) return start;
    const next = position.line + 1 < this.lineCount ? this.lineStart(position.line + 1) : this.length;
    return this.beforeLineEnd(Math.min(start + position.character, next), start);
  }

  /** The text with `start`–`end` replaced by `text`; only the blocks the edit touches are copied. */
  edit(start: number, end: number, text: string): BlockText {
    start = clamp(start, 0, this.length);
    end = clamp(end, start, this.length);
    const first = this.blockAt(start);
    let last = end > start ? this.blockAt(end - 1) : first;
    let middle = this.blocks[first].text.slice(0, start - this.starts[first]) + text + this.blocks[last].text.slice(end - this.starts[last]);
    // Every block but the last ends with a line break: take in following blocks until it does.
    while (last < this.blocks.length - 1 && !middle.endsWith('\n')) middle += this.blocks[++last].text;
    const blocks = [...this.blocks.slice(0, first), ...toBlocks(middle, last === this.blocks.length - 1), ...this.blocks.slice(last + 1)];
    return BlockText.from(blocks.length > 0 ? blocks : toBlocks('', true));
  }

  /** Index of the block holding `offset` (the last block for the end of the text). */
  private blockAt(offset: number): number {
    return Math.max(0, lastAtOrBefore(this.blocks.length, (i) => this.starts[i], offset));
  }

  /** LSP positions never point between `\r` and `\n`, nor past a line's end: step back before a line break. */
  private beforeLineEnd(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

/**
 * Cuts `text` into blocks after the first `\n` past every BLOCK_SIZE characters. When the text
 * is not the end of the document, its last block ends with a line break and the line that
 * follows belongs to the next block.
 */
function toBlocks(text: string, atEnd: boolean): Block[] {
  const blocks: Block[] = [];
  let from = 0;
  while (from < text.length) {
    const nl = text.length - from > BLOCK_SIZE ? text.indexOf('\n', from + BLOCK_SIZE) : -1;
    const to = nl < 0 ? text.length : nl + 1;
    blocks.push(block(text.slice(from, to), atEnd && to === text.length));
    from = to;
  }
  if (blocks.length === 0 && atEnd) blocks.push(block('', true));
  return blocks;
}

function block(text: string, last: boolean): Block {
  const starts = lineStarts(text);
  // A break at the very end starts the next block's first line, not a line of this one.
  const own = !last && starts.length > 1 && starts[starts.length - 1] === text.length ? starts.slice(0, -1) : starts;
  return { text, lines: own };
}
