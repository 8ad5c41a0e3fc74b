/**
 * Selector matching over identity classes, memoised: the same selector in the same scope is
 * matched once however many policies or rules repeat it. A selector with an `In` requirement
 * is matched only against the classes carrying one of its values (an index by label), so a
 * policy per application costs one lookup, not a scan of every class.
 */
import { matchesSelector, type LabelSelector, type Requirement } from '../k8s/labelSelector';
import { addToGroup } from '../lists';
import type { Universe } from './groups';
import { POD_NAMESPACE_LABEL } from '../cilium/labelKeys';

export type ClassSet = ReadonlySet<number>;
const EMPTY: ClassSet = new Set<number>();

type LabelsOf = 'labels' | 'ciliumLabels';

export class SelectorIndex {
  private readonly memo = new Map<string, ClassSet>();
  private readonly nsMemo = new Map<string, readonly string[]>();
  /** Per label set and key, built when a selector first asks: value → classes carrying it, ascending. */
  private readonly byKey: Record<LabelsOf, Map<string, Map<string, number[]>>> = { labels: new Map(), ciliumLabels: new Map() };

  constructor(private readonly universe: Universe) {}

  /** Pods (classes) matching a NetworkPolicy pod selector inside the given namespaces. */
  podsIn(selector: LabelSelector, namespaces: readonly string[]): ClassSet {
    if (namespaces.length === 0) return EMPTY;
    const key = `k|${selectorKey(selector)}|${namespaces.join(',')}`;
    return this.cached(key, () => {
      const classes = this.universe.classes;
      const indexed = this.candidates(selector, 'labels');
      if (indexed) {
        // Same classes, in the same order, as the scan below: by namespace as listed, then by index.
        const listed = new Set(namespaces);
        const hits = indexed.filter((c) => listed.has(classes[c].namespace) && matchesSelector(selector, classes[c].labels));
        return new Set(this.inNamespaceOrder(hits, namespaces));
      }
      const out = new Set<number>();
      for (const ns of namespaces) {
        for (const c of this.universe.classesByNamespace.get(ns) ?? []) {
          if (matchesSelector(selector, classes[c].labels)) out.add(c);
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
      const classes = this.universe.classes;
      const nsReq = selector.requirements.find((r) => r.key === POD_NAMESPACE_LABEL && r.operator === 'In');
      const indexed = this.candidates(selector, 'ciliumLabels');
      if (indexed) {
        const hits = indexed.filter((c) => matchesSelector(selector, classes[c].ciliumLabels));
        // The scan below goes namespace by namespace, in the order the requirement lists them.
        return new Set(nsReq ? this.inNamespaceOrder(hits, nsReq.values) : hits);
      }
      const out = new Set<number>();
      const candidates: Iterable<number> = nsReq
        ? nsReq.values.flatMap((ns) => this.universe.classesByNamespace.get(ns) ?? [])
        : classes.map((c) => c.index);
      for (const c of candidates) {
        if (matchesSelector(selector, classes[c].ciliumLabels)) out.add(c);
      }
      return out;
    });
  }

  /** Classes sorted as a scan namespace by namespace finds them: by the namespace's place in `namespaces`, then by index. */
  private inNamespaceOrder(hits: number[], namespaces: readonly string[]): number[] {
    const classes = this.universe.classes;
    const rank = new Map<string, number>();
    namespaces.forEach((ns, i) => rank.has(ns) || rank.set(ns, i));
    return hits.sort((a, b) => rank.get(classes[a].namespace)! - rank.get(classes[b].namespace)! || a - b);
  }

  /**
   * Classes that can match: those carrying a value of the selector's narrowest `In`
   * requirement, ascending (a superset of the matches). Null without an `In` requirement.
   */
  private candidates(selector: LabelSelector, which: LabelsOf): number[] | null {
    let best: number[][] | null = null;
    let bestSize = Infinity;
    for (const r of selector.requirements) {
      if (r.operator !== 'In') continue;
      const byValue = this.valuesOf(which, r.key);
      const lists: number[][] = [];
      let size = 0;
      for (const v of r.values) {
        const list = byValue.get(v);
        if (list) {
          lists.push(list);
          size += list.length;
        }
      }
      if (size < bestSize) {
        best = lists;
        bestSize = size;
      }
    }
    if (!best) return null;
    if (best.length === 1) return best[0];
    return [...new Set(best.flat())].sort((a, b) => a - b);
  }

  private valuesOf(which: LabelsOf, key: string): Map<string, number[]> {
    let byValue = this.byKey[which].get(key);
    if (byValue) return byValue;
    byValue = new Map();
    for (const c of this.universe.classes) {
      const labels = c[which];
      if (!Object.prototype.hasOwnProperty.call(labels, key)) continue;
      addToGroup(byValue, labels[key], c.index);
    }
    this.byKey[which].set(key, byValue);
    return byValue;
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
