/**
 * flowsOf / allFlows / effectiveFlows, the editor views (policies, selectionAt, dnsAccess),
 * and the cost of a large model.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildPolicyModel } from '../../server/src/core/engine/index';
import type { NetworkPolicyResource, Resource } from '../../server/src/core/k8s/resources';
import type { YMap, YNode } from '../../server/src/core/yaml/nodes';
import { readManifestFile } from '../../server/src/core/workspace/manifestFile';
import { CLUSTER, deployment, docs, modelOf, namespace, yaml } from './helpers';

const DB_POLICY = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: db
    namespace: shop
  spec:
    podSelector:
      matchLabels:
        app: db
    policyTypes: [Ingress, Egress]
    ingress:
      - from:
          - podSelector:
              matchLabels:
                app: web
          - namespaceSelector:
              matchLabels:
                team: b
        ports:
          - port: pg
      - from:
          - ipBlock:
              cidr: 10.0.0.0/8
              except: [10.1.0.0/16]
    egress:
      - to:
          - namespaceSelector: {}
        ports:
          - port: http
`;

const WEB_EGRESS = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: web-out
    namespace: shop
  spec:
    podSelector:
      matchLabels:
        app: web
    policyTypes: [Egress]
    egress:
      - ports:
          - port: 443
`;

describe('flowsOf', () => {
  test('peers are listed as the rules name them, with ports resolved on the receiving pod', () => {
    const flows = modelOf(docs(CLUSTER, DB_POLICY)).flowsOf('shop/db')!;
    assert.deepEqual(flows.ingress, { isolated: true, by: [{ kind: 'NetworkPolicy', namespace: 'shop', name: 'db' }] });
    assert.deepEqual(
      flows.allowedIngress.map((p) => [p.peer, p.ports]),
      [
        [{ type: 'workload', id: 'shop/web' }, 'TCP 5432'],
        [{ type: 'namespace', namespace: 'other' }, 'TCP 5432'],
        [{ type: 'cidr', cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }, 'all ports'],
      ],
    );
  });

  test('a named port toward whole namespaces stays named (each destination pod resolves it)', () => {
    const flows = modelOf(docs(CLUSTER, DB_POLICY)).flowsOf('shop/db')!;
    assert.deepEqual(
      flows.allowedEgress.map((p) => [p.peer, p.ports]),
      [
        [{ type: 'namespace', namespace: 'kube-system' }, 'TCP named port http'],
        [{ type: 'namespace', namespace: 'other' }, 'TCP named port http'],
        [{ type: 'namespace', namespace: 'shop' }, 'TCP named port http'],
      ],
    );
  });

  test('peerAgrees tells whether the peer’s own policies let the traffic through', () => {
    const model = modelOf(docs(CLUSTER, DB_POLICY, WEB_EGRESS));
    const db = model.flowsOf('shop/db')!;
    // shop/web may send only TCP 443, so it never opens TCP 5432 toward db.
    assert.equal(db.allowedIngress.find((p) => p.peer.type === 'workload')?.peerAgrees, 'blocked-by-peer');
    const web = modelOf(docs(CLUSTER, DB_POLICY)).flowsOf('shop/db')!;
    assert.equal(web.allowedIngress.find((p) => p.peer.type === 'workload')?.peerAgrees, 'both');
  });

  test('peerAgrees is partial when the peer opens only some of the ports', () => {
    const model = modelOf(
      docs(
        CLUSTER,
        yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: client-out
            namespace: shop
          spec:
            podSelector:
              matchLabels:
                role: client
            policyTypes: [Egress]
            egress:
              - to:
                  - podSelector:
                      matchLabels:
                        app: db
                ports:
                  - port: 5432
                  - port: 5433
        `,
        yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: db-in
            namespace: shop
          spec:
            podSelector:
              matchLabels:
                app: db
            ingress:
              - ports:
                  - port: 5432
        `,
      ),
    );
    const client = model.flowsOf('shop/client')!;
    assert.deepEqual(client.allowedEgress.map((p) => [p.peer, p.ports, p.peerAgrees]), [[{ type: 'workload', id: 'shop/db' }, 'TCP 5432-5433', 'partial']]);
  });

  test('an unrestricted direction lists no peers and says it is not isolated', () => {
    const flows = modelOf(docs(CLUSTER, DB_POLICY)).flowsOf('shop/web')!;
    assert.deepEqual([flows.ingress.isolated, flows.egress.isolated, flows.allowedIngress.length, flows.allowedEgress.length], [false, false, 0, 0]);
  });

  test('deny rules are listed, and take their ports away from allowed workloads', () => {
    const model = modelOf(
      docs(
        CLUSTER,
        yaml`
          apiVersion: cilium.io/v2
          kind: CiliumNetworkPolicy
          metadata:
            name: db
            namespace: shop
          spec:
            endpointSelector:
              matchLabels:
                app: db
            ingress:
              - fromEndpoints:
                  - matchLabels:
                      app: web
            ingressDeny:
              - fromEndpoints:
                  - matchLabels:
                      app: web
                toPorts:
                  - ports:
                      - port: "22"
                        protocol: TCP
        `,
      ),
    );
    const flows = model.flowsOf('shop/db')!;
    assert.deepEqual(flows.deniedIngress?.map((p) => [p.peer, p.ports]), [[{ type: 'workload', id: 'shop/web' }, 'TCP 22']]);
    assert.deepEqual(flows.allowedIngress.map((p) => p.ports), ['TCP 0-21,23-65535,UDP 1-65535,SCTP 1-65535'.replace('TCP 0-21', 'TCP 1-21')]);
  });

  test('allFlows gives one entry per workload, sorted by id', () => {
    const model = modelOf(docs(CLUSTER, DB_POLICY));
    assert.deepEqual(
      model.allFlows().map((f) => f.workload.id),
      model.workloads.map((w) => w.id),
    );
  });

  test('effectiveFlows lists only pairs both ends agree on', () => {
    const model = modelOf(
      docs(
        namespace('shop'),
        deployment('shop', 'web', { app: 'web' }),
        deployment('shop', 'db', { app: 'db' }, { ports: [{ name: 'pg', port: 5432 }] }),
        yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: lockdown
            namespace: shop
          spec:
            podSelector: {}
            policyTypes: [Ingress, Egress]
            ingress:
              - from:
                  - podSelector:
                      matchLabels:
                        app: web
                ports:
                  - port: pg
            egress:
              - to:
                  - podSelector:
                      matchLabels:
                        app: db
        `,
      ),
    );
    assert.deepEqual(
      model.effectiveFlows().map((f) => `${f.from} → ${f.to}: ${f.ports} (${f.egressRules.length} egress rule, ${f.ingressRules.length} ingress rule)`),
      ['shop/web → shop/db: TCP 5432 (1 egress rule, 1 ingress rule)'],
    );
  });
});

describe('policy views', () => {
  test('policies() summarises every policy, also those the engine ignores', () => {
    const model = modelOf(
      docs(
        CLUSTER,
        WEB_EGRESS,
        yaml`
          apiVersion: cilium.io/v2
          kind: CiliumClusterwideNetworkPolicy
          metadata:
            name: no-metadata
          spec:
            endpointSelector: {}
            enableDefaultDeny:
              egress: false
            egressDeny:
              - toCIDR: [169.254.169.254/32]
        `,
      ),
      { engine: 'azure-npm' },
    );
    assert.deepEqual(
      model.policies().map((p) => [p.id.name, p.selected.length, p.summary]),
      [
        [
          'no-metadata',
          6,
          [
            'Engine azure-npm enforces only Kubernetes NetworkPolicy: this CiliumClusterwideNetworkPolicy has no effect.',
            'Selects all pods in every namespace: kube-system/coredns, other/client, other/web, shop/client, shop/db and 1 more.',
            'This policy does not deny other egress (enableDefaultDeny.egress: false).',
            'Always denied out, whatever allows it: all traffic to 169.254.169.254/32.',
          ],
        ],
        [
          'web-out',
          1,
          [
            'Selects pods with app=web in namespace shop: shop/web.',
            'They may send: TCP 443 to anywhere.',
            'Everything else out is denied (unless another policy allows it).',
          ],
        ],
      ],
    );
  });

  test('selectionAt shows what a NetworkPolicy peer selector matches', () => {
    const model = modelOf(docs(CLUSTER, DB_POLICY));
    const id = { kind: 'NetworkPolicy', namespace: 'shop', name: 'db' } as const;
    assert.deepEqual(model.selectionAt(id, ['spec', 'podSelector']), { kind: 'pods', workloads: ['shop/db'], namespaces: ['shop'], description: 'pods with app=db in namespace shop' });
    assert.deepEqual(model.selectionAt(id, ['spec', 'ingress', 0, 'from', 1, 'namespaceSelector']), {
      kind: 'namespaces',
      workloads: ['other/client', 'other/web'],
      namespaces: ['other'],
      description: 'namespaces with team=b',
    });
    assert.equal(model.selectionAt(id, ['spec', 'ingress', 1, 'from', 0, 'ipBlock']), null);
  });

  test('selectionAt shows the namespace pinning of a Cilium peer selector', () => {
    const model = modelOf(
      docs(
        CLUSTER,
        yaml`
          apiVersion: cilium.io/v2
          kind: CiliumNetworkPolicy
          metadata:
            name: db
            namespace: shop
          spec:
            endpointSelector:
              matchLabels:
                app: db
            ingress:
              - fromEndpoints:
                  - matchLabels:
                      app: web
        `,
      ),
    );
    assert.deepEqual(model.selectionAt({ kind: 'CiliumNetworkPolicy', namespace: 'shop', name: 'db' }, ['spec', 'ingress', 0, 'fromEndpoints', 0]), {
      kind: 'pods',
      workloads: ['shop/web'],
      namespaces: ['shop'],
      description: "pods with app=web in namespace shop (CNP: pinned to the policy's namespace shop)",
    });
  });

  test('selectionAt words namespace-label selectors, a named namespace and a CCNP subject', () => {
    const model = modelOf(
      docs(
        CLUSTER,
        yaml`
          apiVersion: cilium.io/v2
          kind: CiliumNetworkPolicy
          metadata:
            name: db
            namespace: shop
          spec:
            endpointSelector:
              matchLabels:
                app: db
            ingress:
              - fromEndpoints:
                  - matchExpressions:
                      - key: io.cilium.k8s.namespace.labels.team
                        operator: Exists
              - fromEndpoints:
                  - matchLabels:
                      k8s:io.kubernetes.pod.namespace: other
                      app: web
        `,
        yaml`
          apiVersion: cilium.io/v2
          kind: CiliumClusterwideNetworkPolicy
          metadata:
            name: all
          spec:
            endpointSelector: {}
            ingress:
              - fromEndpoints:
                  - {}
        `,
      ),
    );
    const cnp = { kind: 'CiliumNetworkPolicy', namespace: 'shop', name: 'db' } as const;
    const ccnp = { kind: 'CiliumClusterwideNetworkPolicy', namespace: '', name: 'all' } as const;
    assert.equal(
      model.selectionAt(cnp, ['spec', 'ingress', 0, 'fromEndpoints', 0])?.description,
      "all pods in namespaces that have label team (namespace labels: not pinned to the policy's namespace)",
    );
    assert.equal(model.selectionAt(cnp, ['spec', 'ingress', 1, 'fromEndpoints', 0])?.description, 'pods with app=web in namespace other (named by k8s:io.kubernetes.pod.namespace)');
    assert.equal(model.selectionAt(ccnp, ['spec', 'endpointSelector'])?.description, 'all pods in every namespace (CCNP: cluster-wide)');
    assert.equal(model.selectionAt(ccnp, ['spec', 'ingress', 0, 'fromEndpoints', 0])?.description, 'all pods in every namespace (CCNP: cluster-wide)');
  });

  test('dnsAccess says whether a workload reaches kube-dns and which names it may resolve', () => {
    const model = modelOf(docs(CLUSTER, WEB_EGRESS));
    assert.deepEqual(model.dnsAccess('shop/web'), { reachesDns: false, proxied: false, patterns: [], rules: [] });
    assert.equal(model.dnsAccess('shop/db')?.reachesDns, true);
    assert.equal(model.dnsAccess('nope/nothing'), null);
  });
});

describe('cost', () => {
  /**
   * 5,000 workloads in 100 namespaces and 2,000 policies (three NetworkPolicies to one CNP):
   * each NetworkPolicy selects one workload and admits a tier of its namespace plus the pods of
   * the namespaces of one team; each CNP lets a tier send to one other namespace and to names
   * under example.com. Parsing that much YAML is not the engine's cost, so a few template
   * objects are parsed and copied with new names and labels.
   */
  function bigCluster(): Resource[] {
    const text = docs(
      namespace('template', { team: 't0' }),
      deployment('template', 'w', { app: 'w' }, { ports: [{ name: 'http', port: 8080 }] }),
      ...Array.from({ length: 7 }, (_, t) =>
        yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: p
            namespace: template
          spec:
            podSelector:
              matchLabels:
                app: placeholder
            ingress:
              - from:
                  - podSelector:
                      matchLabels:
                        tier: t${t}
                  - namespaceSelector:
                      matchLabels:
                        team: t${t}
                ports:
                  - port: http
            egress:
              - to:
                  - ipBlock:
                      cidr: 10.0.0.0/8
              - to:
                  - podSelector: {}
        `,
      ),
      yaml`
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata:
          name: c
          namespace: template
        spec:
          endpointSelector:
            matchLabels:
              tier: t3
          egress:
            - toEndpoints:
                - matchLabels:
                    k8s:io.kubernetes.pod.namespace: ns1
              toPorts:
                - ports:
                    - port: "8080"
            - toFQDNs:
                - matchPattern: "*.example.com"
      `,
    );
    const parsed = readManifestFile('file:///big.yaml', text).resources;
    const [ns, workload, ...policies] = parsed;
    const out: Resource[] = [];
    for (let n = 0; n < 100; n++) out.push({ ...ns, name: `ns${n}`, labels: { team: `t${n % 10}` } } as Resource);
    for (let i = 0; i < 5000; i++) {
      out.push({ ...workload, name: `w${i}`, namespace: `ns${i % 100}`, podLabels: { app: `w${i}`, tier: `t${i % 7}` } } as Resource);
    }
    for (let p = 0; p < 2000; p++) {
      const template = p % 4 === 3 ? policies[7] : policies[p % 7];
      // The subject selector of each NetworkPolicy is its own: one workload of its namespace.
      const podSelector = p % 4 === 3 ? null : readManifestFile('file:///s.yaml', `matchLabels: {app: w${(p % 100) + 100 * Math.floor(p / 100)}}`).documents[0].root;
      const spec = podSelector && template.kind === 'NetworkPolicy' ? withPodSelector((template as NetworkPolicyResource).spec!, podSelector) : null;
      out.push({ ...template, name: `p${p}`, namespace: `ns${p % 100}`, ...(spec ? { spec } : {}) } as Resource);
    }
    return out;
  }

  /** The same spec map with `podSelector` replaced. */
  function withPodSelector(spec: YNode, selector: YNode): YNode {
    const map = spec as YMap;
    return { ...map, pairs: map.pairs.map((pair) => (pair.keyText === 'podSelector' ? { ...pair, value: selector } : pair)) };
  }

  test('5,000 workloads × 2,000 policies: the model and allFlows complete (bench/ times them)', (t) => {
    const resources = bigCluster();
    const start = Date.now();
    const model = buildPolicyModel(resources);
    const flows = model.allFlows();
    t.diagnostic(`model + allFlows: ${Date.now() - start} ms`);
    assert.equal(flows.length, 5001);
    // Every NetworkPolicy selected its one workload, and the peers were found.
    assert.equal(flows.filter((f) => f.ingress.isolated).length, 1500);
    assert.ok(flows.every((f) => !f.ingress.isolated || f.allowedIngress.some((p) => p.peer.type === 'workload') || f.allowedIngress.some((p) => p.peer.type === 'namespace')));
  });
});
