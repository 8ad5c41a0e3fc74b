import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appRoutingKeyVaultUri } from '../../../server/src/core/rules/ingress/keyVaultUri';
import { appRoutingKeyVaultVersionPinned } from '../../../server/src/core/rules/ingress/keyVaultVersionPinned';
import { appRoutingTlsMissing } from '../../../server/src/core/rules/ingress/tlsMissing';
import { appRoutingTlsSecretName } from '../../../server/src/core/rules/ingress/tlsSecretName';
import { applyRuleFix, check } from './support';

const URI_LINE = '    kubernetes.azure.com/tls-cert-keyvault-uri: ';
const GOOD_URI = '"https://kv-aks-prod.vault.azure.net/certificates/payment-api-tls"';

/** An application routing Ingress `payment-api` with the given URI (as written) and tls lines. */
function appRouting(uri: string, tls: string[], className = 'webapprouting.kubernetes.azure.com'): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: payment-api',
    '  namespace: payments',
    '  annotations:',
    URI_LINE + uri,
    'spec:',
    `  ingressClassName: ${className}`,
    '  rules:',
    '    - host: payments.example.com',
    '      http:',
    '        paths:',
    '          - path: /api',
    '            pathType: Prefix',
    '            backend:',
    '              service:',
    '                name: payment-api',
    '                port:',
    '                  number: 8080',
    ...tls,
    '',
  ].join('\n');
}

const TLS = ['  tls:', '    - hosts:', '        - payments.example.com', '      secretName: keyvault-payment-api'];

describe('approuting/keyvault-uri', () => {
  test('each defect is its own finding, on its part of the quoted string', () => {
    const text = appRouting('"http://kv--prod.vault.azure.net/secrets/payment_api"', TLS);
    assert.deepEqual(check(appRoutingKeyVaultUri, text), [
      '7:50-7:54 approuting/keyvault-uri warning Key Vault is reached over HTTPS: write "https://". The add-on only reads the vault and certificate names, so "http://" happens to work, but it is not the documented form.',
      '7:59-7:61 approuting/keyvault-uri error A vault name cannot contain consecutive hyphens ("--").',
      '7:82-7:89 approuting/keyvault-uri warning The add-on reads the secret named "payment_api" whatever this segment says, so /secrets/ works when a certificate of that name exists, but the documented form is /certificates/<name>.',
      '7:97-7:98 approuting/keyvault-uri error "_" is not allowed in a Key Vault name: use letters, digits and "-".',
    ]);
  });

  test('plain (unquoted) scalars are located the same way', () => {
    const text = appRouting('https://kv.vault.azure.cn/certificates', TLS);
    assert.deepEqual(check(appRoutingKeyVaultUri, text), [
      '7:57-7:59 approuting/keyvault-uri error Vault names are 3 to 24 characters long; "kv" has 2.',
      '7:75-7:87 approuting/keyvault-uri error The certificate name is missing: write /certificates/<certificate name>.',
    ]);
  });

  test('single-quoted URI with an unknown DNS suffix', () => {
    const text = appRouting("'https://kv-aks-prod.vault.azure.com/certificates/payment-api-tls'", TLS);
    assert.deepEqual(check(appRoutingKeyVaultUri, text), [
      '7:70-7:85 approuting/keyvault-uri warning "vault.azure.com" is not a Key Vault DNS suffix (did you mean "vault.azure.cn"?); known: vault.azure.net, vault.azure.cn, vault.usgovcloudapi.net, vault.microsoftazure.de. The add-on only uses the vault name and takes the cloud from its own configuration, so this may still work.',
    ]);
  });

  test('the documented form, unversioned: nothing; an AGIC Ingress is left to ingress/foreign-annotation', () => {
    assert.deepEqual(check(appRoutingKeyVaultUri, appRouting(GOOD_URI, TLS)), []);
    assert.deepEqual(check(appRoutingKeyVaultUri, appRouting('"http://kv"', TLS, 'azure-application-gateway')), []);
  });
});

describe('approuting/keyvault-version-pinned', () => {
  const versioned = '"https://kv-aks-prod.vault.azure.net/certificates/payment-api-tls/0123456789abcdef0123456789abcdef"';

  test('a version segment: information on the version, fixed by removing it', () => {
    const text = appRouting(versioned, TLS);
    assert.deepEqual(check(appRoutingKeyVaultVersionPinned, text), [
      '7:115-7:147 approuting/keyvault-version-pinned information This version pins the certificate: rotation stops, because the add-on keeps reading this version. Remove it to always get the latest version.',
    ]);
    const fixed = applyRuleFix(appRoutingKeyVaultVersionPinned, text);
    assert.equal(fixed, appRouting(GOOD_URI, TLS));
    assert.deepEqual(check(appRoutingKeyVaultVersionPinned, fixed), []);
    assert.deepEqual(check(appRoutingKeyVaultUri, text), [], 'a well-formed version is not a URI defect');
  });

  test('no version: nothing', () => {
    assert.deepEqual(check(appRoutingKeyVaultVersionPinned, appRouting(GOOD_URI, TLS)), []);
  });
});

