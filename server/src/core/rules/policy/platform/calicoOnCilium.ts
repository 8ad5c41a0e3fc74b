import { get } from '../../../yaml/nodes';
import type { Rule } from '../../types';
import { hasSyntaxErrors } from '../common';
import { locate } from '../../../analysis/locate';
import { isCalicoApiVersion } from './calico';
import { ENGINE_SETTING } from './engineText';

export const calicoOnCiliumRule: Rule = {
  id: 'platform/calico-on-cilium',
  defaultSeverity: 'warning',
  title: 'Calico resource on a Cilium cluster',
  kinds: ['*'],
  docs: `A \`projectcalico.org\` object (\`GlobalNetworkPolicy\`, Calico \`NetworkPolicy\`, …) while the cluster setting (\`${ENGINE_SETTING}\`) says the engine is Cilium.

**Why it matters.** A cluster runs one policy engine. With Azure CNI powered by Cilium, Calico is not installed: its API group does not exist, so the object is rejected (or, if a leftover CRD accepts it, ignored). Mixing engines is a common mistake when copying examples.

**How to fix.** Express the policy as a CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy or a Kubernetes NetworkPolicy.`,
  check(resource, context) {
    if (context.settings.engine !== 'cilium' || !isCalicoApiVersion(resource.apiVersion) || hasSyntaxErrors(resource)) return;
    const node = get(resource.node, 'apiVersion');
    if (!node) return;
    context.report({
      message: `${resource.apiVersion} is Calico's API, but the cluster's policy engine is Cilium (${ENGINE_SETTING}): Calico is not installed, so this ${resource.kind} is rejected or ignored. Write it as a Cilium policy or a Kubernetes NetworkPolicy.`,
      location: locate(resource, node.span),
    });
  },
};
