import type { Rule } from '../types';
import { selectorProblems } from './selectors';
import { POLICY_KINDS } from './support';
import { locate } from '../../analysis/locate';

export const selectorOperatorValuesRule: Rule = {
  id: 'selector/operator-values',
  defaultSeverity: 'error',
  title: 'Selector operator and values do not fit',
  kinds: POLICY_KINDS,
  docs: `In \`matchExpressions\`, the operators \`In\` and \`NotIn\` need a non-empty \`values\` list, and \`Exists\` / \`DoesNotExist\` must have no \`values\`.

**Why it matters.** The API server rejects the object. A reminder of what the operators mean: \`In\` — the label is present with one of the values; \`NotIn\` — the label is absent **or** has another value; \`Exists\` — the label is present with any value; \`DoesNotExist\` — the label is absent.

**Fix.** Add the values for \`In\`/\`NotIn\`, or remove \`values\` for \`Exists\`/\`DoesNotExist\`.`,
  check(resource, context) {
    for (const p of selectorProblems(resource)) {
      if (p.code !== 'selector-values-required' && p.code !== 'selector-values-forbidden') continue;
      const text = `${p.message[0].toUpperCase()}${p.message.slice(1)}`;
      const message =
        p.code === 'selector-values-forbidden'
          ? `${text.replace(/; remove them$/, '')}, so the API server rejects the selector: remove them.`
          : `${text}, so the API server rejects the selector.`;
      context.report({ message, location: locate(resource, p.span) });
    }
  },
};
