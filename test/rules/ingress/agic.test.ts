import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agicBackendProtocolPort } from '../../../server/src/core/rules/ingress/agicBackendProtocolPort';
import { agicInvalidValue } from '../../../server/src/core/rules/ingress/agicInvalidValue';
import { agicPathPattern } from '../../../server/src/core/rules/ingress/agicPathPattern';
import { agicSslCertificateIgnored } from '../../../server/src/core/rules/ingress/agicSslCertificateIgnored';
import { agicUnknownAnnotation } from '../../../server/src/core/rules/ingress/agicUnknownAnnotation';
import { ingressAnnotationNotString } from '../../../server/src/core/rules/ingress/annotationNotString';
import { applyRuleFix, check } from './support';

const CLASS = 'azure-application-gateway';

/** An AGIC Ingress: annotation lines, then paths as [path, pathType, port line] and optional extra spec lines. */
function agic(annotations: string[], options: { className?: string; paths?: [string, string, string][]; extra?: string[] } = {}): string {
  const paths = options.paths ?? [['/', 'Prefix', 'number: 80']];
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: shop',
    '  namespace: web',
    '  annotations:',
    ...annotations,
    'spec:',
    `  ingressClassName: ${options.className ?? CLASS}`,
    '  rules:',
    '    - host: shop.example.com',
    '      http:',
    '        paths:',
    ...paths.flatMap(([path, type, port]) => [
      `          - path: ${path}`,
      `            pathType: ${type}`,
      '            backend:',
      '              service:',
      '                name: shop',
      '                port:',
      `                  ${port}`,
    ]),
    ...(options.extra ?? []),
    '',
  ].join('\n');
}

const SERVICE = {
  'file:///test/service.yaml': [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: shop',
    '  namespace: web',
    'spec:',
    '  selector:',
    '    app: shop',
    '  ports:',
    '    - name: https',
    '      port: 443',
    '      targetPort: 8443',
    '    - name: web',
    '      port: 8080',
    '      targetPort: 80',
    '',
  ].join('\n'),
};

describe('ingress/annotation-not-string', () => {
  const text = agic(['    appgw.ingress.kubernetes.io/rule-priority: 10', '    appgw.ingress.kubernetes.io/ssl-redirect: yes', '    appgw.ingress.kubernetes.io/request-timeout: "60"']);

  test('unquoted numbers and YAML 1.1 booleans: error on the value', () => {
    assert.deepEqual(check(ingressAnnotationNotString, text), [
      '7:48-7:50 ingress/annotation-not-string error 10 is a YAML number, but annotation values must be strings: the API server rejects this Ingress. Quote it: "10".',
      '8:47-8:50 ingress/annotation-not-string error yes is a YAML boolean (kubectl reads YAML 1.1, where yes is a boolean), but annotation values must be strings: the API server rejects this Ingress. Quote it: "yes".',
    ]);
  });

  test('the fix quotes the value as written', () => {
    const fixed = applyRuleFix(ingressAnnotationNotString, text);
    assert.equal(fixed, agic(['    appgw.ingress.kubernetes.io/rule-priority: "10"', '    appgw.ingress.kubernetes.io/ssl-redirect: yes', '    appgw.ingress.kubernetes.io/request-timeout: "60"']));
    const both = applyRuleFix(ingressAnnotationNotString, fixed);
    assert.equal(both, agic(['    appgw.ingress.kubernetes.io/rule-priority: "10"', '    appgw.ingress.kubernetes.io/ssl-redirect: "yes"', '    appgw.ingress.kubernetes.io/request-timeout: "60"']));
    assert.deepEqual(check(ingressAnnotationNotString, both), []);
  });

  test('a list value is an error without a fix; quoted values and plain strings are fine', () => {
    const list = agic(['    appgw.ingress.kubernetes.io/hostname-extension: [a.example.com]']);
    assert.deepEqual(check(ingressAnnotationNotString, list), [
      '7:53-7:68 ingress/annotation-not-string error The value of appgw.ingress.kubernetes.io/hostname-extension must be a string, not a list: the API server rejects this Ingress. Write it as one quoted string.',
    ]);
    assert.deepEqual(check(ingressAnnotationNotString, agic(['    appgw.ingress.kubernetes.io/ssl-redirect: "true"', '    appgw.ingress.kubernetes.io/backend-hostname: internal.example.com'])), []);
  });
});

