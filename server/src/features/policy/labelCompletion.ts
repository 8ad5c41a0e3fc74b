/**
 * Label keys and values for the selectors of a policy, from what the workspace's pods and
 * namespaces carry, plus Cilium's special keys (the pod's namespace, its namespace's labels,
 * its service account) in peer selectors.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { NAMESPACE_LABELS_PREFIX, namespaceLabelKey, parseCiliumLabelKey, POD_NAMESPACE_LABEL, SERVICE_ACCOUNT_LABEL } from '../../core/cilium/labelKeys';
import type { FieldPath } from '../../core/schema/index';
import { labelKeyMarkdown } from '../../core/cilium/labelKeyDocs';
import { bulletList, code, plural } from './markdown';
import { ownersOfKey, type LabelIndex, type WorkspaceFacts } from './workspaceFacts';

/** Which objects a selector picks: the policy's own pods, peer pods (Cilium: any namespace it names), or namespaces. */
export type SelectorRole = 'pods' | 'peer-pods' | 'namespaces';

const CILIUM_PEER_LISTS = new Set(['fromEndpoints', 'toEndpoints', 'fromRequires', 'toRequires']);

/** The role of the selector at `selectorPath` (a schema path), or null for selectors of nodes, Services, CIDR groups. */
export function selectorRole(kind: string, selectorPath: FieldPath): SelectorRole | null {
  const last = selectorPath[selectorPath.length - 1];
  if (kind === 'NetworkPolicy') return last === 'namespaceSelector' ? 'namespaces' : last === 'podSelector' ? 'pods' : null;
  if (last === 'endpointSelector') return 'pods';
  const list = selectorPath[selectorPath.length - 2];
  return typeof last === 'number' && typeof list === 'string' && CILIUM_PEER_LISTS.has(list) ? 'peer-pods' : null;
}

export interface LabelCandidate {
  readonly key: string;
  readonly detail: string;
  readonly documentation: string;
}

const POD_NS_KEY = `k8s:${POD_NAMESPACE_LABEL}`;
const SERVICE_ACCOUNT_KEY = `k8s:${SERVICE_ACCOUNT_LABEL}`;

/** Label keys for a selector, most used first; in Cilium peer selectors, the special keys after them. */
export function labelKeyCandidates(role: SelectorRole, facts: WorkspaceFacts, present: ReadonlySet<string>): LabelCandidate[] {
  const cilium = role === 'peer-pods';
  const taken = new Set([...present].map((k) => (cilium ? parseCiliumLabelKey(k).key : k)));
  const index = role === 'namespaces' ? facts.namespaceLabels : facts.podLabels;
  const owners = role === 'namespaces' ? 'namespace' : 'workload';
  const out: LabelCandidate[] = sortedKeys(index)
    .filter((key) => !taken.has(key) && !present.has(key))
    .map((key) => ({ key, detail: `label on ${plural(ownersOfKey(index, key), owners)}`, documentation: valuesDoc(index, key, role === 'namespaces' ? 'kubernetes' : null) }));
  if (!cilium) return out;
  if (!taken.has(POD_NAMESPACE_LABEL)) out.push({ key: POD_NS_KEY, detail: 'the pod\'s namespace', documentation: labelKeyMarkdown(POD_NS_KEY, 'cilium') ?? '' });
  for (const nsKey of sortedKeys(facts.namespaceLabels)) {
    const key = `k8s:${NAMESPACE_LABELS_PREFIX}${nsKey}`;
    if (taken.has(`${NAMESPACE_LABELS_PREFIX}${nsKey}`)) continue;
    out.push({ key, detail: `the namespace's label ${nsKey}`, documentation: `${labelKeyMarkdown(key, 'cilium') ?? ''}\n\n${valuesDoc(facts.namespaceLabels, nsKey, null)}` });
  }
  if (!taken.has(SERVICE_ACCOUNT_LABEL)) out.push({ key: SERVICE_ACCOUNT_KEY, detail: 'the pod\'s service account', documentation: labelKeyMarkdown(SERVICE_ACCOUNT_KEY, 'cilium') ?? '' });
  return out;
}

export interface ValueCandidate {
  readonly value: string;
  readonly detail: string;
  readonly documentation: string;
}

/** Values the workspace has for a selector key (a namespace name for Cilium's namespace key, and so on). */
export function labelValueCandidates(role: SelectorRole, rawKey: string, facts: WorkspaceFacts): ValueCandidate[] {
  if (role === 'namespaces') return valuesOf(facts.namespaceLabels.get(rawKey), 'namespace');
  const key = role === 'peer-pods' || rawKey.includes(':') ? parseCiliumLabelKey(rawKey).key : rawKey;
  if (role === 'peer-pods') {
    if (key === POD_NAMESPACE_LABEL) return facts.namespaces.map((ns) => ({ value: ns, detail: 'namespace', documentation: '' }));
    const nsKey = namespaceLabelKey(key);
    if (nsKey !== null) return valuesOf(facts.namespaceLabels.get(nsKey), 'namespace');
    if (key === SERVICE_ACCOUNT_LABEL) return valuesOf(facts.serviceAccounts, 'workload');
  }
  return valuesOf(facts.podLabels.get(key), 'workload');
}

function valuesOf(values: ReadonlyMap<string, readonly string[]> | undefined, owner: string): ValueCandidate[] {
  if (!values) return [];
  return [...values]
    .sort((a, b) => b[1].length - a[1].length || compareText(a[0], b[0]))
    .map(([value, owners]) => ({ value, detail: `${plural(owners.length, owner)}`, documentation: bulletList(owners.map(code)) }));
}

function sortedKeys(index: LabelIndex): string[] {
  const uses = new Map([...index.keys()].map((k) => [k, ownersOfKey(index, k)]));
  return [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || compareText(a, b));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function valuesDoc(index: LabelIndex, key: string, dialect: 'kubernetes' | null): string {
  const values = [...(index.get(key)?.keys() ?? [])].sort();
  const special = dialect ? labelKeyMarkdown(key, dialect) : null;
  const list = `Values here: ${values.slice(0, 10).map(code).join(', ')}${values.length > 10 ? ` and ${values.length - 10} more` : ''}.`;
  return special ? `${special}\n\n${list}` : list;
}

/** Completion items from candidates; `insert` renders the text, `kind` the icon. */
export function candidateItems<T extends { detail: string; documentation: string }>(
  candidates: readonly T[],
  label: (c: T) => string,
  kind: CompletionItemKind,
  build: (c: T) => Pick<CompletionItem, 'textEdit' | 'filterText' | 'command'>,
): CompletionItem[] {
  return candidates.map((c, i) => ({
    label: label(c),
    kind,
    detail: c.detail,
    documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
    sortText: String(i).padStart(4, '0'),
    ...build(c),
  }));
}
