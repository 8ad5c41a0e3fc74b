import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { ingressCompletions } from '../../../server/src/features/ingress/completion';
import { rangeText } from '../../support/text';
import { atCursor } from './support';

/** Completion items at the `$0`, with each edit's range as `L:C-L:C`. */
function complete(textWithCursor: string, extraFiles: Record<string, string> = {}): { items: CompletionItem[]; ranges: string[] } {
  const { file, offset, view, text } = atCursor(textWithCursor, extraFiles);
  const items = ingressCompletions(file, offset, view);
  const ranges = items.map((i) => {
    const edit = i.textEdit as TextEdit;
    return rangeText(text, file.lines.offsetAt(edit.range.start), file.lines.offsetAt(edit.range.end));
  });
  return { items, ranges };
}

function withAnnotations(lines: string[], className: string): string {
  return ['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: shop', '  namespace: web', '  annotations:', ...lines, 'spec:', `  ingressClassName: ${className}`, ''].join('\n');
}

const WORKSPACE = {
  'file:///test/objects.yaml': [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: shop',
    '  namespace: web',
    'spec:',
    '  ports:',
    '    - name: https',
    '      port: 443',
    '      targetPort: 8443',
    '    - port: 8080',
    '      targetPort: 80',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: elsewhere',
    '  namespace: other',
    'spec:',
    '  ports:',
    '    - port: 80',
    '---',
    'apiVersion: networking.k8s.io/v1',
    'kind: IngressClass',
    'metadata:',
    '  name: traefik',
    'spec:',
    '  controller: traefik.io/ingress-controller',
    '---',
    'apiVersion: approuting.kubernetes.azure.com/v1alpha1',
    'kind: NginxIngressController',
    'metadata:',
    '  name: internal',
    'spec:',
    '  ingressClassName: nginx-internal',
    '',
  ].join('\n'),
};

describe('annotation key completion', () => {
  test('an AGIC Ingress gets the AGIC keys not yet written, with docs, replacing what is typed', () => {
    const { items, ranges } = complete(withAnnotations(['    appgw.ingress.kubernetes.io/ssl-redirect: "true"', '    appgw$0'], 'azure-application-gateway'));
    const labels = items.map((i) => i.label);
    assert.equal(labels.length, 25);
    assert.ok(labels.every((l) => l.startsWith('appgw.ingress.kubernetes.io/')));
    assert.ok(!labels.includes('appgw.ingress.kubernetes.io/ssl-redirect'), 'already written');
    assert.ok(labels.includes('appgw.ingress.kubernetes.io/health-probe-status-codes'));
    const priority = items.find((i) => i.label === 'appgw.ingress.kubernetes.io/rule-priority')!;
    assert.equal(priority.detail, 'AGIC: whole number from 1 to 20000');
    assert.match((priority.documentation as MarkupContent).value, /- \*\*Default:\*\* unset \(AGIC assigns priorities\)/);
    assert.equal((priority.textEdit as TextEdit).newText, 'appgw.ingress.kubernetes.io/rule-priority: ');
    assert.ok(ranges.every((r) => r === '8:5-8:10'));
  });

  test('an application routing Ingress gets the Key Vault annotation first, then the NGINX keys; no AGIC keys', () => {
    const { items, ranges } = complete(withAnnotations(['    $0'], 'webapprouting.kubernetes.azure.com'));
    assert.equal(items[0].label, 'kubernetes.azure.com/tls-cert-keyvault-uri');
    assert.ok(items.slice(1).every((i) => String(i.label).startsWith('nginx.ingress.kubernetes.io/')));
    assert.ok(items.some((i) => i.label === 'nginx.ingress.kubernetes.io/proxy-body-size'));
    assert.equal(ranges[0], '7:5-7:5');
  });

  test('an Ingress of another controller gets no controller keys', () => {
    assert.deepEqual(complete(withAnnotations(['    $0'], 'traefik'), WORKSPACE).items, []);
  });
});

