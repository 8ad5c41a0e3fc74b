import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { BlockText } from '../core/text/blockText';
import type { TextEdit } from '../core/workspace/manifestFile';

/**
 * The server's copy of an open document, kept in blocks (`BlockText`): a keystroke in a 17 MB
 * dump copies a block or two, where the LSP library's document copies the whole text on every
 * change. The index reads the blocks and the edit (`text`, `edit`); the whole string is made
 * only when something asks for it. Answers positions exactly as the library's document does.
 */
export class BlockTextDocument implements TextDocument {
  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    readonly text: BlockText,
    /**
     * The one edit that made this version from the previous one (offsets in the previous text),
     * when the change was a single range: the index then reads the new version around it only.
     */
    readonly edit?: TextEdit,
  ) {}

  static create(uri: string, languageId: string, version: number, content: string): BlockTextDocument {
    return new BlockTextDocument(uri, languageId, version, BlockText.of(content));
  }

  /** The next version after `changes`, applied in order (ranges refer to the text before each change). */
  static update(document: BlockTextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): BlockTextDocument {
    let text = document.text;
    let edit: TextEdit | undefined;
    for (const change of changes) {
      if (isIncremental(change)) {
        const { start, end } = wellFormed(change.range);
        edit = { start: text.offsetAt(start), end: text.offsetAt(end), text: change.text };
        text = text.edit(edit.start, edit.end, edit.text);
      } else {
        text = BlockText.of(change.text);
      }
    }
    return new BlockTextDocument(document.uri, document.languageId, version, text, changes.length === 1 ? edit : undefined);
  }

  getText(range?: Range): string {
    if (!range) return this.text.toString();
    return this.text.slice(this.text.offsetAt(range.start), this.text.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    return this.text.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.text.offsetAt(position);
  }

  get lineCount(): number {
    return this.text.lineCount;
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const last = Math.min(line, this.text.lineCount - 1);
    // Past the last line: the last line up to the end of the text, as the library answers.
    const end = line >= this.text.lineCount ? this.text.length : this.text.lineEnd(last);
    return { start: { line: last, character: 0 }, end: { line: last, character: end - this.text.lineStart(last) } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.text.lineCount) return '';
    const next = line + 1 < this.text.lineCount ? this.text.lineStart(line + 1) : this.text.length;
    return this.text.slice(this.text.lineEnd(line), next);
  }
}

/** The library's test for a change of one range (a full-text change has no range). */
function isIncremental(change: TextDocumentContentChangeEvent): change is { range: Range; rangeLength?: number; text: string } {
  const candidate = change as { range?: Range; rangeLength?: unknown; text?: unknown };
  return typeof candidate.text === 'string' && candidate.range !== undefined && (candidate.rangeLength === undefined || typeof candidate.rangeLength === 'number');
}

/** A range with its ends in order (editors may send them reversed). */
function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
