import { get, getPair } from '../../yaml/nodes';
import type { Rule } from '../types';
import { nonEmptyList, sectionEntries } from './ciliumSections';
import { CILIUM_KINDS } from './support';
import { locate } from '../../analysis/locate';

export const icmpsWithToPortsRule: Rule = {
  id: 'cilium/icmps-with-toports',
  defaultSeverity: 'error',
  title: 'icmps and toPorts in one rule',
  kinds: CILIUM_KINDS,
  docs: `A rule with both \`icmps\` and \`toPorts\`.

**Why it matters.** Cilium rejects the policy: "the ICMPs block may only be present without ToPorts". ICMP has no ports, so the two cannot share a rule.

**Fix.** Move \`icmps\` into a separate rule with the same peers. Remember that once any L4 or ICMP rule applies to an endpoint, ICMP types not allowed by an \`icmps\` rule are dropped.`,
  check(resource, context) {
    for (const entry of sectionEntries(resource)) {
      const icmps = getPair(entry.map, 'icmps');
      if (!icmps || !nonEmptyList(icmps.value) || !nonEmptyList(get(entry.map, 'toPorts'))) continue;
      const toPorts = getPair(entry.map, 'toPorts')!;
      context.report({
        message: 'icmps and toPorts cannot be in the same rule, so Cilium rejects the policy: move icmps into a separate rule with the same peers.',
        location: locate(resource, icmps.key.span),
        related: [{ location: locate(resource, toPorts.key.span), message: 'toPorts in the same rule' }],
      });
    }
  },
};
