/**
 * Kubernetes NetworkPolicy semantics, one table row per behaviour of policy-semantics.md K1–K13.
 * The shared cluster (helpers.ts CLUSTER) has shop/{web,db,client} and other/{web,client}.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { deployment, docs, namespace, offsetOf, runTable, URI, yaml, type Row } from './helpers';

const DB_INGRESS_ONLY = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: db-isolated
    namespace: shop
  spec:
    podSelector:
      matchLabels:
        app: db
    policyTypes: [Ingress]
`;

const EGRESS_TO_10_8 = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: egress-private
    namespace: shop
  spec:
    podSelector: {}
    egress:
      - to:
          - ipBlock:
              cidr: 10.0.0.0/8
`;

const TWO_POLICIES = docs(
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
  yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: db-from-clients
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: db
      ingress:
        - from:
            - podSelector:
                matchLabels:
                  role: client
  `,
);

const DB_FROM_WEB_5432 = yaml`
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
        ports:
          - port: 5432
`;

/** `text` with every line indented by `n` spaces. */
function indent(text: string, n: number): string {
  return text
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');
}

function header(name: string, selector: string): string[] {
  return ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', `  name: ${name}`, '  namespace: shop', 'spec:', '  podSelector:', '    matchLabels:', `      ${selector}`];
}

/** An ingress policy on shop/db with one rule `from: <peers>` (no ports). */
function dbFrom(peers: string): string {
  return [...header('db-from', 'app: db'), '  ingress:', '    - from:', indent(peers, 8)].join('\n');
}

/** An egress policy on shop/client with the given rules. */
function clientEgress(rules: string): string {
  return [...header('client-egress', 'role: client'), '  policyTypes: [Egress]', '  egress:', indent(rules, 4)].join('\n');
}

/** An ingress policy on shop/db allowing every peer on the given ports. */
function dbPorts(ports: string): string {
  return [...header('db-ports', 'app: db'), '  ingress:', '    - ports:', indent(ports, 8)].join('\n');
}

