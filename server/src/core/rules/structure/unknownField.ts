import { isCiliumPolicy } from '../../k8s/resources';
import { fieldNames, schemaFor } from '../../schema/index';
import { formatPath, walkSchema } from '../../schema/walk';
import { suggestClosest } from '../../text/didYouMean';
import { getPair, type YScalar } from '../../yaml/nodes';
import type { Rule } from '../types';
import { isDenyRestricted } from './denyRestrictions';
import { POLICY_KINDS, replaceFix, sameQuoting } from './support';
import { locate } from '../../analysis/locate';

/** Known fields are listed in the message only when there are few of them. */
const MAX_LISTED_FIELDS = 8;

export const unknownFieldRule: Rule = {
  id: 'schema/unknown-field',
  defaultSeverity: 'error',
  title: 'Unknown field',
  kinds: POLICY_KINDS,
  docs: `A key that the object's schema does not have — usually a typo (\`podselector\`, \`namespaceselector\`) or a field put one level too high or too low.

**Why it matters.** \`kubectl apply\` validates with \`--validate=strict\` by default, and since Kubernetes 1.27 the API server checks field names itself (server-side field validation, also for CRDs such as CiliumNetworkPolicy): the apply fails with \`strict decoding error: unknown field\`. Clients that do not ask for strict validation (\`--validate=false\`, many CI tools, Helm, GitOps controllers) get at most a warning, and the field is **silently dropped** — a dropped \`podSelector\` becomes "all pods", a dropped \`ports\` becomes "all ports".

**Fix.** Use the suggested spelling (field names are case-sensitive) or move the field to where it belongs. For Cilium fields newer than the configured Cilium version the finding is a warning: an older CRD does not know them either.`,
  check(resource, context) {
    const schema = schemaFor(resource);
    if (!schema) return;
    const cilium = isCiliumPolicy(resource);
    walkSchema(resource.node, schema, {
      onUnknownField({ pair, map, schema: parent, path }) {
        const key = pair.keyText;
        if (cilium && isDenyRestricted(path, key)) return;
        const names = fieldNames(parent);
        const where = path.length ? formatPath(path) : resource.kind;
        const suggestion = suggestClosest(key, names);
        const location = locate(resource, pair.key.span);
        if (suggestion) {
          const keyNode = pair.key.kind === 'scalar' ? (pair.key as YScalar) : null;
          // Renaming onto a key that is already there would only create a duplicate.
          const fixes = keyNode && !getPair(map, suggestion) ? [replaceFix(resource, `Rename to "${suggestion}"`, pair.key.span, sameQuoting(keyNode, suggestion), true)] : undefined;
          context.report({ message: `Unknown field "${key}" in ${where}; did you mean "${suggestion}"?`, location, fixes });
          return;
        }
        const known = names.length && names.length <= MAX_LISTED_FIELDS ? ` (${where} accepts ${names.join(', ')})` : '';
        context.report({ message: `Unknown field "${key}" in ${where}: the API server rejects it${known}; remove it or move it where it belongs.`, location });
      },
      onValue({ schema: field, pair }) {
        const since = cilium && field.since ? /^1\.(\d+)$/.exec(field.since) : null;
        if (!since || !pair || Number(since[1]) <= context.settings.ciliumMinor) return;
        context.report({
          severity: 'warning',
          message: `"${pair.keyText}" needs Cilium ${field.since} or later; the configured Cilium 1.${context.settings.ciliumMinor} does not know it, so its API server rejects it as an unknown field.`,
          location: locate(resource, pair.key.span),
        });
      },
    });
  },
};
