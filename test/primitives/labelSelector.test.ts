import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeSelector,
  matchesSelector,
  parseLabelSelector,
  selectorFromLabels,
  validateLabelKey,
  validateLabelValue,
  type LabelSelector,
  type Labels,
  type Requirement,
} from '../../server/src/core/k8s/labelSelector';
import { get } from '../../server/src/core/yaml/nodes';
import { parseYamlDocuments } from '../../server/src/core/yaml/parseYaml';

const sel = (...requirements: Requirement[]): LabelSelector => ({ requirements });
const req = (key: string, operator: Requirement['operator'], ...values: string[]): Requirement => ({ key, operator, values });

/** Parses `yaml`, reads the selector at key `podSelector`, and shows each problem as code + the text it points at. */
function parse(yaml: string, dialect: 'kubernetes' | 'cilium' = 'kubernetes') {
  const doc = parseYamlDocuments(yaml)[0];
  const result = parseLabelSelector(get(doc.root, 'podSelector'), { dialect });
  return {
    selector: result.selector,
    problems: result.problems.map((p) => ({ code: p.code, at: doc.text.slice(p.span.start, p.span.end), message: p.message })),
  };
}

describe('matchesSelector (K12 truth table)', () => {
  const withProd: Labels = { app: 'web', env: 'prod' };
  const withDev: Labels = { app: 'web', env: 'dev' };
  const withoutEnv: Labels = { app: 'web' };
  const cases: [string, LabelSelector, Labels, boolean][] = [
    ['In, value in set', sel(req('env', 'In', 'prod', 'staging')), withProd, true],
    ['In, value not in set', sel(req('env', 'In', 'prod')), withDev, false],
    ['In, key absent', sel(req('env', 'In', 'prod')), withoutEnv, false],
    ['NotIn, value in set', sel(req('env', 'NotIn', 'prod')), withProd, false],
    ['NotIn, value not in set', sel(req('env', 'NotIn', 'prod')), withDev, true],
    ['NotIn, key absent matches', sel(req('env', 'NotIn', 'prod')), withoutEnv, true],
    ['Exists, present', sel(req('env', 'Exists')), withDev, true],
    ['Exists, absent', sel(req('env', 'Exists')), withoutEnv, false],
    ['DoesNotExist, present', sel(req('env', 'DoesNotExist')), withProd, false],
    ['DoesNotExist, absent matches', sel(req('env', 'DoesNotExist')), withoutEnv, true],
    ['empty selector matches everything', sel(), {}, true],
    ['requirements are ANDed (one fails)', sel(req('app', 'In', 'web'), req('env', 'In', 'dev')), withProd, false],
    ['requirements are ANDed (all hold)', sel(req('app', 'In', 'web'), req('env', 'NotIn', 'dev')), withProd, true],
    ['value comparison is exact (case)', sel(req('app', 'In', 'Web')), withProd, false],
    ['empty label value matches In ""', sel(req('tier', 'In', '')), { tier: '' }, true],
    ['inherited properties are not labels', sel(req('constructor', 'Exists')), {}, false],
  ];
  for (const [name, selector, labels, expected] of cases) {
    test(name, () => assert.equal(matchesSelector(selector, labels), expected));
  }
});

describe('describeSelector', () => {
  const cases: [LabelSelector, string][] = [
    [sel(), 'all pods'],
    [sel(req('app', 'In', 'payment-service')), 'app=payment-service'],
    [sel(req('env', 'NotIn', 'prod')), 'env notin (prod)'],
    [sel(req('env', 'NotIn', 'prod', 'staging')), 'env notin (prod, staging)'],
    [sel(req('env', 'In', 'a', 'b')), 'env in (a, b)'],
    [sel(req('tier', 'Exists')), 'has tier'],
    [sel(req('tier', 'DoesNotExist')), 'lacks tier'],
    [sel(req('app', 'In', 'web'), req('tier', 'Exists')), 'app=web, has tier'],
  ];
  for (const [selector, expected] of cases) test(expected, () => assert.equal(describeSelector(selector), expected));
  test('custom text for the empty selector', () => assert.equal(describeSelector(sel(), 'all namespaces'), 'all namespaces'));
  test('selectorFromLabels sorts keys', () => assert.equal(describeSelector(selectorFromLabels({ b: '2', a: '1' })), 'a=1, b=2'));
});

