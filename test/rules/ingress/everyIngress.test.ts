import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ingressBackendService } from '../../../server/src/core/rules/ingress/backendService';
import { ingressHostSyntax } from '../../../server/src/core/rules/ingress/hostSyntax';
import { ingressPathSyntax } from '../../../server/src/core/rules/ingress/pathSyntax';
import { ingressPathType } from '../../../server/src/core/rules/ingress/pathType';
import { ingressTlsHostNotCovered } from '../../../server/src/core/rules/ingress/tlsHostNotCovered';
import { applyRuleFix, check, fixTitles } from './support';

/** One path item, 10-space indented, with a backend to `service` and the given port line. */
function pathItem(path: string | null, pathType: string | null, service = 'shop', port = 'number: 80'): string[] {
  return [
    ...(path === null ? [] : [`          - path: ${path}`]),
    ...(pathType === null ? [] : [`          ${path === null ? '-' : ' '} pathType: ${pathType}`]),
    '            backend:',
    '              service:',
    `                name: ${service}`,
    '                port:',
    `                  ${port}`,
  ];
}

/** An Ingress `shop` in namespace `web` with one rule for `host`, the given path items and extra spec lines. */
function shop(host: string, paths: string[][], extra: string[] = []): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: shop',
    '  namespace: web',
    'spec:',
    '  ingressClassName: webapprouting.kubernetes.azure.com',
    '  rules:',
    `    - host: ${host}`,
    '      http:',
    '        paths:',
    ...paths.flat(),
    ...extra,
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
    '',
  ].join('\n'),
};

describe('ingress/backend-service', () => {
  test('Service absent from the workspace: information on the name', () => {
    assert.deepEqual(check(ingressBackendService, shop('shop.example.com', [pathItem('/', 'Prefix', 'cart')])), [
      '16:23-16:27 ingress/backend-service information No Service "cart" in namespace "web" in the workspace. If it is not defined elsewhere, the controller has no backend for these paths.',
    ]);
  });

  test('Service present without the port number or name: warning on the port', () => {
    const text = shop('shop.example.com', [pathItem('/', 'Prefix', 'shop', 'number: 8443'), pathItem('/metrics', 'Prefix', 'shop', 'name: metrics')]);
    assert.deepEqual(check(ingressBackendService, text, SERVICE), [
      '18:27-18:31 ingress/backend-service warning Service shop has no port 8443 (its ports: 443 (https)). 8443 is the targetPort of port 443; an Ingress names the Service port.',
      '25:25-25:32 ingress/backend-service warning Service shop has no port named "metrics" (its ports: 443 (https)).',
    ]);
  });

  test('a Service of the same name in another namespace does not count', () => {
    const other = { 'file:///test/service.yaml': SERVICE['file:///test/service.yaml'].replace('namespace: web', 'namespace: shop') };
    assert.deepEqual(check(ingressBackendService, shop('shop.example.com', [pathItem('/', 'Prefix', 'shop', 'number: 443')]), other), [
      '16:23-16:27 ingress/backend-service information No Service "shop" in namespace "web" in the workspace. If it is not defined elsewhere, the controller has no backend for these paths.',
    ]);
  });

  test('matching port number or name, also for spec.defaultBackend: nothing', () => {
    const text = shop('shop.example.com', [pathItem('/', 'Prefix', 'shop', 'number: 443'), pathItem('/x', 'Prefix', 'shop', 'name: https')], [
      '  defaultBackend:',
      '    service:',
      '      name: shop',
      '      port:',
      '        name: https',
    ]);
    assert.deepEqual(check(ingressBackendService, text, SERVICE), []);
  });
});