const rows: Row[] = [
  // K1
  { name: 'K1: a pod selected by an ingress policy accepts only what some rule allows', policies: DB_INGRESS_ONLY, from: 'shop/web', to: 'shop/db', expect: false },
  { name: 'K1: isolation is per direction: the egress of an ingress-isolated pod is unaffected', policies: DB_INGRESS_ONLY, from: 'shop/db', to: 'shop/web', port: 8080, expect: true },
  { name: 'K1: pods the policy does not select stay unrestricted', policies: DB_INGRESS_ONLY, from: 'shop/client', to: 'shop/web', port: 8080, expect: true },
  // K2
  {
    name: 'K2: a policy without policyTypes and without rules isolates ingress only',
    policies: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: deny-ingress
        namespace: shop
      spec:
        podSelector: {}
    `,
    from: 'shop/web',
    to: 'other/web',
    expect: true,
  },
  {
    name: 'K2: egress: [] without policyTypes does not isolate egress',
    policies: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: empty-egress
        namespace: shop
      spec:
        podSelector: {}
        egress: []
    `,
    from: 'shop/web',
    to: 'ip:1.1.1.1',
    port: 443,
    expect: true,
  },
  {
    name: 'K2: egress rules without policyTypes also isolate ingress',
    policies: EGRESS_TO_10_8,
    from: 'other/web',
    to: 'shop/web',
    port: 8080,
    expect: false,
    check: (v) => {
      assert.deepEqual(v.ingress.isolatedBy, [{ kind: 'NetworkPolicy', namespace: 'shop', name: 'egress-private' }]);
      assert.equal(v.decidedBy, 'ingress');
      assert.ok(v.explanation.includes('No ingress rule of those policies allows TCP 8080 from other/web.'), v.explanation.join('\n'));
    },
  },
  { name: 'K2: egress rules without policyTypes limit egress to the listed rules (inside the block)', policies: EGRESS_TO_10_8, from: 'shop/web', to: 'ip:10.1.2.3', port: 443, expect: true },
  { name: 'K2: egress rules without policyTypes limit egress to the listed rules (outside the block)', policies: EGRESS_TO_10_8, from: 'shop/web', to: 'ip:1.1.1.1', port: 443, expect: false },
  {
    name: 'K2: ingress [{}] next to egress rules allows all ingress',
    policies: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: both
        namespace: shop
      spec:
        podSelector: {}
        ingress:
          - {}
        egress:
          - to:
              - ipBlock:
                  cidr: 10.0.0.0/8
    `,
    from: 'other/web',
    to: 'shop/web',
    port: 8080,
    expect: true,
  },
  {
    name: 'K2: explicit policyTypes [Egress] leaves ingress ungoverned even with ingress rules',
    policies: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: egress-only
        namespace: shop
      spec:
        podSelector: {}
        policyTypes: [Egress]
        ingress:
          - from:
              - podSelector:
                  matchLabels:
                    app: nothing
        egress:
          - {}
    `,
    from: 'other/web',
    to: 'shop/db',
    port: 5432,
    expect: true,
  },
  {
    name: 'K2: policyTypes: [] written explicitly counts as unspecified',
    policies: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: empty-types
        namespace: shop
      spec:
        podSelector: {}
        policyTypes: []
        egress:
          - {}
    `,
    from: 'other/web',
    to: 'shop/web',
    expect: false,
  },
  // K3
  { name: 'K3: policies add up: the first policy’s peer is allowed', policies: TWO_POLICIES, from: 'shop/web', to: 'shop/db', port: 5432, expect: true },
  { name: 'K3: policies add up: the second policy’s peer is allowed too', policies: TWO_POLICIES, from: 'shop/client', to: 'shop/db', port: 5432, expect: true },
  {
    name: 'K3: a peer no policy names is denied',
    policies: TWO_POLICIES,
    from: 'other/web',
    to: 'shop/db',
    port: 5432,
    expect: false,
    check: (v) => assert.equal(v.ingress.isolatedBy.length, 2),
  },
  // K4
  {
    name: 'K4: ingress: [] isolates and allows nothing',
    policies: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: none-in
        namespace: shop
      spec:
        podSelector: {}
        policyTypes: [Ingress]
        ingress: []
    `,
    from: 'shop/web',
    to: 'shop/db',
    expect: false,
  },
  {
    name: 'K4: ingress: [{}] allows every source on every port',
    policies: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: all-in
        namespace: shop
      spec:
        podSelector: {}
        ingress:
          - {}
    `,
    from: 'other/web',
    to: 'shop/db',
    port: 9999,
    protocol: 'UDP',
    expect: true,
  },
  {
    name: 'K4: an allow-all policy cannot be narrowed by another policy',
    policies: docs(
      DB_FROM_WEB_5432,
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: all-in
          namespace: shop
        spec:
          podSelector: {}
          ingress:
            - {}
      `,
    ),
    from: 'other/client',
    to: 'shop/db',
    port: 22,
    expect: true,
  },
  // K5
  { name: 'K5: from and ports both match: the right peer on the right port passes', policies: DB_FROM_WEB_5432, from: 'shop/web', to: 'shop/db', port: 5432, expect: true },
  { name: 'K5: the right peer on another port is denied', policies: DB_FROM_WEB_5432, from: 'shop/web', to: 'shop/db', port: 80, expect: false },
  { name: 'K5: another peer on the right port is denied', policies: DB_FROM_WEB_5432, from: 'shop/client', to: 'shop/db', port: 5432, expect: false },
  { name: 'K5: a rule without ports allows every port of its peers', policies: dbFrom('- podSelector:\n    matchLabels:\n      app: web'), from: 'shop/web', to: 'shop/db', port: 53, protocol: 'UDP', expect: true },
  { name: 'K5: a rule without from allows every peer on its ports', policies: dbPorts('- port: 5432'), from: 'other/client', to: 'shop/db', port: 5432, expect: true },
  // K6
  { name: 'K6: a podSelector peer selects pods of the policy’s namespace only', policies: dbFrom('- podSelector:\n    matchLabels:\n      app: web'), from: 'other/web', to: 'shop/db', expect: false },
  {
    name: 'K6: namespaceSelector and podSelector in one element are ANDed (both match)',
    policies: dbFrom('- namespaceSelector:\n    matchLabels:\n      team: b\n  podSelector:\n    matchLabels:\n      role: client'),
    from: 'other/client',
    to: 'shop/db',
    expect: true,
  },
  {
    name: 'K6: namespaceSelector and podSelector in one element are ANDed (other pods of that namespace are denied)',
    policies: dbFrom('- namespaceSelector:\n    matchLabels:\n      team: b\n  podSelector:\n    matchLabels:\n      role: client'),
    from: 'other/web',
    to: 'shop/db',
    expect: false,
  },
  {
    name: 'K6: namespaceSelector and podSelector as separate elements are ORed (any pod of the namespace)',
    policies: dbFrom('- namespaceSelector:\n    matchLabels:\n      team: b\n- podSelector:\n    matchLabels:\n      role: client'),
    from: 'other/web',
    to: 'shop/db',
    expect: true,
  },
  {
    name: 'K6: namespaceSelector and podSelector as separate elements are ORed (pods of the own namespace)',
    policies: dbFrom('- namespaceSelector:\n    matchLabels:\n      team: b\n- podSelector:\n    matchLabels:\n      role: client'),
    from: 'shop/client',
    to: 'shop/db',
    expect: true,
  },
  {
    name: 'K6: namespaceSelector and podSelector as separate elements are ORed (pods matching neither are denied)',
    policies: dbFrom('- namespaceSelector:\n    matchLabels:\n      team: b\n- podSelector:\n    matchLabels:\n      role: client'),
    from: 'shop/web',
    to: 'shop/db',
    expect: false,
  },
  { name: 'K6: namespaceSelector: {} selects pods of every namespace', policies: dbFrom('- namespaceSelector: {}'), from: 'other/web', to: 'shop/db', expect: true },
  { name: 'K6: namespaceSelector: {} does not match addresses outside the cluster', policies: dbFrom('- namespaceSelector: {}'), from: 'ip:8.8.8.8', to: 'shop/db', expect: false },
  { name: 'K6: podSelector: {} selects every pod of the policy’s namespace', policies: dbFrom('- podSelector: {}'), from: 'shop/client', to: 'shop/db', expect: true },
  { name: 'K6: podSelector: {} does not reach into other namespaces', policies: dbFrom('- podSelector: {}'), from: 'other/client', to: 'shop/db', expect: false },
  // K7
  {
    name: 'K7: an omitted spec.podSelector selects every pod of the namespace',
    policies: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: no-selector
        namespace: shop
      spec:
        policyTypes: [Ingress]
    `,
    from: 'other/web',
    to: 'shop/web',
    expect: false,
  },
  { name: 'K7: the subject selector never selects pods of other namespaces', policies: DB_INGRESS_ONLY.replace('app: db', 'app: web'), from: 'shop/client', to: 'other/web', port: 8080, expect: true },
  // K8
  {
    name: 'K8: ipBlock allows addresses inside its cidr',
    policies: clientEgress('- to:\n    - ipBlock:\n        cidr: 172.17.0.0/16\n        except: [172.17.1.0/24]'),
    from: 'shop/client',
    to: 'ip:172.17.2.5',
    expect: true,
  },
  { name: 'K8: ipBlock except carves addresses out of the cidr', policies: clientEgress('- to:\n    - ipBlock:\n        cidr: 172.17.0.0/16\n        except: [172.17.1.0/24]'), from: 'shop/client', to: 'ip:172.17.1.9', expect: false },
  {
    name: 'K8: ipBlock never matches pods, even 0.0.0.0/0',
    policies: clientEgress('- to:\n    - ipBlock:\n        cidr: 0.0.0.0/0'),
    from: 'shop/client',
    to: 'other/web',
    port: 8080,
    expect: false,
  },
  { name: 'K8: ipBlock 0.0.0.0/0 covers every outside address, so world is reachable', policies: clientEgress('- to:\n    - ipBlock:\n        cidr: 0.0.0.0/0'), from: 'shop/client', to: 'world', expect: true },
  {
    name: 'K8: an ingress ipBlock lets outside addresses in the cidr connect',
    policies: dbFrom('- ipBlock:\n    cidr: 203.0.113.0/24'),
    from: 'ip:203.0.113.7',
    to: 'shop/db',
    port: 5432,
    expect: true,
  },
  {
    name: 'K8: on azure-npm the verdict is the same, with a note that ipBlock may match pod IPs there',
    policies: dbFrom('- ipBlock:\n    cidr: 10.0.0.0/8'),
    settings: { engine: 'azure-npm' },
    from: 'shop/web',
    to: 'shop/db',
    expect: false,
    check: (v) => assert.ok(v.notes.some((n) => n.startsWith('K8: on azure-npm an ipBlock may also match pod IPs')), v.notes.join('\n')),
  },
  // K9
  { name: 'K9: protocol defaults to TCP (UDP is denied)', policies: dbPorts('- port: 53'), from: 'shop/web', to: 'shop/db', port: 53, protocol: 'UDP', expect: false },
  { name: 'K9: protocol defaults to TCP (TCP is allowed)', policies: dbPorts('- port: 53'), from: 'shop/web', to: 'shop/db', port: 53, protocol: 'TCP', expect: true },
  { name: 'K9: a port entry without a number allows every port of its protocol', policies: dbPorts('- protocol: UDP'), from: 'shop/web', to: 'shop/db', port: 9999, protocol: 'UDP', expect: true },
  { name: 'K9: a port entry without a number does not open other protocols', policies: dbPorts('- protocol: UDP'), from: 'shop/web', to: 'shop/db', port: 9999, protocol: 'TCP', expect: false },
  { name: 'K9: endPort allows the whole inclusive range', policies: dbPorts('- port: 32000\n  endPort: 32768'), from: 'shop/web', to: 'shop/db', port: 32768, expect: true },
  { name: 'K9: endPort stops at its end', policies: dbPorts('- port: 32000\n  endPort: 32768'), from: 'shop/web', to: 'shop/db', port: 32769, expect: false },
  {
    name: 'K9: Cilium 1.16 ignores endPort: only port applies',
    policies: dbPorts('- port: 32000\n  endPort: 32768'),
    settings: { engine: 'cilium', ciliumMinor: 16 },
    from: 'shop/web',
    to: 'shop/db',
    port: 32001,
    expect: false,
    check: (v) => assert.ok(v.notes.some((n) => n.includes('Cilium 1.16 does not support NetworkPolicy endPort'))),
  },
  { name: 'K9: Cilium 1.16 still applies the port of a range', policies: dbPorts('- port: 32000\n  endPort: 32768'), settings: { ciliumMinor: 16 }, from: 'shop/web', to: 'shop/db', port: 32000, expect: true },
  { name: 'K9: an ingress named port resolves on the selected pod', policies: dbPorts('- port: pg'), from: 'shop/web', to: 'shop/db', port: 5432, expect: true },
  { name: 'K9: an ingress named port opens only its number', policies: dbPorts('- port: pg'), from: 'shop/web', to: 'shop/db', port: 5433, expect: false },
  { name: 'K9: an egress named port resolves on the destination pod', policies: clientEgress('- ports:\n    - port: http'), from: 'shop/client', to: 'shop/web', port: 8080, expect: true },
  { name: 'K9: an egress named port matches nothing on a pod without that name', policies: clientEgress('- ports:\n    - port: http'), from: 'shop/client', to: 'shop/db', port: 8080, expect: false },
  {
    name: 'K9: a named port never matches an ipBlock destination',
    policies: clientEgress('- to:\n    - ipBlock:\n        cidr: 0.0.0.0/0\n  ports:\n    - port: http'),
    from: 'shop/client',
    to: 'ip:1.2.3.4',
    port: 8080,
    expect: false,
  },
  { name: 'K9: SCTP ports match SCTP only', policies: dbPorts('- protocol: SCTP\n  port: 9090'), from: 'shop/web', to: 'shop/db', port: 9090, protocol: 'SCTP', expect: true },
  // K10
  {
    name: 'K10: the sender’s egress must allow the connection',
    policies: docs(clientEgress('- to:\n    - ipBlock:\n        cidr: 10.0.0.0/8'), dbFrom('- podSelector:\n    matchLabels:\n      role: client')),
    from: 'shop/client',
    to: 'shop/db',
    port: 5432,
    expect: false,
    check: (v) => {
      assert.equal(v.egress.allowed, false);
      assert.equal(v.ingress.allowed, true);
      assert.equal(v.decidedBy, 'egress');
    },
  },
  {
    name: 'K10: the receiver’s ingress must allow the connection',
    policies: docs(clientEgress('- {}'), DB_INGRESS_ONLY),
    from: 'shop/client',
    to: 'shop/db',
    port: 5432,
    expect: false,
    check: (v) => assert.equal(v.decidedBy, 'ingress'),
  },
  { name: 'K10: allowed when both sides agree', policies: docs(clientEgress('- {}'), dbFrom('- podSelector:\n    matchLabels:\n      role: client')), from: 'shop/client', to: 'shop/db', port: 5432, expect: true },
  {
    name: 'K10: without a port both sides must agree on the same port',
    policies: docs(clientEgress('- ports:\n    - port: 80'), dbPorts('- port: 443')),
    from: 'shop/client',
    to: 'shop/db',
    expect: false,
    check: (v) => {
      assert.equal(v.egress.allowed, true);
      assert.equal(v.ingress.allowed, true);
      assert.ok(v.explanation.includes('Each side allows some traffic, but not the same: the egress allows TCP 80, the ingress allows TCP 443.'), v.explanation.join('\n'));
    },
  },
  // K11
  {
    name: 'K11: a hostNetwork pod is not restricted by the policies that select it',
    alone: true,
    policies: docs(
      namespace('shop'),
      deployment('shop', 'agent', { app: 'agent' }, { hostNetwork: true }),
      deployment('shop', 'web', { app: 'web' }),
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-all
          namespace: shop
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
      `,
    ),
    from: 'shop/agent',
    to: 'ip:1.1.1.1',
    expect: true,
    check: (v) => {
      assert.equal(v.egress.isolated, false);
      assert.ok(v.explanation.some((l) => l.startsWith('shop/agent uses the host network: policies do not apply to it')));
      assert.ok(v.notes.some((n) => n.startsWith('K11:')));
    },
  },
  {
    name: 'K11: a hostNetwork sender is node traffic, which pod selectors do not match',
    alone: true,
    policies: docs(
      namespace('shop'),
      deployment('shop', 'agent', { app: 'agent' }, { hostNetwork: true }),
      deployment('shop', 'db', { app: 'db' }),
      dbFrom('- podSelector: {}'),
    ),
    from: 'shop/agent',
    to: 'shop/db',
    expect: false,
  },
  // K12
  {
    name: 'K12: NotIn matches namespaces that lack the key',
    policies: dbFrom('- namespaceSelector:\n    matchExpressions:\n      - {key: env, operator: NotIn, values: [prod]}'),
    from: 'other/web',
    to: 'shop/db',
    expect: true,
  },
  {
    name: 'K12: NotIn excludes namespaces with a listed value',
    policies: dbFrom('- namespaceSelector:\n    matchExpressions:\n      - {key: env, operator: NotIn, values: [prod]}'),
    from: 'shop/web',
    to: 'shop/db',
    expect: false,
  },
  { name: 'K12: DoesNotExist matches pods without the key', policies: dbFrom('- podSelector:\n    matchExpressions:\n      - {key: role, operator: DoesNotExist}'), from: 'shop/web', to: 'shop/db', expect: true },
  { name: 'K12: DoesNotExist rejects pods with the key', policies: dbFrom('- podSelector:\n    matchExpressions:\n      - {key: role, operator: DoesNotExist}'), from: 'shop/client', to: 'shop/db', expect: false },
  { name: 'K12: Exists matches any value of the key', policies: dbFrom('- podSelector:\n    matchExpressions:\n      - {key: role, operator: Exists}'), from: 'shop/client', to: 'shop/db', expect: true },
  { name: 'K12: In does not match pods without the key', policies: dbFrom('- podSelector:\n    matchExpressions:\n      - {key: app, operator: In, values: [web, api]}'), from: 'shop/client', to: 'shop/db', expect: false },
  // K13
  {
    name: 'K13: kubernetes.io/metadata.name selects a namespace by name',
    policies: dbFrom('- namespaceSelector:\n    matchLabels:\n      kubernetes.io/metadata.name: other'),
    from: 'other/client',
    to: 'shop/db',
    expect: true,
  },
  {
    name: 'K13: a namespace only named by a workload still carries its name label',
    policies: docs(deployment('ghost', 'probe', { app: 'probe' }), dbFrom('- namespaceSelector:\n    matchLabels:\n      kubernetes.io/metadata.name: ghost')),
    from: 'ghost/probe',
    to: 'shop/db',
    expect: true,
    check: (_v, model) => assert.ok(model.namespaces.includes('ghost')),
  },
];

