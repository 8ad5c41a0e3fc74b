import { validateHttpRegex } from '../../cilium/httpRegex';
import { schemaFor } from '../../schema/index';
import { walkSchema } from '../../schema/walk';
import type { Rule } from '../types';
import { CILIUM_KINDS, lastKey } from './support';
import { locate } from '../../analysis/locate';

export const invalidHttpRegexRule: Rule = {
  id: 'cilium/invalid-http-regex',
  defaultSeverity: 'error',
  title: 'Invalid HTTP rule regular expression',
  kinds: CILIUM_KINDS,
  docs: `\`method\`, \`path\` and \`host\` of an HTTP rule are regular expressions (Go/RE2 syntax), matched against the **whole** value: \`/api\` matches only \`/api\`, \`/api/.*\` matches everything below it.

**Why it matters.** Cilium compiles \`path\` and \`method\` when it reads the policy and rejects the policy when one does not compile; Envoy, which enforces the rules, uses the same RE2 syntax for \`host\`. Common mistakes: a glob such as \`*.example.com\` (write \`.*\\.example\\.com\`), unbalanced parentheses or brackets, and Perl-only features such as look-ahead \`(?=…)\` or back-references, which RE2 does not have.

**Fix.** Correct the expression; escape literal dots as \`\\.\`.`,
  check(resource, context) {
    const schema = schemaFor(resource);
    if (!schema) return;
    walkSchema(resource.node, schema, {
      onValue({ node, schema: field, path }) {
        if (field.format !== 'http-regex' || node.kind !== 'scalar' || typeof node.value !== 'string' || node.value === '') return;
        const error = validateHttpRegex(node.value);
        if (!error) return;
        const name = lastKey(path) ?? 'value';
        const consequence = name === 'host' ? 'the L7 proxy cannot use the rule' : 'Cilium rejects the policy';
        context.report({
          message: `"${name}" is not a valid regular expression (${error}), so ${consequence}: fix the expression${/^\*/.test(node.value) ? ' (it is a regex, not a glob: write .* instead of a leading *)' : ''}.`,
          location: locate(resource, node.span),
        });
      },
    });
  },
};
