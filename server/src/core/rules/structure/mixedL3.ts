import { getPair, type YPair } from '../../yaml/nodes';
import type { Rule } from '../types';
import { EGRESS_L3_FIELDS, INGRESS_L3_FIELDS, nonEmptyList, sectionEntries } from './ciliumSections';
import { CILIUM_KINDS } from './support';
import { locate } from '../../analysis/locate';

export const mixedL3Rule: Rule = {
  id: 'cilium/mixed-l3',
  defaultSeverity: 'error',
  title: 'Different peer kinds in one rule',
  kinds: CILIUM_KINDS,
  docs: `One ingress/egress rule that uses two kinds of peer fields, e.g. \`fromEndpoints\` and \`fromCIDR\`, or \`toEndpoints\` and \`toFQDNs\`.

**Why it matters.** Cilium rejects the policy ("combining FromEndpoints and FromCIDR is not supported yet") and none of it is enforced. The peer kinds are: endpoints, CIDR, CIDR set, entities, nodes, groups, services and FQDNs — one per rule. (\`fromRequires\` / \`toRequires\` and \`toPorts\` can be combined with any of them.)

**Fix.** Split the rule into one rule per peer kind, each with its own \`toPorts\`. Rules are ORed, so the result allows the same traffic.`,
  check(resource, context) {
    for (const entry of sectionEntries(resource)) {
      const fields = entry.ingress ? INGRESS_L3_FIELDS : EGRESS_L3_FIELDS;
      const used = fields.map((f) => getPair(entry.map, f)).filter((p): p is YPair => p !== null && nonEmptyList(p.value) !== null);
      for (const extra of used.slice(1)) {
        const first = used[0];
        context.report({
          message: `Combining ${first.keyText} and ${extra.keyText} in one rule is not supported, so Cilium rejects the policy: put each in its own ${entry.section} rule.`,
          location: locate(resource, extra.key.span),
          related: [{ location: locate(resource, first.key.span), message: `${first.keyText} in the same rule` }],
        });
      }
    }
  },
};
