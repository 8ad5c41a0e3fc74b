import { locate } from '../../analysis/locate';
import { validateHost } from '../../ingress/hostnames';
import type { IngressResource } from '../../k8s/resources';
import type { YScalar } from '../../yaml/nodes';
import type { Rule, RuleContext } from '../types';
import { asIngress, INGRESS_KINDS } from './common';
import { locateInValue } from './edits';
import { ingressRules, tlsEntries } from './model';
import { asScalar, get } from '../../yaml/nodes';

/** Rule hosts and TLS hosts the API server rejects (or that no client can send). */
export const ingressHostSyntax: Rule = {
  id: 'ingress/host-syntax',
  defaultSeverity: 'error',
  title: 'Invalid host name',
  docs: [
    '`spec.rules[].host` and `spec.tls[].hosts[]` must be lowercase DNS names (RFC 1123: letters, digits, `-` and `.`, at most 253 characters), never an IP address and without a port. A wildcard is allowed only as the whole first label: `*.example.com`. `*foo.com`, `foo*.com`, `foo.*.com` and a bare `*` are rejected — the same forms AGIC documents as invalid.',
    '',
    'To match every host, leave `host` out.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress) return;
    for (const rule of ingressRules(ingress)) {
      const host = asScalar(get(rule, 'host'));
      // An empty host means "every host" to the API server.
      if (host && host.value !== null && String(host.value) !== '') checkHost(ingress, host, 'rule host', ctx);
    }
    for (const tls of tlsEntries(ingress)) {
      for (const host of tls.hosts) checkHost(ingress, host, 'TLS host', ctx);
    }
  },
};

function checkHost(ingress: IngressResource, node: YScalar, what: string, ctx: RuleContext): void {
  const text = node.value === null ? '' : String(node.value);
  for (const defect of validateHost(text, { allowWildcard: true })) {
    const location = defect.end > defect.start ? locateInValue(ingress, node, defect.start, defect.end) : locate(ingress, node);
    const consequence = defect.severity === 'error' ? ' The API server rejects this Ingress.' : '';
    ctx.report({ message: `Invalid ${what}: ${defect.message}${consequence}`, severity: defect.severity, location });
  }
}
