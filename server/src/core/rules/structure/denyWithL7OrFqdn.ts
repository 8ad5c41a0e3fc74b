import { getPair } from '../../yaml/nodes';
import type { Rule } from '../types';
import { sectionEntries, toPortsEntries } from './ciliumSections';
import { DENY_PORT_ONLY_IN_ALLOW, DENY_RULE_ONLY_IN_ALLOW } from './denyRestrictions';
import { CILIUM_KINDS } from './support';
import { locate } from '../../analysis/locate';

export const denyWithL7OrFqdnRule: Rule = {
  id: 'cilium/deny-with-l7-or-fqdn',
  defaultSeverity: 'error',
  title: 'FQDN or L7 rules in a deny rule',
  kinds: CILIUM_KINDS,
  docs: `\`toFQDNs\` in an \`egressDeny\` rule, or L7 \`rules\` (HTTP, DNS, Kafka), \`serverNames\`, \`listener\` or TLS settings in the \`toPorts\` of an \`ingressDeny\` / \`egressDeny\` rule.

**Why it matters.** Deny rules only match peers and ports: the deny types have no such fields, so the API server rejects them as unknown (or, without strict validation, silently drops them — and the deny then applies to the whole peer or port).

**Fix.** To block names, allow only the wanted names with an \`egress\` \`toFQDNs\` rule (everything else is dropped by default-deny), or deny their addresses with \`toCIDRSet\`. To block some HTTP requests, allow the others with an HTTP rule in an \`ingress\` / \`egress\` rule.`,
  check(resource, context) {
    for (const entry of sectionEntries(resource)) {
      if (!entry.deny) continue;
      if (entry.section === 'egressDeny') {
        for (const field of DENY_RULE_ONLY_IN_ALLOW) {
          const pair = getPair(entry.map, field);
          if (!pair) continue;
          context.report({
            message: `egressDeny rules cannot use ${field} (Cilium has no FQDN deny), so the API server rejects the field: allow only the wanted names with an egress toFQDNs rule, or deny their addresses with toCIDRSet.`,
            location: locate(resource, pair.key.span),
          });
        }
      }
      for (const portRule of toPortsEntries(entry)) {
        for (const field of DENY_PORT_ONLY_IN_ALLOW) {
          const pair = getPair(portRule, field);
          if (!pair) continue;
          context.report({
            message: `${entry.section} rules cannot have "${field}" in toPorts (deny rules match only ports, no L7), so the API server rejects it: deny the whole port, or use an allow rule with L7 rules instead.`,
            location: locate(resource, pair.key.span),
          });
        }
      }
    }
  },
};
