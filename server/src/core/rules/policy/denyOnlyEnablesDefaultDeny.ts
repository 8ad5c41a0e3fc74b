import { asMap, getPair, items } from '../../yaml/nodes';
import { addEntryEdit } from '../fixes/insert';
import type { Rule } from '../types';
import { asPolicy, CILIUM_KINDS, enforced, hasSyntaxErrors, policyIdOf, ruleMaps } from './common';
import { locate } from '../../analysis/locate';
import { subjectsOf } from './subjects';

export const denyOnlyEnablesDefaultDenyRule: Rule = {
  id: 'policy/deny-only-enables-default-deny',
  defaultSeverity: 'warning',
  title: 'Deny-only Cilium policy turns on default deny',
  kinds: CILIUM_KINDS,
  docs: `A Cilium policy rule with \`egressDeny\` (or \`ingressDeny\`) and no \`egress\` (\`ingress\`) rules, without \`enableDefaultDeny\`.

**Why it matters.** Deny rules also switch their direction to default deny for the selected pods. A policy meant to block one destination (say the instance metadata address) therefore blocks **everything else** in that direction too, unless another policy allows it.

**Example.**
\`\`\`yaml
spec:
  endpointSelector: {}
  egressDeny:
    - toCIDR: [169.254.169.254/32]     # and, silently, all other egress
\`\`\`

**How to fix.** To only subtract, say so (Cilium ≥ 1.16):
\`\`\`yaml
  enableDefaultDeny:
    egress: false
\`\`\``,
  check(resource, context) {
    const policy = asPolicy(resource);
    if (!policy || hasSyntaxErrors(policy) || !enforced(policy.kind, context.settings)) return;
    const self = policyIdOf(policy);
    for (const rule of ruleMaps(policy)) {
      for (const direction of ['ingress', 'egress'] as const) {
        const denyPair = getPair(rule.map, `${direction}Deny`);
        if (!denyPair || items(denyPair.value).length === 0 || items(getPair(rule.map, direction)?.value).length > 0) continue;
        const setting = asMap(getPair(rule.map, 'enableDefaultDeny')?.value);
        if (getPair(setting, direction)) continue; // said explicitly
        const subjects = subjectsOf(policy, context);
        let who = 'the selected pods';
        if (subjects) {
          const model = subjects.model;
          // Pods already default-deny through another policy lose nothing more.
          const affected = subjects.workloads.filter((w) => !(model.flowsOf(w.id)?.[direction].by ?? []).some((p) => !(p.kind === self.kind && p.namespace === self.namespace && p.name === self.name)));
          if (affected.length === 0) continue;
          who = subjects.hypothetical ? subjects.description : affected.map((w) => w.id).join(', ');
        }
        const edit = setting
          ? addEntryEdit(policy, setting, direction, false)
          : addEntryEdit(policy, rule.map, 'enableDefaultDeny', { [direction]: false }, getPair(rule.map, 'endpointSelector') ?? getPair(rule.map, 'nodeSelector') ?? undefined);
        context.report({
          message: `This rule has only ${direction}Deny, yet it switches ${direction} to default deny for ${who}: all their other ${direction} is dropped unless another policy allows it. To only deny the listed traffic, set enableDefaultDeny.${direction}: false.`,
          location: locate(policy, denyPair.key.span),
          fixes: [{ title: `Only deny the listed traffic: set enableDefaultDeny.${direction}: false`, edits: [edit], preferred: true }],
        });
      }
    }
  },
};
