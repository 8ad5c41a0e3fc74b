import type { Rule } from '../types';
import { INGRESS_KINDS } from './common';
import { findForbiddenSnippetToken } from '../../ingress/nginxAnnotations';
import { locateInValue } from './edits';
import { nginxEntries } from './nginxCommon';

export const appRoutingNginxBlockedWord: Rule = {
  id: 'approuting/nginx-blocked-word',
  defaultSeverity: 'error',
  title: 'NGINX annotation value contains a blocked word',
  docs: [
    'The application routing operator configures ingress-nginx with `annotation-value-word-blocklist: load_module,lua_package,_by_lua,location,root,proxy_pass,serviceaccount,{,},\'` (a CVE-2021-25742 mitigation). ingress-nginx checks the value of **every** `nginx.ingress.kubernetes.io/*` annotation for these substrings and skips the whole Ingress on a hit — all its hosts and paths stop being configured. The AKS documentation lists them under Limitations.',
    '',
    'Snippets are the usual victims (`location`, `{ }`, `proxy_pass`), but a value such as `app-root: "/rootapp"` (contains `root`) is refused too.',
    '',
    'Fix: remove the snippet or rewrite the value without the blocked word; use the dedicated annotations instead of raw NGINX configuration.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const found = nginxEntries(resource, ctx);
    if (!found) return;
    for (const entry of found.entries) {
      if (!entry.value || entry.text === null) continue;
      const hit = findForbiddenSnippetToken(entry.text);
      if (!hit) continue;
      ctx.report({
        message: `"${hit.token}" is on the application routing add-on's annotation word blocklist: ingress-nginx skips this whole Ingress ("${entry.key} annotation contains invalid word ${hit.token}"), so none of its hosts are served.`,
        location: locateInValue(found.ingress, entry.value, hit.index, hit.index + hit.token.length),
      });
    }
  },
};
