import type { PolicyModel, Selection } from '../../engine/types';
import { isNetworkPolicy, type NetworkPolicyResource } from '../../k8s/resources';
import { asMap, asSeq, get, getPair, isNullish, items, type YMap, type YSeq } from '../../yaml/nodes';
import { editAt } from '../fixes/insert';
import type { Fix, Rule } from '../types';
import { hasSyntaxErrors, listText, policyIdOf } from './common';
import { locate } from '../../analysis/locate';

export const orPeersRule: Rule = {
  id: 'policy/or-peers',
  defaultSeverity: 'hint',
  title: 'namespaceSelector and podSelector as separate peers (OR)',
  kinds: ['NetworkPolicy'],
  docs: `A \`from\`/\`to\` list with one element holding only a \`namespaceSelector\` and another holding only a \`podSelector\`.

**Why it matters.** Each list element is a separate peer, and peers are ORed. Written as two elements, the rule admits **every pod** of the selected namespaces, plus the selected pods of the policy's own namespace. Written as one element (both keys under the same \`-\`), it admits only the selected pods inside the selected namespaces (AND). One dash decides which.

**Example.**
\`\`\`yaml
from:
  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: api}}   # every pod of api
  - podSelector: {matchLabels: {app: api}}                                  # OR app=api pods here
from:
  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: api}}
    podSelector: {matchLabels: {app: api}}                                  # app=api pods in api
\`\`\`

**How to fix.** If the AND was meant, merge the two elements (the quick fix removes the second dash, keeping comments).`,
  check(resource, context) {
    if (!isNetworkPolicy(resource) || hasSyntaxErrors(resource)) return;
    const model = context.workspace.policyModel();
    for (const direction of ['ingress', 'egress'] as const) {
      const listKey = direction === 'ingress' ? 'from' : 'to';
      items(get(resource.spec, direction)).forEach((rule, ruleIndex) => {
        const pair = getPair(asMap(rule), listKey);
        const seq = asSeq(pair?.value);
        if (!pair || !seq) return;
        const nsOnly: number[] = [];
        const podOnly: number[] = [];
        seq.items.forEach((item, i) => {
          const keys = (asMap(item)?.pairs ?? []).filter((p) => !isNullish(p.value)).map((p) => p.keyText);
          if (keys.length === 1 && keys[0] === 'namespaceSelector') nsOnly.push(i);
          if (keys.length === 1 && keys[0] === 'podSelector') podOnly.push(i);
        });
        if (nsOnly.length === 0 || podOnly.length === 0) return;
        const path = ['spec', direction, ruleIndex, listKey];
        const ns = describe(model, resource, [...path, nsOnly[0], 'namespaceSelector']);
        const pods = describe(model, resource, [...path, podOnly[0], 'podSelector']);
        const fix = nsOnly.length === 1 && podOnly.length === 1 ? mergeFix(resource, seq, nsOnly[0], podOnly[0]) : null;
        context.report({
          message: `These are separate peers, ORed: ${ns} OR ${pods}. To allow only the selected pods inside the selected namespaces (AND), put namespaceSelector and podSelector in one element.`,
          location: locate(resource, pair.key.span),
          ...(fix ? { fixes: [fix] } : {}),
        });
      });
    }
  },
};

function describe(model: PolicyModel, np: NetworkPolicyResource, path: (string | number)[]): string {
  const sel: Selection | null = model.selectionAt(policyIdOf(np), path);
  if (!sel) return 'this selector';
  const matched = sel.workloads.filter((w) => !model.findWorkload(w)?.implicit);
  const what = sel.kind === 'namespaces' ? `every pod of ${sel.description}` : sel.description;
  if (sel.kind === 'namespaces' && sel.namespaces.length > 0) return `${what} (${listText(sel.namespaces)})`;
  return matched.length > 0 ? `${what} (${listText(matched)})` : what;
}

/**
 * Merges two adjacent peers into one by turning the second one's `- ` into spaces (block
 * lists) or its `}, {` into `, ` (flow lists): the text of both stays as written.
 */
function mergeFix(np: NetworkPolicyResource, seq: YSeq, a: number, b: number): Fix | null {
  if (Math.abs(a - b) !== 1) return null;
  const first = asMap(seq.items[Math.min(a, b)]);
  const second = asMap(seq.items[Math.max(a, b)]);
  if (!first || !second || first.flow !== second.flow) return null;
  const text = np.source.document.text;
  const title = 'Merge into one peer (namespaceSelector AND podSelector)';
  if (first.flow) {
    if (first.pairs.length === 0 || second.pairs.length === 0) return null;
    return { title, edits: [editAt(np, first.pairs[first.pairs.length - 1].span.end, second.pairs[0].span.start, ', ')] };
  }
  if (seq.flow) return null;
  const dash = text.lastIndexOf('-', second.span.start - 1);
  const column = (m: YMap) => m.span.start - (text.lastIndexOf('\n', m.span.start - 1) + 1);
  // The second map's keys must line up with the first's once its dash is gone.
  if (dash < 0 || column(first) !== column(second) || text.slice(dash + 1, second.span.start).trim() !== '') return null;
  return { title, edits: [editAt(np, dash, dash + 1, ' ')] };
}
