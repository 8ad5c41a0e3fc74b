/**
 * Pod groups (one per workload), the namespaces that exist, and identity classes: groups with
 * the same namespace, labels and service account, which every selector treats alike. Selectors
 * are matched once per class, so the cost follows distinct identities, not pods or workloads.
 */
import type { ContainerPort, Labels, Resource, WorkloadResource } from '../k8s/resources';
import { isWorkload } from '../k8s/resources';
import { NAMESPACE_LABELS_PREFIX, POD_NAMESPACE_LABEL, SERVICE_ACCOUNT_LABEL } from '../cilium/labelKeys';
import { get, type YNode } from '../yaml/nodes';
import { locationIn } from '../yaml/parseYaml';
import type { SourceLocation, WorkloadInfo } from './types';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
export const KUBE_SYSTEM = 'kube-system';
export const KUBE_DNS_LABEL: readonly [string, string] = ['k8s-app', 'kube-dns'];
const FINISHED_PHASES = new Set(['Succeeded', 'Failed']);

export interface PodGroup {
  readonly index: number;
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  readonly labels: Labels;
  readonly serviceAccount: string;
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
  /** Every pod of the group has phase Succeeded/Failed: it holds no connections. */
  readonly finished: boolean;
  readonly implicit: boolean;
  /** Identity class, or -1 when no selector can match the group (hostNetwork, finished). */
  readonly classIndex: number;
  readonly info: WorkloadInfo;
  /** `namespace/podName` of the Pod objects behind the group (lookup aliases). */
  readonly podIds: readonly string[];
}

export interface IdentityClass {
  readonly index: number;
  readonly namespace: string;
  /** Pod labels, as NetworkPolicy selectors see them. */
  readonly labels: Labels;
  /** Pod labels plus Cilium's namespace, namespace-label and service-account labels. */
  readonly ciliumLabels: Labels;
  readonly groups: number[];
}

export interface Universe {
  readonly groups: readonly PodGroup[];
  readonly byId: ReadonlyMap<string, PodGroup>;
  readonly classes: readonly IdentityClass[];
  readonly classesByNamespace: ReadonlyMap<string, readonly number[]>;
  /** Every namespace known to exist, with its labels (including kubernetes.io/metadata.name). */
  readonly namespaces: ReadonlyMap<string, Labels>;
  readonly notes: readonly string[];
}

interface GroupDraft {
  id: string;
  namespace: string;
  name: string;
  kind: string;
  labels: Labels;
  serviceAccount: string;
  ports: ContainerPort[];
  hostNetwork: boolean;
  /** Pods seen, and how many of them finished; a controller object counts as a live member. */
  liveMembers: number;
  finishedMembers: number;
  fromController: boolean;
  location: SourceLocation | null;
  pods: string[];
}

/**
 * Where a node of a resource is written. Computed on read from its document's offset, so a model
 * reused after an edit elsewhere in the file still points at the right place.
 */
export function locationOf(resource: Resource, node: YNode | null): SourceLocation {
  const { span } = node ?? resource.node;
  return locationIn(resource.source.uri, resource.source.document, span.start, span.end);
}

function workloadLocation(w: WorkloadResource): SourceLocation {
  return locationOf(w, get(get(w.node, 'metadata'), 'name'));
}

