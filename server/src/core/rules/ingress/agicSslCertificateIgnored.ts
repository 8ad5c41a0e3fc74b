import { locate, locateKey } from '../../analysis/locate';
import { AGIC_PREFIX } from '../../ingress/agicAnnotations';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS } from './common';
import { annotation, ingressOwner, tlsEntries, tlsPair } from './model';

const KEY = `${AGIC_PREFIX}appgw-ssl-certificate`;

/** `appgw-ssl-certificate` is ignored by AGIC when the Ingress has `spec.tls`. */
export const agicSslCertificateIgnored: Rule = {
  id: 'agic/ssl-certificate-ignored',
  defaultSeverity: 'warning',
  title: 'appgw-ssl-certificate ignored because spec.tls is set',
  docs: [
    '`appgw.ingress.kubernetes.io/appgw-ssl-certificate` names a certificate already installed on the Application Gateway (which may itself point at a Key Vault secret). AGIC uses it only when the Ingress has **no** `spec.tls`; with `spec.tls` the listener takes the certificate from the TLS Secret and the annotation is silently ignored.',
    '',
    'Fix: keep one of the two — `spec.tls` with a Kubernetes TLS Secret, or the annotation with a gateway certificate (the usual way to use Key Vault with AGIC).',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress) return;
    const entry = annotation(ingress, KEY);
    const tls = tlsPair(ingress);
    if (!entry || !tls || tlsEntries(ingress).length === 0) return;
    const owner = ingressOwner(ingress, ctx.workspace).controller;
    if (owner === 'app-routing' || owner === 'agc') return;
    ctx.report({
      message: `AGIC ignores appgw-ssl-certificate because spec.tls is set: the listener uses the TLS Secret from spec.tls instead of the gateway certificate "${entry.text ?? ''}". Remove one of them.`,
      location: locateKey(ingress, entry.pair),
      related: [{ location: locate(ingress, tls.key), message: 'spec.tls is set here' }],
      tags: ['unnecessary'],
    });
  },
};
