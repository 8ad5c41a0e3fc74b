import { patternCovers } from '../../cilium/fqdnPattern';
import { asMap, get, getPair, items, stringValue, type YNode, type YPair } from '../../yaml/nodes';
import { editAt } from '../fixes/insert';
import type { Rule } from '../types';
import { asPolicy, CILIUM_KINDS, hasSyntaxErrors, ruleMaps, type PolicyResource } from './common';
import { locate } from '../../analysis/locate';
import { matcherOf } from './dnsSupport';

export const fqdnPatternWithoutWildcardRule: Rule = {
  id: 'policy/fqdn-pattern-without-wildcard',
  defaultSeverity: 'hint',
  title: 'matchPattern without a wildcard',
  kinds: CILIUM_KINDS,
  docs: `A \`matchPattern\` (in \`toFQDNs\` or a DNS rule) with no \`*\`.

**Why it matters.** Without a wildcard the pattern is an exact name, which is what \`matchName\` says more clearly. It often signals a misunderstanding of patterns, e.g. expecting \`api.stripe.com\` to cover sub-domains.

**How to fix.** Write it as \`matchName\` (quick fix), or add the wildcard you meant (\`*.stripe.com\`: exactly one more label).`,
  check(resource, context) {
    const policy = asPolicy(resource);
    if (!policy || hasSyntaxErrors(policy)) return;
    for (const list of nameLists(policy)) {
      for (const entry of list) {
        const pair = getPair(asMap(entry), 'matchPattern');
        const value = stringValue(pair?.value);
        if (!pair || !value || value.includes('*')) continue;
        const covering = list
          .map((other) => stringValue(get(other, 'matchPattern')))
          .find((p) => p && p !== value && p.includes('*') && patternCovers(matcherOf(p), { kind: 'name', value }, { ciliumMinor: context.settings.ciliumMinor }));
        context.report({
          message: `"${value}" has no wildcard: it is an exact name, clearer as matchName.${covering ? ` It is also already covered by "${covering}".` : ''}`,
          location: locate(policy, pair.value!.span),
          fixes: [{ title: 'Write it as matchName', edits: [editAt(policy, pair.key.span.start, pair.key.span.end, 'matchName')] }],
        });
      }
    }
  },
};

/** Every `toFQDNs` list and every DNS rule list (`toPorts[].rules.dns`) of the policy. */
export function nameLists(policy: PolicyResource): YNode[][] {
  const out: YNode[][] = [];
  for (const { map } of ruleMaps(policy)) {
    for (const rule of items(get(map, 'egress'))) {
      const fqdns = items(get(rule, 'toFQDNs'));
      if (fqdns.length > 0) out.push(fqdns);
      for (const portRule of items(get(rule, 'toPorts'))) {
        const dns = items(get(get(portRule, 'rules'), 'dns'));
        if (dns.length > 0) out.push(dns);
      }
    }
  }
  return out;
}

export function entryPair(entry: YNode): YPair | null {
  return getPair(asMap(entry), 'matchName') ?? getPair(asMap(entry), 'matchPattern');
}
