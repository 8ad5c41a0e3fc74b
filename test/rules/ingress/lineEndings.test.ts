/** Fixes and ranges in files with Windows line endings: inserted lines use the file's `\r\n`. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ingressLegacyClassAnnotation } from '../../../server/src/core/rules/ingress/legacyClassAnnotation';
import { appRoutingNginxBlockedWord } from '../../../server/src/core/rules/ingress/nginxBlockedWord';
import { appRoutingTlsMissing } from '../../../server/src/core/rules/ingress/tlsMissing';
import { applyRuleFix, check } from './support';

const crlf = (lines: string[]) => lines.join('\r\n');

describe('CRLF files', () => {
  test('the legacy class fix removes the annotation lines and inserts ingressClassName with \\r\\n', () => {
    const text = crlf(['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: shop', '  annotations:', '    kubernetes.io/ingress.class: azure/application-gateway', 'spec:', '  rules:', '    - host: shop.example.com', '']);
    assert.equal(applyRuleFix(ingressLegacyClassAnnotation, text), crlf(['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: shop', 'spec:', '  ingressClassName: azure-application-gateway', '  rules:', '    - host: shop.example.com', '']));
  });

  test('the tls block is added with \\r\\n', () => {
    const text = crlf([
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: web',
      '  annotations:',
      '    kubernetes.azure.com/tls-cert-keyvault-uri: https://kv-aks-prod.vault.azure.net/certificates/web',
      'spec:',
      '  ingressClassName: webapprouting.kubernetes.azure.com',
      '  rules:',
      '    - host: a.example.com',
      '',
    ]);
    assert.equal(
      applyRuleFix(appRoutingTlsMissing, text),
      crlf([...text.split('\r\n').slice(0, -1), '  tls:', '    - hosts:', '        - a.example.com', '      secretName: keyvault-web', '']),
    );
  });

  test('a blocked word inside a literal block is located on its own line', () => {
    const text = crlf([
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: web',
      '  annotations:',
      '    nginx.ingress.kubernetes.io/server-snippet: |',
      '      gzip on;',
      '      location /x { return 404; }',
      'spec:',
      '  ingressClassName: webapprouting.kubernetes.azure.com',
      '',
    ]);
    assert.deepEqual(check(appRoutingNginxBlockedWord, text), [
      '8:7-8:15 approuting/nginx-blocked-word error "location" is on the application routing add-on\'s annotation word blocklist: ingress-nginx skips this whole Ingress ("nginx.ingress.kubernetes.io/server-snippet annotation contains invalid word location"), so none of its hosts are served.',
    ]);
  });
});
