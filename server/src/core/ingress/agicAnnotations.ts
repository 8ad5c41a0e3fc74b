/**
 * Every `appgw.ingress.kubernetes.io/*` annotation the Application Gateway Ingress Controller
 * reads (pkg/annotations/ingress_annotations.go), with the types its code parses, defaults and
 * versions from the AGIC docs. Every annotation applies to the whole Ingress: all its rules,
 * paths, listeners and backend settings. Different settings per path need separate Ingresses.
 */
import { suggestClosest } from '../text/didYouMean';
import type { AnnotationSpec } from './valueTypes';

export const AGIC_PREFIX = 'appgw.ingress.kubernetes.io/';

const DOCS = 'https://azure.github.io/application-gateway-kubernetes-ingress/annotations/#';

const FROM_POD_PROBE = 'taken from the pod’s HTTP readiness/liveness probe';

function agic(
  name: string,
  anchor: string,
  spec: Omit<AnnotationSpec, 'key' | 'docsUrl'>,
): AnnotationSpec {
  return { key: AGIC_PREFIX + name, docsUrl: DOCS + anchor, ...spec };
}

export const AGIC_ANNOTATIONS: readonly AnnotationSpec[] = [
  agic('backend-path-prefix', 'backend-path-prefix', {
    type: { kind: 'path' },
    default: 'unset (the request path is sent unchanged)',
    allowed: 'a path, e.g. "/test/"',
    description:
      'Replaces the matched path prefix before the request goes to the pods: with path "/hello/*" (or "/hello/" with pathType Prefix) and this set to "/test/", a request for /hello/x reaches the pod as /test/x. Use it when the app serves its endpoints under a different path than the one you expose. It applies to every path of the Ingress, so paths that need different prefixes belong in separate Ingresses.',
    since: '1.3.0',
  }),
  agic('backend-hostname', 'backend-hostname', {
    type: { kind: 'hostname', allowWildcard: false },
    default: 'unset (the client’s Host header is passed on)',
    allowed: 'a host name, e.g. "internal.example.com"',
    description:
      'Sets the Host header Application Gateway sends to the pods. Use it when the backend only answers to a specific host name, different from the one clients use.',
    since: '1.2.0',
  }),
  agic('backend-protocol', 'backend-protocol', {
    type: { kind: 'enum', values: ['http', 'https'], caseSensitive: false },
    default: 'http',
    allowed: '"http" or "https" (any case); anything else is an error and AGIC falls back to HTTP',
    description:
      'The protocol Application Gateway uses to talk to the pods. Set "https" for end-to-end TLS. The pods must then present a certificate from a well-known CA, unless you also set appgw-trusted-root-certificate. Never pair "https" with pod port 80 or "http" with port 443.',
    since: '1.0.0',
    conflicts: [
      {
        code: 'agic-backend-protocol-port',
        with: 'spec.rules[].http.paths[].backend.service.port',
        message: 'backend-protocol "https" with service port 80, or "http" with port 443, sends the wrong protocol to the pods.',
      },
    ],
  }),
  agic('ssl-redirect', 'ssl-redirect', {
    type: { kind: 'bool' },
    default: 'false',
    allowed: '',
    description:
      'Redirects HTTP requests to HTTPS with a 301 Moved Permanently. It only works when TLS is configured, through spec.tls or appgw-ssl-certificate; without a certificate there is no HTTPS listener to redirect to.',
    since: '1.0.0',
    conflicts: [
      {
        code: 'agic-ssl-redirect-needs-tls',
        with: 'spec.tls',
        message: 'ssl-redirect needs TLS: add spec.tls or appgw-ssl-certificate.',
      },
    ],
  }),
  agic('appgw-ssl-certificate', 'appgw-ssl-certificate', {
    type: { kind: 'string', nonEmpty: true },
    default: 'unset',
    allowed: 'the name of a certificate already installed on the Application Gateway',
    description:
      'Creates an HTTPS listener with a certificate that already exists on the Application Gateway, for example one added with `az network application-gateway ssl-cert create --key-vault-secret-id <unversioned secret id>`. This is how AGIC uses Key Vault: the gateway reads the vault, the Ingress only names the certificate. It is ignored when the Ingress has spec.tls, and one Ingress can name only one certificate.',
    since: '1.2.0',
    conflicts: [
      {
        code: 'agic-ssl-certificate-ignored-with-tls',
        with: 'spec.tls',
        message: 'appgw-ssl-certificate is ignored because spec.tls is set; remove one of them.',
      },
    ],
  }),
  agic('appgw-ssl-profile', 'appgw-ssl-profile', {
    type: { kind: 'string', nonEmpty: true },
    default: 'unset',
    allowed: 'the name of an SSL profile on the Application Gateway',
    description:
      'Attaches an SSL profile defined on the Application Gateway to the listeners of this Ingress, so they use that profile’s TLS policy (protocol versions, ciphers, client certificates). The profile must already exist on the gateway.',
    since: '1.6.0-rc1',
  }),
  agic('appgw-trusted-root-certificate', 'appgw-trusted-root-certificate', {
    type: { kind: 'commaList' },
    default: 'unset',
    allowed: 'comma-separated names of root certificates installed on the Application Gateway',
    description:
      'Names root certificates, already installed on the Application Gateway, that it trusts when it connects to the pods over HTTPS. Use it with backend-protocol "https" when the pods’ certificates are not from a well-known CA (for example self-signed).',
    since: '1.2.0',
    conflicts: [
      {
        code: 'agic-trusted-root-needs-https',
        with: AGIC_PREFIX + 'backend-protocol',
        message: 'appgw-trusted-root-certificate only matters with backend-protocol "https".',
      },
    ],
  }),
  agic('connection-draining', 'connection-draining', {
    type: { kind: 'bool' },
    default: 'false',
    allowed: '',
    description:
      'Turns on connection draining: when a pod leaves the backend pool, requests already in flight may finish instead of being cut. Pair it with connection-draining-timeout to say how long they may take.',
    since: '1.0.0',
  }),
  agic('connection-draining-timeout', 'connection-draining', {
    type: { kind: 'int32', unit: 'seconds' },
    default: '30',
    allowed: 'whole seconds',
    description:
      'How many seconds Application Gateway lets in-flight requests to a removed pod finish before it cuts them. It only has an effect with connection-draining "true".',
    since: '1.0.0',
    conflicts: [
      {
        code: 'agic-draining-timeout-needs-draining',
        with: AGIC_PREFIX + 'connection-draining',
        message: 'connection-draining-timeout has no effect unless connection-draining is "true".',
      },
    ],
  }),
  agic('cookie-based-affinity', 'cookie-based-affinity', {
    type: { kind: 'bool' },
    default: 'false',
    allowed: '',
    description:
      'Turns on session affinity: Application Gateway sets a cookie so that a client keeps reaching the same pod. Use it for apps that keep session state in memory.',
    since: '1.0.0',
  }),
  agic('cookie-based-affinity-distinct-name', 'distinct-cookie-name', {
    type: { kind: 'bool' },
    default: 'false (not stated in the docs)',
    allowed: '',
    description:
      'With cookie-based-affinity on, gives each backend its own affinity cookie name, so paths that go to different services do not overwrite each other’s cookie. It has no effect unless cookie-based-affinity is "true".',
    since: '1.5',
    conflicts: [
      {
        code: 'agic-distinct-name-needs-affinity',
        with: AGIC_PREFIX + 'cookie-based-affinity',
        message: 'cookie-based-affinity-distinct-name only matters with cookie-based-affinity "true".',
      },
    ],
  }),
  agic('request-timeout', 'request-timeout', {
    type: { kind: 'int32', unit: 'seconds' },
    default: '30',
    allowed: 'whole seconds',
    description:
      'How many seconds Application Gateway waits for a pod to answer before it fails the request. Raise it for slow endpoints such as reports or uploads.',
    since: '1.0.0',
  }),
  agic('use-private-ip', 'use-private-ip', {
    type: { kind: 'bool' },
    default: 'false',
    allowed: '',
    description:
      'Exposes this Ingress on the Application Gateway’s private frontend IP instead of the public one. If the gateway has no private IP the Ingress is ignored (a NoPrivateIP warning event). Ingresses with "true" and "false" on the same port make the gateway update fail, because a gateway cannot listen on both IPs on one port.',
    since: '1.0.0',
    notes: [
      'Mixing use-private-ip "true" and "false" on the same port across Ingresses breaks the Application Gateway update.',
    ],
  }),
  agic('override-frontend-port', 'override-frontend-port', {
    type: { kind: 'int32', min: 1, max: 64999 },
    default: '80 for HTTP, 443 for HTTPS',
    allowed: '1 to 64999; anything else falls back to 80/443',
    description:
      'Makes the listener use another port than 80/443, e.g. "8080"; clients must then call http://host:8080. A port outside 1–64999 or a value that is not a number silently falls back to 80/443. Write the port as a quoted number (the AGIC docs call it a string, MS Learn a bool; the code reads a number).',
    since: '1.3.0',
  }),
  agic('waf-policy-for-path', 'azure-waf-policy-for-path', {
    type: {
      kind: 'armResourceId',
      provider: 'Microsoft.Network',
      resourceType: 'applicationGatewayWebApplicationFirewallPolicies',
    },
    default: 'unset',
    allowed: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/applicationGatewayWebApplicationFirewallPolicies/<name>',
    description:
      'Attaches an existing Web Application Firewall policy to the paths of this Ingress; copy its resource ID from the portal. The policy must exist before AGIC applies it. The docs say it is applied to the listener only when the path is unset, "/" or "/*".',
    since: '1.3.0',
    conflicts: [
      {
        code: 'agic-waf-policy-path',
        with: 'spec.rules[].http.paths[].path',
        message: 'The WAF policy is applied to a listener only when the path is unset, "/" or "/*".',
      },
    ],
  }),
  agic('health-probe-hostname', 'health-probe-hostname', {
    type: { kind: 'hostname', allowWildcard: false },
    default: `${FROM_POD_PROBE}; MS Learn says 127.0.0.1`,
    allowed: 'a host name',
    description:
      'The Host header of Application Gateway’s health probe. Without it AGIC uses the host of the pod’s HTTP readiness or liveness probe. Set it when the app rejects probes that do not carry its host name.',
    since: '1.4.0-rc1',
  }),
  agic('health-probe-port', 'health-probe-port', {
    type: { kind: 'port' },
    default: `${FROM_POD_PROBE}; MS Learn says 80`,
    allowed: '1 to 65535, quoted',
    description:
      'The port Application Gateway probes. Without it AGIC uses the port of the pod’s HTTP probe. Quote the number: the MS Learn example writes it unquoted, which Kubernetes rejects because annotation values are strings.',
    since: '1.4.0-rc1',
  }),
  agic('health-probe-path', 'health-probe-path', {
    type: { kind: 'path' },
    default: `${FROM_POD_PROBE}; MS Learn says /`,
    allowed: 'a path, e.g. "/healthz"',
    description:
      'The path Application Gateway probes. Without it AGIC uses the path of the pod’s HTTP probe. Point it at a cheap endpoint that answers 200 when the pod can serve traffic.',
    since: '1.4.0-rc1',
  }),
  agic('health-probe-status-codes', 'health-probe-status-codes', {
    type: { kind: 'statusCodes', allowRanges: true },
    default: '200-399 (MS Learn)',
    allowed: 'codes and ranges, comma-separated, e.g. "200-399, 401"',
    description:
      'Which HTTP status codes of the health probe count as healthy: single codes and from-to ranges, comma-separated. Note the plural: MS Learn spells it health-probe-status-code, which AGIC never reads.',
    since: '1.4.0-rc1',
  }),
  agic('health-probe-interval', 'health-probe-interval', {
    type: { kind: 'int32', unit: 'seconds' },
    default: `${FROM_POD_PROBE}; MS Learn says 30`,
    allowed: 'whole seconds, quoted',
    description: 'Seconds between two health probes. Without it AGIC uses the period of the pod’s HTTP probe.',
    since: '1.4.0-rc1',
  }),
  agic('health-probe-timeout', 'health-probe-timeout', {
    type: { kind: 'int32', unit: 'seconds' },
    default: `${FROM_POD_PROBE}; MS Learn says 30`,
    allowed: 'whole seconds, quoted',
    description:
      'Seconds the health probe waits for an answer before it counts as failed. Without it AGIC uses the timeout of the pod’s HTTP probe.',
    since: '1.4.0-rc1',
  }),
  agic('health-probe-unhealthy-threshold', 'health-probe-unhealthy-threshold', {
    type: { kind: 'int32' },
    default: `${FROM_POD_PROBE}; MS Learn says 3`,
    allowed: 'a whole number, quoted',
    description:
      'How many probes in a row must fail before a pod is marked unhealthy and gets no traffic. Without it AGIC uses the failure threshold of the pod’s HTTP probe.',
    since: '1.4.0-rc1',
  }),
  agic('rewrite-rule-set', 'rewrite-rule-set', {
    type: { kind: 'string', nonEmpty: true },
    default: 'unset',
    allowed: 'the name of a rewrite rule set that exists on the Application Gateway',
    description:
      'Attaches a rewrite rule set, already defined on the Application Gateway, to this Ingress’s routing rules, to rewrite headers or URLs. To define the rules in Kubernetes instead, use rewrite-rule-set-custom-resource.',
    since: '1.5.0-rc1',
  }),
  agic('rewrite-rule-set-custom-resource', 'rewrite-rule-set-custom-resource', {
    type: { kind: 'string', nonEmpty: true },
    default: 'unset',
    allowed: 'the name of an AzureApplicationGatewayRewrite (appgw.ingress.azure.io/v1beta1) in the same namespace',
    description:
      'Names an AzureApplicationGatewayRewrite custom resource in the Ingress’s namespace whose header and URL rewrite rules AGIC applies to this Ingress. The resource must be in the same namespace as the Ingress.',
    since: '1.6.0-rc1',
  }),
  agic('hostname-extension', 'hostname-extension', {
    type: { kind: 'hostnameList', allowWildcard: true },
    default: 'unset',
    allowed: 'comma-separated host names; wildcards allowed',
    description:
      'Adds more host names, wildcards included, to the host of each rule, so the listener becomes a multi-site listener answering all of them. Use it to serve one app under several names without repeating the rules.',
    since: '1.4.0',
  }),
  agic('rule-priority', 'rule-priority', {
    type: { kind: 'int32', min: 1, max: 20000 },
    default: 'unset (AGIC assigns priorities)',
    allowed: '1 to 20000; other values are an error',
    description:
      'Sets the priority of this Ingress’s request routing rules on the Application Gateway; lower numbers are evaluated first. Use it when rules of several Ingresses overlap and you need a fixed order. Quote the number (the MS Learn example does not, which Kubernetes rejects).',
    since: '1.7',
  }),
];

