import { asMap, get, getPath, items, scalarText, stringMap, stringValue, type YMap, type YNode } from '../yaml/nodes';
import type { YamlDocument } from '../yaml/parseYaml';
import type { ContainerPort, OwnerReference, Protocol, Resource, ServicePort, SourceRef, WorkloadKind } from './resources';
import { WORKLOAD_KINDS } from './resources';

/** Kinds that live outside namespaces (their `namespace` is ''). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'CiliumClusterwideNetworkPolicy',
  'IngressClass',
  'NginxIngressController',
  'GlobalNetworkPolicy',
  'GlobalNetworkSet',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
]);

/** List kinds whose items may omit `kind` (kubectl's typed lists): `PodList` items are Pods. */
const LIST_SUFFIX = 'List';

/** True when the node looks like a Kubernetes object (has string `apiVersion` and `kind`). */
export function looksLikeKubernetesObject(node: YNode | null): boolean {
  return stringValue(get(node, 'kind')) !== null && stringValue(get(node, 'apiVersion')) !== null;
}

/**
 * Typed resources of one YAML document. Items of `kind: List` (and typed lists such as `PodList`,
 * whose items carry no `kind`) are resources too. Documents that are not Kubernetes objects give [].
 */
export function extractResources(uri: string, document: YamlDocument): Resource[] {
  const root = asMap(document.root);
  if (!root) return [];
  const kind = stringValue(get(root, 'kind'));
  if (!kind) return [];
  if (kind.endsWith(LIST_SUFFIX) && get(root, 'items')) {
    const itemKind = kind === LIST_SUFFIX ? null : kind.slice(0, -LIST_SUFFIX.length);
    const listApiVersion = stringValue(get(root, 'apiVersion')) ?? 'v1';
    const out: Resource[] = [];
    items(get(root, 'items')).forEach((item, listIndex) => {
      const map = asMap(item);
      if (!map) return;
      const r = toResource(map, { uri, document, listIndex }, itemKind, listApiVersion);
      if (r) out.push(r);
    });
    return out;
  }
  if (stringValue(get(root, 'apiVersion')) === null) return [];
  const r = toResource(root, { uri, document }, null, null);
  return r ? [r] : [];
}

function toResource(node: YMap, source: SourceRef, defaultKind: string | null, defaultApiVersion: string | null): Resource | null {
  const kind = stringValue(get(node, 'kind')) ?? defaultKind;
  if (!kind) return null;
  const apiVersion = stringValue(get(node, 'apiVersion')) ?? defaultApiVersion ?? '';
  const metadata = get(node, 'metadata');
  const name = scalarText(get(metadata, 'name')) ?? scalarText(get(metadata, 'generateName')) ?? '';
  const writtenNamespace = scalarText(get(metadata, 'namespace'));
  const clusterScoped = CLUSTER_SCOPED.has(kind);
  const base = {
    apiVersion,
    name,
    namespace: clusterScoped ? '' : writtenNamespace || 'default',
    namespaceExplicit: !clusterScoped && !!writtenNamespace,
    labels: stringMap(get(metadata, 'labels')),
    annotations: stringMap(get(metadata, 'annotations')),
    node,
    source,
  };
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';

  if (kind === 'Namespace' && group === '') return { ...base, kind };
  if ((WORKLOAD_KINDS as readonly string[]).includes(kind) && (group === '' || group === 'apps' || group === 'batch' || group === 'extensions')) {
    return workload(kind as WorkloadKind, node, base);
  }
  if (kind === 'Service' && group === '') {
    const spec = get(node, 'spec');
    const selectorNode = get(spec, 'selector');
    return {
      ...base,
      kind,
      selector: selectorNode ? stringMap(selectorNode) : null,
      ports: items(get(spec, 'ports')).map(servicePort).filter((p): p is ServicePort => p !== null),
      type: stringValue(get(spec, 'type')) ?? 'ClusterIP',
    };
  }
  if (kind === 'NetworkPolicy' && group === 'networking.k8s.io') return { ...base, kind, spec: get(node, 'spec') };
  if ((kind === 'CiliumNetworkPolicy' || kind === 'CiliumClusterwideNetworkPolicy') && group === 'cilium.io') {
    return { ...base, kind, spec: get(node, 'spec'), specs: get(node, 'specs') };
  }
  if (kind === 'Ingress' && (group === 'networking.k8s.io' || group === 'extensions')) return { ...base, kind, spec: get(node, 'spec') };
  if (kind === 'IngressClass' && group === 'networking.k8s.io') {
    return {
      ...base,
      kind,
      controller: stringValue(getPath(node, ['spec', 'controller'])),
      isDefault: base.annotations['ingressclass.kubernetes.io/is-default-class'] === 'true',
    };
  }
  return { ...base, kind, other: true };
}

function workload(kind: WorkloadKind, node: YMap, base: Omit<Resource, 'kind' | 'other'>): Resource {
  // Where the pod template lives for each controller kind.
  const podPath: (string | number)[] =
    kind === 'Pod' ? [] : kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
  const pod = podPath.length ? getPath(node, podPath) : node;
  const podSpec = get(pod, 'spec');
  const podLabelsNode = getPath(pod, ['metadata', 'labels']);
  const ports: ContainerPort[] = [];
  for (const container of [...items(get(podSpec, 'containers')), ...items(get(podSpec, 'initContainers'))]) {
    for (const p of items(get(container, 'ports'))) {
      const port = Number(scalarText(get(p, 'containerPort')));
      if (!Number.isInteger(port)) continue;
      ports.push({ name: scalarText(get(p, 'name')), port, protocol: protocolOf(get(p, 'protocol')) });
    }
  }
  let owner: OwnerReference | null = null;
  if (kind === 'Pod') {
    for (const ref of items(getPath(node, ['metadata', 'ownerReferences']))) {
      const controller = scalarText(get(ref, 'controller')) === 'true';
      const ownerKind = stringValue(get(ref, 'kind'));
      const ownerName = scalarText(get(ref, 'name'));
      if (controller && ownerKind && ownerName && ownerKind !== 'Node') owner = { kind: ownerKind, name: ownerName, controller };
    }
  }
  return {
    ...base,
    kind,
    podLabels: kind === 'Pod' ? base.labels : stringMap(podLabelsNode),
    podLabelsNode: kind === 'Pod' ? getPath(node, ['metadata', 'labels']) : podLabelsNode,
    ports,
    hostNetwork: scalarText(get(podSpec, 'hostNetwork')) === 'true',
    serviceAccount: scalarText(get(podSpec, 'serviceAccountName')) ?? scalarText(get(podSpec, 'serviceAccount')) ?? 'default',
    owner,
    phase: kind === 'Pod' ? scalarText(getPath(node, ['status', 'phase'])) : null,
  };
}

function servicePort(node: YNode): ServicePort | null {
  const port = Number(scalarText(get(node, 'port')));
  if (!Number.isInteger(port)) return null;
  const target = scalarText(get(node, 'targetPort'));
  const numericTarget = target !== null && /^\d+$/.test(target) ? Number(target) : null;
  return {
    name: scalarText(get(node, 'name')),
    port,
    targetPort: numericTarget ?? target ?? port,
    protocol: protocolOf(get(node, 'protocol')),
  };
}

function protocolOf(node: YNode | null): Protocol {
  const p = scalarText(node);
  return p === 'UDP' || p === 'SCTP' ? p : 'TCP';
}
