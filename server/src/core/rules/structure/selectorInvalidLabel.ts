import { validateLabelKey, validateLabelValue } from '../../k8s/labelSelector';
import { asMap, asScalar, getPath } from '../../yaml/nodes';
import type { Rule } from '../types';
import { selectorProblems } from './selectors';
import { POLICY_KINDS } from './support';
import { locate } from '../../analysis/locate';

export const selectorInvalidLabelRule: Rule = {
  id: 'selector/invalid-label',
  defaultSeverity: 'error',
  title: 'Invalid label key or value',
  kinds: POLICY_KINDS,
  docs: `A label key or value that Kubernetes does not accept, in a selector or in the policy's own \`metadata.labels\`.

Keys are an optional DNS prefix and a name (\`app.kubernetes.io/name\`): the name has at most 63 characters — letters, digits, \`-\`, \`_\`, \`.\` — and starts and ends with a letter or digit. Values follow the same rule for the name part (empty is allowed). Cilium selector keys may also carry a source prefix such as \`k8s:\`.

**Why it matters.** The API server (or the Cilium CRD) rejects the object. A \`matchLabels\` entry with no value is accepted but matches only labels whose value is the empty string (reported as a warning).

**Fix.** Use the label exactly as it is on the pods (\`kubectl get pods --show-labels\`).`,
  check(resource, context) {
    const rejected = (problem: string) => `${problem[0].toUpperCase()}${problem.slice(1)}, so the API server rejects the object.`;
    for (const p of selectorProblems(resource)) {
      if (p.code !== 'label-key-invalid' && p.code !== 'label-value-invalid' && p.code !== 'selector-label-value-empty') continue;
      const message = p.code === 'selector-label-value-empty' ? `${p.message}: write the label's value.` : rejected(p.message);
      context.report({ severity: p.severity, message, location: locate(resource, p.span) });
    }
    const labels = asMap(getPath(resource.node, ['metadata', 'labels']));
    for (const pair of labels?.pairs ?? []) {
      const keyProblem = validateLabelKey(pair.keyText);
      if (keyProblem) context.report({ message: rejected(keyProblem), location: locate(resource, pair.key.span) });
      const value = asScalar(pair.value);
      if (value && typeof value.value === 'string') {
        const valueProblem = validateLabelValue(value.value);
        if (valueProblem) context.report({ message: rejected(valueProblem), location: locate(resource, value.span) });
      }
    }
  },
};