describe('NetworkPolicy semantics (K1–K13)', () => {
  runTable(rows);
});

describe('NetworkPolicy explanations', () => {
  const text = docs(
    namespace('shop', { team: 'a', env: 'prod' }),
    deployment('shop', 'web', { app: 'web' }),
    deployment('shop', 'db', { app: 'db' }, { ports: [{ name: 'pg', port: 5432 }] }),
    DB_FROM_WEB_5432,
  );
  runTable([
    {
      name: 'an allowed verdict names the isolating policy and the rule that allows, with its location',
      alone: true,
      policies: text,
      from: 'shop/web',
      to: 'shop/db',
      port: 5432,
      expect: true,
      check: (v) => {
        assert.deepEqual(v.explanation, [
          'shop/web → shop/db, TCP 5432: allowed.',
          'No policy isolates the egress of shop/web, so its egress is allowed.',
          'The ingress of shop/db is isolated by 1 policy: NetworkPolicy shop/db-from-web.',
          'ingress[0] of NetworkPolicy shop/db-from-web allows TCP 5432 from pods with app=web in namespace shop.',
        ]);
        assert.equal(v.ingress.allowedBy.length, 1);
        const ref = v.ingress.allowedBy[0];
        assert.equal(ref.section, 'ingress');
        assert.equal(ref.index, 0);
        assert.equal(ref.location.uri, URI);
        assert.equal(ref.location.start, offsetOf(text, '- from:') + 2);
        assert.equal(ref.policyLocation.start, offsetOf(text, 'db-from-web'));
        assert.equal(ref.policyLocation.end, offsetOf(text, 'db-from-web') + 'db-from-web'.length);
      },
    },
    {
      name: 'a denied verdict says which side decides and suggests a rule',
      alone: true,
      policies: text,
      from: 'shop/web',
      to: 'shop/db',
      port: 80,
      expect: false,
      check: (v) => {
        assert.deepEqual(v.explanation, [
          'shop/web → shop/db, TCP 80: denied.',
          'No policy isolates the egress of shop/web, so its egress is allowed.',
          'The ingress of shop/db is isolated by 1 policy: NetworkPolicy shop/db-from-web.',
          'Rules naming shop/web allow only TCP 5432: ingress[0] of NetworkPolicy shop/db-from-web.',
          'No ingress rule of those policies allows TCP 80 from shop/web.',
          'Decided by the ingress of shop/db.',
        ]);
        assert.equal(v.suggestion, 'add an ingress rule to NetworkPolicy shop/db-from-web allowing TCP 80 from shop/web (pods with app=web in namespace shop)');
        assert.ok(v.notes.length === 0, v.notes.join('\n'));
      },
    },
  ]);
});
