import { asMap, get, getPair } from '../../yaml/nodes';
import type { Rule } from '../types';
import { nonEmptyList, sectionEntries, toPortsEntries } from './ciliumSections';
import { CILIUM_KINDS } from './support';
import { locate } from '../../analysis/locate';

export const dnsRuleOnIngressRule: Rule = {
  id: 'cilium/dns-rule-on-ingress',
  defaultSeverity: 'error',
  title: 'DNS rules on ingress',
  kinds: CILIUM_KINDS,
  docs: `\`toPorts[].rules.dns\` inside an \`ingress\` rule.

**Why it matters.** Cilium rejects the policy ("DNS rules are not allowed on ingress"). DNS rules filter the lookups a pod *makes* — they belong to the pod's egress towards the DNS server (kube-dns).

**Fix.** Move the DNS rule to an \`egress\` rule with \`toEndpoints\` selecting kube-dns (\`k8s:io.kubernetes.pod.namespace: kube-system\`, \`k8s:k8s-app: kube-dns\`) and \`ports: [{port: "53", protocol: ANY}]\`.`,
  check(resource, context) {
    for (const entry of sectionEntries(resource)) {
      if (entry.section !== 'ingress') continue;
      for (const portRule of toPortsEntries(entry)) {
        const rules = asMap(get(portRule, 'rules'));
        const dns = getPair(rules, 'dns');
        if (!dns || !nonEmptyList(dns.value)) continue;
        context.report({
          message: 'DNS rules are not allowed on ingress, so Cilium rejects the policy: put them in an egress rule towards kube-dns.',
          location: locate(resource, dns.key.span),
        });
      }
    }
  },
};
