import { asSeq, getPair } from '../../yaml/nodes';
import type { Rule } from '../types';
import { sectionEntries, toPortsEntries } from './ciliumSections';
import { CILIUM_KINDS } from './support';
import { locate } from '../../analysis/locate';

/** Cilium's `maxPorts` (rule_validation.go) and the CRD's MaxItems on `ports`. */
const MAX_PORTS = 40;

export const tooManyPortsRule: Rule = {
  id: 'cilium/too-many-ports',
  defaultSeverity: 'error',
  title: 'More than 40 ports in one toPorts entry',
  kinds: CILIUM_KINDS,
  docs: `A \`toPorts\` entry whose \`ports\` list has more than ${MAX_PORTS} items.

**Why it matters.** Cilium rejects the policy ("too many ports, the max is ${MAX_PORTS}").

**Fix.** Split the ports over several \`toPorts\` entries (they are ORed), or use a range with \`endPort\`.`,
  check(resource, context) {
    for (const entry of sectionEntries(resource)) {
      for (const portRule of toPortsEntries(entry)) {
        const ports = getPair(portRule, 'ports');
        const count = asSeq(ports?.value)?.items.length ?? 0;
        if (!ports || count <= MAX_PORTS) continue;
        context.report({
          message: `This toPorts entry lists ${count} ports, more than Cilium's limit of ${MAX_PORTS}, so the policy is rejected: split them over several toPorts entries.`,
          location: locate(resource, ports.key.span),
        });
      }
    }
  },
};
