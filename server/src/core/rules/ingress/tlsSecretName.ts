import { locate, locateKey } from '../../analysis/locate';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS, KEYVAULT_URI_ANNOTATION } from './common';
import { appendPairs, quoted, replaceNode, sameStyle, isPlainSafe } from './edits';
import { keyVaultAnnotation } from './keyVaultUri';
import { keyVaultSecretName, tlsEntries } from './model';

/**
 * With the Key Vault annotation, the add-on creates exactly one Secret, `keyvault-<Ingress name>`;
 * a TLS entry naming any other Secret points NGINX at something that never exists.
 */
export const appRoutingTlsSecretName: Rule = {
  id: 'approuting/tls-secret-name',
  defaultSeverity: 'warning',
  title: 'TLS secretName must be keyvault-<Ingress name>',
  docs: [
    'For an Ingress with `kubernetes.azure.com/tls-cert-keyvault-uri`, the application routing operator creates a SecretProviderClass named `keyvault-<Ingress name>`, and the Secrets Store CSI driver syncs the certificate into a `kubernetes.io/tls` Secret of the **same name**. That is the only Secret the add-on creates.',
    '',
    'The AKS documentation: "Make sure that the value of secretName is equal to keyvault- followed by the Ingress name". Any other name points NGINX at a Secret that never appears, so HTTPS clients do not get your certificate. Kubernetes accepts the Ingress, so nothing fails visibly.',
    '',
    'The quick-fix sets `secretName: keyvault-<Ingress name>`.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    const found = keyVaultAnnotation(resource, ctx);
    if (!ingress || !found || !ingress.name) return;
    const expected = keyVaultSecretName(ingress.name);
    for (const tls of tlsEntries(ingress)) {
      const actual = tls.secretName?.value;
      if (tls.secretName && actual === expected) continue;
      const related = [{ location: locateKey(ingress, found.entry.pair), message: `${KEYVAULT_URI_ANNOTATION} is set here` }];
      if (tls.secretName && tls.secretNamePair) {
        ctx.report({
          message: `With ${KEYVAULT_URI_ANNOTATION}, the add-on syncs the certificate into the Secret "${expected}" (keyvault- + Ingress name); "${String(actual ?? '')}" is never created, so NGINX has no certificate for these hosts. Set secretName: ${expected}.`,
          location: locate(ingress, tls.secretName),
          related,
          fixes: [{ title: `Set secretName to ${expected}`, edits: [replaceNode(ingress, tls.secretName, sameStyle(ingress, tls.secretName, expected))], preferred: true }],
        });
      } else {
        const insert = appendPairs(ingress, tls.item, [`secretName: ${isPlainSafe(expected) ? expected : quoted(expected)}`]);
        const anchor = tls.item.pairs[0];
        ctx.report({
          message: `This TLS entry has no secretName; with ${KEYVAULT_URI_ANNOTATION} the certificate is synced into the Secret "${expected}". Add secretName: ${expected}.`,
          location: anchor ? locateKey(ingress, anchor) : locate(ingress, tls.item),
          related,
          fixes: insert ? [{ title: `Add secretName: ${expected}`, edits: [insert], preferred: true }] : undefined,
        });
      }
    }
  },
};
