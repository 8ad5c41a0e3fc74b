import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appRoutingNginxBlockedWord } from '../../../server/src/core/rules/ingress/nginxBlockedWord';
import { appRoutingNginxInvalidValue } from '../../../server/src/core/rules/ingress/nginxInvalidValue';
import { appRoutingNginxRetirement } from '../../../server/src/core/rules/ingress/nginxRetirement';
import { appRoutingNginxUnknownAnnotation } from '../../../server/src/core/rules/ingress/nginxUnknownAnnotation';
import { checkText } from '../../support/ruleHarness';
import { applyRuleFix, check } from './support';

/** An Ingress `web` with annotation lines and a class. */
function web(annotations: string[], className = 'webapprouting.kubernetes.azure.com'): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: web',
    ...(annotations.length ? ['  annotations:', ...annotations] : []),
    'spec:',
    `  ingressClassName: ${className}`,
    '  defaultBackend:',
    '    service:',
    '      name: web',
    '      port:',
    '        number: 80',
    '',
  ].join('\n');
}

const RETIREMENT =
  'Application routing serves this Ingress with ingress-nginx, whose upstream maintenance ends in March 2026; AKS patches it for critical security issues only through November 2026. Plan the move to the Gateway API (application routing Gateway API, Application Gateway for Containers or Istio). Silence with "aksNetlens.rules": {"approuting/nginx-retirement": "off"}.';

describe('approuting/nginx-retirement', () => {
  test('one information per application routing Ingress, on ingressClassName', () => {
    assert.deepEqual(check(appRoutingNginxRetirement, web([])), [`6:21-6:55 approuting/nginx-retirement information ${RETIREMENT}`]);
  });

  test('an NginxIngressController class counts as application routing', () => {
    const nic = {
      'file:///test/nic.yaml': 'apiVersion: approuting.kubernetes.azure.com/v1alpha1\nkind: NginxIngressController\nmetadata:\n  name: internal\nspec:\n  ingressClassName: nginx-internal\n',
    };
    assert.deepEqual(check(appRoutingNginxRetirement, web([], 'nginx-internal'), nic), [`6:21-6:35 approuting/nginx-retirement information ${RETIREMENT}`]);
  });

  test('AGIC and unknown classes: nothing', () => {
    assert.deepEqual(check(appRoutingNginxRetirement, web([], 'azure-application-gateway')), []);
    assert.deepEqual(check(appRoutingNginxRetirement, web([], 'nginx')), []);
  });

  test('the docs say how to silence it, and the setting does', () => {
    assert.match(appRoutingNginxRetirement.docs, /"aksNetlens\.rules": \{ "approuting\/nginx-retirement": "off" \}/);
    assert.match(appRoutingNginxRetirement.docs, /Gateway API/);
    assert.deepEqual(checkText(web([]), { rules: [appRoutingNginxRetirement], settings: { rules: { 'approuting/nginx-retirement': 'off' } } }), []);
  });
});

describe('approuting/nginx-unknown-annotation', () => {
  test('a typo: warning with did-you-mean, fixed by renaming', () => {
    const text = web(['    nginx.ingress.kubernetes.io/proxy-body-sise: "8m"']);
    assert.deepEqual(check(appRoutingNginxUnknownAnnotation, text), [
      '6:5-6:48 approuting/nginx-unknown-annotation warning ingress-nginx does not read nginx.ingress.kubernetes.io/proxy-body-sise; did you mean nginx.ingress.kubernetes.io/proxy-body-size? The annotation is ignored.',
    ]);
    const fixed = applyRuleFix(appRoutingNginxUnknownAnnotation, text);
    assert.equal(fixed, web(['    nginx.ingress.kubernetes.io/proxy-body-size: "8m"']));
    assert.deepEqual(check(appRoutingNginxUnknownAnnotation, fixed), []);
  });

  test('a key with no close match: warning without a fix', () => {
    assert.deepEqual(check(appRoutingNginxUnknownAnnotation, web(['    nginx.ingress.kubernetes.io/foo-bar-baz: "1"'])), [
      '6:5-6:44 approuting/nginx-unknown-annotation warning ingress-nginx does not read nginx.ingress.kubernetes.io/foo-bar-baz. The annotation is ignored.',
    ]);
  });

  test('documented keys the typed catalogue does not describe are not "corrected"', () => {
    const text = web(['    nginx.ingress.kubernetes.io/auth-tls-verify-depth: "2"', '    nginx.ingress.kubernetes.io/proxy-max-temp-file-size: "1024m"']);
    assert.deepEqual(check(appRoutingNginxUnknownAnnotation, text), []);
  });
});

describe('approuting/nginx-invalid-value', () => {
  test('a timeout with a unit and an enum typo: warning on the value', () => {
    const text = web(['    nginx.ingress.kubernetes.io/proxy-read-timeout: "60s"', '    nginx.ingress.kubernetes.io/proxy-buffering: "maybe"']);
    assert.deepEqual(check(appRoutingNginxInvalidValue, text), [
      '6:54-6:57 approuting/nginx-invalid-value warning proxy-read-timeout: Timeouts here are plain seconds without a unit: write "60". With a unit ingress-nginx ignores the value and keeps its default. Expected seconds, as a plain number, e.g. "60".',
      '7:51-7:56 approuting/nginx-invalid-value warning proxy-buffering: "maybe" is not allowed; use one of "on", "off". Expected one of "on", "off". ingress-nginx ignores the value and keeps the default: off.',
    ]);
  });

  test('valid values, and NGINX annotations on an AGIC Ingress (not ours to parse): nothing', () => {
    const ok = ['    nginx.ingress.kubernetes.io/proxy-read-timeout: "60"', '    nginx.ingress.kubernetes.io/proxy-body-size: "8m"', '    nginx.ingress.kubernetes.io/ssl-redirect: "false"'];
    assert.deepEqual(check(appRoutingNginxInvalidValue, web(ok)), []);
    assert.deepEqual(check(appRoutingNginxInvalidValue, web(['    nginx.ingress.kubernetes.io/proxy-read-timeout: "60s"'], 'azure-application-gateway')), []);
  });
});

describe('approuting/nginx-blocked-word', () => {
  test('blocked words in a literal snippet and in an ordinary value: error on the word itself', () => {
    const text = web([
      '    nginx.ingress.kubernetes.io/app-root: "/rootapp"',
      '    nginx.ingress.kubernetes.io/configuration-snippet: |',
      '      more_set_headers "X-Frame-Options: DENY";',
      '      proxy_pass http://other;',
    ]);
    assert.deepEqual(check(appRoutingNginxBlockedWord, text), [
      '6:45-6:49 approuting/nginx-blocked-word error "root" is on the application routing add-on\'s annotation word blocklist: ingress-nginx skips this whole Ingress ("nginx.ingress.kubernetes.io/app-root annotation contains invalid word root"), so none of its hosts are served.',
      '9:7-9:17 approuting/nginx-blocked-word error "proxy_pass" is on the application routing add-on\'s annotation word blocklist: ingress-nginx skips this whole Ingress ("nginx.ingress.kubernetes.io/configuration-snippet annotation contains invalid word proxy_pass"), so none of its hosts are served.',
    ]);
  });

  test('snippets without blocked words: nothing', () => {
    const text = web(['    nginx.ingress.kubernetes.io/configuration-snippet: |', '      more_set_headers "X-Frame-Options: DENY";']);
    assert.deepEqual(check(appRoutingNginxBlockedWord, text), []);
  });
});
