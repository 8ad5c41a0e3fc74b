import type { Rule } from '../types';
import { INGRESS_KINDS } from './common';
import { findNginxAnnotation, NGINX_PREFIX } from '../../ingress/nginxAnnotations';
import { describeValueType, parseValue } from '../../ingress/valueTypes';
import { locateInValue } from './edits';
import { nginxEntries } from './nginxCommon';

export const appRoutingNginxInvalidValue: Rule = {
  id: 'approuting/nginx-invalid-value',
  defaultSeverity: 'warning',
  title: 'NGINX annotation value does not parse',
  docs: [
    'ingress-nginx parses each annotation with its own type: booleans ("true"/"false"), whole numbers, timeouts in plain seconds (`"60"`, not `"60s"`), NGINX sizes (`"8m"`), enums such as `backend-protocol` (HTTP, HTTPS, GRPC, GRPCS, AJP, FCGI), CIDR lists, URLs. A value that does not parse is dropped and the default applies, without an error on the Ingress.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const found = nginxEntries(resource, ctx);
    if (!found) return;
    for (const entry of found.entries) {
      const spec = findNginxAnnotation(entry.key);
      if (!spec || !entry.value || typeof entry.value.value !== 'string' || spec.snippet) continue;
      const text = entry.value.value;
      const result = parseValue(spec.type, text);
      const name = entry.key.slice(NGINX_PREFIX.length);
      if (!result.ok) {
        ctx.report({
          message: `${name}: ${result.message} Expected ${describeValueType(spec.type)}.${/default/.test(result.message) ? '' : ` ingress-nginx ignores the value and keeps the default: ${spec.default}.`}`,
          location: locateInValue(found.ingress, entry.value, result.start ?? 0, result.end ?? Math.max(text.length, 0)),
        });
      } else if (result.hint) {
        ctx.report({ message: `${name}: ${result.hint}`, severity: 'hint', location: locateInValue(found.ingress, entry.value, 0, text.length) });
      }
    }
  },
};
