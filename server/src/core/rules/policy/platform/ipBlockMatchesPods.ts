import { AddressSet, ipBlockSet, parseCidr, type Cidr } from '../../../net/cidr';
import { asMap, get, items, scalarText, type YNode } from '../../../yaml/nodes';
import type { Rule } from '../../types';
import { asPolicy, hasSyntaxErrors, POLICY_KINDS, ruleMaps, type PolicyResource } from '../common';
import { locate } from '../../../analysis/locate';

/** Azure CNI Overlay's default pod CIDR (aks-platform.md §1). */
export const OVERLAY_POD_CIDR = '10.244.0.0/16';
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

function cidrOf(text: string): Cidr | null {
  const r = parseCidr(text, { allowBareIp: true });
  return r.ok ? r.cidr : null;
}

const POD_SET = AddressSet.fromCidr(cidrOf(OVERLAY_POD_CIDR)!);
const PRIVATE_SET = PRIVATE_RANGES.map((c) => AddressSet.fromCidr(cidrOf(c)!)).reduce((a, b) => a.union(b));

export const ipBlockMatchesPodsRule: Rule = {
  id: 'platform/ipblock-matches-pods',
  defaultSeverity: 'warning',
  title: 'ipBlock / CIDR aimed at pod addresses on Cilium',
  kinds: POLICY_KINDS,
  docs: `An \`ipBlock\` (or Cilium \`toCIDR\`/\`fromCIDR\`/\`…CIDRSet\`) in private address space that covers ${OVERLAY_POD_CIDR}, the default pod CIDR of Azure CNI Overlay, on a Cilium cluster.

**Why it matters.** On Azure CNI powered by Cilium, CIDR rules never match pods or nodes — not even \`0.0.0.0/0\`: Cilium identifies pods by labels, and CIDR selectors apply only to addresses outside the cluster. A rule written to reach pods by their IP range allows nothing toward them. (Azure NPM matches pod IPs, so such policies break when a cluster moves to Cilium.)

**How to fix.** Select pods with \`podSelector\`/\`namespaceSelector\` (or \`toEndpoints\`). To reach nodes, use a CiliumNetworkPolicy with \`toEntities: [host, remote-node]\`.`,
  check(resource, context) {
    const policy = asPolicy(resource);
    if (!policy || context.settings.engine !== 'cilium' || hasSyntaxErrors(policy)) return;
    for (const { node, cidr, except } of cidrNodes(policy)) {
      const block = cidrOf(cidr);
      if (!block) continue;
      const whole = AddressSet.fromCidr(block);
      const set = ipBlockSet(block, except.map(cidrOf).filter((c): c is Cidr => c !== null));
      if (set.intersect(POD_SET).isEmpty() || !PRIVATE_SET.containsSet(whole)) continue;
      const inside = POD_SET.containsSet(whole);
      context.report({
        message: `${whole.equals(POD_SET) ? `${cidr} is` : inside ? `${cidr} lies in` : `${cidr} includes`} ${OVERLAY_POD_CIDR}, the default pod CIDR of Azure CNI Overlay, but on Cilium a CIDR never matches pods or nodes: ${inside ? 'this rule reaches no pod' : 'pods and nodes in it are not covered'}. Select pods with podSelector/namespaceSelector (toEndpoints in Cilium); reach nodes with the host and remote-node entities.`,
        location: locate(policy, node.span),
      });
    }
  },
};

/** Every CIDR written in the policy's peers, with its `except` list. */
function cidrNodes(policy: PolicyResource): { node: YNode; cidr: string; except: string[] }[] {
  const out: { node: YNode; cidr: string; except: string[] }[] = [];
  const texts = (n: YNode | null) => items(n).map((e) => scalarText(e)).filter((t): t is string => t !== null);
  for (const { map } of ruleMaps(policy)) {
    for (const section of ['ingress', 'egress', 'ingressDeny', 'egressDeny']) {
      for (const rule of items(get(map, section))) {
        if (policy.kind === 'NetworkPolicy') {
          for (const peer of items(get(rule, section === 'ingress' ? 'from' : 'to'))) {
            const cidrNode = get(get(peer, 'ipBlock'), 'cidr');
            const text = scalarText(cidrNode);
            if (cidrNode && text) out.push({ node: cidrNode, cidr: text, except: texts(get(get(peer, 'ipBlock'), 'except')) });
          }
          continue;
        }
        const dir = section.startsWith('ingress') ? 'from' : 'to';
        for (const c of items(get(rule, `${dir}CIDR`))) {
          const text = scalarText(c);
          if (text) out.push({ node: c, cidr: text, except: [] });
        }
        for (const entry of items(get(rule, `${dir}CIDRSet`))) {
          const cidrNode = get(asMap(entry), 'cidr');
          const text = scalarText(cidrNode);
          if (cidrNode && text) out.push({ node: cidrNode, cidr: text, except: texts(get(entry, 'except')) });
        }
      }
    }
  }
  return out;
}
