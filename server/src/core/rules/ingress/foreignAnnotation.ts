import { locateKey } from '../../analysis/locate';
import type { Rule } from '../types';
import { annotationController, asIngress, INGRESS_KINDS } from './common';
import { annotationEntries, ingressOwner } from './model';

const OWNER_OF_KEYS: Record<'agic' | 'app-routing' | 'agc', string> = {
  agic: 'AGIC',
  'app-routing': 'application routing (NGINX)',
  agc: 'Application Gateway for Containers',
};

/** Annotations of one controller on an Ingress another controller serves: nobody reads them. */
export const ingressForeignAnnotation: Rule = {
  id: 'ingress/foreign-annotation',
  defaultSeverity: 'warning',
  title: 'Annotation of another controller',
  docs: [
    'Each controller reads only its own annotations: AGIC `appgw.ingress.kubernetes.io/*`, application routing `nginx.ingress.kubernetes.io/*` and `kubernetes.azure.com/tls-cert-*`, Application Gateway for Containers `alb.networking.azure.io/*`.',
    '',
    'An annotation meant for another controller than the one serving the Ingress is accepted by Kubernetes and then silently ignored: a timeout, a redirect or a certificate that never applies. This is common after copying an example written for another controller (for example NGINX `rewrite-target` on an AGIC Ingress — AGIC has no regex or rewrite support, use `appgw.ingress.kubernetes.io/backend-path-prefix`).',
    '',
    'Fix: use the equivalent annotation of the serving controller, or change `spec.ingressClassName`.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress) return;
    const owner = ingressOwner(ingress, ctx.workspace);
    if (owner.controller !== 'agic' && owner.controller !== 'app-routing' && owner.controller !== 'agc') return;
    for (const entry of annotationEntries(ingress)) {
      const meantFor = annotationController(entry.key);
      if (!meantFor || meantFor === owner.controller) continue;
      ctx.report({
        message: `${entry.key} is read by ${OWNER_OF_KEYS[meantFor]}, but ${OWNER_OF_KEYS[owner.controller]} serves this Ingress (class "${owner.className}"): it has no effect.`,
        location: locateKey(ingress, entry.pair),
        tags: ['unnecessary'],
      });
    }
  },
};
