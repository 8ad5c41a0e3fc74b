import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { readManifestFile, type ManifestFile } from '../../server/src/core/workspace/manifestFile';
import { YamlParseCache } from '../../server/src/core/yaml/parseYaml';

/** Reading the next version of a file reuses what did not change, and reads exactly like a fresh read. */
describe('reading a new version of a file', () => {
  const uri = 'file:///ws/dump.yaml';
  const doc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  selector:\n    app: ${name}\n`;
  const dump = (names: string[], eol = '\n') => names.map((n) => `---${eol}${doc(n).replace(/\n/g, eol)}`).join('');

  /** What a reader of the file sees: documents, resources, lines; the same as reading it from scratch. */
  function assertSameAsFresh(file: ManifestFile): void {
    const fresh = readManifestFile(uri, file.text);
    assert.equal(file.skipped, fresh.skipped);
    assert.deepEqual(file.problems, fresh.problems);
    assert.equal(file.isKubernetes, fresh.isKubernetes);
    assert.deepEqual(
      file.documents.map((d) => [d.index, d.offset, d.text]),
      fresh.documents.map((d) => [d.index, d.offset, d.text]),
    );
    assert.deepEqual(
      file.resources.map((r) => [r.kind, r.name, r.source.document.offset, r.source.document.index]),
      fresh.resources.map((r) => [r.kind, r.name, r.source.document.offset, r.source.document.index]),
    );
    const scanned = new LineIndex(file.text);
    assert.equal(file.lines.lineCount, scanned.lineCount);
    for (let o = 0; o <= file.text.length; o += 7) assert.deepEqual(file.lines.positionAt(o), scanned.positionAt(o), `offset ${o}`);
    assert.deepEqual(
      file.resourcesByDocument.map((g) => g.map((r) => r.name)),
      fresh.documents.map((d) => fresh.resources.filter((r) => r.source.document === d).map((r) => r.name)),
    );
  }

  test('an edit in the middle keeps the objects of every other document, moved to their new offsets', () => {
    const cache = new YamlParseCache();
    const v1 = readManifestFile(uri, dump(['a', 'b', 'c', 'd']), { cache });
    const [a, , c, d] = v1.resources;
    const v2 = readManifestFile(uri, dump(['a', 'b-renamed', 'c', 'd']), { cache, previous: v1 });
    assertSameAsFresh(v2);
    assert.equal(v2.resources[0], a);
    assert.equal(v2.resources[2], c);
    assert.equal(v2.resources[3], d);
    assert.equal(v2.resources[1].name, 'b-renamed');
    assert.equal(c.source.document.offset, v2.text.indexOf('---\napiVersion: v1\nkind: Service\nmetadata:\n  name: c'));
  });

  test('documents inserted, removed and reordered; CRLF files; text before the first marker', () => {
    const cache = new YamlParseCache();
    const versions = [
      dump(['a', 'b', 'c']),
      dump(['a', 'x', 'b', 'c']),
      dump(['x', 'b', 'c']),
      dump(['c', 'b', 'x']),
      '# leading comment\n\n' + dump(['c', 'b', 'x']),
      dump(['c', 'b'], '\r\n'),
      dump(['c', 'b', 'y'], '\r\n') + '# trailing comment\n',
      '',
      dump(['a']),
    ];
    let previous: ManifestFile | undefined;
    for (const text of versions) {
      const file = readManifestFile(uri, text, { cache, previous });
      assertSameAsFresh(file);
      previous = file;
    }
  });

  test('LineIndex.joined gives the index of the whole text from its parts', () => {
    const text = 'a: 1\nb: 2\n---\nc: 3\n---\nd: 4';
    const joined = LineIndex.joined(text.length, [0, 10, 19], [
      [0, 5, 10],
      [0, 4, 9],
      [0, 4],
    ]);
    const scanned = new LineIndex(text);
    assert.equal(joined.lineCount, scanned.lineCount);
    for (let o = 0; o <= text.length; o++) assert.deepEqual(joined.positionAt(o), scanned.positionAt(o));
  });

  test('reading only around an edit gives what reading the whole new text gives', () => {
    const base = [
      '# cluster dump\n',
      dump(['a', 'b']),
      '---\n# only a comment\n',
      dump(['c']),
      'kind: ConfigMap\nmetadata:\n  name: d\n...\n',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: e\n',
      dump(['f', 'g']),
    ].join('');
    const pieces = ['', 'x', '\n', '---\n', '\n---', '...\n', '# note\n', ': ', '  ', 'kind: Service\n', '{{ .Values.x }}', '\u0000', '\r\n', '---'];
    const editArb = fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), text: fc.constantFrom(...pieces) });
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 4 }), (edits) => {
        const cache = new YamlParseCache();
        let file = readManifestFile(uri, base, { cache });
        for (const e of edits) {
          const start = e.at % (file.text.length + 1);
          const end = Math.min(file.text.length, start + e.length);
          const text = file.text.slice(0, start) + e.text + file.text.slice(end);
          file = readManifestFile(uri, text, { cache, previous: file, edit: { start, end, text: e.text } });
          assertSameAsFresh(file);
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
