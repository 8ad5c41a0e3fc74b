import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { ingressHover } from '../../../server/src/features/ingress/hover';
import { rangeText } from '../../support/text';
import { atCursor } from './support';

/** Hover at the `$0` of the fixture: its markdown and its range as `L:C-L:C`. */
function hoverAt(textWithCursor: string, extraFiles: Record<string, string> = {}): { markdown: string; range: string } | null {
  const { file, offset, view, text } = atCursor(textWithCursor, extraFiles);
  const hover: Hover | null = ingressHover(file, offset, view);
  if (!hover) return null;
  const r = hover.range!;
  const start = file.lines.offsetAt(r.start);
  const end = file.lines.offsetAt(r.end);
  return { markdown: (hover.contents as MarkupContent).value, range: rangeText(text, start, end) };
}

function ingress(annotations: string[], className: string): string {
  return ['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: payment-api', '  annotations:', ...annotations, 'spec:', `  ingressClassName: ${className}`, ''].join('\n');
}

describe('hover on annotation keys', () => {
  test('an AGIC key: description, type, default, allowed values, since and docs link, over the whole key', () => {
    const hover = hoverAt(ingress(['    appgw.ingress.kubernetes.io/rule-pri$0ority: "10"'], 'azure-application-gateway'));
    assert.ok(hover);
    assert.equal(hover.range, '6:5-6:46');
    assert.equal(
      hover.markdown,
      [
        '**appgw.ingress.kubernetes.io/rule-priority** — AGIC (Application Gateway Ingress Controller)',
        '',
        'Sets the priority of this Ingress’s request routing rules on the Application Gateway; lower numbers are evaluated first. Use it when rules of several Ingresses overlap and you need a fixed order. Quote the number (the MS Learn example does not, which Kubernetes rejects).',
        '',
        '- **Type:** whole number from 1 to 20000',
        '- **Default:** unset (AGIC assigns priorities)',
        '- **Allowed:** 1 to 20000; other values are an error',
        '- **Since:** AGIC 1.7',
        '',
        'Annotation values are strings: quote numbers and booleans.',
        '',
        '[Documentation](https://azure.github.io/application-gateway-kubernetes-ingress/annotations/#rule-priority)',
      ].join('\n'),
    );
  });

  test('an NGINX key names ingress-nginx and its docs', () => {
    const hover = hoverAt(ingress(['    nginx.ingress.kubernetes.io/proxy-read-$0timeout: "60"'], 'webapprouting.kubernetes.azure.com'));
    assert.ok(hover);
    assert.match(hover.markdown, /^\*\*nginx\.ingress\.kubernetes\.io\/proxy-read-timeout\*\* — ingress-nginx \(application routing\)\n/);
    assert.match(hover.markdown, /- \*\*Type:\*\* seconds, as a plain number, e\.g\. "60"/);
    assert.match(hover.markdown, /\[Documentation\]\(https:\/\/kubernetes\.github\.io\/ingress-nginx\/user-guide\/nginx-configuration\/annotations\/#custom-timeouts\)/);
  });

  test('the MS Learn misspelling points to the key AGIC reads', () => {
    const hover = hoverAt(ingress(['    appgw.ingress.kubernetes.io/health-probe-status-$0code: "200-399"'], 'azure-application-gateway'));
    assert.deepEqual(hover, {
      markdown: '**appgw.ingress.kubernetes.io/health-probe-status-code** — not an annotation AGIC reads; it is ignored. Did you mean `appgw.ingress.kubernetes.io/health-probe-status-codes`?',
      range: '6:5-6:57',
    });
  });

  test('unrelated annotations and other fields: no hover', () => {
    assert.equal(hoverAt(ingress(['    example.com/owner$0: "team-a"'], 'azure-application-gateway')), null);
    assert.equal(hoverAt(ingress(['    example.com/owner: "team-a"'], 'azure-application-gateway').replace('name: payment-api', 'name: pay$0ment-api')), null);
  });
});

describe('hover on the Key Vault URI', () => {
  test('its parts, "latest — rotates automatically", the Secret name and the az command', () => {
    const hover = hoverAt(
      ingress(['    kubernetes.azure.com/tls-cert-keyvault-uri: "https://kv-aks-prod.vault.azure.net/certif$0icates/payment-api-tls"'], 'webapprouting.kubernetes.azure.com'),
    );
    assert.deepEqual(hover, {
      range: '6:49-6:115',
      markdown: [
        '**Key Vault certificate** (`kubernetes.azure.com/tls-cert-keyvault-uri`)',
        '',
        '- **Cloud:** Azure public cloud (`vault.azure.net`)',
        '- **Vault:** `kv-aks-prod`',
        '- **Object type:** `certificates`',
        '- **Name:** `payment-api-tls`',
        '- **Version:** latest — rotates automatically',
        '',
        'The add-on syncs it into the TLS Secret `keyvault-payment-api`: `spec.tls[].secretName` must be `keyvault-payment-api`.',
        '',
        'Let application routing read the vault:',
        '',
        '```sh',
        'az aks approuting update -g <rg> -n <cluster> --enable-kv --attach-kv <KEY_VAULT_RESOURCE_ID>',
        '# <KEY_VAULT_RESOURCE_ID>: az keyvault show --name kv-aks-prod --query id -o tsv',
        '```',
      ].join('\n'),
    });
  });

  test('a pinned version and a sovereign cloud; problems are counted', () => {
    const hover = hoverAt(
      ingress(['    kubernetes.azure.com/tls-cert-keyvault-uri: https://kv-cn.vault.azure.cn/secrets/web/0123456789abcdef0123456789abcde$0f'], 'webapprouting.kubernetes.azure.com'),
    );
    assert.ok(hover);
    assert.match(hover.markdown, /- \*\*Cloud:\*\* Azure operated by 21Vianet \(China\) \(`vault\.azure\.cn`\)\n/);
    assert.match(hover.markdown, /- \*\*Object type:\*\* `secrets`\n/);
    assert.match(hover.markdown, /- \*\*Version:\*\* `0123456789abcdef0123456789abcdef` — pinned: rotations are not picked up\n/);
    assert.match(hover.markdown, /\n1 problem in this URI: see the diagnostics\.\n/);
    assert.match(hover.markdown, /--name kv-cn --query id/);
  });

  test('hovering the key shows the annotation documentation instead', () => {
    const hover = hoverAt(ingress(['    kubernetes.azure.com/tls-cert-$0keyvault-uri: "https://kv-aks-prod.vault.azure.net/certificates/x"'], 'webapprouting.kubernetes.azure.com'));
    assert.ok(hover);
    assert.match(hover.markdown, /^\*\*kubernetes\.azure\.com\/tls-cert-keyvault-uri\*\* — application routing add-on\n/);
    assert.match(hover.markdown, /`az aks approuting update -g <rg> -n <cluster> --enable-kv --attach-kv <KEY_VAULT_RESOURCE_ID>`/);
  });
});

describe('hover on the ingress class', () => {
  test('application routing: who serves it and why', () => {
    const hover = hoverAt(ingress(['    example.com/owner: "team-a"'], 'webapp$0routing.kubernetes.azure.com'));
    assert.deepEqual(hover, {
      range: '8:21-8:55',
      markdown: [
        '**Ingress class `webapprouting.kubernetes.azure.com`** — served by the application routing add-on (managed NGINX)',
        '',
        'Decided by `spec.ingressClassName`.',
        '',
        'The application routing add-on creates the IngressClass `webapprouting.kubernetes.azure.com` (controller `webapprouting.kubernetes.azure.com/nginx`) for its default NGINX, the Service `nginx` in namespace `app-routing-system`. Its ingress-nginx is past upstream maintenance (March 2026) and patched by AKS only through November 2026: plan the move to the Gateway API.',
      ].join('\n'),
    });
  });

  test('AGIC through the legacy annotation: the annotation decides and the notes say what the other controllers do', () => {
    const hover = hoverAt(ingress(['    kubernetes.io/ingress.class: azure/application-gateway'], 'webapp$0routing.kubernetes.azure.com'));
    assert.ok(hover);
    assert.match(hover.markdown, /^\*\*Ingress class `azure\/application-gateway`\*\* — served by the Application Gateway Ingress Controller \(AGIC\)\n/);
    assert.match(hover.markdown, /Decided by the legacy `kubernetes\.io\/ingress\.class` annotation, which AGIC reads before `spec\.ingressClassName`\./);
    assert.match(hover.markdown, /The application routing operator decides from spec\.ingressClassName only, so it treats this Ingress as its own too\./);
  });

  test('a class from an IngressClass in the workspace names its controller', () => {
    const classes = { 'file:///test/classes.yaml': 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: traefik\nspec:\n  controller: traefik.io/ingress-controller\n' };
    const hover = hoverAt(ingress(['    example.com/owner: "team-a"'], 'trae$0fik'), classes);
    assert.ok(hover);
    assert.match(hover.markdown, /^\*\*Ingress class `traefik`\*\* — served by a controller this tool does not know\n/);
    assert.match(hover.markdown, /IngressClass `traefik` names the controller `traefik\.io\/ingress-controller`\./);
  });
});
