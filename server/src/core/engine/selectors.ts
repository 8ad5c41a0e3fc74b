/**
 * Selector matching over identity classes, memoised: the same selector in the same scope is
 * matched once however many policies or rules repeat it.
 */
import { matchesSelector, type LabelSelector, type Requirement } from '../k8s/labelSelector';
import type { Universe } from './groups';
import { POD_NAMESPACE_LABEL } from '../cilium/labelKeys';

export type ClassSet = ReadonlySet<number>;
const EMPTY: ClassSet = new Set<number>();

export class SelectorIndex {
  private readonly memo = new Map<string, ClassSet>();
  private readonly nsMemo = new Map<string, readonly string[]>();

  constructor(private readonly universe: Universe) {}

  /** Pods (classes) matching a NetworkPolicy pod selector inside the given namespaces. */
  podsIn(selector: LabelSelector, namespaces: readonly string[]): ClassSet {
    if (namespaces.length === 0) return EMPTY;
    const key = `k|${selectorKey(selector)}|${namespaces.join(',')}`;
    return this.cached(key, () => {
      const out = new Set<number>();
      for (const ns of namespaces) {
        for (const c of this.universe.classesByNamespace.get(ns) ?? []) {
          if (matchesSelector(selector, this.universe.classes[c].labels)) out.add(c);
        }
      }
      return out;
    });
  }

  /** Namespaces whose labels match a namespaceSelector, sorted. */
  namespacesMatching(selector: LabelSelector): readonly string[] {
    const key = selectorKey(selector);
    const hit = this.nsMemo.get(key);
    if (hit) return hit;
    const out: string[] = [];
    for (const [ns, labels] of this.universe.namespaces) if (matchesSelector(selector, labels)) out.push(ns);
    this.nsMemo.set(key, out);
    return out;
  }

  /**
   * Classes matching a Cilium selector whose keys are already normalised (source prefixes
   * `k8s:`/`any:` removed) against the Cilium identity labels. A `io.kubernetes.pod.namespace`
   * In-requirement narrows the scan to those namespaces.
   */
  cilium(selector: LabelSelector): ClassSet {
    const key = `c|${selectorKey(selector)}`;
    return this.cached(key, () => {
      const out = new Set<number>();
      const nsReq = selector.requirements.find((r) => r.key === POD_NAMESPACE_LABEL && r.operator === 'In');
      const candidates: Iterable<number> = nsReq
        ? nsReq.values.flatMap((ns) => this.universe.classesByNamespace.get(ns) ?? [])
        : this.universe.classes.map((c) => c.index);
      for (const c of candidates) {
        if (matchesSelector(selector, this.universe.classes[c].ciliumLabels)) out.add(c);
      }
      return out;
    });
  }

  private cached(key: string, compute: () => ClassSet): ClassSet {
    const hit = this.memo.get(key);
    if (hit) return hit;
    const value = compute();
    this.memo.set(key, value.size === 0 ? EMPTY : value);
    return value;
  }
}

export function selectorKey(selector: LabelSelector): string {
  return selector.requirements
    .map((r) => requirementKey(r))
    .sort()
    .join('&');
}

function requirementKey(r: Requirement): string {
  return `${r.key}\u0000${r.operator}\u0000${[...r.values].sort().join('\u0001')}`;
}
