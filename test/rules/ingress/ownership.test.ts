import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ingressClassConflict } from '../../../server/src/core/rules/ingress/classConflict';
import { ingressForeignAnnotation } from '../../../server/src/core/rules/ingress/foreignAnnotation';
import { ingressLegacyClassAnnotation } from '../../../server/src/core/rules/ingress/legacyClassAnnotation';
import { ingressUnknownClass } from '../../../server/src/core/rules/ingress/unknownClass';
import { applyRuleFix, check, fixTitles } from './support';

/** An Ingress with the given metadata.annotations lines and spec lines (each already indented). */
function ingress(annotations: string[], spec: string[]): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: shop',
    '  namespace: web',
    ...(annotations.length ? ['  annotations:', ...annotations] : []),
    'spec:',
    ...spec,
    '  rules:',
    '    - host: shop.example.com',
    '      http:',
    '        paths:',
    '          - path: /',
    '            pathType: Prefix',
    '            backend:',
    '              service:',
    '                name: shop',
    '                port:',
    '                  number: 80',
    '',
  ].join('\n');
}

describe('ingress/class-conflict', () => {
  const text = ingress(
    ['    kubernetes.io/ingress.class: azure/application-gateway', '    appgw.ingress.kubernetes.io/ssl-redirect: "true"'],
    ['  ingressClassName: webapprouting.kubernetes.azure.com'],
  );

  test('annotation and class that differ: error on the annotation key, explaining AGIC reads the annotation', () => {
    assert.deepEqual(check(ingressClassConflict, text), [
      '7:5-7:32 ingress/class-conflict error kubernetes.io/ingress.class "azure/application-gateway" differs from spec.ingressClassName "webapprouting.kubernetes.azure.com": the API server rejects creating this Ingress. AGIC honours the annotation first, so it would claim this Ingress and ignore spec.ingressClassName "webapprouting.kubernetes.azure.com". Remove the annotation and keep spec.ingressClassName.',
    ]);
  });

  test('the fix removes the annotation line only', () => {
    const fixed = applyRuleFix(ingressClassConflict, text);
    assert.equal(fixed, ingress(['    appgw.ingress.kubernetes.io/ssl-redirect: "true"'], ['  ingressClassName: webapprouting.kubernetes.azure.com']));
    assert.deepEqual(check(ingressClassConflict, fixed), []);
  });

  test('the fix removes the whole annotations block when the class annotation is its only entry', () => {
    const only = ingress(['    kubernetes.io/ingress.class: nginx'], ['  ingressClassName: azure-application-gateway']);
    const fixed = applyRuleFix(ingressClassConflict, only);
    assert.equal(fixed, ingress([], ['  ingressClassName: azure-application-gateway']));
  });

  test('equal values or a single one: no error', () => {
    assert.deepEqual(check(ingressClassConflict, ingress(['    kubernetes.io/ingress.class: nginx'], ['  ingressClassName: nginx'])), []);
    assert.deepEqual(check(ingressClassConflict, ingress([], ['  ingressClassName: azure-application-gateway'])), []);
  });
});

