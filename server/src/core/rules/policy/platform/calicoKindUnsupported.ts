import { get } from '../../../yaml/nodes';
import type { Rule } from '../../types';
import { hasSyntaxErrors } from '../common';
import { locate } from '../../../analysis/locate';
import { isCalicoApiVersion } from './calico';

export const calicoKindUnsupportedRule: Rule = {
  id: 'platform/calico-kind-unsupported',
  defaultSeverity: 'information',
  title: 'Calico-specific kind on AKS',
  kinds: ['*'],
  docs: `A Calico-specific object (\`projectcalico.org\`: \`GlobalNetworkPolicy\`, \`NetworkSet\`, Calico's own \`NetworkPolicy\` …).

**Why it matters.** AKS supports Calico as an engine for **standard Kubernetes NetworkPolicy** only; other Calico features are not tested or supported by AKS, and the \`projectcalico.org/v3\` API needs Calico's API server (or its v3 CRDs), which AKS does not document as part of its managed Calico.

**How to fix.** Prefer Kubernetes NetworkPolicy; for cluster-wide or deny rules on AKS, Azure CNI powered by Cilium offers CiliumClusterwideNetworkPolicy and deny rules.`,
  check(resource, context) {
    if (!isCalicoApiVersion(resource.apiVersion) || hasSyntaxErrors(resource)) return;
    const node = get(resource.node, 'kind');
    if (!node) return;
    context.report({
      message: `AKS supports Calico for standard Kubernetes NetworkPolicy only: Calico's own ${resource.kind} is not tested or supported by AKS, and needs Calico's projectcalico.org API to be installed.`,
      location: locate(resource, node.span),
    });
  },
};