describe('approuting/tls-secret-name', () => {
  test('the module example: secretName payment-api-tls is never created; fixed to keyvault-payment-api', () => {
    const wrong = ['  tls:', '    - hosts:', '        - payments.example.com', '      secretName: payment-api-tls'];
    const text = appRouting(GOOD_URI, wrong);
    assert.deepEqual(check(appRoutingTlsSecretName, text), [
      '24:19-24:34 approuting/tls-secret-name warning With kubernetes.azure.com/tls-cert-keyvault-uri, the add-on syncs the certificate into the Secret "keyvault-payment-api" (keyvault- + Ingress name); "payment-api-tls" is never created, so NGINX has no certificate for these hosts. Set secretName: keyvault-payment-api.',
    ]);
    const fixed = applyRuleFix(appRoutingTlsSecretName, text);
    assert.equal(fixed, appRouting(GOOD_URI, TLS));
    assert.deepEqual(check(appRoutingTlsSecretName, fixed), []);
  });

  test('a quoted secretName keeps its quotes', () => {
    const text = appRouting(GOOD_URI, ['  tls:', '    - hosts:', '        - payments.example.com', "      secretName: 'tls'"]);
    assert.equal(applyRuleFix(appRoutingTlsSecretName, text), appRouting(GOOD_URI, ['  tls:', '    - hosts:', '        - payments.example.com', "      secretName: 'keyvault-payment-api'"]));
  });

  test('a TLS entry without secretName: warning on the entry, fixed by adding secretName', () => {
    const text = appRouting(GOOD_URI, ['  tls:', '    - hosts:', '        - payments.example.com']);
    assert.deepEqual(check(appRoutingTlsSecretName, text), [
      '22:7-22:12 approuting/tls-secret-name warning This TLS entry has no secretName; with kubernetes.azure.com/tls-cert-keyvault-uri the certificate is synced into the Secret "keyvault-payment-api". Add secretName: keyvault-payment-api.',
    ]);
    assert.equal(applyRuleFix(appRoutingTlsSecretName, text), appRouting(GOOD_URI, TLS));
  });

  test('without the Key Vault annotation any secretName is fine', () => {
    const text = appRouting(GOOD_URI, ['  tls:', '    - hosts:', '        - payments.example.com', '      secretName: payment-api-tls']).replace(URI_LINE + GOOD_URI, '    nginx.ingress.kubernetes.io/ssl-redirect: "true"');
    assert.deepEqual(check(appRoutingTlsSecretName, text), []);
  });
});

describe('approuting/tls-missing', () => {
  test('no spec.tls: warning on the annotation key; the fix adds a tls block with the rule hosts', () => {
    const text = appRouting(GOOD_URI, []);
    assert.deepEqual(check(appRoutingTlsMissing, text), [
      '7:5-7:47 approuting/tls-missing warning kubernetes.azure.com/tls-cert-keyvault-uri is set but the Ingress has no spec.tls: the certificate is synced into the Secret "keyvault-payment-api", yet NGINX serves it only for hosts listed in spec.tls with that secretName. Add a tls entry for payments.example.com.',
    ]);
    const fixed = applyRuleFix(appRoutingTlsMissing, text);
    assert.equal(fixed, appRouting(GOOD_URI, TLS));
    assert.deepEqual(check(appRoutingTlsMissing, fixed), []);
    assert.deepEqual(check(appRoutingTlsSecretName, fixed), []);
  });

  test('the added block follows compact sequences, several hosts and a file without a final newline', () => {
    const text = [
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: web',
      '  annotations:',
      '    kubernetes.azure.com/tls-cert-keyvault-uri: https://kv-aks-prod.vault.azure.net/certificates/web',
      'spec:',
      '  ingressClassName: webapprouting.kubernetes.azure.com',
      '  rules:',
      '  - host: a.example.com',
      '  - host: b.example.com',
    ].join('\n');
    assert.equal(
      applyRuleFix(appRoutingTlsMissing, text),
      [
        ...text.split('\n'),
        '  tls:',
        '  - hosts:',
        '    - a.example.com',
        '    - b.example.com',
        '    secretName: keyvault-web',
      ].join('\n'),
    );
  });

  test('with spec.tls, or without the annotation: nothing', () => {
    assert.deepEqual(check(appRoutingTlsMissing, appRouting(GOOD_URI, TLS)), []);
    assert.deepEqual(check(appRoutingTlsMissing, appRouting(GOOD_URI, []).replace(URI_LINE + GOOD_URI, '    nginx.ingress.kubernetes.io/ssl-redirect: "true"')), []);
  });
});