describe('ingress/legacy-class-annotation', () => {
  test('AGIC annotation alone: hint, fixed into spec.ingressClassName azure-application-gateway', () => {
    const text = ingress(['    kubernetes.io/ingress.class: azure/application-gateway'], []);
    assert.deepEqual(check(ingressLegacyClassAnnotation, text), [
      '7:5-7:32 ingress/legacy-class-annotation hint kubernetes.io/ingress.class is deprecated: use spec.ingressClassName: azure-application-gateway. AGIC still honours the annotation; "azure-application-gateway" is the IngressClass its Helm chart creates for it.',
    ]);
    const fixed = applyRuleFix(ingressLegacyClassAnnotation, text);
    assert.equal(fixed, ingress([], ['  ingressClassName: azure-application-gateway']));
    assert.deepEqual(check(ingressLegacyClassAnnotation, fixed), []);
  });

  test('the fix keeps the file\'s indentation (compact sequences, 4-space maps) and the other annotations', () => {
    const text = [
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '    name: shop',
      '    annotations:',
      '        appgw.ingress.kubernetes.io/request-timeout: "60"',
      '        kubernetes.io/ingress.class: "azure/application-gateway"  # legacy',
      'spec:',
      '    rules:',
      '    - host: shop.example.com',
      '',
    ].join('\n');
    assert.equal(
      applyRuleFix(ingressLegacyClassAnnotation, text),
      [
        'apiVersion: networking.k8s.io/v1',
        'kind: Ingress',
        'metadata:',
        '    name: shop',
        '    annotations:',
        '        appgw.ingress.kubernetes.io/request-timeout: "60"',
        'spec:',
        '    ingressClassName: azure-application-gateway',
        '    rules:',
        '    - host: shop.example.com',
        '',
      ].join('\n'),
    );
  });

  test('app routing class in the annotation with a Key Vault certificate: warning (the operator ignores the annotation)', () => {
    const text = ingress(
      ['    kubernetes.io/ingress.class: webapprouting.kubernetes.azure.com', '    kubernetes.azure.com/tls-cert-keyvault-uri: https://kv-prod.vault.azure.net/certificates/shop'],
      [],
    );
    assert.deepEqual(check(ingressLegacyClassAnnotation, text), [
      '7:5-7:32 ingress/legacy-class-annotation warning kubernetes.io/ingress.class is deprecated: use spec.ingressClassName: webapprouting.kubernetes.azure.com. Application routing reads only spec.ingressClassName, so it does not manage this Ingress: the Key Vault certificate is never synced.',
    ]);
    assert.equal(
      applyRuleFix(ingressLegacyClassAnnotation, text),
      ingress(['    kubernetes.azure.com/tls-cert-keyvault-uri: https://kv-prod.vault.azure.net/certificates/shop'], ['  ingressClassName: webapprouting.kubernetes.azure.com']),
    );
  });

  test('annotation equal to spec.ingressClassName: hint to remove the redundant annotation', () => {
    const text = ingress(['    kubernetes.io/ingress.class: nginx', '    nginx.ingress.kubernetes.io/rewrite-target: /'], ['  ingressClassName: nginx']);
    assert.deepEqual(check(ingressLegacyClassAnnotation, text), [
      '7:5-7:32 ingress/legacy-class-annotation hint kubernetes.io/ingress.class repeats spec.ingressClassName "nginx"; the annotation is deprecated. Remove it.',
    ]);
    assert.equal(applyRuleFix(ingressLegacyClassAnnotation, text), ingress(['    nginx.ingress.kubernetes.io/rewrite-target: /'], ['  ingressClassName: nginx']));
  });

  test('no annotation, or one that conflicts (ingress/class-conflict reports it): nothing', () => {
    assert.deepEqual(check(ingressLegacyClassAnnotation, ingress([], ['  ingressClassName: azure-application-gateway'])), []);
    assert.deepEqual(check(ingressLegacyClassAnnotation, ingress(['    kubernetes.io/ingress.class: nginx'], ['  ingressClassName: azure-application-gateway'])), []);
  });
});

describe('ingress/unknown-class', () => {
  test('a class no known controller serves: information with did-you-mean and a fix', () => {
    const text = ingress([], ['  ingressClassName: webapprouting.kubernetes.azure.co']);
    assert.deepEqual(check(ingressUnknownClass, text), [
      '7:21-7:54 ingress/unknown-class information No IngressClass named "webapprouting.kubernetes.azure.co" is known, so no known controller serves this Ingress. Did you mean "webapprouting.kubernetes.azure.com"?',
    ]);
    const fixed = applyRuleFix(ingressUnknownClass, text);
    assert.equal(fixed, ingress([], ['  ingressClassName: webapprouting.kubernetes.azure.com']));
    assert.deepEqual(check(ingressUnknownClass, fixed), []);
  });

  test('an IngressClass in the workspace makes the class known; its controller is named', () => {
    const classes = {
      'file:///test/classes.yaml': [
        'apiVersion: networking.k8s.io/v1',
        'kind: IngressClass',
        'metadata:',
        '  name: traefik',
        'spec:',
        '  controller: traefik.io/ingress-controller',
        '',
      ].join('\n'),
    };
    assert.deepEqual(check(ingressUnknownClass, ingress([], ['  ingressClassName: traefik']), classes), [
      '7:21-7:28 ingress/unknown-class information IngressClass "traefik" is served by controller "traefik.io/ingress-controller", which this tool does not check.',
    ]);
  });

  test('no class at all and no default IngressClass: information on spec', () => {
    assert.deepEqual(check(ingressUnknownClass, ingress([], [])), [
      '6:1-6:5 ingress/unknown-class information Neither spec.ingressClassName nor kubernetes.io/ingress.class is set and no IngressClass is marked default, so no known controller serves this Ingress. For application routing set spec.ingressClassName: webapprouting.kubernetes.azure.com. Only the workspace was checked: a default IngressClass in the cluster would decide.',
    ]);
  });

  test('known classes, NginxIngressController classes and a default IngressClass: nothing', () => {
    for (const cls of ['azure-application-gateway', 'webapprouting.kubernetes.azure.com', 'azure-alb-external']) {
      assert.deepEqual(check(ingressUnknownClass, ingress([], [`  ingressClassName: ${cls}`])), [], cls);
    }
    const nic = {
      'file:///test/nic.yaml': [
        'apiVersion: approuting.kubernetes.azure.com/v1alpha1',
        'kind: NginxIngressController',
        'metadata:',
        '  name: internal',
        'spec:',
        '  ingressClassName: nginx-internal',
        '',
      ].join('\n'),
    };
    assert.deepEqual(check(ingressUnknownClass, ingress([], ['  ingressClassName: nginx-internal']), nic), []);
    const defaultClass = {
      'file:///test/default.yaml': [
        'apiVersion: networking.k8s.io/v1',
        'kind: IngressClass',
        'metadata:',
        '  name: azure-application-gateway',
        '  annotations:',
        '    ingressclass.kubernetes.io/is-default-class: "true"',
        'spec:',
        '  controller: azure/application-gateway',
        '',
      ].join('\n'),
    };
    assert.deepEqual(check(ingressUnknownClass, ingress([], []), defaultClass), []);
  });
});

