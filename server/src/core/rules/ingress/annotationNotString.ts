import { locate } from '../../analysis/locate';
import { asScalar, deref } from '../../yaml/nodes';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS } from './common';
import { quoted, rawText, replaceNode } from './edits';
import { annotationEntries } from './model';

/** Plain words YAML 1.1 (what kubectl decodes) reads as booleans, unlike YAML 1.2. */
const YAML11_BOOLEAN_WORDS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/**
 * Unquoted numbers and booleans in annotations. `metadata.annotations` is map[string]string, so
 * the API server rejects the whole object; MS Learn's AGIC examples (`rule-priority: 10`) do it.
 */
export const ingressAnnotationNotString: Rule = {
  id: 'ingress/annotation-not-string',
  defaultSeverity: 'error',
  title: 'Annotation value is not a string',
  docs: [
    'Annotation values are strings (`metadata.annotations` is `map[string]string`). An unquoted `true`, `10` or `30` is a YAML boolean or number, and the API server rejects the object ("cannot unmarshal bool into Go struct field ObjectMeta.metadata.annotations of type string").',
    '',
    'kubectl reads YAML 1.1, where `yes`, `no`, `on`, `off`, `y` and `n` are booleans too — so `proxy-buffering: on` fails the same way.',
    '',
    'Some published examples (for instance the AGIC annotations page on MS Learn: `health-probe-port: 81`, `rule-priority: 10`) leave numbers unquoted; they are rejected as written.',
    '',
    'Fix: quote the value, e.g. `"true"`, `"10"`. The quick-fix quotes it exactly as written.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress) return;
    for (const entry of annotationEntries(ingress)) {
      const node = deref(entry.pair.value);
      if (!node) continue;
      const scalar = asScalar(node);
      if (!scalar) {
        ctx.report({
          message: `The value of ${entry.key} must be a string, not a ${node.kind === 'seq' ? 'list' : 'map'}: the API server rejects this Ingress. Write it as one quoted string.`,
          location: locate(ingress, node),
        });
        continue;
      }
      if (scalar.value === null || typeof scalar.value === 'string') continue;
      const raw = rawText(ingress, scalar);
      const kind = typeof scalar.value === 'boolean' ? 'boolean' : 'number';
      const yaml11 = kind === 'boolean' && YAML11_BOOLEAN_WORDS.test(raw) ? ` (kubectl reads YAML 1.1, where ${raw} is a boolean)` : '';
      ctx.report({
        message: `${raw} is a YAML ${kind}${yaml11}, but annotation values must be strings: the API server rejects this Ingress. Quote it: ${quoted(raw)}.`,
        location: locate(ingress, scalar),
        fixes: [{ title: `Quote the value: ${quoted(raw)}`, edits: [replaceNode(ingress, scalar, quoted(raw))], preferred: true }],
      });
    }
  },
};