/**
 * Keys that look like AGIC annotations but that AGIC never reads, with the key meant. MS Learn
 * spells the status-codes annotation in the singular; the code reads only the plural.
 */
export const AGIC_KNOWN_MISSPELLINGS: Readonly<Record<string, string>> = {
  [AGIC_PREFIX + 'health-probe-status-code']: AGIC_PREFIX + 'health-probe-status-codes',
};

const BY_KEY = new Map(AGIC_ANNOTATIONS.map((a) => [a.key, a]));

export function findAgicAnnotation(key: string): AnnotationSpec | undefined {
  return BY_KEY.get(key);
}

export interface AnnotationSuggestion {
  readonly key: string;
  /** `known-misspelling`: a spelling found in published docs; `similar`: close by edit distance. */
  readonly reason: 'known-misspelling' | 'similar';
}

/** For an unknown `appgw.ingress.kubernetes.io/*` key, the key probably meant. */
export function suggestAgicAnnotation(key: string): AnnotationSuggestion | null {
  if (Object.hasOwn(AGIC_KNOWN_MISSPELLINGS, key)) {
    return { key: AGIC_KNOWN_MISSPELLINGS[key], reason: 'known-misspelling' };
  }
  if (!key.startsWith(AGIC_PREFIX) || BY_KEY.has(key)) return null;
  const names = AGIC_ANNOTATIONS.map((a) => a.key.slice(AGIC_PREFIX.length));
  const close = suggestClosest(key.slice(AGIC_PREFIX.length), names);
  return close ? { key: AGIC_PREFIX + close, reason: 'similar' } : null;
}
