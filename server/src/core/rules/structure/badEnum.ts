import { schemaFor } from '../../schema/index';
import { walkSchema } from '../../schema/walk';
import { suggestClosest } from '../../text/didYouMean';
import type { Rule } from '../types';
import { lastKey, orList, POLICY_KINDS, replaceFix, sameQuoting } from './support';
import { locate } from '../../analysis/locate';

/** Application protocols people write as `protocol`; they all run over TCP. */
const OVER_TCP = new Set(['HTTP', 'HTTPS', 'HTTP2', 'GRPC', 'TLS', 'WEBSOCKET']);

export const badEnumRule: Rule = {
  id: 'schema/bad-enum',
  defaultSeverity: 'error',
  title: 'Value not in the allowed list',
  kinds: POLICY_KINDS,
  docs: `A field that only accepts a fixed set of values has another one: \`protocol: tcp\` (values are case-sensitive: \`TCP\`), \`protocol: HTTP\` (HTTP runs over TCP), \`operator: in\`, \`policyTypes: [ingress]\`.

**Why it matters.** The API server rejects the object. Protocols are upper case (\`TCP\`, \`UDP\`, \`SCTP\`, and in Cilium also \`ANY\`), \`policyTypes\` are \`Ingress\` / \`Egress\`, selector operators are \`In\`, \`NotIn\`, \`Exists\`, \`DoesNotExist\`.

**Fix.** Use the suggested value. For HTTP, gRPC or TLS use \`protocol: TCP\`; in a CiliumNetworkPolicy, HTTP-level matching goes into \`toPorts[].rules.http\`.`,
  check(resource, context) {
    const schema = schemaFor(resource);
    if (!schema) return;
    walkSchema(resource.node, schema, {
      onValue({ node, schema: field, path }) {
        if (!field.enum || node.kind !== 'scalar' || typeof node.value !== 'string' || field.enum.includes(node.value)) return;
        const written = node.value;
        const key = lastKey(path) ?? 'value';
        const name = typeof path[path.length - 1] === 'number' ? `${key} entry` : key;
        const sameButCase = field.enum.find((v) => v.toLowerCase() === written.toLowerCase());
        const overTcp = key === 'protocol' && field.enum.includes('TCP') && OVER_TCP.has(written.toUpperCase());
        const suggestion = sameButCase ?? (overTcp ? 'TCP' : suggestClosest(written, field.enum));
        let message: string;
        if (sameButCase) message = `"${written}" is not a valid ${name}: values are case-sensitive, use "${sameButCase}".`;
        else if (overTcp) {
          message = `"${written}" is not a valid ${name}: ${written} runs over TCP, so use "TCP"${resource.kind === 'NetworkPolicy' ? '' : ' (match requests with toPorts[].rules.http)'}.`;
        } else if (suggestion) message = `"${written}" is not a valid ${name}; did you mean "${suggestion}"?`;
        else message = `"${written}" is not a valid ${name}: use ${orList(field.enum.map((v) => `"${v}"`))}.`;
        context.report({
          message,
          location: locate(resource, node.span),
          fixes: suggestion ? [replaceFix(resource, `Use "${suggestion}"`, node.span, sameQuoting(node, suggestion), !!sameButCase)] : undefined,
        });
      },
    });
  },
};
