import { isNetworkPolicy } from '../../../k8s/resources';
import { asMap, get, getPair, items, scalarText } from '../../../yaml/nodes';
import type { Rule } from '../../types';
import { hasSyntaxErrors } from '../common';
import { locate } from '../../../analysis/locate';

export const endPortOnCilium116Rule: Rule = {
  id: 'platform/endport-on-cilium-116',
  defaultSeverity: 'warning',
  title: 'NetworkPolicy endPort on Cilium 1.16',
  kinds: ['NetworkPolicy'],
  docs: `A NetworkPolicy port range (\`endPort\`) on a cluster running Cilium 1.16 (setting \`aksNetlens.cluster.ciliumVersion\`).

**Why it matters.** Cilium supports NetworkPolicy \`endPort\` from 1.17. On 1.16 — what AKS runs with Kubernetes 1.31 — only \`port\` is applied: a range \`32000–32768\` allows just port 32000.

**How to fix.** Upgrade to a Kubernetes version whose Cilium is ≥ 1.17 (1.32 and later), or list the ports one by one.`,
  check(resource, context) {
    const s = context.settings;
    if (!isNetworkPolicy(resource) || s.engine !== 'cilium' || s.ciliumMinor > 16 || hasSyntaxErrors(resource)) return;
    for (const direction of ['ingress', 'egress']) {
      for (const rule of items(get(resource.spec, direction))) {
        for (const port of items(get(rule, 'ports'))) {
          const pair = getPair(asMap(port), 'endPort');
          if (!pair || scalarText(pair.value) === null) continue;
          const from = scalarText(get(port, 'port'));
          context.report({
            message: `Cilium 1.${s.ciliumMinor} ignores endPort: only port ${from ?? '(none)'} of this range is allowed (NetworkPolicy endPort needs Cilium 1.17 or later).`,
            location: locate(resource, pair.key.span),
          });
        }
      }
    }
  },
};
