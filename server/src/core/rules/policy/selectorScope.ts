/**
 * Where a selector written in a policy looks for pods, and which labels the pods there carry:
 * what "matches nothing" findings need to say what does exist nearby.
 */
import { NAMESPACE_LABELS_PREFIX, parseCiliumLabelKey, POD_NAMESPACE_LABEL } from '../../cilium/labelKeys';
import type { PolicyModel, WorkloadInfo } from '../../engine/types';
import { matchesSelector, type LabelSelector, type Requirement } from '../../k8s/labelSelector';
import { addToGroup, groupBy } from '../../lists';
import { damerauLevenshtein } from '../../text/didYouMean';

/** Keys normalised as Cilium reads them (`k8s:app` → `app`); null when a key has another source (`reserved:`…). */
export function normalizeCilium(selector: LabelSelector): LabelSelector | null {
  const requirements: Requirement[] = [];
  for (const r of selector.requirements) {
    const parsed = parseCiliumLabelKey(r.key);
    if (parsed.source !== 'k8s' && parsed.source !== 'any') return null;
    requirements.push({ ...r, key: parsed.key });
  }
  return { requirements };
}

/** Requirements on pod labels only (the namespace, namespace-label and Cilium-specific keys removed). */
export function podPart(selector: LabelSelector): LabelSelector {
  return { requirements: selector.requirements.filter((r) => r.key !== POD_NAMESPACE_LABEL && !r.key.startsWith(NAMESPACE_LABELS_PREFIX) && !r.key.startsWith('io.cilium.k8s.')) };
}

/** Namespaces a normalised Cilium selector names with `io.kubernetes.pod.namespace` In, or null. */
export function namedNamespaces(selector: LabelSelector): string[] | null {
  const req = selector.requirements.find((r) => r.key === POD_NAMESPACE_LABEL);
  return req && req.operator === 'In' ? [...req.values] : null;
}

/** Whether a normalised Cilium selector constrains namespaces through namespace labels. */
export function usesNamespaceLabels(selector: LabelSelector): boolean {
  return selector.requirements.some((r) => r.key.startsWith(NAMESPACE_LABELS_PREFIX));
}

/**
 * The model's pods (not the assumed CoreDNS, not hostNetwork), indexed once per model: by
 * namespace, and by label. "Matches nothing" is asked for thousands of selectors in a cluster
 * dump; each used to scan every workload.
 */
interface PodIndex {
  readonly all: readonly WorkloadInfo[];
  readonly byNamespace: ReadonlyMap<string, readonly WorkloadInfo[]>;
  /** Pods carrying a label, by `key=value`, in model order. */
  readonly byLabel: ReadonlyMap<string, readonly WorkloadInfo[]>;
  /** Each pod's place in `all`, to keep model order when merging lists. */
  readonly position: ReadonlyMap<WorkloadInfo, number>;
}

const podIndexes = new WeakMap<PolicyModel, PodIndex>();

function podIndex(model: PolicyModel): PodIndex {
  let index = podIndexes.get(model);
  if (!index) {
    const all = model.workloads.filter((w) => !w.implicit && !w.hostNetwork);
    const byLabel = new Map<string, WorkloadInfo[]>();
    for (const w of all) for (const [k, v] of Object.entries(w.labels)) addToGroup(byLabel, `${k}=${v}`, w);
    index = { all, byNamespace: groupBy(all, (w) => w.namespace), byLabel, position: new Map(all.map((w, i) => [w, i])) };
    podIndexes.set(model, index);
  }
  return index;
}

/** Pods of the workspace (not the assumed CoreDNS, not hostNetwork) in `namespaces` (all when null), in model order. */
export function podsIn(model: PolicyModel, namespaces: readonly string[] | null): readonly WorkloadInfo[] {
  const index = podIndex(model);
  if (namespaces === null) return index.all;
  if (namespaces.length === 1) return index.byNamespace.get(namespaces[0]) ?? [];
  return index.all.filter((w) => namespaces.includes(w.namespace));
}

/** Pods matching the pod-label part of a selector, anywhere, in model order. */
export function podsMatching(model: PolicyModel, selector: LabelSelector): readonly WorkloadInfo[] {
  const part = podPart(selector);
  const index = podIndex(model);
  // An `In` requirement (matchLabels) narrows the candidates to the pods carrying one of its values.
  const narrowing = part.requirements.find((r) => r.operator === 'In');
  let candidates = index.all;
  if (narrowing) {
    const lists = narrowing.values.map((v) => index.byLabel.get(`${narrowing.key}=${v}`) ?? []);
    candidates = lists.length === 1 ? lists[0] : [...new Set(lists.flat())].sort((a, b) => index.position.get(a)! - index.position.get(b)!);
  }
  return candidates.filter((w) => matchesSelector(part, w.labels));
}

/** A namespace of the model whose name is one or two edits from `name` (a likely typo), memoised per model. */
export function namespaceNear(model: PolicyModel, name: string): string | undefined {
  let memo = nearNamespaces.get(model);
  if (!memo) nearNamespaces.set(model, (memo = new Map()));
  if (!memo.has(name)) memo.set(name, model.namespaces.find((k) => k !== name && damerauLevenshtein(name, k, 2) <= 2));
  return memo.get(name);
}

const nearNamespaces = new WeakMap<PolicyModel, Map<string, string | undefined>>();

/**
 * `app=payment-service, app=worker`: the values the pods carry for the selector's keys; when
 * they share no key with it, their labels in general. Empty when there are no pods.
 */
export function nearbyLabels(selector: LabelSelector, pods: readonly WorkloadInfo[], max = 5): string {
  const keys = new Set(podPart(selector).requirements.map((r) => r.key));
  const same = new Set<string>();
  const any = new Set<string>();
  for (const w of pods) {
    for (const [k, v] of Object.entries(w.labels)) {
      const text = `${k}=${v}`;
      if (keys.has(k)) same.add(text);
      any.add(text);
    }
  }
  const chosen = [...(same.size > 0 ? same : any)].sort();
  if (chosen.length === 0) return '';
  return chosen.length > max ? `${chosen.slice(0, max).join(', ')} and ${chosen.length - max} more` : chosen.join(', ');
}
