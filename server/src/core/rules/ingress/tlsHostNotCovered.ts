import { locate } from '../../analysis/locate';
import { tlsHostsCover, validateHost } from '../../ingress/hostnames';
import { scalarText } from '../../yaml/nodes';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS } from './common';
import { ruleHosts, tlsEntries } from './model';

/** With spec.tls, a rule host that no TLS entry lists gets no certificate from this Ingress. */
export const ingressTlsHostNotCovered: Rule = {
  id: 'ingress/tls-host-not-covered',
  defaultSeverity: 'warning',
  title: 'Rule host not covered by spec.tls',
  docs: [
    'A TLS entry serves its Secret\'s certificate for the hosts it lists (`*.example.com` covers `a.example.com`, not `example.com` nor `a.b.example.com`). When the Ingress has `spec.tls` but a rule host is in none of its `hosts`, HTTPS requests for that host do not get this certificate: the controller serves its default certificate (application routing) or no HTTPS listener for it (AGIC).',
    '',
    'Not reported when a TLS entry has no `hosts` (it then applies to the controller\'s default host), nor for rules without a host.',
    '',
    'Fix: add the host to `spec.tls[].hosts`, with a certificate that covers it.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress) return;
    const tls = tlsEntries(ingress);
    if (tls.length === 0 || tls.some((t) => t.hosts.length === 0)) return;
    const tlsHosts = tls.flatMap((t) => t.hosts.map((h) => scalarText(h) ?? ''));
    for (const { node, host } of ruleHosts(ingress)) {
      if (tlsHostsCover(tlsHosts, host)) continue;
      // An invalid host is ingress/host-syntax's finding; coverage means nothing for it.
      if (validateHost(host, { allowWildcard: true }).some((d) => d.severity === 'error')) continue;
      ctx.report({
        message: `"${host}" is not in spec.tls[].hosts (${tlsHosts.join(', ')}): HTTPS requests for it do not get this Ingress's certificate. Add it to a TLS entry.`,
        location: locate(ingress, node),
        related: [{ location: locate(ingress, tls[0].hostsPair ?? tls[0].item), message: 'TLS hosts are listed here' }],
      });
    }
  },
};
