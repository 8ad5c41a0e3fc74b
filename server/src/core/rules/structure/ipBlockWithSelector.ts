import { getPair } from '../../yaml/nodes';
import type { Rule } from '../types';
import { netpolPeers } from './netpolParts';
import { present } from './support';
import { locate } from '../../analysis/locate';

export const ipBlockWithSelectorRule: Rule = {
  id: 'netpol/ipblock-with-selector',
  defaultSeverity: 'error',
  title: 'ipBlock combined with a selector in one peer',
  kinds: ['NetworkPolicy'],
  docs: `A single \`from\` / \`to\` item with both \`ipBlock\` and \`podSelector\` or \`namespaceSelector\`.

**Why it matters.** The API server rejects the policy ("may not specify both ipBlock and another peer"). Unlike \`namespaceSelector\` + \`podSelector\`, which combine with AND in one item, \`ipBlock\` cannot be ANDed with anything.

**Fix.** Put the \`ipBlock\` in its own list item (items are ORed). Note that on AKS with Cilium an \`ipBlock\` never matches pod IPs anyway: select pods with selectors.`,
  check(resource, context) {
    for (const peer of netpolPeers(resource)) {
      const ipBlock = getPair(peer.map, 'ipBlock');
      if (!present(ipBlock)) continue;
      const selectors = ['podSelector', 'namespaceSelector'].map((k) => getPair(peer.map, k)).filter(present);
      if (selectors.length === 0) continue;
      context.report({
        message: `A peer with ipBlock may not also have ${selectors.map((s) => s.keyText).join(' or ')}, so the API server rejects it: put the ipBlock in its own "${peer.list}" item.`,
        location: locate(resource, ipBlock.key.span),
        related: selectors.map((s) => ({ location: locate(resource, s.key.span), message: `${s.keyText} in the same peer as ipBlock` })),
      });
    }
  },
};
