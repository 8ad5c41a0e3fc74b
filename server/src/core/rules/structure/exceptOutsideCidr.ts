import { cidrContains, parseCidr, validateIpBlockExcept } from '../../net/cidr';
import { CILIUM_CIDR_RULE } from '../../schema/cilium';
import { schemaFor } from '../../schema/index';
import { NP_IP_BLOCK } from '../../schema/networkPolicy';
import { walkSchema } from '../../schema/walk';
import { get, items, stringValue } from '../../yaml/nodes';
import type { Rule } from '../types';
import { POLICY_KINDS } from './support';
import { locate } from '../../analysis/locate';

export const exceptOutsideCidrRule: Rule = {
  id: 'netpol/except-outside-cidr',
  defaultSeverity: 'error',
  title: 'except range outside its cidr',
  kinds: POLICY_KINDS,
  docs: `An \`except\` entry that does not lie inside the \`cidr\` of the same \`ipBlock\` (NetworkPolicy) or \`fromCIDRSet\` / \`toCIDRSet\` entry (Cilium).

**Why it matters.** Both reject it: Kubernetes requires each \`except\` to be a *strict* subset of \`cidr\` (a smaller range inside it), Cilium requires it to be inside \`cidr\` ("allow CIDR prefix … does not contain exclude CIDR prefix …"). An \`except\` only ever carves holes out of its own \`cidr\`; it never denies anything else.

**Fix.** Correct the range (a typo in an octet is the usual cause), or move the exception next to the \`cidr\` that contains it.`,
  check(resource, context) {
    const schema = schemaFor(resource);
    if (!schema) return;
    walkSchema(resource.node, schema, {
      onValue({ node, schema: field }) {
        if (field !== NP_IP_BLOCK && field !== CILIUM_CIDR_RULE) return;
        const cidrText = stringValue(get(node, 'cidr'));
        const cidr = cidrText === null ? null : parseCidr(cidrText.trim());
        if (!cidr || !cidr.ok) return;
        for (const item of items(get(node, 'except'))) {
          const text = stringValue(item);
          const except = text === null ? null : parseCidr(text.trim());
          if (!except || !except.ok) continue;
          let problem: string | null;
          if (field === NP_IP_BLOCK) {
            const complaint = validateIpBlockExcept(cidr.cidr, except.cidr);
            problem = complaint && `In this ipBlock, ${complaint}, so the API server rejects the policy.`;
          } else {
            problem = cidrContains(cidr.cidr, except.cidr)
              ? null
              : `In this CIDR set, except "${except.cidr.text}" is not inside cidr "${cidr.cidr.text}", so Cilium rejects the rule: fix the range or drop the exception.`;
          }
          if (problem) context.report({ message: problem, location: locate(resource, item.span) });
        }
      },
    });
  },
};
