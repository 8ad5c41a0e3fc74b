/** Shared by the `nginx.ingress.kubernetes.io/*` rules: which Ingresses they check and which keys exist. */
import { findNginxAnnotation, NGINX_ANNOTATIONS, NGINX_PREFIX } from '../../ingress/nginxAnnotations';
import type { IngressResource, Resource } from '../../k8s/resources';
import type { RuleContext } from '../types';
import { asIngress } from './common';
import { annotationEntries, ingressOwner, type AnnotationEntry } from './model';
import { NGINX_DOCUMENTED_NAMES } from './nginxDocumentedKeys';

export const ALL_NGINX_NAMES = [...new Set([...NGINX_ANNOTATIONS.map((a) => a.key.slice(NGINX_PREFIX.length)), ...NGINX_DOCUMENTED_NAMES])];

/** NGINX annotations of an Ingress served by application routing. */
export function nginxEntries(resource: Resource, ctx: RuleContext): { ingress: IngressResource; entries: AnnotationEntry[] } | null {
  const ingress = asIngress(resource);
  if (!ingress || ingressOwner(ingress, ctx.workspace).controller !== 'app-routing') return null;
  return { ingress, entries: annotationEntries(ingress).filter((e) => e.key.startsWith(NGINX_PREFIX)) };
}

export function isKnownNginxAnnotation(key: string): boolean {
  return key.startsWith(NGINX_PREFIX) && (findNginxAnnotation(key) !== undefined || NGINX_DOCUMENTED_NAMES.has(key.slice(NGINX_PREFIX.length)));
}
