import { isNetworkPolicy } from '../../k8s/resources';
import { asMap, getPair, items, stringValue } from '../../yaml/nodes';
import type { Rule } from '../types';
import { enforced, hasSyntaxErrors, policyIdOf, presentPair } from './common';
import { locate } from '../../analysis/locate';
import { policyTypesFix } from './policyTypesFix';
import { subjectsOf } from './subjects';

export const egressWithoutPolicyTypesRule: Rule = {
  id: 'policy/egress-without-policytypes',
  defaultSeverity: 'warning',
  title: 'Egress rules without policyTypes also deny all ingress',
  kinds: ['NetworkPolicy'],
  docs: `A NetworkPolicy with \`egress\` rules, no \`ingress\` section and no \`policyTypes\`.

**Why it matters.** When \`policyTypes\` is left out, the API server fills it in: \`Ingress\` always, plus \`Egress\` because there are egress rules. With \`Ingress\` listed and no ingress rules, the policy denies **all ingress** to the pods it selects — usually a surprise for a policy written to restrict egress.

**Example.**
\`\`\`yaml
spec:
  podSelector: {matchLabels: {app: web}}
  egress:
    - to: [{podSelector: {matchLabels: {app: api}}}]
# becomes policyTypes: [Ingress, Egress]: nothing may connect to app=web any more
\`\`\`

**How to fix.** Say which directions the policy governs: \`policyTypes: [Egress]\` to restrict only egress, or \`policyTypes: [Ingress, Egress]\` if denying ingress is intended.`,
  check(resource, context) {
    if (!isNetworkPolicy(resource) || hasSyntaxErrors(resource)) return;
    const spec = asMap(resource.spec);
    const egress = getPair(spec, 'egress');
    if (!spec || !egress || items(egress.value).length === 0) return;
    if (items(getPair(spec, 'policyTypes')?.value).some((t) => stringValue(t) !== null)) return;
    if (presentPair(spec, 'ingress')) return; // ingress written: denying it is on purpose
    let who = 'the pods it selects';
    const subjects = subjectsOf(resource, context);
    if (subjects) {
      who = subjects.description;
      if (!subjects.hypothetical && enforced('NetworkPolicy', context.settings)) {
        // Pods already ingress-isolated by another policy lose nothing.
        const self = policyIdOf(resource);
        const losing = subjects.workloads.filter((w) => {
          const by = subjects.model.flowsOf(w.id)?.ingress.by ?? [];
          return !by.some((p) => !(p.kind === self.kind && p.namespace === self.namespace && p.name === self.name));
        });
        if (losing.length === 0) return;
        who = losing.map((w) => w.id).join(', ');
      }
    }
    context.report({
      message: `Without policyTypes this policy also denies all ingress to ${who}: policyTypes defaults to [Ingress, Egress] when egress rules are present, and there are no ingress rules. List the directions it should govern.`,
      location: locate(resource, egress.key.span),
      fixes: [
        policyTypesFix(resource, spec, ['Egress'], 'Restrict only egress: add policyTypes [Egress]', true),
        policyTypesFix(resource, spec, ['Ingress', 'Egress'], 'Keep denying ingress too: add policyTypes [Ingress, Egress]', false),
      ],
    });
  },
};
