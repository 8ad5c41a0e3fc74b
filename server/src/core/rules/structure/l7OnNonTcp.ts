import { CILIUM_PROTOCOLS } from '../../schema/ciliumPorts';
import { asMap, asScalar, get, getPair, items, scalarText } from '../../yaml/nodes';
import type { Fix, Rule } from '../types';
import { nonEmptyList, sectionEntries, toPortsEntries } from './ciliumSections';
import { addFieldEdit, CILIUM_KINDS, replaceFix, sameQuoting } from './support';
import { locate, headSpan } from '../../analysis/locate';

export const l7OnNonTcpRule: Rule = {
  id: 'cilium/l7-on-non-tcp',
  defaultSeverity: 'error',
  title: 'L7 rules on a non-TCP port or on port 0',
  kinds: CILIUM_KINDS,
  docs: `A \`toPorts\` entry with HTTP, Kafka or generic L7 \`rules\` whose ports are not all \`protocol: TCP\` — including ports with **no** protocol, which in Cilium means ANY — or an entry with any L7 rules (DNS too) on port \`"0"\`.

**Why it matters.** Cilium rejects the policy ("L7 rules can only apply to TCP (not ANY) except for DNS rules", "L7 rules can not be used when a port is 0"): the L7 proxy handles TCP streams on a known port. DNS rules are the exception to the TCP requirement (they work over UDP and TCP, usually \`protocol: ANY\`).

**Fix.** Write \`protocol: TCP\` on every port of an entry with HTTP/Kafka rules, and name the actual port instead of \`"0"\`.`,
  check(resource, context) {
    for (const entry of sectionEntries(resource)) {
      if (entry.deny) continue;
      for (const portRule of toPortsEntries(entry)) {
        const rules = asMap(get(portRule, 'rules'));
        if (!rules) continue;
        const dns = nonEmptyList(get(rules, 'dns')) !== null;
        const nonDns = ['http', 'kafka', 'l7'].filter((k) => nonEmptyList(get(rules, k)) !== null);
        if (!dns && nonDns.length === 0) continue;
        for (const item of items(get(portRule, 'ports'))) {
          const port = asMap(item);
          if (!port) continue;
          const portValue = asScalar(get(port, 'port'));
          if (portValue && scalarText(portValue) === '0') {
            context.report({
              message: 'L7 rules cannot be used on port "0" (every port), so Cilium rejects the policy: write the port the application listens on.',
              location: locate(resource, portValue.span),
            });
          }
          if (dns) continue;
          const kind = nonDns[0];
          const protocolPair = getPair(port, 'protocol');
          const protocol = asScalar(protocolPair?.value);
          if (!protocol || protocol.value === null) {
            const add = addFieldEdit(resource, port, 'protocol', 'TCP');
            const fixes: Fix[] | undefined = add ? [{ title: 'Add protocol: TCP', edits: [add], preferred: true }] : undefined;
            context.report({
              message: `${kind} rules need protocol TCP, but this port has no protocol, which in Cilium means ANY, so the policy is rejected: add protocol: TCP.`,
              location: locate(resource, headSpan(resource, port)),
              fixes,
            });
          } else if (typeof protocol.value === 'string' && protocol.value !== 'TCP' && (CILIUM_PROTOCOLS as readonly string[]).includes(protocol.value)) {
            context.report({
              message: `${kind} rules work only over TCP, not ${protocol.value}, so Cilium rejects the policy: use protocol: TCP.`,
              location: locate(resource, protocol.span),
              fixes: [replaceFix(resource, 'Use TCP', protocol.span, sameQuoting(protocol, 'TCP'), true)],
            });
          }
        }
      }
    }
  },
};
