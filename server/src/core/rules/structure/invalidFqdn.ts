import { validateFqdnPattern, validateMatchName } from '../../cilium/fqdnPattern';
import { schemaFor } from '../../schema/index';
import { walkSchema } from '../../schema/walk';
import type { Fix, Rule } from '../types';
import { CILIUM_KINDS, replaceFix, sameQuoting } from './support';
import { locate } from '../../analysis/locate';

export const invalidFqdnRule: Rule = {
  id: 'cilium/invalid-fqdn',
  defaultSeverity: 'error',
  title: 'Invalid DNS name or pattern',
  kinds: CILIUM_KINDS,
  docs: `A \`matchName\` or \`matchPattern\` (in \`toFQDNs\` or in DNS rules) with characters Cilium does not accept.

\`matchName\` is an exact name: letters, digits, \`-\`, \`_\` and \`.\`. \`matchPattern\` may also use \`*\`, which stands for any characters **within one label**: \`*.example.com\` matches \`api.example.com\` but neither \`example.com\` nor \`a.b.example.com\`. Neither is a regular expression or a URL: no \`https://\`, no \`/path\`, no \`:443\`.

**Why it matters.** The CRD rejects the policy.

**Fix.** Write the bare host name; move wildcards to \`matchPattern\`; put ports in \`toPorts\`.`,
  check(resource, context) {
    const schema = schemaFor(resource);
    if (!schema) return;
    walkSchema(resource.node, schema, {
      onValue({ node, schema: field, pair }) {
        if ((field.format !== 'dns-name' && field.format !== 'dns-pattern') || node.kind !== 'scalar' || typeof node.value !== 'string') return;
        const value = node.value.trim();
        const problem = field.format === 'dns-name' ? validateMatchName(value) : validateFqdnPattern(value);
        if (!problem) return;
        let fixes: Fix[] | undefined;
        // A wildcard in matchName is a matchPattern written under the wrong key.
        if (field.format === 'dns-name' && pair && pair.key.kind === 'scalar' && value.includes('*') && validateFqdnPattern(value) === null) {
          fixes = [replaceFix(resource, 'Rename the key to matchPattern', pair.key.span, sameQuoting(pair.key, 'matchPattern'), true)];
        }
        context.report({ message: `${problem}, so the policy is rejected.`, location: locate(resource, node.span), fixes });
      },
    });
  },
};
