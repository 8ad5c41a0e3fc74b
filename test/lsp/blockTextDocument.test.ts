import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BlockText } from '../../server/src/core/text/blockText';
import { BlockTextDocument } from '../../server/src/lsp/blockTextDocument';

/** Text made of lines of varied length with every kind of line end, long enough for many blocks. */
const linesArb = fc.array(
  fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '-', 'é', '😀'), maxLength: 3000, size: 'max' }), fc.constantFrom('\n', '\r\n', '\r', '\n', '\n')),
  { minLength: 0, maxLength: 120, size: 'max' },
).map((lines) => lines.map(([text, end]) => text + end).join(''));

const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 70_000 }),
  text: fc.oneof(fc.constantFrom('', 'x', '\n', '\r', '\r\n', 'key: value\n', '\n\n'), fc.string({ unit: fc.constantFrom('a', '\n', '\r', ' '), maxLength: 40 })),
});

/** Everything an LSP document answers, asked of both. */
function assertSameAs(ours: BlockTextDocument, doc: TextDocument, probes: readonly number[]): void {
  const text = doc.getText();
  assert.equal(ours.text.length, text.length);
  assert.equal(ours.lineCount, doc.lineCount);
  assert.equal(ours.getText(), text);
  for (const p of probes) {
    const offset = Math.floor(p * (text.length + 2)) - 1;
    assert.deepEqual(ours.positionAt(offset), doc.positionAt(offset), `positionAt(${offset})`);
    const position = doc.positionAt(offset);
    for (const line of [position.line, position.line + 1, -1, doc.lineCount]) {
      for (const character of [position.character, position.character + 1, 0, 10_000]) {
        assert.equal(ours.offsetAt({ line, character }), doc.offsetAt({ line, character }), `offsetAt(${line}:${character})`);
      }
      assert.deepEqual(ours.getLineRange(line), doc.getLineRange(line), `getLineRange(${line})`);
      assert.equal(ours.getEOLCharacters(line), doc.getEOLCharacters(line), `getEOLCharacters(${line})`);
    }
    const range = { start: position, end: doc.positionAt(offset + 40_000) };
    assert.equal(ours.getText(range), doc.getText(range));
  }
}

describe('a document kept in blocks answers as the LSP library\'s text document does', () => {
  test('after any sequence of changes (line ends of every kind, edits across blocks, reversed ranges, full text)', () => {
    let longTexts = 0;
    fc.assert(
      fc.property(linesArb, fc.array(editArb, { maxLength: 8 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), (initial, edits, probes) => {
        if (initial.length > 100_000) longTexts++;
        let ours = BlockTextDocument.create('file:///t.yaml', 'yaml', 1, initial);
        let doc = TextDocument.create('file:///t.yaml', 'yaml', 1, initial);
        assertSameAs(ours, doc, probes);
        let version = 1;
        for (const e of edits) {
          const start = Math.floor(e.at * (doc.getText().length + 1));
          const end = Math.min(doc.getText().length, start + e.length);
          const range = e.length % 7 === 3 ? { start: doc.positionAt(end), end: doc.positionAt(start) } : { start: doc.positionAt(start), end: doc.positionAt(end) };
          const change = e.length % 11 === 5 ? { text: e.text } : { range, text: e.text };
          // The edit that made the version, in offsets of the text before it (what the index reads).
          const a = doc.offsetAt(range.start);
          const b = doc.offsetAt(range.end);
          const expectedEdit = 'range' in change ? { start: Math.min(a, b), end: Math.max(a, b), text: e.text } : undefined;
          doc = TextDocument.update(doc, [change], ++version);
          ours = BlockTextDocument.update(ours, [change], version);
          assertSameAs(ours, doc, probes);
          assert.deepEqual(ours.edit, expectedEdit);
        }
      }),
      { seed: 424242, numRuns: 150 },
    );
    // Texts of many 32 K blocks, so edits cross and merge blocks.
    assert.ok(longTexts > 30, `only ${longTexts} texts over 100,000 characters`);
  });

  test('an edit in the middle of a large text (many blocks)', () => {
    const line = 'metadata:\n  name: web\n';
    const text = line.repeat(20_000); // 440,000 characters
    const blocks = BlockText.of(text);
    const edited = blocks.edit(text.length / 2, text.length / 2, 'x');
    // Answered from the blocks (before anything joins them).
    assert.equal(edited.slice(text.length / 2 - 3, text.length / 2 + 4), 'eb\nxmet');
    assert.deepEqual(edited.positionAt(text.length / 2 + 1), { line: 20_000, character: 1 });
    assert.equal(edited.offsetAt({ line: 20_001, character: 2 }), text.length / 2 + 'xmetadata:\n'.length + 2);
    assert.equal(edited.lineCount, 40_001);
    assert.equal(edited.toString(), text.slice(0, text.length / 2) + 'x' + text.slice(text.length / 2));
  });

  test('an empty text has one empty line', () => {
    const empty = BlockText.of('');
    assert.equal(empty.lineCount, 1);
    assert.deepEqual(empty.positionAt(5), { line: 0, character: 0 });
    assert.equal(empty.edit(0, 0, 'a\n').toString(), 'a\n');
    assert.equal(empty.edit(0, 0, 'a\n').lineCount, 2);
  });
});
