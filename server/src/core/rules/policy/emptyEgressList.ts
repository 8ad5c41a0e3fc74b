import { isNetworkPolicy } from '../../k8s/resources';
import { asMap, asSeq, getPair, items, stringValue } from '../../yaml/nodes';
import type { Rule } from '../types';
import { hasSyntaxErrors } from './common';
import { locate } from '../../analysis/locate';
import { policyTypesFix } from './policyTypesFix';

export const emptyEgressListRule: Rule = {
  id: 'policy/empty-egress-list',
  defaultSeverity: 'information',
  title: '`egress: []` without policyTypes restricts nothing',
  kinds: ['NetworkPolicy'],
  docs: `A NetworkPolicy with \`egress: []\` and no \`policyTypes\`.

**Why it matters.** An empty list counts as "no egress rules", so the defaulted \`policyTypes\` is just \`[Ingress]\`: egress is not governed by this policy at all and stays open. Written to "deny all egress", it denies none.

**Example.**
\`\`\`yaml
spec:
  podSelector: {}
  egress: []        # egress stays open
\`\`\`

**How to fix.** To deny all egress, list it: \`policyTypes: [Ingress, Egress]\` (Ingress is what the policy already does). If egress should stay open, remove \`egress: []\`.`,
  check(resource, context) {
    if (!isNetworkPolicy(resource) || hasSyntaxErrors(resource)) return;
    const spec = asMap(resource.spec);
    const egress = getPair(spec, 'egress');
    const seq = asSeq(egress?.value);
    if (!spec || !egress || !seq || seq.items.length > 0) return;
    if (items(getPair(spec, 'policyTypes')?.value).some((t) => stringValue(t) !== null)) return;
    context.report({
      message: '`egress: []` restricts nothing: without policyTypes an empty list counts as no egress rules, so policyTypes defaults to [Ingress] and egress stays open. To deny all egress, list Egress in policyTypes.',
      location: locate(resource, egress.key.span),
      fixes: [policyTypesFix(resource, spec, ['Ingress', 'Egress'], 'Deny all egress: add policyTypes [Ingress, Egress]', true)],
    });
  },
};
