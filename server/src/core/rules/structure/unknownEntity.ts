import { CILIUM_ENTITIES, entityInfo } from '../../cilium/labelKeys';
import { schemaFor } from '../../schema/index';
import { walkSchema } from '../../schema/walk';
import { suggestClosest } from '../../text/didYouMean';
import type { Rule } from '../types';
import { CILIUM_KINDS, orList, replaceFix, sameQuoting } from './support';
import { locate } from '../../analysis/locate';

const CRD_ENTITIES = CILIUM_ENTITIES.filter((e) => e.inCrdEnum).map((e) => e.name);

export const unknownEntityRule: Rule = {
  id: 'cilium/unknown-entity',
  defaultSeverity: 'error',
  title: 'Unknown entity',
  kinds: CILIUM_KINDS,
  docs: `An item of \`fromEntities\` / \`toEntities\` that is not a Cilium entity. The entities are \`world\` (outside the cluster), \`cluster\`, \`host\` (the local node), \`remote-node\`, \`kube-apiserver\`, \`ingress\` (Cilium's own Envoy ingress), \`health\`, \`init\`, \`unmanaged\`, \`all\` and \`none\` — lower case.

**Why it matters.** The CRD only accepts those names, so the API server rejects the policy. \`world-ipv4\` and \`world-ipv6\` exist in Cilium's code but not in the CRD's list, so the API server will probably reject them (reported as a warning: not confirmed on a live cluster).

**Fix.** Use the suggested entity. To reach nodes, use \`host\` and \`remote-node\`; for the API server, \`kube-apiserver\`.`,
  check(resource, context) {
    const schema = schemaFor(resource);
    if (!schema) return;
    walkSchema(resource.node, schema, {
      onValue({ node, schema: field }) {
        if (field.format !== 'cilium-entity' || node.kind !== 'scalar' || typeof node.value !== 'string') return;
        const name = node.value;
        const info = entityInfo(name);
        if (info && info.inCrdEnum) return;
        if (info) {
          context.report({
            severity: 'warning',
            message: `"${name}" exists in Cilium's code but not in the CRD's list of entities, so the API server will probably reject it: use "world".`,
            location: locate(resource, node.span),
            fixes: [replaceFix(resource, 'Use "world"', node.span, sameQuoting(node, 'world'))],
          });
          return;
        }
        const suggestion = suggestClosest(name, CRD_ENTITIES);
        context.report({
          message: suggestion
            ? `"${name}" is not a Cilium entity, so the policy is rejected; did you mean "${suggestion}"?`
            : `"${name}" is not a Cilium entity, so the policy is rejected: use ${orList(CRD_ENTITIES)}.`,
          location: locate(resource, node.span),
          fixes: suggestion ? [replaceFix(resource, `Use "${suggestion}"`, node.span, sameQuoting(node, suggestion), true)] : undefined,
        });
      },
    });
  },
};