describe('ingress/path-type', () => {
  test('missing pathType: error on the path item; fixes add Prefix (preferred) or ImplementationSpecific after the path', () => {
    const text = shop('shop.example.com', [pathItem('/api', null)]);
    assert.deepEqual(check(ingressPathType, text), [
      '12:13-12:17 ingress/path-type error pathType is required (Prefix, Exact or ImplementationSpecific): the API server rejects this Ingress.',
    ]);
    assert.deepEqual(fixTitles(ingressPathType, text), ['Add pathType: Prefix', 'Add pathType: ImplementationSpecific']);
    const fixed = applyRuleFix(ingressPathType, text);
    assert.equal(fixed, shop('shop.example.com', [pathItem('/api', 'Prefix')]));
    assert.deepEqual(check(ingressPathType, fixed), []);
    assert.equal(applyRuleFix(ingressPathType, text, { fix: 1 }), shop('shop.example.com', [pathItem('/api', 'ImplementationSpecific')]));
  });

  test('wrong case: error with did-you-mean and a fix', () => {
    const text = shop('shop.example.com', [pathItem('/api', 'prefix')]);
    assert.deepEqual(check(ingressPathType, text), [
      '13:23-13:29 ingress/path-type error pathType "prefix" is not supported: use Prefix, Exact or ImplementationSpecific (case-sensitive); did you mean Prefix? The API server rejects this Ingress.',
    ]);
    assert.equal(applyRuleFix(ingressPathType, text), shop('shop.example.com', [pathItem('/api', 'Prefix')]));
  });

  test('an unrelated value: error without a fix', () => {
    assert.deepEqual(check(ingressPathType, shop('shop.example.com', [pathItem('/api', 'Regex')])), [
      '13:23-13:28 ingress/path-type error pathType "Regex" is not supported: use Prefix, Exact or ImplementationSpecific (case-sensitive). The API server rejects this Ingress.',
    ]);
  });

  test('the three values are fine; extensions/v1beta1 defaulted pathType', () => {
    const text = shop('shop.example.com', [pathItem('/a', 'Prefix'), pathItem('/b', 'Exact'), pathItem('/c', 'ImplementationSpecific')]);
    assert.deepEqual(check(ingressPathType, text), []);
    assert.deepEqual(check(ingressPathType, shop('shop.example.com', [pathItem('/api', null)]).replace('networking.k8s.io/v1', 'extensions/v1beta1')), []);
  });
});

describe('ingress/path-syntax', () => {
  test('relative and non-normalised paths: error on the offending characters; "/" is prepended by the fix', () => {
    const text = shop('shop.example.com', [pathItem('api', 'Prefix'), pathItem('/a//b', 'Exact'), pathItem('/x/..', 'Prefix'), pathItem('v1', 'ImplementationSpecific')]);
    assert.deepEqual(check(ingressPathSyntax, text), [
      '12:19-12:20 ingress/path-syntax error The path must be absolute (start with "/"); the API server rejects this Ingress.',
      '19:21-19:23 ingress/path-syntax error An Exact path must not contain "//"; the API server rejects this Ingress.',
      '26:21-26:24 ingress/path-syntax error A Prefix path cannot end with "/.."; the API server rejects this Ingress.',
      '33:19-33:20 ingress/path-syntax error The path must be absolute (start with "/"); the API server rejects this Ingress.',
    ]);
    const fixed = applyRuleFix(ingressPathSyntax, text);
    assert.equal(fixed, shop('shop.example.com', [pathItem('/api', 'Prefix'), pathItem('/a//b', 'Exact'), pathItem('/x/..', 'Prefix'), pathItem('v1', 'ImplementationSpecific')]));
  });

  test('a Prefix path item without path: error on pathType', () => {
    assert.deepEqual(check(ingressPathSyntax, shop('shop.example.com', [pathItem(null, 'Prefix')])), [
      '12:13-12:21 ingress/path-syntax error A Prefix path is required and must start with "/"; the API server rejects this Ingress.',
    ]);
  });

  test('regex paths with ImplementationSpecific and an empty ImplementationSpecific path are accepted', () => {
    assert.deepEqual(check(ingressPathSyntax, shop('shop.example.com', [pathItem('/api(/|$)(.*)', 'ImplementationSpecific'), pathItem(null, 'ImplementationSpecific')])), []);
  });
});

