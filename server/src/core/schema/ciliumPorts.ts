/**
 * Cilium L4/L7 fields: `toPorts` entries (PortRule / PortDenyRule), their L7 `rules`, and
 * `icmps`. Field names follow cilium/cilium pkg/policy/api/l4.go, http.go, fqdn.go, icmp.go and
 * the Kafka PortRule; semantics in policy-semantics.md C14, C15.
 */
import { DOCS } from './common';
import type { FieldSchema } from './types';

const L4 = DOCS.ciliumLanguage;
const str = (doc: string, extra: Partial<FieldSchema> = {}): FieldSchema => ({ type: 'string', doc, docsUrl: L4, ...extra });

/** `TCP`, `UDP`, `SCTP`, `ANY`; VRRP and IGMP are port-less protocols Cilium 1.18 added behind `enable-extended-ip-protocols`. */
export const CILIUM_PROTOCOLS = ['TCP', 'UDP', 'SCTP', 'ANY', 'VRRP', 'IGMP'] as const;

export const CILIUM_PORT_PROTOCOL: FieldSchema = {
  type: 'object',
  required: ['port'],
  doc: 'One port (or range) and protocol.',
  docsUrl: L4,
  fields: {
    port: str(
      'The port, **as a string**: `"443"`, or a container port name such as `"http"`. Unlike a NetworkPolicy, a bare number (`port: 443`) is rejected by the CRD — quote it. `"0"` means every port.',
      { format: 'cilium-port' },
    ),
    endPort: { type: 'integer', doc: 'Makes this entry a range `port`–`endPort` (a number, not a string). Not allowed with DNS rules.', docsUrl: L4 },
    protocol: str(
      '`TCP`, `UDP`, `SCTP` or `ANY` (upper case). **Omitted means ANY** (TCP, UDP and SCTP) — the opposite of a NetworkPolicy, where omitted means TCP. ' +
        'L7 rules other than DNS need `TCP`. ICMP is filtered with `icmps`, not here. `VRRP` and `IGMP` (Cilium 1.18+, with `enable-extended-ip-protocols`) take no port.',
      { enum: CILIUM_PROTOCOLS },
    ),
  },
};

const SECRET: FieldSchema = {
  type: 'object',
  required: ['name'],
  doc: 'A Kubernetes Secret holding TLS material.',
  docsUrl: L4,
  fields: { namespace: str('Namespace of the Secret.'), name: str('Name of the Secret.') },
};

const TLS_CONTEXT = (doc: string): FieldSchema => ({
  type: 'object',
  required: ['secret'],
  doc,
  docsUrl: L4,
  fields: {
    secret: SECRET,
    trustedCA: str('Item of the Secret with the trusted CA (default `ca.crt`).'),
    certificate: str('Item of the Secret with the certificate chain (default `tls.crt`).'),
    privateKey: str('Item of the Secret with the private key (default `tls.key`).'),
  },
});

const HEADER_MATCH: FieldSchema = {
  type: 'object',
  required: ['name'],
  doc: 'A header that must be present and (optionally) have a value.',
  docsUrl: L4,
  fields: {
    name: str('The header name.'),
    value: str('The exact value the header must have.'),
    secret: SECRET,
    mismatch: str('What to do when the value does not match: `LOG`, `ADD`, `DELETE` or `REPLACE`. Omitted = deny the request.', {
      enum: ['LOG', 'ADD', 'DELETE', 'REPLACE'],
    }),
  },
};

const HTTP_RULE: FieldSchema = {
  type: 'object',
  doc: 'One allowed kind of HTTP request; a request passes if it matches **any** rule. An empty rule `{}` allows every request (useful for visibility only).',
  docsUrl: L4,
  fields: {
    method: str('A regular expression matched against the method, e.g. `GET` or `GET|HEAD`. Empty = any method.', { format: 'http-regex' }),
    path: str(
      'A regular expression matched against the **whole** path, e.g. `/api/v1/.*` (not a prefix: `/api` matches only `/api`). Empty = any path.',
      { format: 'http-regex' },
    ),
    host: str('A regular expression matched against the Host header. Empty = any host.', { format: 'http-regex' }),
    headers: { type: 'array', items: str('A header that must be present.'), doc: 'Headers that must be present.', docsUrl: L4 },
    headerMatches: { type: 'array', items: HEADER_MATCH, doc: 'Headers that must be present with a given value.', docsUrl: L4 },
  },
};

const DNS_RULE: FieldSchema = {
  type: 'object',
  doc:
    'A DNS name pods may look up through Cilium\'s DNS proxy; other queries get REFUSED. Only on **egress**, and the entry must list port 53. ' +
    'These lookups are also how `toFQDNs` learns IPs, so every name used in `toFQDNs` must be allowed here.',
  docsUrl: L4,
  fields: {
    matchName: str('An exact name, e.g. `api.example.com`.', { format: 'dns-name' }),
    matchPattern: str(
      'A name with `*` wildcards: `*.example.com` matches one label (`a.example.com`, not `example.com` nor `a.b.example.com`); `*` alone matches every name.',
      { format: 'dns-pattern' },
    ),
  },
};

