import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CILIUM_ENTITIES,
  CLUSTER_LABEL,
  entityInfo,
  KNOWN_LABEL_SOURCES,
  NAMESPACE_LABELS_PREFIX,
  namespaceLabelKey,
  parseCiliumLabelKey,
  POD_NAMESPACE_LABEL,
  SERVICE_ACCOUNT_LABEL,
  sourceMatches,
} from '../../server/src/core/cilium/labelKeys';

describe('parseCiliumLabelKey', () => {
  const cases: [string, string, string, boolean][] = [
    ['k8s:app', 'k8s', 'app', true],
    ['k8s:io.kubernetes.pod.namespace', 'k8s', POD_NAMESPACE_LABEL, true],
    ['io.kubernetes.pod.namespace', 'any', POD_NAMESPACE_LABEL, false],
    ['app', 'any', 'app', false],
    ['any:app', 'any', 'app', true],
    ['reserved:host', 'reserved', 'host', true],
    ['unspec:app', 'unspec', 'app', true],
    ['$host', 'reserved', 'host', true],
    ['reserved.world', 'reserved', 'world', true],
    ['app.kubernetes.io/name', 'any', 'app.kubernetes.io/name', false],
    ['k8s:io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name', 'k8s', 'io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name', true],
    ['k8z:app', 'k8z', 'app', true],
    ['k8s:a:b', 'k8s', 'a:b', true],
    ['', 'any', '', false],
  ];
  for (const [input, source, key, explicit] of cases) {
    test(`${JSON.stringify(input)} → ${source} / ${key}`, () => assert.deepEqual(parseCiliumLabelKey(input), { source, key, explicitSource: explicit }));
  }
  test('an unknown source is detectable', () => {
    assert.ok(!KNOWN_LABEL_SOURCES.includes(parseCiliumLabelKey('k8z:app').source));
    assert.ok(KNOWN_LABEL_SOURCES.includes(parseCiliumLabelKey('k8s:app').source));
  });
});

describe('sourceMatches and special keys', () => {
  test('any matches every source; others only themselves', () => {
    assert.ok(sourceMatches('any', 'k8s'));
    assert.ok(sourceMatches('any', 'reserved'));
    assert.ok(sourceMatches('k8s', 'k8s'));
    assert.ok(!sourceMatches('k8s', 'reserved'));
    assert.ok(!sourceMatches('reserved', 'k8s'));
  });
  test('constants', () => {
    assert.equal(POD_NAMESPACE_LABEL, 'io.kubernetes.pod.namespace');
    assert.equal(NAMESPACE_LABELS_PREFIX, 'io.cilium.k8s.namespace.labels.');
    assert.equal(SERVICE_ACCOUNT_LABEL, 'io.cilium.k8s.policy.serviceaccount');
    assert.equal(CLUSTER_LABEL, 'io.cilium.k8s.policy.cluster');
  });
  test('namespaceLabelKey', () => {
    assert.equal(namespaceLabelKey('io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name'), 'kubernetes.io/metadata.name');
    assert.equal(namespaceLabelKey('io.cilium.k8s.namespace.labels.team'), 'team');
    assert.equal(namespaceLabelKey('io.kubernetes.pod.namespace'), null);
  });
});

describe('CILIUM_ENTITIES (C9)', () => {
  test('the CRD enum is exactly the eleven documented names', () => {
    const inEnum = CILIUM_ENTITIES.filter((e) => e.inCrdEnum).map((e) => e.name).sort();
    assert.deepEqual(inEnum, ['all', 'cluster', 'health', 'host', 'ingress', 'init', 'kube-apiserver', 'none', 'remote-node', 'unmanaged', 'world']);
  });
  test('world-ipv4 and world-ipv6 exist but are outside the enum', () => {
    assert.equal(entityInfo('world-ipv4')?.inCrdEnum, false);
    assert.equal(entityInfo('world-ipv6')?.inCrdEnum, false);
  });
  test('every entity has a one-line meaning', () => {
    assert.equal(CILIUM_ENTITIES.length, 13);
    for (const e of CILIUM_ENTITIES) assert.ok(e.meaning.length > 0 && !e.meaning.includes('\n'), e.name);
    assert.match(entityInfo('host')!.meaning, /local node/);
    assert.match(entityInfo('ingress')!.meaning, /not AGIC/);
  });
  test('lookups are exact', () => {
    assert.equal(entityInfo('World'), null);
    assert.equal(entityInfo('remote_node'), null);
    assert.equal(entityInfo('remote-node')?.name, 'remote-node');
  });
});