describe('validateLabelKey / validateLabelValue', () => {
  const validKeys = ['app', 'app.kubernetes.io/name', 'kubernetes.io/metadata.name', 'a', 'A_b-c.d', 'x'.repeat(63), `${'a'.repeat(253)}/n`];
  for (const key of validKeys) test(`key ok: ${key.slice(0, 40)}`, () => assert.equal(validateLabelKey(key), null));
  const invalidKeys: [string, RegExp][] = [
    ['', /name part must not be empty/],
    ['-app', /must consist of/],
    ['app-', /must consist of/],
    ['x'.repeat(64), /at most 63/],
    ['a/b/c', /more than one '\/'/],
    ['/name', /prefix before '\/' must not be empty/],
    ['Example.com/name', /lowercase DNS subdomain/],
    ['example.com/', /name part must not be empty/],
    [`${'a'.repeat(254)}/n`, /at most 253/],
    ['k8s:app', /must consist of/],
  ];
  for (const [key, message] of invalidKeys) test(`key bad: ${key.slice(0, 40) || '(empty)'}`, () => assert.match(validateLabelKey(key) ?? '', message));
  const values: [string, boolean][] = [
    ['', true],
    ['prod', true],
    ['v1.2_3-x', true],
    ['x'.repeat(63), true],
    ['x'.repeat(64), false],
    ['-prod', false],
    ['prod.', false],
    ['has space', false],
    ['a/b', false],
  ];
  for (const [value, ok] of values) test(`value ${JSON.stringify(value.slice(0, 20))} → ${ok ? 'ok' : 'bad'}`, () => assert.equal(validateLabelValue(value) === null, ok));
});