describe('ingress/host-syntax', () => {
  test('wildcard forms, IPs, ports and uppercase: error on the offending part', () => {
    const text = shop('foo.*.com', [pathItem('/', 'Prefix')], ['    - host: 10.0.0.1', '    - host: shop.example.com:443', '    - host: Shop.example.com', '    - host: "*shop.example.com"']);
    assert.deepEqual(check(ingressHostSyntax, text), [
      '9:17-9:18 ingress/host-syntax error Invalid rule host: A wildcard must be the whole first label, as in "*.example.com"; "*foo.com", "foo.*.com" and "*" are invalid. The API server rejects this Ingress.',
      '19:13-19:21 ingress/host-syntax error Invalid rule host: "10.0.0.1" is an IP address; an Ingress host must be a DNS name. Leave host out to match any address. The API server rejects this Ingress.',
      '20:29-20:33 ingress/host-syntax error Invalid rule host: An Ingress host must not include a port; the controller listens on 80/443. The API server rejects this Ingress.',
      '21:13-21:14 ingress/host-syntax error Invalid rule host: Host names must be lowercase: write "s". The API server rejects this Ingress.',
      '22:14-22:15 ingress/host-syntax error Invalid rule host: A wildcard must be the whole first label, as in "*.example.com"; "*foo.com", "foo.*.com" and "*" are invalid. The API server rejects this Ingress.',
    ]);
  });

  test('TLS hosts are checked too', () => {
    const text = shop('shop.example.com', [pathItem('/', 'Prefix')], ['  tls:', '    - hosts:', '        - shop_example.com', '      secretName: tls']);
    assert.deepEqual(check(ingressHostSyntax, text), [
      '21:15-21:16 ingress/host-syntax error Invalid TLS host: "_" is not allowed in a host name; use lowercase letters, digits, "-" and ".". The API server rejects this Ingress.',
    ]);
  });

  test('valid names, a leading wildcard and an empty host: nothing', () => {
    const text = shop('"*.example.com"', [pathItem('/', 'Prefix')], ['    - host: ""', '    - host: a-b.example.com']);
    assert.deepEqual(check(ingressHostSyntax, text), []);
  });
});

describe('ingress/tls-host-not-covered', () => {
  const tls = (hosts: string[]) => ['  tls:', '    - hosts:', ...hosts.map((h) => `        - ${h}`), '      secretName: tls'];

  test('a rule host no TLS entry lists: warning on the host', () => {
    const text = shop('shop.example.com', [pathItem('/', 'Prefix')], ['    - host: a.b.example.com', ...tls(['"*.example.com"', 'www.example.org'])]);
    assert.deepEqual(check(ingressTlsHostNotCovered, text), [
      '19:13-19:28 ingress/tls-host-not-covered warning "a.b.example.com" is not in spec.tls[].hosts (*.example.com, www.example.org): HTTPS requests for it do not get this Ingress\'s certificate. Add it to a TLS entry.',
    ]);
  });

  test('covered hosts, TLS entries without hosts, no spec.tls, invalid hosts: nothing', () => {
    assert.deepEqual(check(ingressTlsHostNotCovered, shop('shop.example.com', [pathItem('/', 'Prefix')], tls(['"*.example.com"']))), []);
    assert.deepEqual(check(ingressTlsHostNotCovered, shop('shop.example.com', [pathItem('/', 'Prefix')], ['  tls:', '    - secretName: tls'])), []);
    assert.deepEqual(check(ingressTlsHostNotCovered, shop('shop.example.com', [pathItem('/', 'Prefix')])), []);
    assert.deepEqual(check(ingressTlsHostNotCovered, shop('shop.example.com:443', [pathItem('/', 'Prefix')], tls(['other.example.com']))), []);
  });
});
