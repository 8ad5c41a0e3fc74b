import { locateKey } from '../../analysis/locate';
import { asMap } from '../../yaml/nodes';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS, KEYVAULT_URI_ANNOTATION } from './common';
import { appendPairs, isPlainSafe, mapIndentStep, quoted, seqIndentStep } from './edits';
import { keyVaultAnnotation } from './keyVaultUri';
import { keyVaultSecretName, ruleHosts, tlsEntries } from './model';

/** A Key Vault certificate annotation without `spec.tls`: NGINX never serves the certificate. */
export const appRoutingTlsMissing: Rule = {
  id: 'approuting/tls-missing',
  defaultSeverity: 'warning',
  title: 'Key Vault certificate without spec.tls',
  docs: [
    'The Key Vault annotation only makes the add-on sync the certificate into the Secret `keyvault-<Ingress name>`. NGINX serves it only for the hosts listed in a `spec.tls` entry that names that Secret. Without `spec.tls`, HTTPS requests get NGINX\'s default certificate.',
    '',
    'The quick-fix adds a `tls` block with the rule hosts and `secretName: keyvault-<Ingress name>`.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    const found = keyVaultAnnotation(resource, ctx);
    if (!ingress || !found || !ingress.name || tlsEntries(ingress).length > 0) return;
    const secret = keyVaultSecretName(ingress.name);
    const hosts = [...new Set(ruleHosts(ingress).map((h) => h.host))];
    const spec = asMap(ingress.spec);
    let fix = null;
    if (spec && spec.pairs.length > 0) {
      const step = mapIndentStep(ingress, ingress.node);
      const dash = ' '.repeat(seqIndentStep(ingress, spec) ?? step);
      const under = ' '.repeat(dash.length + 2);
      const scalar = (v: string) => (isPlainSafe(v) ? v : quoted(v));
      const lines = ['tls:'];
      if (hosts.length) {
        lines.push(`${dash}- hosts:`, ...hosts.map((h) => `${under}${dash}- ${scalar(h)}`), `${under}secretName: ${scalar(secret)}`);
      } else {
        lines.push(`${dash}- secretName: ${scalar(secret)}`);
      }
      fix = appendPairs(ingress, spec, lines);
    }
    ctx.report({
      message: `${KEYVAULT_URI_ANNOTATION} is set but the Ingress has no spec.tls: the certificate is synced into the Secret "${secret}", yet NGINX serves it only for hosts listed in spec.tls with that secretName. Add a tls entry${hosts.length ? ` for ${hosts.join(', ')}` : ''}.`,
      location: locateKey(ingress, found.entry.pair),
      fixes: fix ? [{ title: `Add spec.tls with secretName: ${secret}`, edits: [fix], preferred: true }] : undefined,
    });
  },
};
