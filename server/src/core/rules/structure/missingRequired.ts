import { schemaFor } from '../../schema/index';
import { walkSchema } from '../../schema/walk';
import { getPair } from '../../yaml/nodes';
import type { Rule } from '../types';
import { anchorSpan, lastKey, orList, POLICY_KINDS, present } from './support';
import { locate } from '../../analysis/locate';

export const missingRequiredRule: Rule = {
  id: 'schema/missing-required',
  defaultSeverity: 'error',
  title: 'Required field missing',
  kinds: POLICY_KINDS,
  docs: `An object lacks a field the API requires: \`ipBlock\` without \`cidr\`, a \`matchExpressions\` entry without \`key\` or \`operator\`, a Cilium port entry without \`port\`, an object without \`metadata.name\`.

**Why it matters.** The API server rejects the whole object, so none of its rules apply.

**Fix.** Add the field. An \`ipBlock\` needs the range it allows (\`cidr: 10.0.0.0/8\`); a selector requirement needs \`key\` and \`operator\` (\`In\`, \`NotIn\`, \`Exists\` or \`DoesNotExist\`); a Cilium port entry needs \`port\` (\`"0"\` for every port).`,
  check(resource, context) {
    const schema = schemaFor(resource);
    if (!schema) return;
    walkSchema(resource.node, schema, {
      onValue({ node, schema: field, path, pair }) {
        if (node.kind !== 'map' || field.type !== 'object') return;
        const owner = pair ? `"${pair.keyText}"` : `This ${lastKey(path) ?? resource.kind} entry`;
        const where = locate(resource, anchorSpan(resource, node, pair));
        for (const name of field.required ?? []) {
          if (present(getPair(node, name))) continue;
          context.report({ message: `${owner} is missing the required field "${name}", so the API server rejects it.`, location: where });
        }
        const oneOf = field.requiredOneOf;
        if (oneOf && !oneOf.some((name) => present(getPair(node, name)))) {
          context.report({ message: `${owner} needs ${orList(oneOf.map((n) => `"${n}"`))}, so the API server rejects it as it is.`, location: where });
        }
      },
    });
  },
};
