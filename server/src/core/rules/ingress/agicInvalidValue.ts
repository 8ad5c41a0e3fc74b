import { locate } from '../../analysis/locate';
import { AGIC_PREFIX, findAgicAnnotation } from '../../ingress/agicAnnotations';
import { describeValueType, parseValue } from '../../ingress/valueTypes';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS } from './common';
import { locateInValue } from './edits';
import { annotationEntries, ingressOwner } from './model';

/**
 * AGIC annotation values that do not parse as the type AGIC's code reads. AGIC logs the error
 * and keeps its default, so nothing fails visibly. Values AGIC accepts in a non-standard
 * spelling ("True", "1") are hints.
 */
export const agicInvalidValue: Rule = {
  id: 'agic/invalid-value',
  defaultSeverity: 'warning',
  title: 'AGIC annotation value does not parse',
  docs: [
    'AGIC parses each annotation with a fixed type: booleans with Go `strconv.ParseBool` ("true"/"false"), integers with `strconv.Atoi` and ranges (`rule-priority` 1–20000, `override-frontend-port` 1–64999), `backend-protocol` as `http` or `https`, `health-probe-status-codes` as codes and ranges ("200-399, 401"), `waf-policy-for-path` as the resource ID of an `applicationGatewayWebApplicationFirewallPolicies` object.',
    '',
    'A value that does not parse is not an error Kubernetes sees: AGIC keeps the default (for `backend-protocol`: HTTP; for `override-frontend-port`: 80/443) and the setting silently does nothing.',
    '',
    'Values AGIC accepts but that are not the usual spelling (`"True"`, `"1"`) are reported as hints.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress) return;
    const owner = ingressOwner(ingress, ctx.workspace).controller;
    if (owner === 'app-routing' || owner === 'agc') return;
    for (const entry of annotationEntries(ingress)) {
      if (!entry.key.startsWith(AGIC_PREFIX) || !entry.value || typeof entry.value.value !== 'string') continue;
      const spec = findAgicAnnotation(entry.key);
      if (!spec) continue;
      const result = parseValue(spec.type, entry.value.value);
      const name = entry.key.slice(AGIC_PREFIX.length);
      if (!result.ok) {
        const start = result.start ?? 0;
        const end = result.end ?? entry.value.value.length;
        const location = entry.value.value.length === 0 ? locate(ingress, entry.value) : locateInValue(ingress, entry.value, start, end);
        ctx.report({
          message: `${name}: ${result.message} Expected ${describeValueType(spec.type)}.${/default/.test(result.message) ? '' : ` AGIC ignores the value and keeps the default: ${spec.default}.`}`,
          location,
        });
      } else if (result.hint) {
        ctx.report({ message: `${name}: ${result.hint}`, severity: 'hint', location: locateInValue(ingress, entry.value, 0, entry.value.value.length) });
      }
    }
  },
};
