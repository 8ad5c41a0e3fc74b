/**
 * What completion and hover offer from the workspace: pod and namespace labels with their
 * values, service accounts, container ports, and files by URI. Read from the resources alone
 * (no policy model), once per workspace view (a view stands for one index revision), each part
 * when first asked for.
 */
import { KUBE_DNS_LABEL, NAMESPACE_NAME_LABEL } from '../../core/engine/groups';
import { isWorkload, type ContainerPort } from '../../core/k8s/resources';
import type { WorkspaceView } from '../../core/rules/types';
import type { ManifestFile } from '../../core/workspace/manifestFile';

/** label key → label value → who carries it (workload ids or namespace names), sorted. */
export type LabelIndex = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

export interface WorkspaceFacts {
  /** Labels of the pods of each workload (keyed as the engine names workloads: `namespace/name`). */
  readonly podLabels: LabelIndex;
  /** Labels of namespaces, including `kubernetes.io/metadata.name`, which the control plane sets on each. */
  readonly namespaceLabels: LabelIndex;
  readonly namespaces: readonly string[];
  /** service account → workload ids. */
  readonly serviceAccounts: ReadonlyMap<string, readonly string[]>;
  portsOf(workloadId: string): readonly ContainerPort[];
  fileOf(uri: string): ManifestFile | undefined;
}

const KUBE_SYSTEM = 'kube-system';
const cache = new WeakMap<WorkspaceView, WorkspaceFacts>();

export function workspaceFacts(view: WorkspaceView): WorkspaceFacts {
  let facts = cache.get(view);
  if (!facts) {
    facts = new ViewFacts(view);
    cache.set(view, facts);
  }
  return facts;
}

type Collected = Omit<WorkspaceFacts, 'fileOf'>;

/**
 * Each part is computed on first use: a hover's workload links need only `fileOf`, and
 * scanning every resource for labels would make the first hover after opening a large file
 * pay for what only completion reads.
 */
class ViewFacts implements WorkspaceFacts {
  private collected: Collected | null = null;
  private files: Map<string, ManifestFile> | null = null;

  constructor(private readonly view: WorkspaceView) {}

  get podLabels(): LabelIndex {
    return this.collect().podLabels;
  }

  get namespaceLabels(): LabelIndex {
    return this.collect().namespaceLabels;
  }

  get namespaces(): readonly string[] {
    return this.collect().namespaces;
  }

  get serviceAccounts(): ReadonlyMap<string, readonly string[]> {
    return this.collect().serviceAccounts;
  }

  readonly portsOf = (workloadId: string): readonly ContainerPort[] => this.collect().portsOf(workloadId);

  readonly fileOf = (uri: string): ManifestFile | undefined => (this.files ??= new Map(this.view.files.map((f) => [f.uri, f]))).get(uri);

  private collect(): Collected {
    return (this.collected ??= collect(this.view));
  }
}

function collect(view: WorkspaceView): Collected {
  const podLabels = new LabelCollector();
  const namespaceLabels = new LabelCollector();
  const serviceAccounts = new Map<string, Set<string>>();
  const ports = new Map<string, ContainerPort[]>();
  const namespaces = new Set<string>();
  const namespaceObjects = new Map<string, Readonly<Record<string, string>>>();
  let hasKubeDns = false;
  for (const r of view.resources) {
    if (r.namespace) namespaces.add(r.namespace);
    if (r.kind === 'Namespace' && !('other' in r)) {
      namespaces.add(r.name);
      namespaceObjects.set(r.name, { ...namespaceObjects.get(r.name), ...r.labels });
    }
    if (!isWorkload(r)) continue;
    // The engine's workload id: a Pod owned by a controller belongs to the controller's group.
    const id = `${r.namespace}/${r.kind === 'Pod' && r.owner ? r.owner.name : r.name}`;
    for (const [key, value] of Object.entries(r.podLabels)) podLabels.add(key, value, id);
    add(serviceAccounts, r.serviceAccount, id);
    const list = ports.get(id) ?? [];
    for (const p of r.ports) if (!list.some((q) => q.name === p.name && q.port === p.port && q.protocol === p.protocol)) list.push(p);
    ports.set(id, list);
    if (r.namespace === KUBE_SYSTEM && r.podLabels[KUBE_DNS_LABEL[0]] === KUBE_DNS_LABEL[1]) hasKubeDns = true;
  }
  // Like the engine, assume the cluster's CoreDNS when the manifests do not define it: DNS rules select it.
  if (!hasKubeDns && !ports.has(`${KUBE_SYSTEM}/coredns`)) {
    podLabels.add(KUBE_DNS_LABEL[0], KUBE_DNS_LABEL[1], `${KUBE_SYSTEM}/coredns`);
    namespaces.add(KUBE_SYSTEM);
  }
  for (const ns of namespaces) {
    for (const [key, value] of Object.entries(namespaceObjects.get(ns) ?? {})) namespaceLabels.add(key, value, ns);
    namespaceLabels.add(NAMESPACE_NAME_LABEL, ns, ns);
  }
  return {
    podLabels: podLabels.done(),
    namespaceLabels: namespaceLabels.done(),
    namespaces: [...namespaces].sort(),
    serviceAccounts: new Map([...serviceAccounts].map(([sa, ids]) => [sa, [...ids].sort()])),
    portsOf: (id) => ports.get(id) ?? [],
  };
}

class LabelCollector {
  private readonly byKey = new Map<string, Map<string, Set<string>>>();

  add(key: string, value: string, owner: string): void {
    let values = this.byKey.get(key);
    if (!values) this.byKey.set(key, (values = new Map()));
    add(values, value, owner);
  }

  done(): LabelIndex {
    const out = new Map<string, Map<string, string[]>>();
    for (const [key, values] of this.byKey) out.set(key, new Map([...values].map(([v, owners]) => [v, [...owners].sort()])));
    return out;
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** How many distinct owners carry a label key (for ranking keys by use). */
export function ownersOfKey(index: LabelIndex, key: string): number {
  const owners = new Set<string>();
  for (const list of index.get(key)?.values() ?? []) for (const o of list) owners.add(o);
  return owners.size;
}
