import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { yamlContextAt } from '../../../server/src/features/yamlContext';

/** The context at `$0`, with the replaced text instead of offsets. */
function at(textWithCursor: string): { path: string; key: string | null; replaced: string; prefix: string; quoted: boolean } | null {
  const offset = textWithCursor.indexOf('$0');
  const text = textWithCursor.replace('$0', '');
  const ctx = yamlContextAt(text, offset);
  if (!ctx) return null;
  return { path: ctx.path.join('.'), key: ctx.key, replaced: text.slice(ctx.replaceStart, ctx.replaceEnd), prefix: ctx.prefix, quoted: ctx.quoted };
}

describe('yamlContextAt', () => {
  test('a key being typed in a block map', () => {
    assert.deepEqual(at('metadata:\n  name: a\n  annotations:\n    x: "1"\n    appg$0w.ingress\nspec:\n'), {
      path: 'metadata.annotations',
      key: null,
      replaced: 'appgw.ingress',
      prefix: 'appg',
      quoted: false,
    });
  });

  test('an empty indented line', () => {
    assert.deepEqual(at('metadata:\n  annotations:\n    $0\n'), { path: 'metadata.annotations', key: null, replaced: '', prefix: '', quoted: false });
  });

  test('a quoted value after a quoted key', () => {
    assert.deepEqual(at('metadata:\n  annotations:\n    "a/b": "tr$0ue"  # comment\n'), {
      path: 'metadata.annotations',
      key: 'a/b',
      replaced: '"true"',
      prefix: 'tr',
      quoted: true,
    });
  });

  test('inside sequence items, indented and compact', () => {
    const indented = 'spec:\n  rules:\n    - host: a\n      http:\n        paths:\n          - path: /\n            backend:\n              service:\n                name: $0\n';
    assert.deepEqual(at(indented), { path: 'spec.rules.-.http.paths.-.backend.service', key: 'name', replaced: '', prefix: '', quoted: false });
    const compact = 'spec:\n  rules:\n  - host: a\n    http:\n      paths:\n      - path: /\n        pathType: $0\n';
    assert.deepEqual(at(compact), { path: 'spec.rules.-.http.paths.-', key: 'pathType', replaced: '', prefix: '', quoted: false });
  });

  test('the first key of a sequence item, and a later item after a deeper one', () => {
    assert.equal(at('spec:\n  rules:\n    - hos$0t: a\n')?.path, 'spec.rules.-');
    const later = 'spec:\n  tls:\n    - hosts:\n        - a\n      secretName: x\n    - secretName: $0\n';
    assert.deepEqual(at(later)?.path, 'spec.tls.-');
  });

  test('the document start bounds the walk', () => {
    assert.equal(at('kind: Service\nspec:\n  x: 1\n---\nmetadata:\n  annotations:\n    $0\n')?.path, 'metadata.annotations');
  });

  test('block scalars, flow collections and comments give no context', () => {
    assert.equal(at('metadata:\n  annotations:\n    snippet: |\n      more_set$0\n'), null);
    assert.equal(at('metadata:\n  labels: {a: $0}\n'), null);
    assert.equal(at('metadata:\n  # comm$0ent\n'), null);
  });
});
