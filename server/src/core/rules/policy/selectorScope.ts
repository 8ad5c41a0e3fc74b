/**
 * Where a selector written in a policy looks for pods, and which labels the pods there carry:
 * what "matches nothing" findings need to say what does exist nearby.
 */
import { NAMESPACE_LABELS_PREFIX, parseCiliumLabelKey, POD_NAMESPACE_LABEL } from '../../cilium/labelKeys';
import type { PolicyModel, WorkloadInfo } from '../../engine/types';
import { matchesSelector, type LabelSelector, type Requirement } from '../../k8s/labelSelector';

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

/** Pods of the workspace (not the assumed CoreDNS, not hostNetwork) in `namespaces` (all when null). */
export function podsIn(model: PolicyModel, namespaces: readonly string[] | null): WorkloadInfo[] {
  return model.workloads.filter((w) => !w.implicit && !w.hostNetwork && (namespaces === null || namespaces.includes(w.namespace)));
}

/** Pods matching the pod-label part of a selector, anywhere. */
export function podsMatching(model: PolicyModel, selector: LabelSelector): WorkloadInfo[] {
  const part = podPart(selector);
  return podsIn(model, null).filter((w) => matchesSelector(part, w.labels));
}

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
