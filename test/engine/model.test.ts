/**
 * Engines (cilium / azure-npm / calico / none), query endpoints (workload, ip:, world, fqdn:),
 * pod groups (owners, finished pods, hostNetwork, the implicit CoreDNS) and lookups.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ask, CLUSTER, deployment, docs, modelOf, namespace, runTable, yaml, type Row } from './helpers';

const CNP_DENY_ALL = yaml`
  apiVersion: cilium.io/v2
  kind: CiliumNetworkPolicy
  metadata:
    name: deny-all
    namespace: shop
  spec:
    endpointSelector: {}
    ingress:
      - {}
    egress:
      - {}
`;

const NP_DENY_INGRESS = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: deny-ingress
    namespace: shop
  spec:
    podSelector: {}
`;

const engineRows: Row[] = [
  { name: 'engine cilium enforces CiliumNetworkPolicy', policies: CNP_DENY_ALL, from: 'other/web', to: 'shop/web', expect: false },
  {
    name: 'engine azure-npm ignores Cilium policies and says so',
    policies: CNP_DENY_ALL,
    settings: { engine: 'azure-npm' },
    from: 'other/web',
    to: 'shop/web',
    expect: true,
    check: (v, model) => {
      const note = 'Engine azure-npm: it enforces only Kubernetes NetworkPolicy, so the 1 Cilium policy has no effect (the CRDs exist only where Cilium is the dataplane).';
      assert.ok(v.notes.includes(note), v.notes.join('\n'));
      assert.ok(model.notes.includes(note));
    },
  },
  { name: 'engine azure-npm enforces NetworkPolicy', policies: NP_DENY_INGRESS, settings: { engine: 'azure-npm' }, from: 'other/web', to: 'shop/web', expect: false },
  { name: 'engine calico enforces NetworkPolicy', policies: NP_DENY_INGRESS, settings: { engine: 'calico' }, from: 'other/web', to: 'shop/web', expect: false },
  { name: 'engine calico ignores Cilium policies', policies: CNP_DENY_ALL, settings: { engine: 'calico' }, from: 'shop/web', to: 'ip:1.1.1.1', expect: true },
  {
    name: 'engine none enforces nothing and says so',
    policies: docs(NP_DENY_INGRESS, CNP_DENY_ALL),
    settings: { engine: 'none' },
    from: 'other/web',
    to: 'shop/web',
    expect: true,
    check: (v) => assert.ok(v.notes.includes('Engine none: no network policy engine enforces anything, so all 2 policies are ignored and every connection is allowed.')),
  },
];

const endpointRows: Row[] = [
  { name: 'an outside address may reach an unrestricted pod', policies: '', from: 'ip:198.51.100.7', to: 'shop/web', port: 8080, expect: true },
  {
    name: 'an ip: endpoint is not a pod: no policy applies on its side, and a note says how it is modelled',
    policies: CNP_DENY_ALL,
    from: 'shop/web',
    to: 'ip:1.1.1.1',
    expect: false,
    check: (v) => {
      assert.deepEqual(v.ingress.reasons, ['ip 1.1.1.1 is not a pod: no ingress policy applies on that side.']);
      assert.ok(v.notes.some((n) => n.startsWith('An ip: endpoint stands for an address outside the cluster')));
    },
  },
  {
    name: 'world is reachable when some outside address is (a /32 is enough), with a note on the definition',
    policies: yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata:
        name: one-address
        namespace: shop
      spec:
        endpointSelector: {}
        egress:
          - toCIDR: [192.0.2.1/32]
    `,
    from: 'shop/web',
    to: 'world',
    expect: true,
    check: (v) => assert.ok(v.notes.some((n) => n.startsWith('`world` means some address outside the cluster'))),
  },
  {
    name: 'world is not reachable when a deny covers the only allowed addresses',
    policies: yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata:
        name: one-address
        namespace: shop
      spec:
        endpointSelector: {}
        egress:
          - toCIDR: [192.0.2.0/24]
        egressDeny:
          - toCIDR: [192.0.2.0/23]
    `,
    from: 'shop/web',
    to: 'world',
    expect: false,
  },
  { name: 'an unrestricted pod reaches any name it can resolve', policies: '', from: 'shop/web', to: 'fqdn:example.com', port: 443, expect: true },
  {
    name: 'a query with a protocol and no port asks about any port of that protocol (TCP here: denied)',
    policies: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: udp-only
        namespace: shop
      spec:
        podSelector:
          matchLabels:
            app: db
        ingress:
          - ports:
              - protocol: UDP
    `,
    from: 'shop/web',
    to: 'shop/db',
    protocol: 'TCP',
    expect: false,
    check: (v) => assert.equal(v.explanation[0], 'shop/web → shop/db, any TCP port: denied.'),
  },
  {
    name: 'a query with a protocol and no port asks about any port of that protocol (UDP here: allowed)',
    policies: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: udp-only
        namespace: shop
      spec:
        podSelector:
          matchLabels:
            app: db
        ingress:
          - ports:
              - protocol: UDP
    `,
    from: 'shop/web',
    to: 'shop/db',
    protocol: 'UDP',
    expect: true,
    check: (v) => assert.equal(v.ports, 'UDP 1-65535'),
  },
  {
    name: 'a query with an HTTP request and no port asks about TCP',
    policies: yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata:
        name: udp-only
        namespace: shop
      spec:
        endpointSelector:
          matchLabels:
            app: db
        ingress:
          - toPorts:
              - ports:
                  - port: "5432"
                    protocol: UDP
    `,
    from: 'shop/web',
    to: 'shop/db',
    http: { method: 'GET', path: '/' },
    expect: false,
  },
];

describe('engines', () => runTable(engineRows));
describe('query endpoints', () => runTable(endpointRows));

describe('pod groups', () => {
  const podList = yaml`
    apiVersion: v1
    kind: PodList
    items:
      - metadata:
          name: api-7d9f-abcde
          namespace: shop
          labels: {app: api, pod-template-hash: 7d9f}
          ownerReferences:
            - {apiVersion: apps/v1, kind: ReplicaSet, name: api-7d9f, controller: true, uid: u1}
        spec:
          containers: [{name: api, image: api:1}]
        status: {phase: Running}
      - metadata:
          name: api-7d9f-fghij
          namespace: shop
          labels: {app: api, pod-template-hash: 7d9f}
          ownerReferences:
            - {apiVersion: apps/v1, kind: ReplicaSet, name: api-7d9f, controller: true, uid: u1}
        spec:
          containers: [{name: api, image: api:1}]
      - metadata:
          name: migrate-x1
          namespace: shop
          labels: {job: migrate}
          ownerReferences:
            - {apiVersion: batch/v1, kind: Job, name: migrate, controller: true, uid: u2}
        spec:
          containers: [{name: m, image: m:1}]
        status: {phase: Succeeded}
      - metadata:
          name: lonely
          namespace: shop
          labels: {app: lonely}
        spec:
          containers: [{name: l, image: l:1}]
  `;
  const text = docs(namespace('shop'), deployment('shop', 'api', { app: 'api' }), podList);

  test('pods with a controller owner form one group named after the owner', () => {
    const model = modelOf(text);
    const rs = model.findWorkload('shop/api-7d9f');
    assert.ok(rs);
    assert.equal(rs.kind, 'ReplicaSet');
    assert.deepEqual(rs.pods, ['api-7d9f-abcde', 'api-7d9f-fghij']);
    assert.deepEqual(rs.labels, { app: 'api', 'pod-template-hash': '7d9f' });
  });

  test('a pod of an owner is also found by its own name', () => {
    const model = modelOf(text);
    assert.equal(model.findWorkload('shop/api-7d9f-fghij')?.id, 'shop/api-7d9f');
  });

  test('a controller object and the pods of its ReplicaSet stay separate groups', () => {
    const model = modelOf(text);
    assert.deepEqual(
      model.workloads.map((w) => `${w.id} ${w.kind}`),
      ['kube-system/coredns Deployment', 'shop/api Deployment', 'shop/api-7d9f ReplicaSet', 'shop/lonely Pod', 'shop/migrate Job'],
    );
  });

  test('pods that finished hold no connections', () => {
    const model = modelOf(text);
    assert.equal(model.findWorkload('shop/migrate')?.finished, true);
    const v = ask(model, { from: 'shop/migrate', to: 'shop/lonely' });
    assert.equal(v.allowed, false);
    assert.deepEqual(v.explanation, ['shop/migrate → shop/lonely, any port: denied.', 'shop/migrate: every pod has finished (phase Succeeded/Failed), so it holds no connections.']);
  });

  test('an unknown workload is denied with close names suggested', () => {
    const model = modelOf(text);
    const v = ask(model, { from: 'shop/lonly', to: 'shop/api' });
    assert.equal(v.allowed, false);
    assert.equal(v.explanation[1], 'Unknown workload shop/lonly; did you mean shop/lonely?');
    assert.deepEqual(model.suggestWorkloads('shop/ap'), ['shop/api']);
  });

  test('CoreDNS is assumed in kube-system when the manifests define none', () => {
    const model = modelOf(docs(namespace('shop'), deployment('shop', 'web', { app: 'web' })));
    const dns = model.findWorkload('kube-system/coredns');
    assert.ok(dns);
    assert.equal(dns.implicit, true);
    assert.deepEqual(dns.labels, { 'k8s-app': 'kube-dns' });
    assert.deepEqual(model.namespaces, ['kube-system', 'shop']);
  });

  test('no CoreDNS is assumed when the manifests define a kube-dns workload in kube-system', () => {
    const model = modelOf(docs(deployment('kube-system', 'my-dns', { 'k8s-app': 'kube-dns' })));
    assert.equal(model.findWorkload('kube-system/coredns'), null);
    assert.equal(model.findWorkload('kube-system/my-dns')?.implicit, false);
  });

  test('workloads are sorted by id and namespaces include those only named by resources', () => {
    const model = modelOf(CLUSTER);
    assert.deepEqual(
      model.workloads.map((w) => w.id),
      ['kube-system/coredns', 'other/client', 'other/web', 'shop/client', 'shop/db', 'shop/web'],
    );
    assert.deepEqual(model.namespaces, ['kube-system', 'other', 'shop']);
  });
});
