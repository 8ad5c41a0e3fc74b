import type { Rule } from '../../types';
import { asPolicy, hasSyntaxErrors } from '../common';
import { locate } from '../../../analysis/locate';
import { l7RulePairs } from './l7Rules';

export const l7InCcnpRule: Rule = {
  id: 'platform/l7-in-ccnp',
  defaultSeverity: 'warning',
  title: 'L7 rules in a CiliumClusterwideNetworkPolicy on AKS',
  kinds: ['CiliumClusterwideNetworkPolicy'],
  docs: `An HTTP or Kafka rule in a CiliumClusterwideNetworkPolicy.

**Why it matters.** AKS's L7 policy feature (Advanced Container Networking Services) does not support L7 rules in CiliumClusterwideNetworkPolicy: only namespaced CiliumNetworkPolicy objects can carry them.

**How to fix.** Move the L7 rule into a CiliumNetworkPolicy in the namespace of the pods it applies to.`,
  check(resource, context) {
    const policy = asPolicy(resource);
    if (!policy || context.settings.engine !== 'cilium' || hasSyntaxErrors(policy)) return;
    for (const pair of l7RulePairs(policy)) {
      context.report({
        message: `L7 rules (${pair.keyText}) are not supported in a CiliumClusterwideNetworkPolicy on AKS: move this rule into a namespaced CiliumNetworkPolicy.`,
        location: locate(policy, pair.key.span),
      });
    }
  },
};
