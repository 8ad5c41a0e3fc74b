import type { Rule } from '../types';
import { INGRESS_KINDS } from './common';
import { locateKey } from '../../analysis/locate';
import { NGINX_PREFIX } from '../../ingress/nginxAnnotations';
import { suggestClosest } from '../../text/didYouMean';
import { renameKey } from './edits';
import { ALL_NGINX_NAMES, isKnownNginxAnnotation, nginxEntries } from './nginxCommon';

export const appRoutingNginxUnknownAnnotation: Rule = {
  id: 'approuting/nginx-unknown-annotation',
  defaultSeverity: 'warning',
  title: 'Unknown NGINX annotation',
  docs: [
    'The application routing add-on runs ingress-nginx, which reads the `nginx.ingress.kubernetes.io/*` annotations listed in its annotations reference. A key that is not in that list — usually a typo such as `proxy-body-sise` — is ignored without any message, and the setting keeps its default.',
    '',
    'Fix: use the suggested key (quick-fix) or check https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const found = nginxEntries(resource, ctx);
    if (!found) return;
    for (const entry of found.entries) {
      if (isKnownNginxAnnotation(entry.key)) continue;
      const close = suggestClosest(entry.key.slice(NGINX_PREFIX.length), ALL_NGINX_NAMES);
      const suggestion = close ? NGINX_PREFIX + close : null;
      ctx.report({
        message: `ingress-nginx does not read ${entry.key}${suggestion ? `; did you mean ${suggestion}?` : '.'} The annotation is ignored.`,
        location: locateKey(found.ingress, entry.pair),
        fixes: suggestion ? [{ title: `Rename to ${suggestion}`, edits: [renameKey(found.ingress, entry.pair, suggestion)], preferred: true }] : undefined,
      });
    }
  },
};
