import { get, getPair } from '../../yaml/nodes';
import type { Rule } from '../types';
import { ciliumRules, nonEmptyList, RULE_SECTIONS } from './ciliumSections';
import { CILIUM_KINDS } from './support';
import { locate } from '../../analysis/locate';

export const noRuleSectionsRule: Rule = {
  id: 'cilium/no-rule-sections',
  defaultSeverity: 'error',
  title: 'Rule without ingress or egress sections',
  kinds: CILIUM_KINDS,
  docs: `A Cilium rule needs at least one non-empty list among \`ingress\`, \`ingressDeny\`, \`egress\` and \`egressDeny\`; a policy needs \`spec\` or \`specs\`.

**Why it matters.** Cilium rejects it ("rule must have at least one of Ingress, IngressDeny, Egress, EgressDeny"). An empty list such as \`ingress: []\` counts as absent, and \`enableDefaultDeny\` alone is not enough.

**Fix.** Add the rules. To only switch a direction to default-deny, write \`ingress: [{}]\` / \`egress: [{}]\` — in Cilium the empty rule allows nothing (unlike a NetworkPolicy, where it allows everything).`,
  check(resource, context) {
    const rules = ciliumRules(resource);
    if (rules.length === 0) {
      const kind = getPair(resource.node, 'kind');
      context.report({
        message: `This ${resource.kind} has neither spec nor specs, so Cilium rejects it as empty: add a spec with an endpointSelector and rules.`,
        location: locate(resource, (kind?.value ?? kind?.key ?? resource.node).span),
      });
      return;
    }
    for (const rule of rules) {
      if (!rule.map) continue;
      if (RULE_SECTIONS.some((s) => nonEmptyList(get(rule.map, s)))) continue;
      const emptyLists = RULE_SECTIONS.filter((s) => getPair(rule.map, s));
      const note = emptyLists.length ? ` (an empty ${emptyLists[0]} list counts as absent)` : '';
      context.report({
        message: `This rule has no ingress, ingressDeny, egress or egressDeny entries${note}, so Cilium rejects it: add at least one (ingress: [{}] alone means ingress default-deny).`,
        location: locate(resource, rule.anchor),
      });
    }
  },
};
