import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isWorkload, type Resource, type ServiceResource, type WorkloadResource } from '../../server/src/core/k8s/resources';
import { getPath } from '../../server/src/core/yaml/nodes';
import { readManifestFile } from '../../server/src/core/workspace/manifestFile';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { rangeText, yaml } from '../support/text';

const ALL_KINDS = yaml`
  apiVersion: v1
  kind: Namespace
  metadata: {name: backend, labels: {team: pay}}
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: web-7d9f-abcde
    namespace: frontend
    labels: {app: web}
    ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-7d9f, controller: true, uid: x}]
  spec:
    hostNetwork: true
    containers: [{name: c, image: nginx, ports: [{name: http, containerPort: 80}]}]
  status: {phase: Running}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: payment-service, namespace: backend}
  spec:
    template:
      metadata: {labels: {app: payment-service}}
      spec:
        containers:
        - name: app
          image: curlimages/curl:8.5.0
          ports:
          - {name: http, containerPort: 8080}
          - {name: metrics, containerPort: 9090, protocol: UDP}
  ---
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db, namespace: backend}
  spec: {template: {metadata: {labels: {app: db}}, spec: {containers: [{name: db, image: pg}]}}}
  ---
  apiVersion: apps/v1
  kind: DaemonSet
  metadata: {name: agent}
  spec: {template: {metadata: {labels: {app: agent}}, spec: {containers: [{name: a, image: a}]}}}
  ---
  apiVersion: apps/v1
  kind: ReplicaSet
  metadata: {name: rs, namespace: backend}
  spec: {template: {metadata: {labels: {app: rs}}, spec: {containers: [{name: a, image: a}]}}}
  ---
  apiVersion: batch/v1
  kind: Job
  metadata: {name: migrate, namespace: backend}
  spec: {template: {metadata: {labels: {job: migrate}}, spec: {containers: [{name: a, image: a}]}}}
  ---
  apiVersion: batch/v1
  kind: CronJob
  metadata: {name: nightly, namespace: backend}
  spec:
    schedule: "0 0 * * *"
    jobTemplate: {spec: {template: {metadata: {labels: {job: nightly}}, spec: {containers: [{name: a, image: a}]}}}}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: payment-service, namespace: backend}
  spec:
    selector: {app: payment-service}
    ports: [{name: web, port: 80, targetPort: http}, {port: 9090, protocol: UDP}]
  ---
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: deny, namespace: backend}
  spec: {podSelector: {}}
  ---
  apiVersion: cilium.io/v2
  kind: CiliumNetworkPolicy
  metadata: {name: cnp, namespace: backend}
  spec: {endpointSelector: {}, ingress: [{}]}
  ---
  apiVersion: cilium.io/v2
  kind: CiliumClusterwideNetworkPolicy
  metadata: {name: ccnp}
  specs: [{endpointSelector: {}, egress: [{}]}]
  ---
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: {name: shop, namespace: frontend}
  spec: {ingressClassName: webapprouting.kubernetes.azure.com}
  ---
  apiVersion: networking.k8s.io/v1
  kind: IngressClass
  metadata: {name: azure-application-gateway, annotations: {ingressclass.kubernetes.io/is-default-class: "true"}}
  spec: {controller: azure/application-gateway}
  ---
  apiVersion: projectcalico.org/v3
  kind: NetworkPolicy
  metadata: {name: calico, namespace: backend}
  spec: {selector: all()}
`;

function byKind(resources: readonly Resource[], kind: string, name?: string): Resource {
  const r = resources.find((x) => x.kind === kind && (name === undefined || x.name === name));
  assert.ok(r, `no ${kind} ${name ?? ''}`);
  return r;
}

