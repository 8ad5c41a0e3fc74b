import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { asMap, get, getPath, nodeAt, scalarText, stringMap } from '../../server/src/core/yaml/nodes';
import { parseYamlDocuments, splitDocuments, YamlParseCache } from '../../server/src/core/yaml/parseYaml';
import { rangeText, yaml } from '../support/text';

describe('YAML documents with exact source ranges', () => {
  test('every key and value keeps its range, relative to its document', () => {
    const text = yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: backend
      ---
      kind: Service
      spec:
        ports: [{port: 8080}]
    `;
    const docs = parseYamlDocuments(text);
    assert.equal(docs.length, 2);
    const name = getPath(docs[0].root, ['metadata', 'name'])!;
    assert.equal(rangeText(text, docs[0].offset + name.span.start, docs[0].offset + name.span.end), '4:9-4:16');
    const port = getPath(docs[1].root, ['spec', 'ports', 0, 'port'])!;
    assert.equal(scalarText(port), '8080');
    assert.equal(rangeText(text, docs[1].offset + port.span.start, docs[1].offset + port.span.end), '8:18-8:22');
    const kindPair = asMap(docs[1].root)!.pairs[0];
    assert.equal(rangeText(text, docs[1].offset + kindPair.key.span.start, docs[1].offset + kindPair.key.span.end), '6:1-6:5');
  });

  test('a syntax error is a problem of its own document and the next document is still read', () => {
    const text = 'kind: A\n---\nkind: [oops\n---\nkind: C\n';
    const docs = parseYamlDocuments(text);
    assert.equal(docs.length, 3);
    assert.equal(docs[0].problems.length, 0);
    assert.ok(docs[1].problems.length > 0);
    assert.equal(docs[1].problems[0].severity, 'error');
    const p = docs[1].problems[0];
    assert.equal(rangeText(text, docs[1].offset + p.span.start, docs[1].offset + p.span.end).split('-')[0].split(':')[0], '3');
    assert.equal(scalarText(get(docs[2].root, 'kind')), 'C');
    assert.equal(docs[2].problems.length, 0);
  });

  test('a duplicate key is reported where the second key is written', () => {
    const text = 'metadata:\n  name: a\n  name: b\n';
    const [doc] = parseYamlDocuments(text);
    assert.equal(doc.problems.length, 1);
    assert.match(doc.problems[0].message, /unique/i);
    assert.equal(rangeText(text, doc.problems[0].span.start, doc.problems[0].span.end), '3:3-3:7');
  });

  test('YAML 1.1 booleans are booleans (as Kubernetes decodes them) and quoted numbers stay strings', () => {
    const [doc] = parseYamlDocuments('a: yes\nb: "8080"\nc: 8080\nd: off\n');
    assert.equal(getPath(doc.root, ['a'])!.kind === 'scalar' && (getPath(doc.root, ['a']) as { value: unknown }).value, true);
    assert.equal((getPath(doc.root, ['b']) as { value: unknown }).value, '8080');
    assert.equal((getPath(doc.root, ['c']) as { value: unknown }).value, 8080);
    assert.equal((getPath(doc.root, ['d']) as { value: unknown }).value, false);
  });

  test('aliases share the anchored node and an alias bomb is not expanded', () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const [doc] = parseYamlDocuments(bomb.join('\n') + '\n');
    const last = getPath(doc.root, ['l']);
    assert.equal(last?.kind, 'seq');
  });

  test('merge keys (`<<: *anchor`) are expanded for lookups, own keys first', () => {
    const [doc] = parseYamlDocuments('base: &b {app: web, tier: front}\nlabels:\n  <<: *b\n  tier: back\n');
    const labels = get(doc.root, 'labels');
    assert.equal(scalarText(get(labels, 'app')), 'web');
    assert.equal(scalarText(get(labels, 'tier')), 'back');
    assert.deepEqual({ ...stringMap(labels) }, { app: 'web', tier: 'back' });
  });

  test('document markers split documents; leading comments join the next document; `...` ends one', () => {
    const text = '# header\n---\na: 1\n...\nb: 2\n---\n';
    assert.deepEqual(splitDocuments(text).map((c) => text.slice(c.start, c.end)), ['# header\n---\na: 1\n...\n', 'b: 2\n', '---\n']);
  });

  test('parsing never throws, even on absurd nesting', () => {
    const deep = '['.repeat(20000) + ']'.repeat(20000);
    const docs = parseYamlDocuments(deep);
    assert.equal(docs.length, 1);
    assert.ok(docs[0].problems.some((p) => p.severity === 'error'));
  });

  test('unchanged documents are reused from the cache after an edit elsewhere', () => {
    const cache = new YamlParseCache();
    const before = parseYamlDocuments('a: 1\n---\nb: 2\n', { cache });
    const after = parseYamlDocuments('a: 10\n---\nb: 2\n', { cache });
    assert.notEqual(after[0].root, before[0].root);
    assert.equal(after[1].root, before[1].root, 'the second document was not re-parsed');
    assert.equal(after[1].offset, before[1].offset + 1);
  });

  test('nodeAt finds the key or value under an offset with its path', () => {
    const text = 'spec:\n  podSelector:\n    matchLabels:\n      app: web\n';
    const [doc] = parseYamlDocuments(text);
    const onValue = nodeAt(doc.root, text.indexOf('web') + 1)!;
    assert.deepEqual(onValue.path, ['spec', 'podSelector', 'matchLabels', 'app']);
    assert.equal(onValue.onKey, false);
    const onKey = nodeAt(doc.root, text.indexOf('podSelector') + 2)!;
    assert.deepEqual(onKey.path, ['spec', 'podSelector']);
    assert.equal(onKey.onKey, true);
  });
});