/** `knownNamespaces`: namespaces that exist besides those the resources live in. */
export function buildUniverse(resources: readonly Resource[], knownNamespaces: readonly string[] = []): Universe {
  const notes: string[] = [];
  const drafts = new Map<string, GroupDraft>();
  const podAliases = new Map<string, string>();
  for (const r of resources) {
    if (!isWorkload(r)) continue;
    const owned = r.kind === 'Pod' && r.owner !== null;
    const name = owned ? r.owner!.name : r.name;
    const kind = owned ? r.owner!.kind : r.kind;
    const id = `${r.namespace}/${name}`;
    let draft = drafts.get(id);
    if (!draft) {
      draft = {
        id,
        namespace: r.namespace,
        name,
        kind,
        labels: r.podLabels,
        serviceAccount: r.serviceAccount,
        ports: [],
        hostNetwork: false,
        liveMembers: 0,
        finishedMembers: 0,
        fromController: false,
        location: null,
        pods: [],
      };
      drafts.set(id, draft);
    }
    if (r.kind === 'Pod') {
      draft.pods.push(r.name);
      if (owned) podAliases.set(`${r.namespace}/${r.name}`, id);
      if (r.phase !== null && FINISHED_PHASES.has(r.phase)) draft.finishedMembers++;
      else draft.liveMembers++;
    } else {
      draft.liveMembers++;
      if (!draft.fromController) {
        // The controller's own object names the group and gives its kind and location.
        draft.fromController = true;
        draft.kind = r.kind;
        draft.labels = r.podLabels;
        draft.serviceAccount = r.serviceAccount;
        draft.location = workloadLocation(r);
      }
    }
    draft.location ??= workloadLocation(r);
    draft.hostNetwork ||= r.hostNetwork;
    for (const p of r.ports) {
      if (!draft.ports.some((q) => q.name === p.name && q.port === p.port && q.protocol === p.protocol)) draft.ports.push(p);
    }
  }

  const namespaceLabels = new Map<string, Record<string, string>>();
  const ensureNamespace = (ns: string) => {
    if (ns && !namespaceLabels.has(ns)) namespaceLabels.set(ns, { [NAMESPACE_NAME_LABEL]: ns });
  };
  for (const r of resources) {
    if (r.kind === 'Namespace' && !('other' in r)) {
      // The control plane sets kubernetes.io/metadata.name itself, whatever the manifest says (K13).
      namespaceLabels.set(r.name, { ...namespaceLabels.get(r.name), ...r.labels, [NAMESPACE_NAME_LABEL]: r.name });
    }
  }
  for (const r of resources) ensureNamespace(r.namespace);
  for (const ns of knownNamespaces) ensureNamespace(ns);

  const hasKubeDns = [...drafts.values()].some((d) => d.namespace === KUBE_SYSTEM && d.labels[KUBE_DNS_LABEL[0]] === KUBE_DNS_LABEL[1]);
  if (!hasKubeDns) {
    const id = `${KUBE_SYSTEM}/coredns`;
    if (drafts.has(id)) {
      notes.push(`${id} is defined without the label k8s-app=kube-dns, so no CoreDNS is assumed: DNS lookups (and toFQDNs) have no server in this model.`);
    } else {
      drafts.set(id, {
        id,
        namespace: KUBE_SYSTEM,
        name: 'coredns',
        kind: 'Deployment',
        labels: { [KUBE_DNS_LABEL[0]]: KUBE_DNS_LABEL[1] },
        serviceAccount: 'coredns',
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        ],
        hostNetwork: false,
        liveMembers: 1,
        finishedMembers: 0,
        fromController: true,
        location: null,
        pods: [],
      });
      ensureNamespace(KUBE_SYSTEM);
    }
  }

  const sorted = [...drafts.values()].sort((a, b) => compareText(a.id, b.id));
  const classKey = new Map<string, number>();
  const classes: IdentityClass[] = [];
  const classesByNamespace = new Map<string, number[]>();
  const groups: PodGroup[] = [];
  const byId = new Map<string, PodGroup>();
  for (const d of sorted) {
    const finished = d.liveMembers === 0 && d.finishedMembers > 0;
    let classIndex = -1;
    if (!d.hostNetwork && !finished) {
      const key = `${d.namespace}\u0000${d.serviceAccount}\u0000${labelKey(d.labels)}`;
      const existing = classKey.get(key);
      if (existing !== undefined) classIndex = existing;
      else {
        classIndex = classes.length;
        classKey.set(key, classIndex);
        classes.push({
          index: classIndex,
          namespace: d.namespace,
          labels: d.labels,
          ciliumLabels: ciliumLabelsOf(d.labels, d.namespace, d.serviceAccount, namespaceLabels.get(d.namespace) ?? {}),
          groups: [],
        });
        const list = classesByNamespace.get(d.namespace) ?? [];
        list.push(classIndex);
        classesByNamespace.set(d.namespace, list);
      }
      classes[classIndex].groups.push(groups.length);
    }
    const implicit = d.location === null && d.id === `${KUBE_SYSTEM}/coredns`;
    const info: WorkloadInfo = {
      id: d.id,
      namespace: d.namespace,
      name: d.name,
      kind: d.kind,
      labels: sortedLabels(d.labels),
      hostNetwork: d.hostNetwork,
      implicit,
      location: d.location,
      pods: [...d.pods].sort(compareText),
      ...(finished ? { finished: true } : {}),
    };
    const group: PodGroup = {
      index: groups.length,
      id: d.id,
      namespace: d.namespace,
      name: d.name,
      kind: d.kind,
      labels: d.labels,
      serviceAccount: d.serviceAccount,
      ports: d.ports,
      hostNetwork: d.hostNetwork,
      finished,
      implicit,
      classIndex,
      info,
      podIds: d.pods.map((p) => `${d.namespace}/${p}`),
    };
    groups.push(group);
    byId.set(d.id, group);
  }
  for (const [alias, id] of podAliases) if (!byId.has(alias)) byId.set(alias, byId.get(id)!);

  const namespaces = new Map<string, Labels>([...namespaceLabels.entries()].sort((a, b) => compareText(a[0], b[0])));
  return { groups, byId, classes, classesByNamespace, namespaces, notes };
}

/** The labels Cilium gives a pod's identity (policy-semantics.md C8). */
function ciliumLabelsOf(labels: Labels, namespace: string, serviceAccount: string, nsLabels: Labels): Labels {
  const out: Record<string, string> = { ...labels };
  for (const [k, v] of Object.entries(nsLabels)) out[NAMESPACE_LABELS_PREFIX + k] = v;
  out[POD_NAMESPACE_LABEL] = namespace;
  out[SERVICE_ACCOUNT_LABEL] = serviceAccount;
  return out;
}

/** A plain object with keys in sorted order, for stable display and JSON. */
function sortedLabels(labels: Labels): Labels {
  const out: Record<string, string> = {};
  for (const k of Object.keys(labels).sort()) out[k] = labels[k];
  return out;
}

function labelKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join('\u0001');
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isKubeDns(group: PodGroup): boolean {
  return group.namespace === KUBE_SYSTEM && group.labels[KUBE_DNS_LABEL[0]] === KUBE_DNS_LABEL[1] && !group.hostNetwork && !group.finished;
}
