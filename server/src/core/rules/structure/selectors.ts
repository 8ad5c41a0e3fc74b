/** Every label selector of a policy, read with the helper that reports its mistakes. */
import { parseLabelSelector, type SelectorProblem } from '../../k8s/labelSelector';
import type { Resource } from '../../k8s/resources';
import { schemaFor } from '../../schema/index';
import { walkSchema } from '../../schema/walk';
import { asMap, get, type Span, type YNode } from '../../yaml/nodes';

export function selectorProblems(resource: Resource): SelectorProblem[] {
  const schema = schemaFor(resource);
  if (!schema) return [];
  const out: SelectorProblem[] = [];
  walkSchema(resource.node, schema, {
    onValue({ node, schema: field }) {
      if (!field.labelSelector || node.kind !== 'map') return;
      for (const problem of parseLabelSelector(node, { dialect: field.labelSelector }).problems) {
        out.push({ ...problem, span: visibleSpan(node, problem.span) });
      }
    },
  });
  return out;
}

/** An empty `key:` value has an empty span; mark its key instead, so the finding can be seen. */
function visibleSpan(selector: YNode, span: Span): Span {
  if (span.start !== span.end) return span;
  for (const pair of asMap(get(selector, 'matchLabels'))?.pairs ?? []) {
    if (pair.value && pair.value.span.start === span.start && pair.value.span.end === span.end) return pair.key.span;
  }
  return span;
}
