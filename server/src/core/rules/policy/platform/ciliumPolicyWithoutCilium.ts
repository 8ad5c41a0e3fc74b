import { get } from '../../../yaml/nodes';
import type { Rule } from '../../types';
import { asPolicy, CILIUM_KINDS, hasSyntaxErrors } from '../common';
import { locate, headSpan } from '../../../analysis/locate';
import { ENGINE_SETTING, engineText } from './engineText';

export const ciliumPolicyWithoutCiliumRule: Rule = {
  id: 'platform/cilium-policy-without-cilium',
  defaultSeverity: 'warning',
  title: 'Cilium policy on a cluster without Cilium',
  kinds: CILIUM_KINDS,
  docs: `A CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy while the cluster setting (\`${ENGINE_SETTING}\`) says the policy engine is not Cilium.

**Why it matters.** On AKS, Cilium enforces policies only on clusters created with Azure CNI powered by Cilium (\`--network-dataplane cilium\`). Azure NPM and Calico enforce Kubernetes NetworkPolicy only; the \`cilium.io\` CRDs are not installed, so the object is rejected by the API server, or — if the CRD exists without a running Cilium — stored and ignored. Either way it protects nothing.

**How to fix.** Write the policy as a Kubernetes NetworkPolicy, or move the cluster to the Cilium dataplane (\`az aks update --network-dataplane cilium\`). If the cluster does run Cilium, set \`${ENGINE_SETTING}\` to \`cilium\`.`,
  check(resource, context) {
    const policy = asPolicy(resource);
    const engine = context.settings.engine;
    if (!policy || policy.kind === 'NetworkPolicy' || engine === 'cilium' || hasSyntaxErrors(policy)) return;
    const kind = get(policy.node, 'kind');
    const because =
      engine === 'none'
        ? `the cluster has no network policy engine (${ENGINE_SETTING}: none)`
        : `the cluster's policy engine is ${engineText(engine)} (${ENGINE_SETTING}), which enforces only Kubernetes NetworkPolicy`;
    context.report({
      message: `This ${policy.kind} has no effect: ${because}. Cilium policies need Azure CNI powered by Cilium (--network-dataplane cilium); without it the cilium.io CRDs are missing and the object is rejected or ignored.`,
      location: locate(policy, kind ? kind.span : headSpan(policy, policy.node)),
    });
  },
};
