import type { Rule } from '../types';
import { netpolPeers } from './netpolParts';
import { present } from './support';
import { locate, headSpan } from '../../analysis/locate';

export const emptyPeerRule: Rule = {
  id: 'netpol/empty-peer',
  defaultSeverity: 'error',
  title: 'Peer that specifies nothing',
  kinds: ['NetworkPolicy'],
  docs: `An item of \`from\` or \`to\` with none of \`podSelector\`, \`namespaceSelector\` or \`ipBlock\`, e.g. \`from: [{}]\`.

**Why it matters.** The API server rejects the policy with "must specify a peer". People often write \`from: [{}]\` meaning "from everywhere" — that is written by leaving \`from\` out (or \`from: []\`), or, for every pod of every namespace, \`namespaceSelector: {}\`.

**Fix.** Give the peer a selector or an \`ipBlock\`, or remove the item.`,
  check(resource, context) {
    for (const peer of netpolPeers(resource)) {
      if (!peer.map || peer.map.pairs.some((p) => present(p))) continue;
      const anything = peer.list === 'from' ? 'every source' : 'every destination';
      context.report({
        message: `This peer has no podSelector, namespaceSelector or ipBlock, so the API server rejects it ("must specify a peer"): add one, or remove "${peer.list}" to allow ${anything}.`,
        location: locate(resource, headSpan(resource, peer.map)),
      });
    }
  },
};
