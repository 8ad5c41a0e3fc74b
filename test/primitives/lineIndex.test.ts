import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex } from '../../server/src/core/text/lineIndex';

/** Positions as LSP counts them: every kind of line end ends a line, characters in UTF-16 units. */
describe('LineIndex', () => {
  const positions = (text: string) => [...Array(text.length + 1).keys()].map((o) => new LineIndex(text).positionAt(o));

  test('LF-only text (the fast path) and the same text with CRLF give the same lines', () => {
    const lf = new LineIndex('kind: A\nmetadata:\n  name: x\n');
    assert.equal(lf.lineCount, 4);
    assert.deepEqual(lf.positionAt(8), { line: 1, character: 0 });
    assert.deepEqual(lf.positionAt(20), { line: 2, character: 2 });
    const crlf = new LineIndex('kind: A\r\nmetadata:\r\n  name: x\r\n');
    assert.equal(crlf.lineCount, 4);
    assert.deepEqual(crlf.positionAt(9), { line: 1, character: 0 });
    assert.deepEqual(crlf.positionAt(22), { line: 2, character: 2 });
  });

  test('a lone CR ends a line, and a CRLF is one line end', () => {
    assert.deepEqual(
      positions('a\rb\r\nc\nd').map((p) => `${p.line}:${p.character}`),
      ['0:0', '0:1', '1:0', '1:1', '1:2', '2:0', '2:1', '3:0', '3:1'],
    );
  });

  test('offsets round-trip, clamped to the text and to the line', () => {
    const text = 'a: 1\nbb: 22\n\nccc';
    const index = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) assert.equal(index.offsetAt(index.positionAt(o)), o);
    assert.deepEqual(index.positionAt(999), { line: 3, character: 3 });
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 5);
    assert.equal(index.offsetAt({ line: 9, character: 0 }), text.length);
    assert.equal(new LineIndex('').lineCount, 1);
  });
});
