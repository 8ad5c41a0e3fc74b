import { asScalar, deref, getPair } from '../../yaml/nodes';
import type { Rule } from '../types';
import { netpolPorts } from './netpolParts';
import { present } from './support';
import { locate } from '../../analysis/locate';

export const endPortRule: Rule = {
  id: 'netpol/endport',
  defaultSeverity: 'error',
  title: 'Invalid endPort',
  kinds: ['NetworkPolicy'],
  docs: `\`endPort\` turns a NetworkPolicy port into an inclusive range \`port\`–\`endPort\`. It is rejected when there is no \`port\`, when \`port\` is a named port (\`http\`), or when \`endPort\` is lower than \`port\`.

**Why it matters.** The API server rejects the policy. Also note that a plugin without range support applies only \`port\` (Cilium supports ranges from 1.17).

**Fix.** Give a numeric \`port\` as the start of the range and an \`endPort\` not lower than it, e.g. \`port: 32000\`, \`endPort: 32768\`.`,
  check(resource, context) {
    for (const entry of netpolPorts(resource)) {
      const endPair = getPair(entry, 'endPort');
      if (!present(endPair)) continue;
      const end = asScalar(endPair.value);
      const portPair = getPair(entry, 'port');
      if (!present(portPair)) {
        context.report({
          message: 'endPort needs a numeric "port" as the start of the range, so the API server rejects it: add port (e.g. port: 32000).',
          location: locate(resource, endPair.key.span),
        });
        continue;
      }
      const port = asScalar(deref(portPair.value));
      if (!port || !end) continue;
      if (typeof port.value === 'string') {
        // A quoted number is reported by schema/wrong-type; here only real names.
        if (/^\d+$/.test(port.value)) continue;
        context.report({
          message: `endPort works only with a numeric port, not the named port "${port.value}", so the API server rejects it: use the port number, or remove endPort.`,
          location: locate(resource, endPair.key.span),
          related: [{ location: locate(resource, port.span), message: 'the named port' }],
        });
        continue;
      }
      if (typeof port.value === 'number' && typeof end.value === 'number' && end.value < port.value) {
        context.report({
          message: `endPort ${end.value} is lower than port ${port.value}, so the API server rejects it: the range must end at or above its start.`,
          location: locate(resource, end.span),
          related: [{ location: locate(resource, port.span), message: 'the start of the range' }],
        });
      }
    }
  },
};
