/**
 * CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy semantics, one table row per behaviour
 * of policy-semantics.md C1–C18. The shared cluster (helpers.ts CLUSTER) has
 * shop/{web,db,client} and other/{web,client}.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { deployment, docs, namespace, offsetOf, runTable, yaml, type Row } from './helpers';

/** A CNP in `ns` with the given spec body (YAML lines indented under `spec:`). */
function cnp(name: string, ns: string, spec: string): string {
  return ['apiVersion: cilium.io/v2', 'kind: CiliumNetworkPolicy', 'metadata:', `  name: ${name}`, `  namespace: ${ns}`, 'spec:', indent(spec, 2)].join('\n');
}

function ccnp(name: string, spec: string): string {
  return ['apiVersion: cilium.io/v2', 'kind: CiliumClusterwideNetworkPolicy', 'metadata:', `  name: ${name}`, 'spec:', indent(spec, 2)].join('\n');
}

function indent(text: string, n: number): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');
}

const DB = 'endpointSelector:\n  matchLabels:\n    app: db';
const WEB = 'endpointSelector:\n  matchLabels:\n    app: web';
const CLIENT = 'endpointSelector:\n  matchLabels:\n    role: client';

/** Ingress into shop/db with one rule. */
const dbIngress = (rule: string) => cnp('db-in', 'shop', `${DB}\ningress:\n${indent(rule, 2)}`);
/** Egress from shop/client with rules. */
const clientEgress = (rules: string) => cnp('client-out', 'shop', `${CLIENT}\negress:\n${indent(rules, 2)}`);

const DNS_TO_KUBE_DNS = (dns: string) => yaml`
  - toEndpoints:
      - matchLabels:
          k8s:io.kubernetes.pod.namespace: kube-system
          k8s:k8s-app: kube-dns
    toPorts:
      - ports:
          - port: "53"
            protocol: ANY
        rules:
          dns:
${indent(dns, 12)}
`;
const L4_DNS = yaml`
  - toEndpoints:
      - matchLabels:
          k8s:io.kubernetes.pod.namespace: kube-system
          k8s:k8s-app: kube-dns
    toPorts:
      - ports:
          - port: "53"
            protocol: ANY
`;
const TO_FQDN = (entries: string, port = '443') => yaml`
  - toFQDNs:
${indent(entries, 6)}
    toPorts:
      - ports:
          - port: "${port}"
            protocol: TCP
`;

const HTTP_80 = dbIngress(yaml`
  - fromEndpoints:
      - matchLabels:
          role: client
    toPorts:
      - ports:
          - port: "80"
            protocol: TCP
        rules:
          http:
            - method: GET
              path: "/public.*"
            - method: POST
              path: "/api/orders"
              headers: ["X-Tenant: shop"]
`);