describe('Kubernetes resources from YAML', () => {
  const file = readManifestFile('file:///ws/all.yaml', ALL_KINDS);
  const resources = file.resources;

  test('recognises every kind the analysis needs, with namespaces defaulted to `default`', () => {
    assert.deepEqual(
      resources.map((r) => `${r.kind} ${r.namespace}/${r.name}${'other' in r ? ' (other)' : ''}`),
      [
        'Namespace /backend',
        'Pod frontend/web-7d9f-abcde',
        'Deployment backend/payment-service',
        'StatefulSet backend/db',
        'DaemonSet default/agent',
        'ReplicaSet backend/rs',
        'Job backend/migrate',
        'CronJob backend/nightly',
        'Service backend/payment-service',
        'NetworkPolicy backend/deny',
        'CiliumNetworkPolicy backend/cnp',
        'CiliumClusterwideNetworkPolicy /ccnp',
        'Ingress frontend/shop',
        'IngressClass /azure-application-gateway',
        'NetworkPolicy backend/calico (other)',
      ],
    );
    assert.equal(file.isKubernetes, true);
    assert.equal(byKind(resources, 'DaemonSet').namespaceExplicit, false);
  });

  test('pod templates give labels, named ports with protocols and hostNetwork', () => {
    const deploy = byKind(resources, 'Deployment') as WorkloadResource;
    assert.deepEqual({ ...deploy.podLabels }, { app: 'payment-service' });
    assert.deepEqual(deploy.ports, [
      { name: 'http', port: 8080, protocol: 'TCP' },
      { name: 'metrics', port: 9090, protocol: 'UDP' },
    ]);
    assert.deepEqual({ ...(byKind(resources, 'CronJob') as WorkloadResource).podLabels }, { job: 'nightly' });
    const pod = byKind(resources, 'Pod') as WorkloadResource;
    assert.equal(pod.hostNetwork, true);
    assert.deepEqual(pod.owner, { kind: 'ReplicaSet', name: 'web-7d9f', controller: true });
    assert.equal(pod.phase, 'Running');
    assert.deepEqual({ ...pod.podLabels }, { app: 'web' });
    assert.ok(resources.filter(isWorkload).length === 7);
  });

  test('Services keep their selector and named target ports', () => {
    const svc = byKind(resources, 'Service') as ServiceResource;
    assert.deepEqual({ ...svc.selector }, { app: 'payment-service' });
    assert.deepEqual(svc.ports, [
      { name: 'web', port: 80, targetPort: 'http', protocol: 'TCP' },
      { name: null, port: 9090, targetPort: 9090, protocol: 'UDP' },
    ]);
  });

  test('a resource keeps the exact range of its name', () => {
    const np = byKind(resources, 'NetworkPolicy', 'deny');
    const name = getPath(np.node, ['metadata', 'name'])!;
    const offset = np.source.document.offset;
    assert.equal(rangeText(ALL_KINDS, offset + name.span.start, offset + name.span.end), '67:18-67:22');
  });

  test('items of a List and of typed lists without `kind` are resources', () => {
    const list = readManifestFile('file:///ws/dump.yaml', yaml`
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: Namespace
        metadata: {name: a}
      - apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: a}
        spec: {template: {metadata: {labels: {app: web}}}}
      ---
      apiVersion: v1
      kind: PodList
      items:
      - metadata: {name: p1, namespace: b, labels: {app: x}}
        spec: {containers: [{name: c, image: i}]}
    `);
    assert.deepEqual(list.resources.map((r) => `${r.kind} ${r.namespace}/${r.name} #${r.source.listIndex}`), ['Namespace /a #0', 'Deployment a/web #1', 'Pod b/p1 #0']);
  });

  test('JSON manifests (kubectl -o json) are read like YAML, with ranges', () => {
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'json-ns' } }, null, 2);
    const file2 = readManifestFile('file:///ws/ns.json', text);
    assert.equal(file2.resources.length, 1);
    const r = file2.resources[0];
    assert.equal(r.name, 'json-ns');
    assert.equal(rangeText(text, r.node.span.start, r.node.span.end), `1:1-7:2`);
  });

  test('Helm templates are skipped with one information message on the first template action', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n';
    const helm = readManifestFile('file:///ws/chart/templates/svc.yaml', text);
    assert.equal(helm.skipped, 'helm-template');
    assert.equal(helm.resources.length, 0);
    assert.equal(helm.problems.length, 1);
    assert.equal(helm.problems[0].severity, 'information');
    assert.match(helm.problems[0].message, /Helm\/Go template/);
    assert.equal(rangeText(text, helm.problems[0].start, helm.problems[0].end), '4:9-4:27');
  });

  test('a `{{` inside a comment or a quoted value is not a template', () => {
    const file3 = readManifestFile('file:///ws/a.yaml', '# see {{ .Values }}\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {t: "{{name}}"}\n');
    assert.equal(file3.skipped, null);
  });

  test('non-Kubernetes YAML is recognised as such and yields nothing', () => {
    const ci = readManifestFile('file:///ws/.github/workflows/ci.yml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n');
    assert.equal(ci.isKubernetes, false);
    assert.equal(ci.resources.length, 0);
  });

  test('a broken document next to good ones: the good ones are still resources', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: [b\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: c}\n';
    const broken = readManifestFile('file:///ws/b.yaml', text);
    assert.deepEqual(broken.resources.map((r) => r.name).filter((n) => n === 'a' || n === 'c'), ['a', 'c']);
    assert.ok(broken.documents[1].problems.length > 0);
  });

  test('binary content and oversized files are not analysed, with a clear message', () => {
    const binary = readManifestFile('file:///ws/x.yaml', 'kind: \u0000\u0001');
    assert.equal(binary.skipped, 'binary');
    assert.match(binary.problems[0].message, /not valid UTF-8 text/);
    const big = readManifestFile('file:///ws/big.yaml', 'a: 1\n'.repeat(100), { maxSize: 100 });
    assert.equal(big.skipped, 'too-large');
    assert.match(big.problems[0].message, /over the/);
  });

  test('the workspace index re-reads only the changed file', () => {
    const index = new WorkspaceIndex();
    const a = index.set('file:///ws/a.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n');
    index.set('file:///ws/b.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n');
    const revision = index.revision;
    assert.equal(index.set('file:///ws/a.yaml', a.text), a, 'same text, same file object');
    assert.equal(index.revision, revision);
    index.set('file:///ws/b.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: b2}\n');
    assert.equal(index.get('file:///ws/a.yaml'), a);
    assert.deepEqual(index.resources().map((r) => r.name), ['a', 'b2']);
  });
});