describe('agic/unknown-annotation', () => {
  test('the MS Learn singular spelling: warning naming the plural, fixed by renaming the key', () => {
    const text = agic(['    appgw.ingress.kubernetes.io/health-probe-status-code: "200-399"']);
    assert.deepEqual(check(agicUnknownAnnotation, text), [
      '7:5-7:57 agic/unknown-annotation warning AGIC does not read appgw.ingress.kubernetes.io/health-probe-status-code; did you mean appgw.ingress.kubernetes.io/health-probe-status-codes? (MS Learn spells it this way, but the AGIC code reads only the other spelling) The annotation is ignored.',
    ]);
    const fixed = applyRuleFix(agicUnknownAnnotation, text);
    assert.equal(fixed, agic(['    appgw.ingress.kubernetes.io/health-probe-status-codes: "200-399"']));
    assert.deepEqual(check(agicUnknownAnnotation, fixed), []);
  });

  test('a typo keeps the key\'s quotes when renamed; a key with no close match has no fix', () => {
    const text = agic(['    "appgw.ingress.kubernetes.io/backend-protocl": "https"', '    appgw.ingress.kubernetes.io/foo: "bar"']);
    assert.deepEqual(check(agicUnknownAnnotation, text), [
      '7:5-7:50 agic/unknown-annotation warning AGIC does not read appgw.ingress.kubernetes.io/backend-protocl; did you mean appgw.ingress.kubernetes.io/backend-protocol? The annotation is ignored.',
      '8:5-8:36 agic/unknown-annotation warning AGIC does not read appgw.ingress.kubernetes.io/foo. The annotation is ignored.',
    ]);
    assert.equal(applyRuleFix(agicUnknownAnnotation, text), agic(['    "appgw.ingress.kubernetes.io/backend-protocol": "https"', '    appgw.ingress.kubernetes.io/foo: "bar"']));
  });

  test('known keys, and AGIC keys on an application routing Ingress (ingress/foreign-annotation covers those): nothing', () => {
    assert.deepEqual(check(agicUnknownAnnotation, agic(['    appgw.ingress.kubernetes.io/health-probe-status-codes: "200-399"'])), []);
    assert.deepEqual(check(agicUnknownAnnotation, agic(['    appgw.ingress.kubernetes.io/foo: "bar"'], { className: 'webapprouting.kubernetes.azure.com' })), []);
  });
});