const KAFKA_RULE: FieldSchema = {
  type: 'object',
  doc: 'One allowed kind of Kafka request (needs `protocol: TCP`).',
  docsUrl: L4,
  fields: {
    role: str('`produce` or `consume`: all API keys that operation needs. Not together with `apiKey`.'),
    apiKey: str('One Kafka API key, e.g. `fetch` or `produce`.'),
    apiVersion: str('The API version, as a string holding a number.'),
    clientID: str('The client identifier in the request.'),
    topic: str('The topic name (letters, digits, `.`, `_`, `-`).'),
  },
};

const L7_RULES: FieldSchema = {
  type: 'object',
  doc:
    'Layer-7 rules on this port: only requests matching a rule pass (others get e.g. HTTP 403 or DNS REFUSED, not a drop). Use **one** type per entry: `http`, `kafka`, `dns`, or `l7proto` + `l7`. ' +
    'All but DNS need `protocol: TCP` and a non-zero port. On AKS, HTTP/Kafka rules need ACNS advanced network policies (L7).',
  docsUrl: L4,
  fields: {
    http: { type: 'array', items: HTTP_RULE, doc: 'HTTP rules (method, path, host, headers).', docsUrl: L4 },
    kafka: { type: 'array', items: KAFKA_RULE, doc: 'Kafka rules (role or apiKey, topic...).', docsUrl: L4 },
    dns: { type: 'array', items: DNS_RULE, doc: 'DNS rules: which names may be looked up (egress only, port 53).', docsUrl: L4 },
    l7proto: str('Name of a custom L7 protocol parser for the `l7` rules.'),
    l7: {
      type: 'array',
      items: { type: 'map', values: str('A value for the parser.'), doc: 'Key/value pairs for the custom parser.', docsUrl: L4 },
      doc: 'Generic key/value rules for the `l7proto` parser.',
      docsUrl: L4,
    },
  },
};

const LISTENER: FieldSchema = {
  type: 'object',
  required: ['envoyConfig', 'name'],
  doc: 'Redirects the traffic to a custom Envoy listener defined in a CiliumEnvoyConfig (egress only, not with L7 rules).',
  docsUrl: L4,
  fields: {
    envoyConfig: {
      type: 'object',
      required: ['name'],
      doc: 'The CiliumEnvoyConfig or CiliumClusterwideEnvoyConfig defining the listener.',
      docsUrl: L4,
      fields: {
        kind: str('`CiliumEnvoyConfig` or `CiliumClusterwideEnvoyConfig`.', { enum: ['CiliumEnvoyConfig', 'CiliumClusterwideEnvoyConfig'] }),
        name: str('Name of the Envoy config.'),
      },
    },
    name: str('Name of the listener.'),
    priority: { type: 'integer', doc: 'Priority (1–100) when several rules pick different listeners.', docsUrl: L4 },
  },
};

const PORTS: FieldSchema = {
  type: 'array',
  items: CILIUM_PORT_PROTOCOL,
  doc: 'Ports this entry applies to (at most 40 per entry). Port numbers are strings: `- port: "443"`.',
  docsUrl: L4,
};

export const CILIUM_PORT_RULE: FieldSchema = {
  type: 'object',
  doc:
    'Ports (and optional L7 rules) the rule allows. Together with an L3 field (`fromEndpoints`, `toFQDNs`, ...) both must match; alone it applies to every peer.',
  docsUrl: L4,
  fields: {
    ports: PORTS,
    rules: L7_RULES,
    serverNames: {
      type: 'array',
      items: str('An allowed TLS SNI name.'),
      doc: 'Allowed TLS server names (SNI). With L7 rules this needs `terminatingTLS`.',
      docsUrl: L4,
    },
    listener: LISTENER,
    originatingTLS: TLS_CONTEXT('TLS the L7 proxy uses for the connection it opens to the destination.'),
    terminatingTLS: TLS_CONTEXT('TLS the L7 proxy uses to terminate the incoming connection (needed to inspect HTTPS).'),
  },
};

export const CILIUM_PORT_DENY_RULE: FieldSchema = {
  type: 'object',
  doc: 'Ports a deny rule blocks. Deny rules have no L7 `rules`, TLS or listener: only `ports`.',
  docsUrl: DOCS.ciliumDeny,
  fields: { ports: PORTS },
};

export const CILIUM_ICMPS: FieldSchema = {
  type: 'array',
  doc:
    'ICMP types allowed (ICMP is not a `protocol` value). Cannot be in the same rule as `toPorts`: write a separate rule. Needs Cilium\'s `enable-icmp-rules`.',
  docsUrl: L4,
  items: {
    type: 'object',
    doc: 'A list of ICMP types.',
    docsUrl: L4,
    fields: {
      fields: {
        type: 'array',
        doc: 'ICMP types (at most 40).',
        docsUrl: L4,
        items: {
          type: 'object',
          required: ['type'],
          doc: 'One ICMP type of one IP family.',
          docsUrl: L4,
          fields: {
            type: { type: 'intOrString', doc: 'Type number (0–255) or CamelCase name, e.g. `8` or `EchoRequest`.', docsUrl: L4 },
            family: str('`IPv4` (default) or `IPv6`.', { enum: ['IPv4', 'IPv6'] }),
          },
        },
      },
    },
  },
};

export const CILIUM_AUTHENTICATION: FieldSchema = {
  type: 'object',
  required: ['mode'],
  doc: 'Requires mutual authentication (SPIFFE-based mTLS) for the allowed traffic.',
  docsUrl: L4,
  fields: {
    mode: str('`disabled`, `required` or `test-always-fail`.', { enum: ['disabled', 'required', 'test-always-fail'] }),
  },
};
