import { isNetworkPolicy } from '../../k8s/resources';
import { asMap, getPair, items, stringValue } from '../../yaml/nodes';
import type { Rule } from '../types';
import { asPolicy, hasSyntaxErrors, POLICY_KINDS, ruleMaps } from './common';
import { locate } from '../../analysis/locate';

export const emptyRuleMeaningRule: Rule = {
  id: 'policy/empty-rule-meaning',
  defaultSeverity: 'hint',
  title: 'The empty rule `{}`: opposite meanings in NetworkPolicy and Cilium',
  kinds: POLICY_KINDS,
  docs: `The same line means opposite things in the two APIs:

| | NetworkPolicy | CiliumNetworkPolicy |
|---|---|---|
| \`ingress: [{}]\` | allows **all** ingress | allows **nothing**; only turns on ingress default deny |
| \`egress: [{}]\` | allows **all** egress | allows **nothing**; only turns on egress default deny |

**Why it matters.** Copying a default-deny policy from Cilium into a NetworkPolicy (or back) silently turns "deny everything" into "allow everything".

**How to fix.** Nothing, if the meaning shown is the one you want. In a NetworkPolicy, deny all by leaving the rule list out and listing the direction in \`policyTypes\`; in a Cilium policy, allow all from the namespace with \`fromEndpoints: [{}]\` or from everywhere with \`fromEntities: [all]\`.`,
  check(resource, context) {
    const policy = asPolicy(resource);
    if (!policy || hasSyntaxErrors(policy)) return;
    for (const { map } of ruleMaps(policy)) {
      for (const direction of ['ingress', 'egress'] as const) {
        const pair = getPair(map, direction);
        if (!pair) continue;
        if (isNetworkPolicy(policy)) {
          // A direction missing from an explicit policyTypes is never consulted (K2).
          const types = items(getPair(map, 'policyTypes')?.value).map((n) => stringValue(n));
          if (types.length > 0 && !types.includes(direction === 'ingress' ? 'Ingress' : 'Egress')) continue;
        }
        for (const item of items(pair.value)) {
          const rule = asMap(item);
          if (!rule || rule.pairs.length > 0) continue;
          const fromTo = direction === 'ingress' ? 'from every source' : 'to every destination';
          context.report({
            message: isNetworkPolicy(policy)
              ? `In a NetworkPolicy this empty rule allows all ${direction} ${fromTo}, on every port (in a CiliumNetworkPolicy the same \`{}\` would allow nothing).`
              : `In a Cilium policy this empty rule allows nothing: it only turns on ${direction} default deny for the selected pods (in a NetworkPolicy the same \`{}\` would allow all ${direction}).`,
            location: locate(policy, rule.span),
          });
        }
      }
    }
  },
};