describe('agic/invalid-value', () => {
  test('out-of-range and malformed values: warning on the offending part of the string', () => {
    const text = agic([
      '    appgw.ingress.kubernetes.io/override-frontend-port: "70000"',
      '    appgw.ingress.kubernetes.io/rule-priority: "0"',
      '    appgw.ingress.kubernetes.io/request-timeout: "30s"',
      '    appgw.ingress.kubernetes.io/backend-protocol: "tcp"',
      '    appgw.ingress.kubernetes.io/ssl-redirect: "enabled"',
      '    appgw.ingress.kubernetes.io/health-probe-status-codes: "200-399, 4o4"',
      '    appgw.ingress.kubernetes.io/waf-policy-for-path: "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/applicationGateways/agw"',
    ]);
    assert.deepEqual(check(agicInvalidValue, text), [
      '7:58-7:63 agic/invalid-value warning override-frontend-port: 70000 is out of range: use 1 to 64999. Expected whole number from 1 to 64999. AGIC ignores the value and keeps the default: 80 for HTTP, 443 for HTTPS.',
      '8:49-8:50 agic/invalid-value warning rule-priority: 0 is out of range: use 1 to 20000. Expected whole number from 1 to 20000. AGIC ignores the value and keeps the default: unset (AGIC assigns priorities).',
      '9:51-9:54 agic/invalid-value warning request-timeout: Write a whole number without a unit (it is in seconds): "30". Expected whole number (seconds). AGIC ignores the value and keeps the default: 30.',
      '10:52-10:55 agic/invalid-value warning backend-protocol: "tcp" is not allowed; use one of "http", "https". Expected one of "http", "https" (any case). AGIC ignores the value and keeps the default: http.',
      '11:48-11:55 agic/invalid-value warning ssl-redirect: "enabled" is not a boolean; write "true" or "false". Expected boolean: "true" or "false". AGIC ignores the value and keeps the default: false.',
      '12:70-12:73 agic/invalid-value warning health-probe-status-codes: "4o4" is not a status code; write codes like "200", "200-399". Expected HTTP status codes and ranges, e.g. "200-399, 401". AGIC ignores the value and keeps the default: 200-399 (MS Learn).',
      '13:103-13:140 agic/invalid-value warning waf-policy-for-path: This is the ID of a Microsoft.Network/applicationGateways; expected a Microsoft.Network/applicationGatewayWebApplicationFirewallPolicies. Expected Azure resource ID of a Microsoft.Network/applicationGatewayWebApplicationFirewallPolicies. AGIC ignores the value and keeps the default: unset.',
    ]);
  });

  test('"True" parses but is not the usual spelling: hint', () => {
    assert.deepEqual(check(agicInvalidValue, agic(['    appgw.ingress.kubernetes.io/connection-draining: "True"'])), [
      '7:55-7:59 agic/invalid-value hint connection-draining: "True" is accepted (Go strconv.ParseBool) and means true, but write "true" so every reader agrees.',
    ]);
  });

  test('valid values (the clean example\'s) give nothing', () => {
    const text = agic([
      '    appgw.ingress.kubernetes.io/ssl-redirect: "true"',
      '    appgw.ingress.kubernetes.io/rule-priority: "20000"',
      '    appgw.ingress.kubernetes.io/backend-protocol: "HTTPS"',
      '    appgw.ingress.kubernetes.io/health-probe-status-codes: "200-399, 401"',
      '    appgw.ingress.kubernetes.io/waf-policy-for-path: "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/applicationGatewayWebApplicationFirewallPolicies/waf"',
    ]);
    assert.deepEqual(check(agicInvalidValue, text), []);
  });
});

describe('agic/ssl-certificate-ignored', () => {
  const tls = ['  tls:', '    - hosts:', '        - shop.example.com', '      secretName: shop-tls'];

  test('appgw-ssl-certificate with spec.tls: warning on the annotation key', () => {
    assert.deepEqual(check(agicSslCertificateIgnored, agic(['    appgw.ingress.kubernetes.io/appgw-ssl-certificate: "shop-cert"'], { extra: tls })), [
      '7:5-7:54 agic/ssl-certificate-ignored warning AGIC ignores appgw-ssl-certificate because spec.tls is set: the listener uses the TLS Secret from spec.tls instead of the gateway certificate "shop-cert". Remove one of them.',
    ]);
  });

  test('either one alone: nothing', () => {
    assert.deepEqual(check(agicSslCertificateIgnored, agic(['    appgw.ingress.kubernetes.io/appgw-ssl-certificate: "shop-cert"'])), []);
    assert.deepEqual(check(agicSslCertificateIgnored, agic(['    appgw.ingress.kubernetes.io/ssl-redirect: "true"'], { extra: tls })), []);
  });
});

