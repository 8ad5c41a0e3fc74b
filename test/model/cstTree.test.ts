import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Parser } from 'yaml';
import { asMap, asScalar, asSeq, get, getPath } from '../../server/src/core/yaml/nodes';
import { treeFromCst } from '../../server/src/core/yaml/cstTree';
import { parseChunkText, parseYamlDocuments, splitDocuments, type ParsedChunk } from '../../server/src/core/yaml/parseYaml';
import { applyMutation, exampleManifests, mutationArb } from '../fuzz/fuzzCore';
import { repoRoot } from '../support/lspClient';

/**
 * Our tree is built straight from the library's tokens for plain YAML, and by the library's
 * composition otherwise. Both ways must give the same documents: tree, spans, values, problems.
 */
function bothWays(chunk: string): { fromCst: ParsedChunk; composed: ParsedChunk } {
  return { fromCst: parseChunkText(chunk, { fromCst: true }), composed: parseChunkText(chunk, { fromCst: false }) };
}

function chunksOf(text: string): string[] {
  return splitDocuments(text).map((c) => text.slice(c.start, c.end));
}

const takesCstWay = (chunk: string) => treeFromCst(Array.from(new Parser().parse(chunk))) !== undefined;

describe('the tree built from the CST is the composed tree', () => {
  const manifests = exampleManifests(repoRoot());

  test('on every document of every example manifest', () => {
    let fromCst = 0;
    let all = 0;
    for (const [name, text] of manifests) {
      for (const chunk of chunksOf(text)) {
        const { fromCst: a, composed: b } = bothWays(chunk);
        assert.deepEqual(a, b, `${name}: ${chunk.slice(0, 80)}`);
        all++;
        if (takesCstWay(chunk)) fromCst++;
      }
    }
    // The fast way is the common way: nearly all real manifests are plain YAML.
    assert.ok(fromCst / all > 0.9, `only ${fromCst} of ${all} documents built from the CST`);
  });

  test('on mutated manifests (tabs, punctuation, unicode, duplicated lines, indentation)', () => {
    const documents = manifests.flatMap(([, text]) => chunksOf(text));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: documents.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const text = mutations.reduce(applyMutation, documents[which]);
        for (const chunk of chunksOf(text)) {
          const { fromCst: a, composed: b } = bothWays(chunk);
          assert.deepEqual(a, b);
        }
      }),
      { seed: 20261126, numRuns: 400 },
    );
  });

  test('on scalars of every implicit YAML 1.1 type, as keys, values and flow items', () => {
    const word = fc.oneof(
      fc.constantFrom('~', 'null', 'Null', 'NULL', 'y', 'Y', 'yes', 'No', 'on', 'OFF', 'true', 'False', '0b101', '0o17', '017', '0x1F', '1_000', '190:20:30', '1.5', '1.50', '.5', '.', '-.inf', '.NaN', '6.8e+5', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '<<', 'a', 'port', '80'),
      fc.string({ unit: fc.constantFrom(...'0123456789.+-_:eExbo~nNyYtTfF aZ'), minLength: 1, maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 5 }), fc.array(word, { maxLength: 4 }), (pairs, items) => {
        const text = `${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\nlist: [${items.join(', ')}]\n`;
        const { fromCst: a, composed: b } = bothWays(text);
        assert.deepEqual(a, b, text);
      }),
      { seed: 7, numRuns: 1500 },
    );
  });
});

describe('what goes which way', () => {
  test('a plain manifest is built from the CST, with its values typed as YAML 1.1 reads them', () => {
    const text = 'kind: Service\nspec:\n  ports: [80, "443"]\n  selector: {}\n  enabled: yes\n  ratio: 1.50\n  empty:\n';
    assert.ok(takesCstWay(text));
    const [doc] = parseYamlDocuments(text);
    assert.deepEqual(doc.problems, []);
    const spec = getPath(doc.root, ['spec']);
    const ports = asSeq(get(spec, 'ports'))!;
    assert.deepEqual(ports.items.map((i) => [asScalar(i)!.value, asScalar(i)!.style]), [[80, 'plain'], ['443', 'double']]);
    assert.deepEqual(asMap(get(spec, 'selector')), { kind: 'map', span: { start: 53, end: 55 }, pairs: [], flow: true });
    assert.deepEqual(['enabled', 'ratio', 'empty'].map((k) => asScalar(get(spec, k))!.value), [true, 1.5, null]);
  });

  test('a duplicated key goes the composed way, which reports it on the second key', () => {
    const text = 'kind: Service\nkind: Pod\n';
    assert.equal(takesCstWay(text), false);
    const [doc] = parseYamlDocuments(text);
    assert.deepEqual(
      doc.problems.map((p) => [p.code, p.message, text.slice(p.span.start, p.span.end)]),
      [['yaml-duplicate-key', 'Map keys must be unique', 'kind']],
    );
  });

  test('anchors, tags, tabs and flow maps with content go the composed way', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a:\n\t- b\n', 'a: {b: 1}\n', '? a\n: b\n', '%YAML 1.1\n---\na: 1\n']) {
      assert.equal(takesCstWay(text), false, text);
      const { fromCst, composed } = bothWays(text);
      assert.deepEqual(fromCst, composed, text);
    }
  });

  test('a key the 1.1 schema reads as NaN (`.`) is never a duplicate, as in the composer', () => {
    const text = '.: 1\n.: 2\n';
    assert.ok(takesCstWay(text));
    const { fromCst, composed } = bothWays(text);
    assert.deepEqual(fromCst, composed);
    assert.deepEqual(fromCst.parts[0].problems, []);
  });
});