const rows: Row[] = [
  // C1
  { name: 'C1: a CNP endpointSelector applies only in the policy’s namespace (the same labels elsewhere are free)', policies: cnp('web-in', 'shop', `${WEB}\ningress:\n  - {}`), from: 'shop/client', to: 'other/web', port: 8080, expect: true },
  { name: 'C1: a CNP endpointSelector isolates the selected pods of its namespace', policies: cnp('web-in', 'shop', `${WEB}\ningress:\n  - {}`), from: 'shop/client', to: 'shop/web', port: 8080, expect: false },
  {
    name: 'C1: a namespace written in a CNP endpointSelector is replaced by the policy’s namespace',
    policies: cnp('web-in', 'shop', 'endpointSelector:\n  matchLabels:\n    k8s:io.kubernetes.pod.namespace: other\n    app: web\ningress:\n  - {}'),
    from: 'shop/client',
    to: 'shop/web',
    expect: false,
  },
  { name: 'C1: a CCNP endpointSelector: {} selects pods of every namespace', policies: ccnp('all-in', 'endpointSelector: {}\ningress:\n  - {}'), from: 'shop/web', to: 'other/web', expect: false },
  {
    name: 'C1: each rule of `specs` applies to its own endpointSelector',
    policies: [
      'apiVersion: cilium.io/v2',
      'kind: CiliumNetworkPolicy',
      'metadata:',
      '  name: multi',
      '  namespace: shop',
      'specs:',
      '  - endpointSelector:',
      '      matchLabels:',
      '        app: web',
      '    ingress:',
      '      - {}',
      '  - endpointSelector:',
      '      matchLabels:',
      '        app: db',
      '    ingress:',
      '      - fromEndpoints:',
      '          - matchLabels:',
      '              app: web',
    ].join('\n'),
    from: 'shop/web',
    to: 'shop/db',
    expect: true,
    check: (v) => {
      const ref = v.ingress.allowedBy[0];
      assert.equal(ref.specIndex, 1);
      assert.ok(v.explanation.includes('specs[1].ingress[0] of CiliumNetworkPolicy shop/multi allows all ports from pods with app=web in namespace shop.'), v.explanation.join('\n'));
    },
  },
  {
    name: 'C1: the first rule of `specs` isolates its own pods',
    policies: ['apiVersion: cilium.io/v2', 'kind: CiliumNetworkPolicy', 'metadata:', '  name: multi', '  namespace: shop', 'specs:', '  - endpointSelector:', '      matchLabels:', '        app: web', '    ingress:', '      - {}'].join('\n'),
    from: 'shop/client',
    to: 'shop/web',
    expect: false,
  },
  {
    name: 'C1: a host policy (nodeSelector) is not modelled and says so',
    policies: ccnp('host', 'nodeSelector: {}\ningress:\n  - {}'),
    from: 'shop/client',
    to: 'shop/web',
    expect: true,
    check: (_v, model) => assert.ok(model.notes.some((n) => n.startsWith('C1: CiliumClusterwideNetworkPolicy host uses nodeSelector'))),
  },
  // C2
  {
    name: 'C2: pods no policy selects are not enforced (default mode), as the model notes',
    policies: cnp('web-in', 'shop', `${WEB}\ningress:\n  - {}`),
    from: 'shop/web',
    to: 'shop/client',
    expect: true,
    check: (_v, model) => assert.ok(model.notes.some((n) => n.startsWith('C2: Cilium is assumed to run in the default enforcement mode'))),
  },
  // C3
  { name: 'C3: ingress rules switch only ingress to default deny', policies: cnp('web-in', 'shop', `${WEB}\ningress:\n  - {}`), from: 'shop/web', to: 'ip:1.1.1.1', expect: true },
  { name: 'C3: ingress: [] is the same as no ingress section', policies: cnp('web', 'shop', `${WEB}\ningress: []\negress:\n  - toEntities: [world]`), from: 'shop/client', to: 'shop/web', expect: true },
  {
    name: 'C3: an egressDeny-only policy still turns on egress default deny',
    policies: cnp('no-metadata', 'shop', 'endpointSelector: {}\negressDeny:\n  - toCIDR: [169.254.169.254/32]'),
    from: 'shop/web',
    to: 'ip:1.1.1.1',
    expect: false,
  },
  {
    name: 'C3: the metadata address is denied by the deny rule itself',
    policies: cnp('no-metadata', 'shop', 'endpointSelector: {}\negressDeny:\n  - toCIDR: [169.254.169.254/32]'),
    from: 'shop/web',
    to: 'ip:169.254.169.254',
    port: 80,
    expect: false,
    check: (v) => {
      assert.equal(v.egress.deniedBy.length, 1);
      assert.equal(v.egress.deniedBy[0].section, 'egressDeny');
      assert.equal(v.suggestion, 'remove or narrow egressDeny[0] of CiliumNetworkPolicy shop/no-metadata (no allow rule can override a deny rule)');
    },
  },
  // C4
  {
    name: 'C4: enableDefaultDeny.egress false: the policy does not isolate egress',
    policies: cnp('dns-visibility', 'shop', `endpointSelector: {}\nenableDefaultDeny:\n  egress: false\n  ingress: false\negress:\n${indent(DNS_TO_KUBE_DNS('- matchPattern: "*"'), 2)}`),
    from: 'shop/web',
    to: 'other/web',
    port: 8080,
    expect: true,
    check: (v) => {
      assert.equal(v.egress.isolated, false);
      assert.ok(v.notes.some((n) => n.startsWith('C4: enableDefaultDeny.egress is false')));
    },
  },
  {
    name: 'C4: with default deny off, a deny rule still blocks',
    policies: cnp('no-clients', 'shop', `${WEB}\nenableDefaultDeny:\n  ingress: false\ningressDeny:\n  - fromEndpoints:\n      - matchLabels:\n          role: client`),
    from: 'shop/client',
    to: 'shop/web',
    expect: false,
  },
  {
    name: 'C4: with default deny off, peers the deny rule does not name pass',
    policies: cnp('no-clients', 'shop', `${WEB}\nenableDefaultDeny:\n  ingress: false\ningressDeny:\n  - fromEndpoints:\n      - matchLabels:\n          role: client`),
    from: 'shop/db',
    to: 'shop/web',
    expect: true,
  },
  {
    name: 'C4: default deny is on when any selecting policy asks for it',
    policies: docs(
      cnp('observe', 'shop', `${CLIENT}\nenableDefaultDeny:\n  egress: false\negress:\n  - toEntities: [world]`),
      cnp('lockdown', 'shop', `${CLIENT}\negress:\n  - {}`),
    ),
    from: 'shop/client',
    to: 'shop/web',
    expect: false,
  },
  {
    name: 'C4: with default deny off, HTTP rules still filter their port',
    policies: HTTP_80.replace('ingress:\n', 'enableDefaultDeny:\n    ingress: false\n  ingress:\n'),
    from: 'shop/client',
    to: 'shop/db',
    port: 80,
    http: { method: 'DELETE', path: '/public/x' },
    expect: false,
  },
  // C5
  {
    name: 'C5: the empty rule {} in a CNP allows nothing',
    policies: cnp('deny', 'shop', 'endpointSelector: {}\ningress:\n  - {}'),
    from: 'shop/web',
    to: 'shop/db',
    expect: false,
    check: (v) => assert.ok(v.notes.some((n) => n.startsWith('C5: in a Cilium policy the empty rule `{}` allows nothing'))),
  },
  {
    name: 'C5: the same {} rule in a NetworkPolicy allows everything',
    policies: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow
        namespace: shop
      spec:
        podSelector: {}
        ingress:
          - {}
    `,
    from: 'other/web',
    to: 'shop/db',
    expect: true,
  },
  { name: 'C5: fromEndpoints: [] selects no peer', policies: dbIngress('- fromEndpoints: []'), from: 'shop/web', to: 'shop/db', expect: false },
  { name: 'C5: fromEndpoints: [{}] allows every pod of the same namespace', policies: dbIngress('- fromEndpoints:\n    - {}'), from: 'shop/client', to: 'shop/db', expect: true },
  { name: 'C5: fromEndpoints: [{}] does not reach other namespaces', policies: dbIngress('- fromEndpoints:\n    - {}'), from: 'other/client', to: 'shop/db', expect: false },
  { name: 'C5: fromEntities [all] allows every peer', policies: dbIngress('- fromEntities: [all]'), from: 'ip:1.2.3.4', to: 'shop/db', expect: true },
  // C6
  { name: 'C6: toPorts alone opens those ports toward any peer', policies: clientEgress('- toPorts:\n    - ports:\n        - port: "443"\n          protocol: TCP'), from: 'shop/client', to: 'ip:1.1.1.1', port: 443, expect: true },
  { name: 'C6: toPorts alone opens no other port', policies: clientEgress('- toPorts:\n    - ports:\n        - port: "443"\n          protocol: TCP'), from: 'shop/client', to: 'ip:1.1.1.1', port: 80, expect: false },
  { name: 'C6: an L3 field alone opens every port and protocol', policies: dbIngress('- fromEndpoints:\n    - matchLabels:\n        role: client'), from: 'shop/client', to: 'shop/db', port: 9999, protocol: 'UDP', expect: true },
  {
    name: 'C6: an L3 field and toPorts in one rule are ANDed (right peer, wrong port)',
    policies: dbIngress('- fromEndpoints:\n    - matchLabels:\n        role: client\n  toPorts:\n    - ports:\n        - port: "5432"'),
    from: 'shop/client',
    to: 'shop/db',
    port: 9090,
    expect: false,
  },
  {
    name: 'C6: an L3 field and toPorts in one rule are ANDed (wrong peer, right port)',
    policies: dbIngress('- fromEndpoints:\n    - matchLabels:\n        role: client\n  toPorts:\n    - ports:\n        - port: "5432"'),
    from: 'shop/web',
    to: 'shop/db',
    port: 5432,
    expect: false,
  },
  {
    name: 'C6: rules of a policy are unioned',
    policies: dbIngress('- fromEndpoints:\n    - matchLabels:\n        role: client\n- fromEndpoints:\n    - matchLabels:\n        app: web'),
    from: 'shop/web',
    to: 'shop/db',
    expect: true,
  },
  // C7
  { name: 'C7: a CNP fromEndpoints without a namespace stays in the policy’s namespace', policies: dbIngress('- fromEndpoints:\n    - matchLabels:\n        app: web'), from: 'other/web', to: 'shop/db', expect: false },
  {
    name: 'C7: naming the namespace label reaches pods of another namespace',
    policies: dbIngress('- fromEndpoints:\n    - matchLabels:\n        k8s:io.kubernetes.pod.namespace: other\n        app: web'),
    from: 'other/web',
    to: 'shop/db',
    expect: true,
  },
  {
    name: 'C7: a CCNP fromEndpoints without a namespace matches pods of every namespace',
    policies: ccnp('db-in', `${DB}\ningress:\n  - fromEndpoints:\n      - matchLabels:\n          app: web`),
    from: 'other/web',
    to: 'shop/db',
    expect: true,
  },
  {
    name: 'C7: namespace-label keys are not pinned to the policy’s namespace',
    policies: dbIngress('- fromEndpoints:\n    - matchLabels:\n        k8s:io.cilium.k8s.namespace.labels.team: b'),
    from: 'other/client',
    to: 'shop/db',
    expect: true,
  },
  {
    name: 'C7: CCNP peer selectors match pods only, not hostNetwork (node) traffic',
    alone: true,
    policies: docs(
      namespace('shop'),
      deployment('shop', 'db', { app: 'db' }),
      deployment('shop', 'agent', { app: 'agent' }, { hostNetwork: true }),
      ccnp('db-in', `${DB}\ningress:\n  - fromEndpoints:\n      - {}`),
    ),
    from: 'shop/agent',
    to: 'shop/db',
    expect: false,
  },
  // C8
  { name: 'C8: a `k8s:` key matches pod labels', policies: dbIngress('- fromEndpoints:\n    - matchLabels:\n        k8s:role: client'), from: 'shop/client', to: 'shop/db', expect: true },
  { name: 'C8: an `any:` key matches pod labels', policies: dbIngress('- fromEndpoints:\n    - matchLabels:\n        any:role: client'), from: 'shop/client', to: 'shop/db', expect: true },
  { name: 'C8: a key with another source prefix never matches pod labels', policies: dbIngress('- fromEndpoints:\n    - matchLabels:\n        container:role: client'), from: 'shop/client', to: 'shop/db', expect: false },
  {
    name: 'C8: io.cilium.k8s.policy.serviceaccount matches the pod’s service account',
    alone: true,
    policies: docs(
      namespace('shop'),
      deployment('shop', 'db', { app: 'db' }),
      deployment('shop', 'payer', { app: 'payer' }, { serviceAccount: 'payments' }),
      deployment('shop', 'other', { app: 'other' }),
      dbIngress('- fromEndpoints:\n    - matchLabels:\n        io.cilium.k8s.policy.serviceaccount: payments'),
    ),
    from: 'shop/payer',
    to: 'shop/db',
    expect: true,
  },
  {
    name: 'C8: pods with another service account do not match',
    alone: true,
    policies: docs(
      namespace('shop'),
      deployment('shop', 'db', { app: 'db' }),
      deployment('shop', 'other', { app: 'other' }),
      dbIngress('- fromEndpoints:\n    - matchLabels:\n        io.cilium.k8s.policy.serviceaccount: payments'),
    ),
    from: 'shop/other',
    to: 'shop/db',
    expect: false,
  },
  {
    name: 'C8: io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name selects a namespace by name',
    policies: dbIngress('- fromEndpoints:\n    - matchLabels:\n        io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name: other'),
    from: 'other/web',
    to: 'shop/db',
    expect: true,
  },
  // C9
  { name: 'C9: toEntities world allows outside addresses', policies: clientEgress('- toEntities: [world]'), from: 'shop/client', to: 'ip:1.1.1.1', port: 443, expect: true },
  { name: 'C9: toEntities world does not include pods', policies: clientEgress('- toEntities: [world]'), from: 'shop/client', to: 'other/web', expect: false },
  { name: 'C9: toEntities cluster allows pods of every namespace', policies: clientEgress('- toEntities: [cluster]'), from: 'shop/client', to: 'other/web', expect: true },
  { name: 'C9: toEntities cluster does not include outside addresses', policies: clientEgress('- toEntities: [cluster]'), from: 'shop/client', to: 'world', expect: false },
  {
    name: 'C9: toEntities host matches hostNetwork pods',
    alone: true,
    policies: docs(namespace('shop'), deployment('shop', 'client', { role: 'client' }), deployment('shop', 'agent', { app: 'agent' }, { hostNetwork: true }), clientEgress('- toEntities: [host, remote-node]')),
    from: 'shop/client',
    to: 'shop/agent',
    expect: true,
  },
  { name: 'C9: the none entity selects nothing', policies: dbIngress('- fromEntities: [none]'), from: 'shop/client', to: 'shop/db', expect: false },
  // C10
  { name: 'C10: toCIDRSet allows addresses of its cidr', policies: clientEgress('- toCIDRSet:\n    - cidr: 10.0.0.0/8\n      except: [10.96.0.0/12]'), from: 'shop/client', to: 'ip:10.1.1.1', expect: true },
  { name: 'C10: toCIDRSet except carves addresses out of its cidr', policies: clientEgress('- toCIDRSet:\n    - cidr: 10.0.0.0/8\n      except: [10.96.0.0/12]'), from: 'shop/client', to: 'ip:10.96.0.10', expect: false },
  { name: 'C10: CIDR rules never match pods', policies: clientEgress('- toCIDR: [0.0.0.0/0]'), from: 'shop/client', to: 'other/web', expect: false },
  { name: 'C10: a bare IP in toCIDR is a single address', policies: clientEgress('- toCIDR: [192.0.2.10]'), from: 'shop/client', to: 'ip:192.0.2.10', expect: true },
  // C11
  {
    name: 'C11: toFQDNs reaches a name its DNS rules let it resolve',
    policies: clientEgress(DNS_TO_KUBE_DNS('- matchPattern: "*.example.com"') + TO_FQDN('- matchName: api.example.com')),
    from: 'shop/client',
    to: 'fqdn:api.example.com',
    port: 443,
    expect: true,
  },
  {
    name: 'C11: toFQDNs without a DNS rule learns no addresses',
    policies: clientEgress(L4_DNS + TO_FQDN('- matchName: api.example.com')),
    from: 'shop/client',
    to: 'fqdn:api.example.com',
    port: 443,
    expect: false,
    check: (v) => {
      assert.ok(v.explanation.some((l) => l.includes("pass no DNS rule, so Cilium's DNS proxy never learns the addresses")), v.explanation.join('\n'));
      assert.ok(v.suggestion?.startsWith('add a DNS rule matching api.example.com'), v.suggestion ?? '');
    },
  },
  {
    name: 'C11: a `*` matches inside one label',
    policies: clientEgress(DNS_TO_KUBE_DNS('- matchPattern: "*"') + TO_FQDN('- matchPattern: "*.example.com"')),
    from: 'shop/client',
    to: 'fqdn:sub.example.com',
    port: 443,
    expect: true,
  },
  {
    name: 'C11: a `*` never spans two labels',
    policies: clientEgress(DNS_TO_KUBE_DNS('- matchPattern: "*"') + TO_FQDN('- matchPattern: "*.example.com"')),
    from: 'shop/client',
    to: 'fqdn:a.b.example.com',
    port: 443,
    expect: false,
  },
  {
    name: 'C11: `*.example.com` does not match example.com itself',
    policies: clientEgress(DNS_TO_KUBE_DNS('- matchPattern: "*"') + TO_FQDN('- matchPattern: "*.example.com"')),
    from: 'shop/client',
    to: 'fqdn:example.com',
    port: 443,
    expect: false,
  },
  {
    name: 'C11: before Cilium 1.19 a `**.` prefix matches one label only',
    policies: clientEgress(DNS_TO_KUBE_DNS('- matchPattern: "*"') + TO_FQDN('- matchPattern: "**.example.com"')),
    from: 'shop/client',
    to: 'fqdn:a.b.example.com',
    port: 443,
    expect: false,
    check: (v) => assert.ok(v.notes.some((n) => n.startsWith('C11: before Cilium 1.19 a leading "**." behaves like "*."'))),
  },
  {
    name: 'C11: from Cilium 1.19 a `**.` prefix matches several labels',
    policies: clientEgress(DNS_TO_KUBE_DNS('- matchPattern: "*"') + TO_FQDN('- matchPattern: "**.example.com"')),
    settings: { ciliumMinor: 19 },
    from: 'shop/client',
    to: 'fqdn:a.b.example.com',
    port: 443,
    expect: true,
  },
  {
    name: 'C11: world counts as reachable through a toFQDNs name the pod can resolve',
    policies: clientEgress(DNS_TO_KUBE_DNS('- matchName: api.example.com') + TO_FQDN('- matchName: api.example.com')),
    from: 'shop/client',
    to: 'world',
    expect: true,
  },
  {
    name: 'C11: a world allow covers a name the pod can resolve, without toFQDNs',
    policies: clientEgress(L4_DNS + '- toEntities: [world]'),
    from: 'shop/client',
    to: 'fqdn:example.org',
    port: 443,
    expect: true,
    check: (v) => assert.ok(v.notes.some((n) => n.startsWith('A rule covering every outside address'))),
  },
  {
    name: 'C11: a world allow does not help when the pod cannot resolve the name',
    policies: clientEgress('- toEntities: [world]'),
    from: 'shop/client',
    to: 'fqdn:example.org',
    port: 443,
    expect: false,
    check: (v) => assert.ok(v.explanation.includes('shop/client cannot look up any name: its DNS traffic does not reach kube-system/coredns on port 53 (both ends must allow it).'), v.explanation.join('\n')),
  },
  // C12
  {
    name: 'C12: a DNS rule refuses names it does not match, so toFQDNs cannot reach them',
    policies: clientEgress(DNS_TO_KUBE_DNS('- matchPattern: "*.example.com"') + TO_FQDN('- matchName: www.other.org')),
    from: 'shop/client',
    to: 'fqdn:www.other.org',
    port: 443,
    expect: false,
    check: (v) => assert.ok(v.explanation.some((l) => l.startsWith('shop/client cannot resolve www.other.org: the DNS rules on its lookups'))),
  },
  {
    name: 'C12: DNS rules let the lookups reach kube-dns on port 53, filtered by name',
    policies: clientEgress(DNS_TO_KUBE_DNS('- matchPattern: "*.example.com"')),
    from: 'shop/client',
    to: 'kube-system/coredns',
    port: 53,
    protocol: 'UDP',
    expect: true,
    check: (v) => assert.deepEqual(v.egress.l7, [{ kind: 'dns', text: 'DNS *.example.com' }]),
  },
  // C13
  {
    name: 'C13: toServices allows the pods behind the Service',
    policies: docs(
      yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: db
          namespace: shop
        spec:
          selector:
            app: db
          ports:
            - port: 5432
      `,
      clientEgress('- toServices:\n    - k8sService:\n        serviceName: db\n        namespace: shop'),
    ),
    from: 'shop/client',
    to: 'shop/db',
    port: 5432,
    expect: true,
  },
  {
    name: 'C13: toServices does not open other pods',
    policies: docs(
      yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: db
          namespace: shop
        spec:
          selector:
            app: db
          ports:
            - port: 5432
      `,
      clientEgress('- toServices:\n    - k8sService:\n        serviceName: db\n        namespace: shop'),
    ),
    from: 'shop/client',
    to: 'shop/web',
    expect: false,
  },
  {
    name: 'C13: a Service without a selector selects no pod',
    policies: docs(
      yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: external-db
          namespace: shop
        spec:
          ports:
            - port: 5432
      `,
      clientEgress('- toServices:\n    - k8sService:\n        serviceName: external-db\n        namespace: shop'),
    ),
    from: 'shop/client',
    to: 'shop/db',
    expect: false,
    check: (v) => assert.ok(v.notes.some((n) => n.includes('has no selector'))),
  },
  {
    name: 'C13: k8sServiceSelector picks Services by their labels',
    policies: docs(
      yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: db
          namespace: shop
          labels:
            tier: data
        spec:
          selector:
            app: db
          ports:
            - port: 5432
      `,
      clientEgress('- toServices:\n    - k8sServiceSelector:\n        selector:\n          matchLabels:\n            tier: data\n        namespace: shop'),
    ),
    from: 'shop/client',
    to: 'shop/db',
    expect: true,
  },
  // C14
  { name: 'C14: a port without protocol means TCP, UDP and SCTP', policies: dbIngress('- toPorts:\n    - ports:\n        - port: "8080"'), from: 'shop/web', to: 'shop/db', port: 8080, protocol: 'UDP', expect: true },
  { name: 'C14: endPort in a CNP opens a range', policies: dbIngress('- toPorts:\n    - ports:\n        - port: "8000"\n          endPort: 8100\n          protocol: TCP'), from: 'shop/web', to: 'shop/db', port: 8100, expect: true },
  { name: 'C14: a named port in toPorts resolves on the receiving pod', policies: dbIngress('- toPorts:\n    - ports:\n        - port: pg\n          protocol: TCP'), from: 'shop/web', to: 'shop/db', port: 5432, expect: true },
  { name: 'C14: port "0" means every port of the protocol', policies: dbIngress('- toPorts:\n    - ports:\n        - port: "0"\n          protocol: UDP'), from: 'shop/web', to: 'shop/db', port: 1234, protocol: 'UDP', expect: true },
  // C15
  {
    name: 'C15: a request matching an HTTP rule passes',
    policies: HTTP_80,
    from: 'shop/client',
    to: 'shop/db',
    port: 80,
    http: { method: 'GET', path: '/public/index.html' },
    expect: true,
    check: (v) => assert.ok(v.explanation.some((l) => l.includes('the request GET /public/index.html matches'))),
  },
  {
    name: 'C15: a request no HTTP rule matches is refused, and the fix is to extend the HTTP rules',
    policies: HTTP_80,
    from: 'shop/client',
    to: 'shop/db',
    port: 80,
    http: { method: 'DELETE', path: '/public/index.html' },
    expect: false,
    check: (v) => assert.equal(v.suggestion, 'extend the HTTP rules of ingress[0] of CiliumNetworkPolicy shop/db-in to match DELETE /public/index.html'),
  },
  { name: 'C15: the path regex must match the whole path', policies: HTTP_80, from: 'shop/client', to: 'shop/db', port: 80, http: { method: 'POST', path: '/api/orders/1', headers: { 'X-Tenant': 'shop' } }, expect: false },
  { name: 'C15: a required header must be present with its value', policies: HTTP_80, from: 'shop/client', to: 'shop/db', port: 80, http: { method: 'POST', path: '/api/orders', headers: { 'x-tenant': 'shop' } }, expect: true },
  { name: 'C15: a request without the required header is refused', policies: HTTP_80, from: 'shop/client', to: 'shop/db', port: 80, http: { method: 'POST', path: '/api/orders' }, expect: false },
  {
    name: 'C15: without a request, the connection is allowed and the HTTP rules are listed',
    policies: HTTP_80,
    from: 'shop/client',
    to: 'shop/db',
    port: 80,
    expect: true,
    check: (v) =>
      assert.deepEqual(v.ingress.l7, [
        { kind: 'http', text: 'HTTP GET /public.*' },
        { kind: 'http', text: 'HTTP POST /api/orders header X-Tenant: shop' },
      ]),
  },
  {
    name: 'C15: an L4-only rule for the same peer and port makes the HTTP rules moot',
    policies: HTTP_80.replace('ingress:\n', 'ingress:\n    - fromEndpoints:\n        - matchLabels:\n            role: client\n      toPorts:\n        - ports:\n            - port: "80"\n              protocol: TCP\n'),
    from: 'shop/client',
    to: 'shop/db',
    port: 80,
    http: { method: 'DELETE', path: '/anything' },
    expect: true,
  },
  // C16
  {
    name: 'C16: ingressDeny wins over a CNP allow',
    policies: cnp('db', 'shop', `${DB}\ningress:\n  - fromEndpoints:\n      - {}\ningressDeny:\n  - fromEndpoints:\n      - matchLabels:\n          role: client`),
    from: 'shop/client',
    to: 'shop/db',
    port: 5432,
    expect: false,
  },
  {
    name: 'C16: egressDeny wins over a NetworkPolicy allow',
    policies: docs(
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: egress-all
          namespace: shop
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - {}
      `,
      cnp('no-metadata', 'shop', 'endpointSelector: {}\nenableDefaultDeny:\n  egress: false\negressDeny:\n  - toCIDR: [169.254.169.254/32]'),
    ),
    from: 'shop/web',
    to: 'ip:169.254.169.254',
    port: 80,
    expect: false,
  },
  {
    name: 'C16: a deny rule for another port leaves the allowed port open',
    policies: cnp('db', 'shop', `${DB}\ningress:\n  - fromEndpoints:\n      - {}\ningressDeny:\n  - fromEndpoints:\n      - {}\n    toPorts:\n      - ports:\n          - port: "22"`),
    from: 'shop/client',
    to: 'shop/db',
    port: 5432,
    expect: true,
  },
  // C17
  {
    name: 'C17: NetworkPolicy and CNP allows are unioned',
    policies: docs(
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: db-from-web
          namespace: shop
        spec:
          podSelector:
            matchLabels:
              app: db
          ingress:
            - from:
                - podSelector:
                    matchLabels:
                      app: web
      `,
      dbIngress('- fromEndpoints:\n    - matchLabels:\n        role: client'),
    ),
    from: 'shop/client',
    to: 'shop/db',
    expect: true,
    check: (v) => assert.ok(v.notes.some((n) => n.startsWith('C17:'))),
  },
  {
    name: 'C17: a pod is isolated when a policy of either kind asks for it',
    policies: docs(
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: db-isolated
          namespace: shop
        spec:
          podSelector:
            matchLabels:
              app: db
      `,
      cnp('db-out', 'shop', `${DB}\negress:\n  - toEntities: [world]`),
    ),
    from: 'shop/web',
    to: 'shop/db',
    expect: false,
  },
  {
    name: 'C17: NetworkPolicy ingress [{}] still allows all under Cilium next to a CNP',
    policies: docs(
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: allow-all
          namespace: shop
        spec:
          podSelector: {}
          ingress:
            - {}
      `,
      cnp('deny', 'shop', 'endpointSelector: {}\ningress:\n  - {}'),
    ),
    from: 'other/web',
    to: 'shop/db',
    expect: true,
  },
  // C18
  {
    name: 'C18: replies need no rule: an ingress-isolated pod still completes the connections it opens',
    policies: cnp('web', 'shop', `${WEB}\ningress:\n  - {}\negress:\n  - toCIDR: [203.0.113.0/24]`),
    from: 'shop/web',
    to: 'ip:203.0.113.9',
    port: 443,
    expect: true,
  },
];

describe('Cilium policy semantics (C1–C18)', () => {
  runTable(rows);
});

describe('Cilium rule references', () => {
  const text = docs(
    namespace('shop'),
    deployment('shop', 'db', { app: 'db' }),
    deployment('shop', 'client', { role: 'client' }),
    dbIngress('- fromEndpoints:\n    - matchLabels:\n        app: web\n- fromEndpoints:\n    - matchLabels:\n        role: client'),
  );
  runTable([
    {
      name: 'the allowing rule is the second ingress rule, located at its first key',
      alone: true,
      policies: text,
      from: 'shop/client',
      to: 'shop/db',
      expect: true,
      check: (v) => {
        const ref = v.ingress.allowedBy[0];
        assert.deepEqual({ section: ref.section, index: ref.index, specIndex: ref.specIndex }, { section: 'ingress', index: 1, specIndex: null });
        assert.equal(ref.location.start, offsetOf(text, 'fromEndpoints:', 1));
        assert.equal(ref.policyLocation.start, offsetOf(text, 'db-in'));
      },
    },
  ]);
});
