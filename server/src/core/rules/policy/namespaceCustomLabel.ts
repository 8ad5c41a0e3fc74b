import { isNetworkPolicy, type NamespaceResource } from '../../k8s/resources';
import { asMap, get, getPair, items, scalarText } from '../../yaml/nodes';
import { editAt } from '../fixes/insert';
import type { Rule } from '../types';
import { hasSyntaxErrors } from './common';
import { locate } from '../../analysis/locate';

const NAME_LABEL = 'kubernetes.io/metadata.name';
/** Values that read as a namespace name (a DNS label), not as a flag like `"true"`. */
const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const FLAG_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled']);

export const namespaceCustomLabelRule: Rule = {
  id: 'policy/namespace-custom-label',
  defaultSeverity: 'hint',
  title: 'namespaceSelector on a custom label no namespace carries',
  kinds: ['NetworkPolicy'],
  docs: `A \`namespaceSelector\` that matches a custom label (\`team: api\`) which no Namespace of the workspace carries.

**Why it matters.** \`namespaceSelector\` matches namespace **labels**, not names. A custom label exists only where someone added it, so \`team: api\` does not select the namespace named \`api\` — often what was meant. Kubernetes puts \`kubernetes.io/metadata.name: <name>\` on every namespace; that is the way to pick a namespace by name.

**Example.**
\`\`\`yaml
- namespaceSelector:
    matchLabels:
      team: api                            # only namespaces labelled team=api
- namespaceSelector:
    matchLabels:
      kubernetes.io/metadata.name: api     # the namespace named api
\`\`\`

**How to fix.** If the namespace was meant by name, switch the key (quick fix); otherwise label the namespace.`,
  check(resource, context) {
    if (!isNetworkPolicy(resource) || hasSyntaxErrors(resource)) return;
    let namespaces: NamespaceResource[] | null = null;
    const labelled = (key: string, value: string) =>
      (namespaces ??= context.workspace.ofKinds(['Namespace']).filter((r): r is NamespaceResource => r.kind === 'Namespace' && !('other' in r))).some((n) => n.labels[key] === value);
    for (const direction of ['ingress', 'egress'] as const) {
      for (const rule of items(get(resource.spec, direction))) {
        for (const peer of items(get(rule, direction === 'ingress' ? 'from' : 'to'))) {
          const matchLabels = asMap(get(get(peer, 'namespaceSelector'), 'matchLabels'));
          for (const pair of matchLabels?.pairs ?? []) {
            const value = scalarText(pair.value);
            if (pair.keyText === NAME_LABEL || value === null || !NAMESPACE_NAME.test(value) || FLAG_WORDS.has(value)) continue;
            if (getPair(matchLabels, NAME_LABEL)) continue;
            if (labelled(pair.keyText, value)) continue;
            context.report({
              message: `"${pair.keyText}" is a custom namespace label: it matches only namespaces someone labelled ${pair.keyText}=${value}, and no Namespace in the workspace has it. To select the namespace named "${value}", use ${NAME_LABEL}: ${value} (Kubernetes sets it on every namespace).`,
              location: locate(resource, pair.key.span),
              fixes: [{ title: `Select the namespace named "${value}" (${NAME_LABEL})`, edits: [editAt(resource, pair.key.span.start, pair.key.span.end, NAME_LABEL)] }],
            });
          }
        }
      }
    }
  },
};
