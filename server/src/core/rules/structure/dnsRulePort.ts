import { asMap, asScalar, get, getPair, items, scalarText } from '../../yaml/nodes';
import type { Rule } from '../types';
import { nonEmptyList, sectionEntries, toPortsEntries } from './ciliumSections';
import { CILIUM_KINDS } from './support';
import { locate } from '../../analysis/locate';

export const dnsRulePortRule: Rule = {
  id: 'cilium/dns-rule-port',
  defaultSeverity: 'error',
  title: 'DNS rules without port 53, or with a port range',
  kinds: CILIUM_KINDS,
  docs: `A \`toPorts\` entry with \`rules.dns\` must list its ports, normally \`port: "53"\` with \`protocol: ANY\` (DNS uses UDP and TCP).

**Why it matters.** Without ports Cilium rejects the policy ("port 53 must be specified for DNS rules"); an \`endPort\` range is rejected too ("DNS rules do not support port ranges"). Listing only other ports is accepted but the DNS proxy then never sees lookups to CoreDNS on port 53, so name resolution — and every \`toFQDNs\` rule that depends on it — breaks (reported as a warning).

**Fix.** \`ports: [{port: "53", protocol: ANY}]\` in the same \`toPorts\` entry as the DNS rules.`,
  check(resource, context) {
    for (const entry of sectionEntries(resource)) {
      if (entry.section !== 'egress') continue;
      for (const portRule of toPortsEntries(entry)) {
        const dns = getPair(asMap(get(portRule, 'rules')), 'dns');
        if (!dns || !nonEmptyList(dns.value)) continue;
        const portsPair = getPair(portRule, 'ports');
        const ports = items(get(portRule, 'ports'))
          .map((n) => asMap(n))
          .filter((m) => m !== null);
        if (ports.length === 0) {
          context.report({
            message: 'DNS rules need port 53 listed in the same toPorts entry, so Cilium rejects this one: add ports: [{port: "53", protocol: ANY}].',
            location: locate(resource, dns.key.span),
          });
          continue;
        }
        let has53OrName = false;
        for (const port of ports) {
          const text = scalarText(get(port, 'port'));
          if (text === '53' || text === '0' || (text !== null && /[a-z]/i.test(text))) has53OrName = true;
          const endPair = getPair(port, 'endPort');
          const end = asScalar(endPair?.value);
          if (endPair && end && typeof end.value === 'number' && text !== null && /^\d+$/.test(text) && end.value > Number(text)) {
            context.report({
              message: 'DNS rules do not support port ranges, so Cilium rejects the policy: remove endPort and list port "53".',
              location: locate(resource, endPair.key.span),
            });
          }
        }
        if (!has53OrName && portsPair) {
          context.report({
            severity: 'warning',
            message: 'None of these ports is 53, so the DNS proxy never sees lookups to CoreDNS and name resolution fails: list port "53".',
            location: locate(resource, portsPair.key.span),
          });
        }
      }
    }
  },
};