describe('ingress/foreign-annotation', () => {
  test('NGINX and AGC annotations on an AGIC Ingress: a warning on each key', () => {
    const text = ingress(
      ['    nginx.ingress.kubernetes.io/proxy-body-size: "8m"', '    alb.networking.azure.io/alb-name: alb', '    appgw.ingress.kubernetes.io/request-timeout: "60"'],
      ['  ingressClassName: azure-application-gateway'],
    );
    assert.deepEqual(check(ingressForeignAnnotation, text), [
      '7:5-7:48 ingress/foreign-annotation warning nginx.ingress.kubernetes.io/proxy-body-size is read by application routing (NGINX), but AGIC serves this Ingress (class "azure-application-gateway"): it has no effect.',
      '8:5-8:37 ingress/foreign-annotation warning alb.networking.azure.io/alb-name is read by Application Gateway for Containers, but AGIC serves this Ingress (class "azure-application-gateway"): it has no effect.',
    ]);
  });

  test('AGIC annotations and a Key Vault URI on an application routing Ingress', () => {
    const text = ingress(['    appgw.ingress.kubernetes.io/backend-protocol: "https"'], ['  ingressClassName: webapprouting.kubernetes.azure.com']);
    assert.deepEqual(check(ingressForeignAnnotation, text), [
      '7:5-7:49 ingress/foreign-annotation warning appgw.ingress.kubernetes.io/backend-protocol is read by AGIC, but application routing (NGINX) serves this Ingress (class "webapprouting.kubernetes.azure.com"): it has no effect.',
    ]);
    const agic = ingress(['    kubernetes.azure.com/tls-cert-keyvault-uri: https://kv-prod.vault.azure.net/certificates/shop'], ['  ingressClassName: azure-application-gateway']);
    assert.deepEqual(check(ingressForeignAnnotation, agic), [
      '7:5-7:47 ingress/foreign-annotation warning kubernetes.azure.com/tls-cert-keyvault-uri is read by application routing (NGINX), but AGIC serves this Ingress (class "azure-application-gateway"): it has no effect.',
    ]);
  });

  test('own annotations, or an Ingress of an unknown controller (community NGINX): nothing', () => {
    assert.deepEqual(check(ingressForeignAnnotation, ingress(['    nginx.ingress.kubernetes.io/proxy-body-size: "8m"'], ['  ingressClassName: webapprouting.kubernetes.azure.com'])), []);
    assert.deepEqual(check(ingressForeignAnnotation, ingress(['    nginx.ingress.kubernetes.io/proxy-body-size: "8m"'], ['  ingressClassName: nginx'])), []);
  });

  test('no quick-fix is offered (there is no safe automatic replacement)', () => {
    const text = ingress(['    nginx.ingress.kubernetes.io/proxy-body-size: "8m"'], ['  ingressClassName: azure-application-gateway']);
    assert.deepEqual(fixTitles(ingressForeignAnnotation, text), []);
  });
});
