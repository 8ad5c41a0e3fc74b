/**
 * SelectorIndex answers through a label index when a selector has an `In` requirement; its
 * answers must be the classes, in the order, that scanning every class in scope gives.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POD_NAMESPACE_LABEL } from '../../server/src/core/cilium/labelKeys';
import { buildUniverse, type Universe } from '../../server/src/core/engine/groups';
import { SelectorIndex } from '../../server/src/core/engine/selectors';
import { matchesSelector, type LabelSelector, type Requirement } from '../../server/src/core/k8s/labelSelector';
import { readManifestFile } from '../../server/src/core/workspace/manifestFile';
import { deployment, docs, namespace, URI } from './helpers';

const universe = buildUniverse(
  readManifestFile(
    URI,
    docs(
      namespace('a', { team: 'x' }),
      namespace('b', { team: 'y' }),
      namespace('c', { team: 'x' }),
      ...['a', 'b', 'c'].flatMap((ns) => [
        deployment(ns, 'web', { app: 'web', tier: 'front' }),
        deployment(ns, 'api', { app: 'api', tier: 'back' }),
        deployment(ns, 'db', { app: 'db' }),
        deployment(ns, 'job', { role: 'batch' }),
      ]),
    ),
  ).resources,
);

const ids = (u: Universe, classes: ReadonlySet<number>) => [...classes].map((c) => u.classes[c].groups.map((g) => u.groups[g].id).join('+'));
const sel = (...requirements: Requirement[]): LabelSelector => ({ requirements });
const isIn = (key: string, ...values: string[]): Requirement => ({ key, operator: 'In', values });

/** The scan the index replaces: namespaces in the order given, classes by index within each. */
function scanPods(selector: LabelSelector, namespaces: readonly string[]): string[] {
  const out = new Set<number>();
  for (const ns of namespaces) for (const c of universe.classesByNamespace.get(ns) ?? []) if (matchesSelector(selector, universe.classes[c].labels)) out.add(c);
  return ids(universe, out);
}

function scanCilium(selector: LabelSelector): string[] {
  const nsReq = selector.requirements.find((r) => r.key === POD_NAMESPACE_LABEL && r.operator === 'In');
  const candidates = nsReq ? nsReq.values.flatMap((ns) => universe.classesByNamespace.get(ns) ?? []) : universe.classes.map((c) => c.index);
  const out = new Set<number>();
  for (const c of candidates) if (matchesSelector(selector, universe.classes[c].ciliumLabels)) out.add(c);
  return ids(universe, out);
}

describe('selector index', () => {
  const podCases: [string, LabelSelector, string[]][] = [
    ['one value, namespaces out of order', sel(isIn('app', 'web')), ['c', 'a']],
    ['several values and a narrower second requirement', sel(isIn('app', 'db', 'web', 'api'), isIn('tier', 'back')), ['b', 'a', 'c']],
    ['a value nobody carries', sel(isIn('app', 'nope')), ['a', 'b', 'c']],
    ['a namespace listed twice', sel(isIn('app', 'api', 'web')), ['b', 'a', 'b']],
    ['In with NotIn and DoesNotExist', sel(isIn('app', 'web', 'api', 'db'), { key: 'tier', operator: 'NotIn', values: ['front'] }), ['a', 'c']],
    ['no In requirement (scanned)', sel({ key: 'tier', operator: 'DoesNotExist', values: [] }), ['c', 'b']],
  ];
  for (const [name, selector, namespaces] of podCases) {
    test(`pod selector: ${name}`, () => {
      const got = ids(universe, new SelectorIndex(universe).podsIn(selector, namespaces));
      assert.deepEqual(got, scanPods(selector, namespaces));
    });
  }

  const ciliumCases: [string, LabelSelector][] = [
    ['namespaces listed in reverse, narrowed by app', sel(isIn(POD_NAMESPACE_LABEL, 'c', 'b', 'a'), isIn('app', 'web', 'db'))],
    ['namespace label and app', sel(isIn('io.cilium.k8s.namespace.labels.team', 'x'), isIn('app', 'api'))],
    ['every namespace', sel(isIn('app', 'web'))],
    ['a value nobody carries', sel(isIn('app', 'web'), isIn(POD_NAMESPACE_LABEL, 'nope'))],
  ];
  for (const [name, selector] of ciliumCases) {
    test(`Cilium selector: ${name}`, () => {
      const got = ids(universe, new SelectorIndex(universe).cilium(selector));
      assert.deepEqual(got, scanCilium(selector));
      if (name !== 'a value nobody carries') assert.ok(got.length > 0);
    });
  }
});
