import { locate } from '../../analysis/locate';
import type { YPair } from '../../yaml/nodes';
import type { Rule } from '../types';

/** Keys every object starts with: a second one in the same map means a second object. */
const OBJECT_KEYS = new Set(['apiVersion', 'kind']);

export const missingDocumentSeparatorRule: Rule = {
  id: 'yaml/missing-document-separator',
  defaultSeverity: 'error',
  title: 'Two objects in one YAML document',
  kinds: ['*'],
  docs: `One YAML document holds a second \`apiVersion\`/\`kind\`: two objects were written one after the other without the \`---\` line that separates YAML documents.

**Why it matters.** The YAML is invalid (its keys repeat), so \`kubectl apply\` refuses the file — or, with a lenient parser, keeps only the second object's values and silently loses the first object.

**Fix.** Insert a line \`---\` before the second object (the quick-fix does it).`,
  check(resource, context) {
    if (resource.source.listIndex !== undefined) return;
    const root = resource.source.document.root;
    if (!root || root.kind !== 'map' || root !== resource.node) return;
    const seen = new Set<string>();
    let second: YPair | null = null;
    for (const pair of root.pairs) {
      if (!OBJECT_KEYS.has(pair.keyText)) continue;
      if (seen.has(pair.keyText)) {
        second = pair;
        break;
      }
      seen.add(pair.keyText);
    }
    if (!second) return;
    const firstOfSecond = firstKeyOfSecondObject(root.pairs, second);
    const location = locate(resource, firstOfSecond.key.span);
    const text = resource.source.document.text;
    const lineStart = text.lastIndexOf('\n', firstOfSecond.key.span.start - 1) + 1;
    context.report({
      message: `A second object starts here (its "${firstOfSecond.keyText}" repeats one above) without a "---" line: the YAML is invalid and one of the two objects would be lost. Insert "---" before this line.`,
      location,
      fixes: [
        {
          title: 'Insert the "---" document separator before this line',
          edits: [{ uri: resource.source.uri, start: resource.source.document.offset + lineStart, end: resource.source.document.offset + lineStart, newText: '---\n' }],
          preferred: true,
        },
      ],
    });
  },
};

/**
 * Of the repeated object keys (apiVersion, kind), the one written first after the first object:
 * with `apiVersion` then `kind` for each object, that is the second `apiVersion`.
 */
function firstKeyOfSecondObject(pairs: readonly YPair[], repeated: YPair): YPair {
  const counts = new Map<string, number>();
  let earliest = repeated;
  for (const pair of pairs) {
    if (!OBJECT_KEYS.has(pair.keyText)) continue;
    const n = (counts.get(pair.keyText) ?? 0) + 1;
    counts.set(pair.keyText, n);
    if (n === 2 && pair.key.span.start < earliest.key.span.start) earliest = pair;
  }
  return earliest;
}
