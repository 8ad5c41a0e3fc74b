/** Markdown for annotations, shared by hover and completion. */
import { AGIC_PREFIX, findAgicAnnotation, suggestAgicAnnotation } from '../../core/ingress/agicAnnotations';
import { APP_ROUTING_DEFAULT_CLASS, INGRESS_CLASS_ANNOTATION } from '../../core/ingress/ingressControllers';
import { findNginxAnnotation, NGINX_PREFIX } from '../../core/ingress/nginxAnnotations';
import { describeValueType, type AnnotationSpec } from '../../core/ingress/valueTypes';
import { KEYVAULT_URI_ANNOTATION } from '../../core/rules/ingress/common';
import { isKnownNginxAnnotation } from '../../core/rules/ingress/nginxCommon';

export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}

/** Full documentation of a catalogued annotation. */
export function annotationSpecMarkdown(spec: AnnotationSpec, controller: string): string {
  const lines = [`**${spec.key}** — ${controller}`, '', spec.description, ''];
  lines.push(`- **Type:** ${describeValueType(spec.type)}`);
  lines.push(`- **Default:** ${spec.default}`);
  if (spec.allowed) lines.push(`- **Allowed:** ${spec.allowed}`);
  if (spec.since) lines.push(`- **Since:** ${controller.startsWith('AGIC') ? 'AGIC ' : ''}${spec.since}`);
  if (spec.aliasOf) lines.push(`- **Same as:** ${code(spec.aliasOf)}`);
  for (const note of spec.notes ?? []) lines.push(`- ${note}`);
  lines.push('', 'Annotation values are strings: quote numbers and booleans.', '', `[Documentation](${spec.docsUrl})`);
  return lines.join('\n');
}

export const KEYVAULT_ANNOTATION_MARKDOWN = [
  `**${KEYVAULT_URI_ANNOTATION}** — application routing add-on`,
  '',
  'The Key Vault certificate this Ingress serves over HTTPS, as `https://<vault>.vault.azure.net/certificates/<certificate name>`. The add-on creates a SecretProviderClass and syncs the certificate into the TLS Secret `keyvault-<Ingress name>`, so `spec.tls[].secretName` must be exactly that name.',
  '',
  'Leave the version out so certificate renewals are picked up. The add-on must be allowed to read the vault: `az aks approuting update -g <rg> -n <cluster> --enable-kv --attach-kv <KEY_VAULT_RESOURCE_ID>`.',
  '',
  '[Documentation](https://learn.microsoft.com/azure/aks/app-routing-dns-ssl)',
].join('\n');

const CLASS_ANNOTATION_MARKDOWN = [
  `**${INGRESS_CLASS_ANNOTATION}** — deprecated`,
  '',
  'The class before `spec.ingressClassName` existed. AGIC still honours it (value `azure/application-gateway`) and then ignores `spec.ingressClassName`; the application routing operator reads only `spec.ingressClassName` (`' + APP_ROUTING_DEFAULT_CLASS + '`). Setting both with different values makes the API server reject the Ingress.',
].join('\n');

/** Markdown for any annotation key this tool knows something about, or null. */
export function annotationMarkdown(key: string): string | null {
  const agic = findAgicAnnotation(key);
  if (agic) return annotationSpecMarkdown(agic, 'AGIC (Application Gateway Ingress Controller)');
  const nginx = findNginxAnnotation(key);
  if (nginx) return annotationSpecMarkdown(nginx, 'ingress-nginx (application routing)');
  if (key === KEYVAULT_URI_ANNOTATION) return KEYVAULT_ANNOTATION_MARKDOWN;
  if (key === INGRESS_CLASS_ANNOTATION) return CLASS_ANNOTATION_MARKDOWN;
  if (key.startsWith(AGIC_PREFIX)) {
    const suggestion = suggestAgicAnnotation(key);
    return `**${key}** — not an annotation AGIC reads; it is ignored.${suggestion ? ` Did you mean ${code(suggestion.key)}?` : ''}`;
  }
  if (key.startsWith(NGINX_PREFIX)) {
    return isKnownNginxAnnotation(key)
      ? `**${key}** — ingress-nginx annotation.\n\n[Documentation](https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/)`
      : `**${key}** — not in the ingress-nginx annotations reference; it is ignored.`;
  }
  return null;
}
