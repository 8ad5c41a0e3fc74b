import type { Rule } from '../types';
import { asPolicy, hasSyntaxErrors, nameLocation, policiesByKey, policyIdOf, policyKeyOf, policyName, POLICY_KINDS } from './common';

export const duplicateNameRule: Rule = {
  id: 'policy/duplicate-name',
  defaultSeverity: 'warning',
  title: 'Two policies with the same name',
  kinds: POLICY_KINDS,
  docs: `Two policies of the same kind, name and namespace in the workspace (in one file or across files).

**Why it matters.** A name identifies one object: applying both makes the second replace the first (\`kubectl apply\` updates it), so the rules of one of them silently disappear from the cluster — which one depends on the order the files are applied.

**How to fix.** Rename one of them, or merge their rules into a single policy.`,
  check(resource, context) {
    const policy = asPolicy(resource);
    if (!policy || hasSyntaxErrors(policy)) return;
    const id = policyIdOf(policy);
    const others = (policiesByKey(context.workspace).get(policyKeyOf(id)) ?? []).filter((p) => p !== policy && !hasSyntaxErrors(p));
    if (others.length === 0) return;
    const where = others.map((o) => (o.source.uri === policy.source.uri ? 'this file' : o.source.uri.slice(o.source.uri.lastIndexOf('/') + 1)));
    context.report({
      message: `${policyName(id)} is also defined in ${[...new Set(where)].join(', ')}: applying both keeps only the one applied last, and the other's rules are lost.`,
      location: nameLocation(policy),
      related: others.map((o) => ({ location: nameLocation(o), message: `other definition of ${policyName(id)}` })),
    });
  },
};
