/** Small pieces shared by the Ingress rules. */
import { AGIC_PREFIX } from '../../ingress/agicAnnotations';
import type { IngressControllerKind } from '../../ingress/ingressControllers';
import { NGINX_PREFIX } from '../../ingress/nginxAnnotations';
import type { IngressResource, Resource } from '../../k8s/resources';

export const INGRESS_KINDS: readonly string[] = ['Ingress'];

export function asIngress(resource: Resource): IngressResource | null {
  return resource.kind === 'Ingress' && !('other' in resource) ? (resource as IngressResource) : null;
}

/** The Key Vault certificate annotation of the application routing add-on. */
export const KEYVAULT_URI_ANNOTATION = 'kubernetes.azure.com/tls-cert-keyvault-uri';
/** Annotations only the application routing operator reads (besides the NGINX ones). */
export const APP_ROUTING_OPERATOR_ANNOTATIONS: readonly string[] = [
  KEYVAULT_URI_ANNOTATION,
  'kubernetes.azure.com/tls-cert-keyvault-managed',
  'kubernetes.azure.com/tls-cert-service-account',
];
export const AGC_PREFIX = 'alb.networking.azure.io/';

export const CONTROLLER_LABEL: Record<IngressControllerKind, string> = {
  agic: 'the Application Gateway Ingress Controller (AGIC)',
  'app-routing': 'the application routing add-on (managed NGINX)',
  agc: 'Application Gateway for Containers',
  unknown: 'a controller this tool does not know',
  none: 'no controller',
};

/** The controller an annotation key belongs to, when it is one of the controllers this tool checks. */
export function annotationController(key: string): 'agic' | 'app-routing' | 'agc' | null {
  if (key.startsWith(AGIC_PREFIX)) return 'agic';
  if (key.startsWith(NGINX_PREFIX) || APP_ROUTING_OPERATOR_ANNOTATIONS.includes(key)) return 'app-routing';
  if (key.startsWith(AGC_PREFIX)) return 'agc';
  return null;
}
