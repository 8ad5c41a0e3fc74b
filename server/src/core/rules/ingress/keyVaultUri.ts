import { locate } from '../../analysis/locate';
import { parseKeyVaultUri } from '../../ingress/keyVaultUri';
import type { Resource } from '../../k8s/resources';
import type { RuleContext } from '../types';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS, KEYVAULT_URI_ANNOTATION } from './common';
import { locateInValue } from './edits';
import { annotation, ingressOwner, type AnnotationEntry } from './model';

/** The Key Vault URI annotation of an Ingress the application routing rules apply to, with its text. */
export function keyVaultAnnotation(resource: Resource, ctx: RuleContext): { entry: AnnotationEntry; text: string } | null {
  const ingress = asIngress(resource);
  if (!ingress) return null;
  const entry = annotation(ingress, KEYVAULT_URI_ANNOTATION);
  if (!entry || !entry.value || typeof entry.value.value !== 'string') return null;
  const owner = ingressOwner(ingress, ctx.workspace).controller;
  if (owner === 'agic' || owner === 'agc') return null; // ingress/foreign-annotation: nobody reads it
  return { entry, text: entry.value.value };
}

/**
 * `kubernetes.azure.com/tls-cert-keyvault-uri`: each defect of the URI is its own finding on the
 * exact part of the string (scheme, vault name, DNS suffix, object type, name, version).
 */
export const appRoutingKeyVaultUri: Rule = {
  id: 'approuting/keyvault-uri',
  defaultSeverity: 'error',
  title: 'Key Vault certificate URI is malformed',
  docs: [
    'With `kubernetes.azure.com/tls-cert-keyvault-uri` the application routing add-on syncs a Key Vault certificate into a TLS Secret. The documented form is `https://<vault>.vault.azure.net/certificates/<certificate name>` (other clouds: `vault.azure.cn`, `vault.usgovcloudapi.net`).',
    '',
    '- **Errors**: what the add-on cannot read or Key Vault cannot resolve — no path, no certificate name, vault names outside 3–24 letters/digits/hyphens (start with a letter, end with a letter or digit, no `--`), certificate names with characters other than letters, digits and `-`, a Managed HSM host (keys only).',
    '- **Warnings**: what works only because the add-on reads the URI leniently — `http://`, an unknown DNS suffix, `/secrets/` instead of `/certificates/`, a port, a query string, extra segments, a version that is not 32 hex digits.',
    '',
    'Each problem is reported on its own part of the URI. A version segment is reported separately (`approuting/keyvault-version-pinned`).',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const found = keyVaultAnnotation(resource, ctx);
    if (!found) return;
    const scalar = found.entry.value!;
    for (const defect of parseKeyVaultUri(found.text).defects) {
      if (defect.code === 'kv-version-pinned') continue;
      const location = defect.end > defect.start ? locateInValue(resource, scalar, defect.start, defect.end) : locate(resource, scalar);
      ctx.report({ message: defect.message, severity: defect.severity, location });
    }
  },
};