describe('agic/backend-protocol-port', () => {
  test('https toward Service port 80: warning on the port', () => {
    assert.deepEqual(check(agicBackendProtocolPort, agic(['    appgw.ingress.kubernetes.io/backend-protocol: "https"'])), [
      '20:27-20:29 agic/backend-protocol-port warning backend-protocol is "https", but the backend is Service port 80, which normally speaks HTTP: Application Gateway\'s requests and health probes would fail (502). Use "http" or a port that speaks HTTPS.',
    ]);
  });

  test('http toward a named port that is 443, and https toward a port whose targetPort is 80 (Service in the workspace)', () => {
    const http = agic(['    appgw.ingress.kubernetes.io/backend-protocol: "http"'], { paths: [['/', 'Prefix', 'name: https']] });
    assert.deepEqual(check(agicBackendProtocolPort, http, SERVICE), [
      '20:25-20:30 agic/backend-protocol-port warning backend-protocol is "http", but the backend is Service port 443, which normally speaks HTTPS: Application Gateway\'s requests and health probes would fail (502). Use "https" or a port that speaks HTTP.',
    ]);
    const https = agic(['    appgw.ingress.kubernetes.io/backend-protocol: "https"'], { paths: [['/', 'Prefix', 'number: 8080']] });
    assert.deepEqual(check(agicBackendProtocolPort, https, SERVICE), [
      '20:27-20:31 agic/backend-protocol-port warning backend-protocol is "https", but the backend is port 8080 of Service shop, whose targetPort is 80, which normally speaks HTTP: Application Gateway\'s requests and health probes would fail (502). Use "http" or a port that speaks HTTPS.',
    ]);
  });

  test('matching protocol and port, or no annotation: nothing', () => {
    assert.deepEqual(check(agicBackendProtocolPort, agic(['    appgw.ingress.kubernetes.io/backend-protocol: "https"'], { paths: [['/', 'Prefix', 'number: 443']] }), SERVICE), []);
    assert.deepEqual(check(agicBackendProtocolPort, agic(['    appgw.ingress.kubernetes.io/request-timeout: "60"'], { paths: [['/', 'Prefix', 'number: 443']] })), []);
  });
});

describe('agic/path-pattern', () => {
  test('regex paths, "*" inside a path and "*" with Exact: warning on the offending characters', () => {
    const text = agic(['    appgw.ingress.kubernetes.io/request-timeout: "60"'], {
      paths: [
        ['/api/(.*)', 'ImplementationSpecific', 'number: 80'],
        ['/static/*/x', 'ImplementationSpecific', 'number: 80'],
        ['/exact*', 'Exact', 'number: 80'],
        ['/v1/.*', 'ImplementationSpecific', 'number: 80'],
      ],
    });
    assert.deepEqual(check(agicPathPattern, text), [
      '14:24-14:25 agic/path-pattern warning AGIC has no regex paths: "(" is regular-expression syntax, but Application Gateway path patterns only allow a trailing "*", so this path cannot match as intended. Write a prefix, e.g. "/api/" with pathType Prefix.',
      '21:27-21:28 agic/path-pattern warning Application Gateway allows "*" only at the end of a path pattern; AGIC has no wildcards inside a path.',
      '28:25-28:26 agic/path-pattern warning With pathType Exact, AGIC strips the trailing "*", so this matches only the exact path. Use pathType Prefix (or ImplementationSpecific to keep the "*").',
      '35:23-35:25 agic/path-pattern warning AGIC has no regex paths: ".*" is a regular expression, but Application Gateway path patterns only allow a trailing "*", so this path cannot match as intended. Write a prefix, e.g. "/v1/" with pathType Prefix.',
    ]);
  });

  test('plain prefixes and a trailing "*" are fine; non-AGIC Ingresses are not checked', () => {
    const paths: [string, string, string][] = [
      ['/api', 'Prefix', 'number: 80'],
      ['/static/*', 'ImplementationSpecific', 'number: 80'],
      ['/file.txt', 'Exact', 'number: 80'],
    ];
    assert.deepEqual(check(agicPathPattern, agic(['    appgw.ingress.kubernetes.io/request-timeout: "60"'], { paths })), []);
    const nginx = agic(['    nginx.ingress.kubernetes.io/use-regex: "true"'], { className: 'webapprouting.kubernetes.azure.com', paths: [['/api/(.*)', 'ImplementationSpecific', 'number: 80']] });
    assert.deepEqual(check(agicPathPattern, nginx), []);
  });
});