describe('parseLabelSelector', () => {
  test('absent node gives null, no problems', () => {
    assert.deepEqual(parse('other: 1\n'), { selector: null, problems: [] });
  });
  test('explicit null gives null', () => {
    assert.deepEqual(parse('podSelector:\n'), { selector: null, problems: [] });
  });
  test('empty map is the empty selector', () => {
    assert.deepEqual(parse('podSelector: {}\n'), { selector: { requirements: [] }, problems: [] });
  });
  test('matchLabels and matchExpressions become ANDed requirements', () => {
    const r = parse(
      [
        'podSelector:',
        '  matchLabels:',
        '    app: payment-service',
        '  matchExpressions:',
        '    - {key: env, operator: NotIn, values: [prod]}',
        '    - {key: tier, operator: Exists}',
        '',
      ].join('\n'),
    );
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.selector, sel(req('app', 'In', 'payment-service'), req('env', 'NotIn', 'prod'), req('tier', 'Exists')));
    assert.equal(describeSelector(r.selector!), 'app=payment-service, env notin (prod), has tier');
  });
  test('In without values points at the empty list', () => {
    const r = parse('podSelector:\n  matchExpressions:\n    - {key: env, operator: In, values: []}\n');
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.at]),
      [['selector-values-required', '[]']],
    );
    assert.deepEqual(r.selector, sel(req('env', 'In')));
  });
  test('NotIn with values missing points at the operator', () => {
    const r = parse('podSelector:\n  matchExpressions:\n    - key: env\n      operator: NotIn\n');
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.at]),
      [['selector-values-required', 'NotIn']],
    );
  });
  test('Exists with values points at the values', () => {
    const r = parse('podSelector:\n  matchExpressions:\n    - {key: env, operator: Exists, values: [prod]}\n');
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.at]),
      [['selector-values-forbidden', '[prod]']],
    );
    assert.deepEqual(r.selector, sel(req('env', 'Exists')), 'values are dropped');
  });
  test('DoesNotExist with an empty values list is fine', () => {
    assert.deepEqual(parse('podSelector:\n  matchExpressions:\n    - {key: env, operator: DoesNotExist, values: []}\n').problems, []);
  });
  const operatorTypos: [string, string][] = [
    ['in', 'In'],
    ['notin', 'NotIn'],
    ['NOTIN', 'NotIn'],
    ['exists', 'Exists'],
    ['Exist', 'Exists'],
    ['DoesNotExists', 'DoesNotExist'],
    ['does_not_exist', 'DoesNotExist'],
  ];
  for (const [written, suggestion] of operatorTypos) {
    test(`operator "${written}" suggests ${suggestion}`, () => {
      const r = parse(`podSelector:\n  matchExpressions:\n    - {key: env, operator: ${written}, values: [a]}\n`);
      assert.equal(r.problems.length, 1);
      assert.equal(r.problems[0].code, 'selector-unknown-operator');
      assert.equal(r.problems[0].at, written);
      assert.match(r.problems[0].message, new RegExp(`did you mean "${suggestion}"`));
      assert.deepEqual(r.selector, sel(), 'the unreadable requirement is left out');
    });
  }
  test('an unrelated operator lists the valid ones', () => {
    const r = parse('podSelector:\n  matchExpressions:\n    - {key: env, operator: Equals, values: [a]}\n');
    assert.match(r.problems[0].message, /use In, NotIn, Exists or DoesNotExist/);
  });
  test('non-string label values are reported on the value and still read', () => {
    const r = parse('podSelector:\n  matchLabels:\n    version: 2\n    canary: true\n');
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.at]),
      [
        ['selector-value-not-string', '2'],
        ['selector-value-not-string', 'true'],
      ],
    );
    assert.match(r.problems[0].message, /quote it \("2"\)/);
    assert.deepEqual(r.selector, sel(req('version', 'In', '2'), req('canary', 'In', 'true')));
  });
  test('non-string entries in values', () => {
    const r = parse('podSelector:\n  matchExpressions:\n    - {key: port, operator: In, values: [80, "443"]}\n');
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.at]),
      [['selector-value-not-string', '80']],
    );
    assert.deepEqual(r.selector, sel(req('port', 'In', '80', '443')));
  });
  test('invalid label key and value point at the key and the value', () => {
    const r = parse('podSelector:\n  matchLabels:\n    -bad: ok\n    good: "not ok!"\n');
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.at]),
      [
        ['label-key-invalid', '-bad'],
        ['label-value-invalid', '"not ok!"'],
      ],
    );
  });
  test('an empty matchLabels value is a warning', () => {
    const r = parse('podSelector:\n  matchLabels:\n    app:\n');
    assert.equal(r.problems[0].code, 'selector-label-value-empty');
    assert.deepEqual(r.selector, sel(req('app', 'In', '')));
  });
  test('structure errors', () => {
    assert.deepEqual(
      parse('podSelector: app=web\n').problems.map((p) => [p.code, p.at]),
      [['selector-not-a-map', 'app=web']],
    );
    assert.deepEqual(
      parse('podSelector:\n  matchLabels: [app]\n').problems.map((p) => [p.code, p.at]),
      [['selector-match-labels-not-a-map', '[app]']],
    );
    assert.deepEqual(
      parse('podSelector:\n  matchExpressions: {key: a}\n').problems.map((p) => [p.code, p.at]),
      [['selector-match-expressions-not-a-list', '{key: a}']],
    );
    assert.deepEqual(
      parse('podSelector:\n  matchExpressions: [env]\n').problems.map((p) => [p.code, p.at]),
      [['selector-expression-not-a-map', 'env']],
    );
    assert.deepEqual(
      parse('podSelector:\n  matchExpressions:\n    - {key: env, operator: In, values: prod}\n').problems.map((p) => [p.code, p.at]),
      [['selector-values-not-a-list', 'prod']],
    );
  });
  test('missing key and operator', () => {
    const r = parse('podSelector:\n  matchExpressions:\n    - {values: [a]}\n');
    assert.deepEqual(
      r.problems.map((p) => p.code),
      ['selector-key-missing', 'selector-operator-missing'],
    );
    assert.deepEqual(r.selector, sel());
  });
  test('cilium dialect accepts source-prefixed keys', () => {
    const yaml = 'podSelector:\n  matchLabels:\n    k8s:io.kubernetes.pod.namespace: kube-system\n    k8s:k8s-app: kube-dns\n';
    assert.deepEqual(parse(yaml, 'cilium').problems, []);
    assert.deepEqual(
      parse(yaml).problems.map((p) => p.code),
      ['label-key-invalid', 'label-key-invalid'],
    );
    assert.deepEqual(parse(yaml, 'cilium').selector, sel(req('k8s:io.kubernetes.pod.namespace', 'In', 'kube-system'), req('k8s:k8s-app', 'In', 'kube-dns')));
  });
  test('aliases are followed', () => {
    const r = parse('base: &labels {app: web}\npodSelector:\n  matchLabels: *labels\n');
    assert.deepEqual(r.selector, sel(req('app', 'In', 'web')));
  });
});
