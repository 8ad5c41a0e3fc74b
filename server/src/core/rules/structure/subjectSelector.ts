import { getPair } from '../../yaml/nodes';
import type { Rule } from '../types';
import { ciliumRules } from './ciliumSections';
import { CILIUM_KINDS, present } from './support';
import { locate } from '../../analysis/locate';

export const subjectSelectorRule: Rule = {
  id: 'cilium/subject-selector',
  defaultSeverity: 'error',
  title: 'Rule without exactly one subject selector',
  kinds: CILIUM_KINDS,
  docs: `Every Cilium rule (\`spec\` and each \`specs\` item) needs exactly one of \`endpointSelector\` (pods) or \`nodeSelector\` (nodes, a host policy). \`nodeSelector\` exists only in a CiliumClusterwideNetworkPolicy.

**Why it matters.** The API server (the CRD's oneOf) and Cilium reject a rule with neither or both, and a namespaced CiliumNetworkPolicy with \`nodeSelector\`.

**Fix.** For pods write \`endpointSelector\` — \`endpointSelector: {}\` selects every pod of the policy's namespace (of the cluster, in a clusterwide policy). For host policies use a CiliumClusterwideNetworkPolicy with \`nodeSelector\` (enforced only with Cilium's host firewall).`,
  check(resource, context) {
    const namespaced = resource.kind === 'CiliumNetworkPolicy';
    for (const rule of ciliumRules(resource)) {
      if (!rule.map) continue;
      const endpoint = getPair(rule.map, 'endpointSelector');
      const node = getPair(rule.map, 'nodeSelector');
      if (present(node) && namespaced) {
        context.report({
          message: 'nodeSelector (a host policy) is allowed only in a CiliumClusterwideNetworkPolicy, so this CiliumNetworkPolicy is rejected: use endpointSelector, or make it clusterwide.',
          location: locate(resource, node.key.span),
        });
      } else if (present(node) && present(endpoint)) {
        context.report({
          message: 'A rule cannot have both endpointSelector and nodeSelector, so it is rejected: keep endpointSelector for pods or nodeSelector for nodes.',
          location: locate(resource, node.key.span),
          related: [{ location: locate(resource, endpoint.key.span), message: 'endpointSelector of the same rule' }],
        });
      } else if (!present(node) && !present(endpoint)) {
        context.report({
          message: `This rule has no endpointSelector, so it is rejected: add one (endpointSelector: {} selects every pod of the ${namespaced ? 'namespace' : 'cluster'}).`,
          location: locate(resource, rule.anchor),
        });
      }
    }
  },
};
