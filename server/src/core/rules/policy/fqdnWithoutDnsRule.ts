import { asMap, asSeq, get, getPair } from '../../yaml/nodes';
import { ciliumDnsEgressRule, dnsMatchEntries } from '../fixes/dnsRule';
import { addEntryEdit, appendItemEdit } from '../fixes/insert';
import type { Fix, Rule } from '../types';
import { asPolicy, CILIUM_KINDS, enforced, hasSyntaxErrors, ruleMaps, type PolicyResource, type RuleMap } from './common';
import { locate } from '../../analysis/locate';
import { dnsPortRules, fqdnEntries, type FqdnEntry } from './dnsSupport';
import { quotedList, resolvingPods } from './fqdnSupport';
import { subjectsOf } from './subjects';

export const fqdnWithoutDnsRuleRule: Rule = {
  id: 'policy/fqdn-without-dns-rule',
  defaultSeverity: 'warning',
  title: 'toFQDNs without a DNS rule',
  kinds: CILIUM_KINDS,
  docs: `A \`toFQDNs\` rule for pods whose DNS lookups pass no DNS rule (\`toPorts[].rules.dns\`).

**Why it matters.** Cilium does not resolve the names in \`toFQDNs\` itself. It learns their addresses only from the answers to the pod's own lookups, and only lookups that go through an egress rule with a DNS rule are sent to its DNS proxy. Without one, the lookup may succeed (port 53 is open) but the proxy never sees it, the name never maps to an address, and the HTTPS connection that follows is dropped.

**Example.**
\`\`\`yaml
egress:
  - toEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: kube-system, k8s-app: kube-dns}}]
    toPorts: [{ports: [{port: "53", protocol: ANY}]}]          # no rules.dns
  - toFQDNs: [{matchName: api.stripe.com}]
    toPorts: [{ports: [{port: "443", protocol: TCP}]}]
\`\`\`

**How to fix.** Give the port-53 rule a DNS rule matching the names (the quick fix adds it, or a new DNS egress rule):
\`\`\`yaml
    toPorts:
      - ports: [{port: "53", protocol: ANY}]
        rules:
          dns: [{matchName: api.stripe.com}]
\`\`\``,
  check(resource, context) {
    const policy = asPolicy(resource);
    if (!policy || hasSyntaxErrors(policy) || !enforced(policy.kind, context.settings)) return;
    for (const rule of ruleMaps(policy)) {
      const entries = fqdnEntries(rule.map);
      if (entries.length === 0) continue;
      const subjects = subjectsOf(policy, context);
      if (!subjects) return;
      const unseen = resolvingPods(subjects.model, subjects.workloads).filter((p) => !p.access.proxied);
      if (unseen.length === 0) continue;
      const who = subjects.hypothetical ? subjects.description : unseen.map((p) => p.workload.id).join(', ');
      const fix = addDnsRuleFix(policy, rule, entries, context.workspace.policyModel());
      for (const list of new Set(entries.map((e) => e.list))) {
        const names = entries.filter((e) => e.list === list).map((e) => e.matcher.value);
        context.report({
          message: `The DNS lookups of ${who} pass no DNS rule (toPorts.rules.dns), so Cilium's DNS proxy never sees them and this rule never learns the addresses of ${quotedList(names)}: connections to them are dropped.`,
          location: locate(policy, list.key.span),
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
    }
  },
};

/** Adds the names to the rule map's port-53 rule toward CoreDNS, or a new DNS egress rule. */
function addDnsRuleFix(policy: PolicyResource, rule: RuleMap, entries: readonly FqdnEntry[], model: Parameters<typeof dnsPortRules>[1]): Fix | null {
  const matchers = entries.map((e) => e.matcher);
  const title = 'Add a DNS rule for the toFQDNs names';
  const plain = dnsPortRules(policy, model).find((d) => d.rule.path.join('.') === rule.path.join('.') && !getPair(d.portRule, 'rules'));
  if (plain) return { title, edits: [addEntryEdit(policy, plain.portRule, 'rules', { dns: dnsMatchEntries(matchers) })], preferred: true };
  const egress = asSeq(get(rule.map, 'egress'));
  if (!egress || !asMap(rule.map)) return null;
  return { title, edits: [appendItemEdit(policy, egress, ciliumDnsEgressRule(matchers))], preferred: true };
}
