import type { Rule } from '../../types';
import { asPolicy, CILIUM_KINDS, hasSyntaxErrors } from '../common';
import { locate } from '../../../analysis/locate';
import { ACNS_SETTING } from './engineText';
import { l7RulePairs } from './l7Rules';

export const l7NeedsAcnsRule: Rule = {
  id: 'platform/l7-needs-acns',
  defaultSeverity: 'warning',
  title: 'HTTP/Kafka rules need ACNS L7 on AKS',
  kinds: CILIUM_KINDS,
  docs: `An HTTP or Kafka rule (\`toPorts[].rules.http\` / \`.kafka\`) on AKS.

**Why it matters.** On AKS, L7 policies are enforced by the Envoy proxy of Advanced Container Networking Services, enabled with \`--enable-acns --acns-advanced-networkpolicies L7\` (Kubernetes ≥ 1.29). With ACNS off, or with only FQDN filtering (\`--acns-advanced-networkpolicies FQDN\`), the L7 rule does not work.

Reported as a warning when \`${ACNS_SETTING}\` is \`none\` or \`fqdn\`, as information while it is \`unknown\`.

**How to fix.** Enable ACNS with L7 policies (\`az aks update --enable-acns --acns-advanced-networkpolicies L7\`) and set \`${ACNS_SETTING}\` to \`l7\`, or restrict the port at L4 only.`,
  check(resource, context) {
    const policy = asPolicy(resource);
    const acns = context.settings.acns;
    if (!policy || context.settings.engine !== 'cilium' || acns === 'l7' || hasSyntaxErrors(policy)) return;
    for (const pair of l7RulePairs(policy)) {
      const what = pair.keyText === 'http' ? 'HTTP' : 'Kafka';
      context.report({
        severity: acns === 'unknown' ? 'information' : 'warning',
        message:
          acns === 'unknown'
            ? `On AKS, ${what} rules work only with Advanced Container Networking Services L7 policies (--enable-acns --acns-advanced-networkpolicies L7). Set ${ACNS_SETTING} to say whether this cluster has them.`
            : `${what} rules need Advanced Container Networking Services with L7 policies, and the cluster setting says ${acns === 'none' ? 'ACNS is off' : 'only FQDN filtering is on'} (${ACNS_SETTING}: ${acns}): this rule does not work. Enable it with az aks update --enable-acns --acns-advanced-networkpolicies L7.`,
        location: locate(policy, pair.key.span),
      });
    }
  },
};