describe('annotation value completion', () => {
  test('booleans are offered quoted, replacing the quoted value being typed', () => {
    const { items, ranges } = complete(withAnnotations(['    appgw.ingress.kubernetes.io/ssl-redirect: "t$0"'], 'azure-application-gateway'));
    assert.deepEqual(
      items.map((i) => [i.label, (i.textEdit as TextEdit).newText, i.detail]),
      [
        ['"true"', '"true"', undefined],
        ['"false"', '"false"', 'default'],
      ],
    );
    assert.deepEqual(ranges, ['7:47-7:50', '7:47-7:50']);
  });

  test('enum values after an empty value', () => {
    const { items, ranges } = complete(withAnnotations(['    nginx.ingress.kubernetes.io/proxy-buffering: $0'], 'webapprouting.kubernetes.azure.com'));
    assert.deepEqual(items.map((i) => i.label), ['"on"', '"off"']);
    assert.deepEqual(ranges, ['7:50-7:50', '7:50-7:50']);
  });

  test('free-text annotations have no value completion', () => {
    assert.deepEqual(complete(withAnnotations(['    appgw.ingress.kubernetes.io/backend-hostname: $0'], 'azure-application-gateway')).items, []);
  });
});

describe('class, Service and port completion', () => {
  const ingress = (className: string, name: string, port: string) =>
    [
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: shop',
      '  namespace: web',
      'spec:',
      `  ingressClassName: ${className}`,
      '  rules:',
      '    - host: shop.example.com',
      '      http:',
      '        paths:',
      '          - path: /',
      '            pathType: Prefix',
      '            backend:',
      '              service:',
      `                name: ${name}`,
      '                port:',
      `                  ${port}`,
      '',
    ].join('\n');

  test('class names: the Azure controllers, then NginxIngressController and IngressClass objects of the workspace', () => {
    const { items, ranges } = complete(ingress('$0', 'shop', 'number: 443'), WORKSPACE);
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['webapprouting.kubernetes.azure.com', 'the application routing add-on (managed NGINX)'],
        ['azure-application-gateway', 'the Application Gateway Ingress Controller (AGIC)'],
        ['azure-alb-external', 'Application Gateway for Containers'],
        ['nginx-internal', 'application routing NginxIngressController internal'],
        ['traefik', 'IngressClass (controller traefik.io/ingress-controller)'],
      ],
    );
    assert.equal(ranges[0], '7:21-7:21');
  });

  test('Service names of the Ingress namespace only', () => {
    const { items, ranges } = complete(ingress('webapprouting.kubernetes.azure.com', 'sh$0', 'number: 443'), WORKSPACE);
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [['shop', 'Service web/shop: ports 443 (https), 8080']]);
    assert.deepEqual(ranges, ['16:23-16:25']);
  });

  test('port numbers and port names of the Service the backend names', () => {
    const numbers = complete(ingress('webapprouting.kubernetes.azure.com', 'shop', 'number: $0'), WORKSPACE);
    assert.deepEqual(
      numbers.items.map((i) => [i.label, i.detail]),
      [
        ['443', 'shop: port 443 (https) → targetPort 8443, TCP'],
        ['8080', 'shop: port 8080 → targetPort 80, TCP'],
      ],
    );
    assert.deepEqual(numbers.ranges, ['18:27-18:27', '18:27-18:27']);
    const names = complete(ingress('webapprouting.kubernetes.azure.com', 'shop', 'name: $0'), WORKSPACE);
    assert.deepEqual(names.items.map((i) => i.label), ['https']);
  });

  test('pathType values', () => {
    const text = ingress('webapprouting.kubernetes.azure.com', 'shop', 'number: 443').replace('pathType: Prefix', 'pathType: $0');
    assert.deepEqual(complete(text).items.map((i) => i.label), ['Exact', 'Prefix', 'ImplementationSpecific']);
  });

  test('outside an Ingress: nothing', () => {
    const service = WORKSPACE['file:///test/objects.yaml'].replace('  name: shop', '  name: $0');
    assert.deepEqual(complete(service).items, []);
  });
});
