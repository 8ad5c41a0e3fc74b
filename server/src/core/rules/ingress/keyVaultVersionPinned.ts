import type { Rule } from '../types';
import { parseKeyVaultUri } from '../../ingress/keyVaultUri';
import { INGRESS_KINDS } from './common';
import { locateInValue } from './edits';
import { keyVaultAnnotation } from './keyVaultUri';

/** A version segment pins the certificate: renewals in Key Vault are never picked up. */
export const appRoutingKeyVaultVersionPinned: Rule = {
  id: 'approuting/keyvault-version-pinned',
  defaultSeverity: 'information',
  title: 'Key Vault certificate version pinned',
  docs: [
    'A Key Vault identifier with a version (`…/certificates/<name>/<32 hex digits>`) always reads that version. The add-on then keeps serving it after the certificate is renewed in Key Vault, until it expires. `az keyvault certificate show --query id` prints the versioned URI; strip the version.',
    '',
    'The AKS documentation recommends the unversioned URI so rotations are picked up (the Secrets Store CSI driver polls every 2 minutes when autorotation is on). Information, not a warning: pinning can be deliberate.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const found = keyVaultAnnotation(resource, ctx);
    if (!found) return;
    const scalar = found.entry.value!;
    for (const defect of parseKeyVaultUri(found.text).defects) {
      if (defect.code !== 'kv-version-pinned') continue;
      const start = found.text.lastIndexOf('/', defect.start - 1);
      const edit = locateInValue(resource, scalar, start, defect.end);
      ctx.report({
        message: defect.message,
        location: locateInValue(resource, scalar, defect.start, defect.end),
        fixes:
          edit.end - edit.start === defect.end - start
            ? [{ title: 'Remove the version (track the latest certificate)', edits: [{ uri: edit.uri, start: edit.start, end: edit.end, newText: '' }], preferred: true }]
            : undefined,
      });
    }
  },
};
