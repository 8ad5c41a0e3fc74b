import { normalizeDnsName } from '../../cilium/fqdnPattern';
import type { Rule } from '../types';
import { asPolicy, CILIUM_KINDS, enforced, hasSyntaxErrors, ruleMaps } from './common';
import { locate } from '../../analysis/locate';
import { fqdnEntries } from './dnsSupport';
import { appendDnsEntriesFix, dnsListFor, lookupAllowed, quotedList, resolvingPods } from './fqdnSupport';
import { subjectsOf } from './subjects';

export const dnsPatternMissesFqdnRule: Rule = {
  id: 'policy/dns-pattern-misses-fqdn',
  defaultSeverity: 'warning',
  title: 'DNS rule does not cover a toFQDNs name',
  kinds: CILIUM_KINDS,
  docs: `A \`toFQDNs\` name that the pods' DNS rule does not let them look up.

**Why it matters.** The DNS proxy refuses lookups of names outside the DNS rule's \`matchName\`/\`matchPattern\` list, so the pod gets no address and \`toFQDNs\` learns none: the connection never happens. The classic case is the apex name: in \`*.stripe.com\` the \`*\` stands for exactly one label, so it matches \`api.stripe.com\` but neither \`stripe.com\` nor \`a.b.stripe.com\`.

**Example.**
\`\`\`yaml
      rules:
        dns: [{matchPattern: "*.stripe.com"}]
  - toFQDNs: [{matchName: stripe.com}]        # refused by the DNS proxy
\`\`\`

**How to fix.** Add the name to the DNS rule (the quick fix does), e.g. \`- matchName: stripe.com\`.`,
  check(resource, context) {
    const policy = asPolicy(resource);
    if (!policy || hasSyntaxErrors(policy) || !enforced(policy.kind, context.settings)) return;
    const minor = context.settings.ciliumMinor;
    for (const rule of ruleMaps(policy)) {
      const entries = fqdnEntries(rule.map);
      if (entries.length === 0) continue;
      const subjects = subjectsOf(policy, context);
      if (!subjects) return;
      const proxied = resolvingPods(subjects.model, subjects.workloads).filter((p) => p.access.proxied);
      for (const entry of entries) {
        const refused = proxied.filter((p) => !lookupAllowed(p.access, entry.matcher, minor));
        if (refused.length === 0) continue;
        const who = subjects.hypothetical ? subjects.description : refused.map((p) => p.workload.id).join(', ');
        const patterns = [...new Set(refused.flatMap((p) => p.access.patterns))];
        const what = entry.matcher.kind === 'name' ? entry.matcher.value : `every name of ${entry.matcher.value}`;
        const target = dnsListFor(policy, rule.path, refused[0].access.rules, context);
        const fixes = target ? [appendDnsEntriesFix(target, [entry.matcher], `Allow looking up "${entry.matcher.value}" in the DNS rule of ${target.owner}`)] : [];
        context.report({
          message: `No DNS rule lets ${who} look up ${what}: the DNS proxy allows only ${quotedList(patterns)}${apexNote(entry.matcher.value, patterns)}. The lookup is refused, so toFQDNs never learns its addresses.`,
          location: locate(policy, entry.value.span),
          ...(fixes.length ? { fixes } : {}),
        });
      }
    }
  },
};

/** Explains the apex-name miss (`*.stripe.com` vs `stripe.com`), the usual cause. */
function apexNote(name: string, patterns: readonly string[]): string {
  const apex = normalizeDnsName(name);
  const wildcard = patterns.find((p) => normalizeDnsName(p) === `*.${apex}`);
  return wildcard ? ` ("${wildcard}" stands for exactly one more label, so it does not match ${apex} itself)` : '';
}
