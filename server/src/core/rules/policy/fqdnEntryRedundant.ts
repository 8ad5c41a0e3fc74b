import { patternCovers, type FqdnMatcher } from '../../cilium/fqdnPattern';
import { stringValue } from '../../yaml/nodes';
import type { Rule } from '../types';
import { asPolicy, CILIUM_KINDS, hasSyntaxErrors } from './common';
import { locate } from '../../analysis/locate';
import { entryPair, nameLists } from './fqdnPatternWithoutWildcard';

export const fqdnEntryRedundantRule: Rule = {
  id: 'policy/fqdn-entry-redundant',
  defaultSeverity: 'hint',
  title: 'Name already covered by another entry',
  kinds: CILIUM_KINDS,
  docs: `A \`matchName\`/\`matchPattern\` entry that another entry of the same list already covers (\`api.stripe.com\` next to \`*.stripe.com\`).

**Why it matters.** Nothing breaks; the entry has no effect. Keeping it can be deliberate documentation, so this is only a hint (shown faded).

**How to fix.** Remove the entry, or keep it if it documents intent.`,
  check(resource, context) {
    const policy = asPolicy(resource);
    if (!policy || hasSyntaxErrors(policy)) return;
    const options = { ciliumMinor: context.settings.ciliumMinor };
    for (const list of nameLists(policy)) {
      const entries = list.map((node) => {
        const pair = entryPair(node);
        const value = stringValue(pair?.value);
        const matcher: FqdnMatcher | null = pair && value ? { kind: pair.keyText === 'matchName' ? 'name' : 'pattern', value } : null;
        return { pair, matcher };
      });
      entries.forEach(({ pair, matcher }, i) => {
        if (!pair?.value || !matcher) return;
        // A pattern without `*` is the other hint's (it mentions the coverage itself).
        if (matcher.kind === 'pattern' && !matcher.value.includes('*')) return;
        const cover = entries.find((o, j) => {
          if (j === i || !o.matcher) return false;
          if (!patternCovers(o.matcher, matcher, options)) return false;
          // Two equal entries: the later one is the redundant one.
          return !patternCovers(matcher, o.matcher, options) || j < i;
        });
        if (!cover?.matcher) return;
        context.report({
          message: `"${matcher.value}" is already covered by "${cover.matcher.value}" in this list.`,
          location: locate(policy, pair.value.span),
          tags: ['unnecessary'],
        });
      });
    }
  },
};
