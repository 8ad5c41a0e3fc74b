import { getPair, items, get } from '../../../yaml/nodes';
import type { Rule } from '../../types';
import { asPolicy, CILIUM_KINDS, hasSyntaxErrors, ruleMaps } from '../common';
import { locate } from '../../../analysis/locate';
import { ACNS_SETTING } from './engineText';

export const fqdnNeedsAcnsRule: Rule = {
  id: 'platform/fqdn-needs-acns',
  defaultSeverity: 'warning',
  title: 'toFQDNs needs ACNS on AKS',
  kinds: CILIUM_KINDS,
  docs: `A \`toFQDNs\` rule on AKS, where FQDN filtering is part of Advanced Container Networking Services (ACNS).

**Why it matters.** Azure CNI powered by Cilium enforces L3/L4 Cilium policies by itself, but \`toFQDNs\` (and the DNS rules that feed it) work only with ACNS enabled (\`az aks update --enable-acns\`, FQDN filtering is on by default with it; Kubernetes ≥ 1.29). Without it the FQDN policy does not work. ACNS is a paid option.

Reported as a warning when \`${ACNS_SETTING}\` is \`none\`, as information while it is \`unknown\`.

**How to fix.** Enable ACNS on the cluster, then set \`${ACNS_SETTING}\` to \`fqdn\` (or \`l7\`). Without ACNS, allow the destinations by CIDR (\`toCIDRSet\`) instead.`,
  check(resource, context) {
    const policy = asPolicy(resource);
    const acns = context.settings.acns;
    if (!policy || context.settings.engine !== 'cilium' || acns === 'fqdn' || acns === 'l7' || hasSyntaxErrors(policy)) return;
    for (const { map } of ruleMaps(policy)) {
      for (const rule of items(get(map, 'egress'))) {
        const pair = getPair(rule.kind === 'map' ? rule : null, 'toFQDNs');
        if (!pair) continue;
        context.report({
          severity: acns === 'none' ? 'warning' : 'information',
          message:
            acns === 'none'
              ? `toFQDNs needs Advanced Container Networking Services (FQDN filtering), and the cluster setting says ACNS is off (${ACNS_SETTING}: none): this rule does not work. Enable it with az aks update --enable-acns.`
              : `On AKS, toFQDNs works only with Advanced Container Networking Services (FQDN filtering, az aks update --enable-acns). Set ${ACNS_SETTING} to say whether this cluster has it.`,
          location: locate(policy, pair.key.span),
        });
      }
    }
  },
};
