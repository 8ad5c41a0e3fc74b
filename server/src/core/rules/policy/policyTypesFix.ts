/** Quick fixes that write `policyTypes` into a NetworkPolicy spec explicitly. */
import type { NetworkPolicyResource } from '../../k8s/resources';
import { asSeq, getPair, isNullish, type YMap } from '../../yaml/nodes';
import { renderFlow } from '../fixes/emit';
import { addEntryEdit, editAt } from '../fixes/insert';
import type { Fix, TextEditAt } from '../types';

/**
 * Sets `policyTypes` to `types`: fills an empty `policyTypes: []` or `policyTypes:`, else adds
 * the field after `podSelector` (or at the end of the spec).
 */
export function policyTypesFix(np: NetworkPolicyResource, spec: YMap, types: readonly ('Ingress' | 'Egress')[], title: string, preferred: boolean): Fix {
  const existing = getPair(spec, 'policyTypes');
  let edit: TextEditAt;
  const seq = asSeq(existing?.value);
  if (existing && seq && seq.flow) {
    edit = editAt(np, seq.span.start, seq.span.end, renderFlow(types));
  } else if (existing && existing.value && isNullish(existing.value) && existing.value.span.end > existing.value.span.start) {
    edit = editAt(np, existing.value.span.start, existing.value.span.end, renderFlow(types)); // `policyTypes: null`
  } else if (existing && isNullish(existing.value)) {
    const colon = np.source.document.text.indexOf(':', existing.key.span.end);
    edit = editAt(np, colon + 1, colon + 1, ` ${renderFlow(types)}`);
  } else {
    edit = addEntryEdit(np, spec, 'policyTypes', types, getPair(spec, 'podSelector') ?? undefined);
  }
  return { title, edits: [edit], ...(preferred ? { preferred: true } : {}) };
}
