import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { completionsAt } from '../../../server/src/features/completion';
import { policyCompletions } from '../../../server/src/features/policy/completion';
import { checkText } from '../../support/ruleHarness';
import { rangeText } from '../../support/text';
import { atCursor, exampleFiles } from './support';

const LAB = exampleFiles('examples/aks-lab');
const SHOP = exampleFiles('test/features/policy/fixtures');

interface Completed {
  readonly items: CompletionItem[];
  readonly labels: string[];
  /** Each item's replaced range as `L:C-L:C`. */
  readonly ranges: string[];
  readonly text: string;
}

function complete(textWithCursor: string, files: Record<string, string>): Completed {
  const { file, offset, view, text } = atCursor(textWithCursor, files);
  const items = policyCompletions(file, offset, view);
  const ranges = items.map((i) => {
    const e = i.textEdit as TextEdit;
    return rangeText(text, file.lines.offsetAt(e.range.start), file.lines.offsetAt(e.range.end));
  });
  return { items, labels: items.map((i) => i.label), ranges, text };
}

function item(done: Completed, label: string): CompletionItem {
  const found = done.items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} among ${done.labels.join(', ')}`);
  return found;
}

const newText = (i: CompletionItem) => (i.textEdit as TextEdit).newText;

/** The text after applying an item's edit (snippet placeholders replaced by their defaults). */
function apply(done: Completed, i: CompletionItem): string {
  const e = i.textEdit as TextEdit;
  const lines = done.text.split('\n');
  const offsetOf = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return done.text.slice(0, offsetOf(e.range.start)) + expandSnippet(e.newText) + done.text.slice(offsetOf(e.range.end));
}

function expandSnippet(snippet: string): string {
  const defaults = new Map<string, string>();
  const unescape = (s: string) => s.replace(/\\([\\$},|])/g, '$1');
  return snippet.replace(/\$\{(\d+)(?::((?:\\.|[^\\}])*)|\|((?:\\.|[^\\|])*)\|)?\}/g, (_, n: string, def?: string, choices?: string) => {
    const value = def !== undefined ? unescape(def) : choices !== undefined ? unescape(choices.split(/(?<!\\),/)[0]) : (defaults.get(n) ?? '');
    if (!defaults.has(n)) defaults.set(n, value);
    return value;
  });
}

const NP_HEAD = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: shop\n';
const CNP_HEAD = 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: p\n  namespace: frontend\n';

describe('policy completion: keys from the schema', () => {
  test('a half-typed key under spec offers the fields not written yet, replacing what was typed', () => {
    const done = complete(`${NP_HEAD}spec:\n  pol$0\n  podSelector: {}\n`, SHOP);
    assert.deepEqual(done.labels, ['policyTypes', 'ingress', 'egress']);
    assert.deepEqual(new Set(done.ranges), new Set(['7:3-7:6']));
    assert.equal(newText(item(done, 'policyTypes')), 'policyTypes:\n    - ');
    const docs = item(done, 'policyTypes').documentation as MarkupContent;
    assert.match(docs.value, /^Directions this policy isolates\. When omitted it is `\[Ingress\]`/);
    assert.match(docs.value, /\[Kubernetes documentation\]\(https:\/\/kubernetes\.io\/docs\/concepts\/services-networking\/network-policies\/\)$/);
  });

  test('objects open a block at the document\'s indentation, lists a first item, scalars a value', () => {
    const done = complete(`${CNP_HEAD}spec:\n  endpointSelector: {}\n  egress:\n    - toPorts:\n        - $0\n`, LAB);
    assert.deepEqual(done.labels, ['ports', 'rules', 'serverNames', 'listener', 'originatingTLS', 'terminatingTLS']);
    assert.equal(newText(item(done, 'rules')), 'rules:\n            ');
    assert.equal(newText(item(done, 'ports')), 'ports:\n            - ');
    const meta = complete(`${CNP_HEAD.replace('  namespace: frontend\n', '')}  $0\nspec: {}\n`, LAB);
    assert.equal(newText(item(meta, 'namespace')), 'namespace: ');
  });

  test('only the key is replaced when the line already has its colon', () => {
    const done = complete(`${NP_HEAD}spec:\n  podSelector: {}\n  egr$0: []\n`, SHOP);
    assert.equal(newText(item(done, 'egress')), 'egress');
    assert.equal(done.ranges[done.labels.indexOf('egress')], '8:3-8:6');
  });

  test('keys of a rule leave out those already written, above or below the cursor', () => {
    const done = complete(`${NP_HEAD}spec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector: {}\n      $0\n`, SHOP);
    assert.deepEqual(done.labels, ['ports']);
    const cnp = complete(`${CNP_HEAD}spec:\n  endpointSelector: {}\n  egress:\n    - $0\n      toPorts: []\n`, LAB);
    assert.ok(!cnp.labels.includes('toPorts'));
    assert.ok(cnp.labels.includes('toFQDNs'));
  });
});

describe('policy completion: values', () => {
  test('protocols: TCP/UDP/SCTP in a NetworkPolicy, TCP/UDP/SCTP/ANY in a Cilium policy', () => {
    const np = complete(`${NP_HEAD}spec:\n  podSelector: {}\n  ingress:\n    - ports:\n        - protocol: $0\n`, SHOP);
    assert.deepEqual(np.labels, ['TCP', 'UDP', 'SCTP']);
    const cnp = complete(`${CNP_HEAD}spec:\n  endpointSelector: {}\n  egress:\n    - toPorts:\n        - ports:\n            - port: "53"\n              protocol: $0\n`, LAB);
    assert.deepEqual(cnp.labels, ['TCP', 'UDP', 'SCTP', 'ANY']);
    assert.deepEqual(cnp.ranges[0], '12:25-12:25');
  });

  test('policyTypes: after `- ` the values not listed yet; on a new line under the key, whole items', () => {
    const dash = complete(`${NP_HEAD}spec:\n  podSelector: {}\n  policyTypes:\n    - Ingress\n    - $0\n`, SHOP);
    assert.deepEqual(dash.labels, ['Egress']);
    assert.equal(newText(dash.items[0]), 'Egress');
    const line = complete(`${NP_HEAD}spec:\n  podSelector: {}\n  policyTypes:\n    $0\n`, SHOP);
    assert.deepEqual(line.labels, ['Ingress', 'Egress']);
    assert.deepEqual(line.items.map(newText), ['- Ingress', '- Egress']);
  });

  test('selector operators, and booleans written plain', () => {
    const op = complete(`${NP_HEAD}spec:\n  podSelector:\n    matchExpressions:\n      - key: app\n        operator: $0\n`, SHOP);
    assert.deepEqual(op.labels, ['In', 'NotIn', 'Exists', 'DoesNotExist']);
    const flag = complete(`${CNP_HEAD}spec:\n  endpointSelector: {}\n  enableDefaultDeny:\n    egress: "$0"\n`, LAB);
    assert.deepEqual(flag.labels, ['true', 'false']);
    assert.equal(newText(flag.items[1]), 'false');
    assert.equal(flag.ranges[1], '9:13-9:15');
  });

  test('entities in toEntities, with their meaning, without the ones the CRD rejects', () => {
    const done = complete(`${CNP_HEAD}spec:\n  endpointSelector: {}\n  egress:\n    - toEntities:\n        - world\n        - $0\n`, LAB);
    assert.deepEqual(done.labels, ['all', 'cluster', 'host', 'remote-node', 'kube-apiserver', 'ingress', 'health', 'init', 'unmanaged', 'none']);
    assert.equal(item(done, 'host').detail, 'the local node, including hostNetwork pods on it');
  });
});

describe('policy completion: labels, namespaces, ports and names from the workspace', () => {
  test('`app: ` in an endpointSelector offers the app labels of the workspace\'s pods', () => {
    const done = complete(`${CNP_HEAD}spec:\n  endpointSelector:\n    matchLabels:\n      app: $0\n`, LAB);
    assert.deepEqual(done.labels, ['payment-service', 'web-frontend']);
    assert.equal(item(done, 'web-frontend').detail, '1 workload');
    assert.equal((item(done, 'web-frontend').documentation as MarkupContent).value, '- `frontend/web-frontend`');
    const quoted = complete(`${CNP_HEAD}spec:\n  endpointSelector:\n    matchLabels:\n      app: "we$0"\n`, LAB);
    assert.equal(newText(item(quoted, 'web-frontend')), '"web-frontend"');
    assert.equal(quoted.ranges[0], '9:12-9:16');
  });

  test('label keys of a Cilium peer: pod labels by use, then the namespace, namespace-label and service-account keys', () => {
    const done = complete(`${CNP_HEAD}spec:\n  endpointSelector: {}\n  egress:\n    - toEndpoints:\n        - matchLabels:\n            $0\n`, SHOP);
    assert.deepEqual(done.labels, [
      'app',
      'tier',
      'k8s-app',
      'k8s:io.kubernetes.pod.namespace',
      'k8s:io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name',
      'k8s:io.cilium.k8s.namespace.labels.team',
      'k8s:io.cilium.k8s.policy.serviceaccount',
    ]);
    assert.equal(newText(item(done, 'app')), 'app: ');
    assert.equal(newText(item(done, 'k8s:io.kubernetes.pod.namespace')), '"k8s:io.kubernetes.pod.namespace": ');
    assert.deepEqual(item(done, 'app').command, { title: 'Suggest values', command: 'editor.action.triggerSuggest' });
    assert.equal((item(done, 'app').documentation as MarkupContent).value, 'Values here: `api`, `postgres`, `web`.');
  });

  test('keys already in the selector are left out; an endpointSelector gets no namespace keys (it cannot leave its namespace)', () => {
    const done = complete(`${CNP_HEAD}spec:\n  endpointSelector:\n    matchLabels:\n      app: web\n      $0\n`, SHOP);
    assert.deepEqual(done.labels, ['tier', 'k8s-app']);
  });

  test('values of Cilium\'s special keys: namespace names, namespace label values, service accounts', () => {
    const at = (line: string) => `${CNP_HEAD}spec:\n  endpointSelector: {}\n  ingress:\n    - fromEndpoints:\n        - matchLabels:\n            ${line}\n`;
    assert.deepEqual(complete(at('"k8s:io.kubernetes.pod.namespace": $0'), SHOP).labels, ['db', 'frontend', 'kube-system', 'shop']);
    assert.deepEqual(complete(at('k8s:io.cilium.k8s.namespace.labels.team: $0'), SHOP).labels, ['data', 'storefront']);
    assert.deepEqual(complete(at('io.cilium.k8s.policy.serviceaccount: $0'), SHOP).labels, ['default', 'web-sa']);
    assert.deepEqual(complete(at('k8s:tier: $0'), SHOP).labels, ['backend', 'frontend']);
  });

  test('a NetworkPolicy namespaceSelector: namespace label keys, and namespace names for kubernetes.io/metadata.name', () => {
    const keys = complete(`${NP_HEAD}spec:\n  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              $0\n`, SHOP);
    assert.deepEqual(keys.labels, ['kubernetes.io/metadata.name', 'team']);
    assert.match((item(keys, 'kubernetes.io/metadata.name').documentation as MarkupContent).value, /^`kubernetes\.io\/metadata\.name`: the namespace's name\./);
    const values = complete(`${NP_HEAD}spec:\n  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: $0\n`, SHOP);
    assert.deepEqual(values.labels, ['db', 'kube-system', 'shop']);
  });

  test('matchExpressions: keys as the `key:` value, and the key\'s values in `values`', () => {
    const key = complete(`${NP_HEAD}spec:\n  podSelector:\n    matchExpressions:\n      - key: $0\n`, SHOP);
    assert.deepEqual(key.labels, ['app', 'tier', 'k8s-app']);
    assert.equal(newText(item(key, 'app')), 'app');
    const values = complete(`${NP_HEAD}spec:\n  podSelector:\n    matchExpressions:\n      - key: tier\n        operator: In\n        values:\n          - $0\n`, SHOP);
    assert.deepEqual(values.labels, ['backend', 'frontend']);
  });

  test('named ports: of the policy\'s own pods on ingress (NetworkPolicy: numbers plain)', () => {
    const done = complete(`${NP_HEAD}spec:\n  podSelector:\n    matchLabels:\n      app: api\n  ingress:\n    - ports:\n        - port: $0\n`, SHOP);
    assert.deepEqual(done.labels, ['grpc', '9090', '9100']);
    assert.equal(item(done, 'grpc').detail, 'TCP 9090 on 1 workload');
    assert.equal(newText(item(done, '9090')), '9090');
    assert.equal((item(done, 'grpc').documentation as MarkupContent).value, 'Named port `grpc` = TCP 9090. Declared by `shop/api`: the pods this policy selects (they receive the traffic).');
  });

  test('named ports: of the rule\'s peer pods on egress (Cilium: numbers quoted)', () => {
    const done = complete(
      `${CNP_HEAD}spec:\n  endpointSelector:\n    matchLabels:\n      app: web-frontend\n  egress:\n    - toEndpoints:\n        - matchLabels:\n            "k8s:io.kubernetes.pod.namespace": kube-system\n    - toEndpoints:\n        - matchLabels:\n            "k8s:io.kubernetes.pod.namespace": backend\n            app: payment-service\n      toPorts:\n        - ports:\n            - port: $0\n              protocol: TCP\n`,
      LAB,
    );
    assert.deepEqual(done.labels, ['http', '8080']);
    assert.deepEqual(done.items.map(newText), ['http', '"8080"']);
  });

  test('DNS rule names: the names toFQDNs rules already use, this policy\'s first', () => {
    const done = complete(
      `${CNP_HEAD}spec:\n  endpointSelector: {}\n  egress:\n    - toEndpoints:\n        - matchLabels:\n            "k8s:io.kubernetes.pod.namespace": kube-system\n            k8s-app: kube-dns\n      toPorts:\n        - ports:\n            - port: "53"\n              protocol: ANY\n          rules:\n            dns:\n              - matchPattern: $0\n    - toFQDNs:\n        - matchPattern: "*.blob.core.windows.net"\n`,
      LAB,
    );
    assert.deepEqual(done.labels, ['*.blob.core.windows.net', 'api.stripe.com', 'httpbin.org']);
    assert.deepEqual(done.items.map((i) => i.detail), ['toFQDNs in this policy', 'toFQDNs in backend/payment-egress-domains', 'toFQDNs in backend/payment-egress-domains']);
    assert.equal(newText(done.items[0]), '"*.blob.core.windows.net"');
  });
});

describe('policy completion: whole-rule snippets', () => {
  test('a Cilium egress list offers DNS, namespace and FQDN rules; each inserted rule is valid', () => {
    const done = complete(`${CNP_HEAD}spec:\n  endpointSelector:\n    matchLabels:\n      app: web-frontend\n  egress:\n    - $0\n`, LAB);
    const snippets = done.items.filter((i) => i.kind === 15);
    assert.deepEqual(snippets.map((i) => i.label), ['Allow DNS to kube-dns', 'Allow to pods of a namespace', 'Allow a domain name (toFQDNs + DNS rule)']);
    assert.equal(
      newText(item(done, 'Allow to pods of a namespace')),
      'toEndpoints:\n        - matchLabels:\n            "k8s:io.kubernetes.pod.namespace": ${1|backend,frontend,kube-system|}\n            app: ${2:payment-service}\n      toPorts:\n        - ports:\n            - port: "${3:8080}"\n              protocol: TCP',
    );
    const fqdn = apply(done, item(done, 'Allow a domain name (toFQDNs + DNS rule)'));
    assert.equal(
      fqdn.slice(fqdn.indexOf('  egress:')),
      [
        '  egress:',
        '    - toEndpoints:',
        '        - matchLabels:',
        '            "k8s:io.kubernetes.pod.namespace": kube-system',
        '            k8s-app: kube-dns',
        '      toPorts:',
        '        - ports:',
        '            - port: "53"',
        '              protocol: ANY',
        '          rules:',
        '            dns:',
        '              - matchName: "api.example.com"',
        '    - toFQDNs:',
        '        - matchName: "api.example.com"',
        '      toPorts:',
        '        - ports:',
        '            - port: "443"',
        '              protocol: TCP',
        '',
      ].join('\n'),
    );
    for (const s of snippets) {
      const findings = checkText(apply(done, s), { extraFiles: LAB }).filter((f) => / (error|warning) /.test(f));
      assert.deepEqual(findings, [], s.label);
    }
  });

  test('a NetworkPolicy ingress list, on a new line under the key: the AND form of namespace + pods, with the dash', () => {
    const done = complete(`${NP_HEAD}spec:\n  podSelector: {}\n  ingress:\n    $0\n`, SHOP);
    assert.deepEqual(done.labels, ['Allow from pods of a namespace (AND)']);
    const applied = apply(done, done.items[0]);
    assert.equal(
      applied.slice(applied.indexOf('  ingress:')),
      '  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: db\n          podSelector:\n            matchLabels:\n              app: postgres\n      ports:\n        - protocol: TCP\n          port: 8080\n',
    );
    assert.deepEqual(checkText(applied, { extraFiles: SHOP }).filter((f) => / (error|warning) /.test(f)), []);
  });

  test('a Cilium ingress list offers the L7 GET rule; snippets follow a compact list style', () => {
    const done = complete(`${CNP_HEAD}spec:\n  endpointSelector: {}\n  ingress:\n  - fromEntities:\n    - world\n  - $0\n`, LAB);
    const l7 = item(done, 'Allow HTTP GET (L7 rule)');
    assert.equal(
      expandSnippet(newText(l7)),
      'fromEndpoints:\n    - matchLabels:\n        app: payment-service\n    toPorts:\n    - ports:\n      - port: "80"\n        protocol: TCP\n      rules:\n        http:\n        - method: "GET"\n          path: "/public/.*"',
    );
    assert.deepEqual(checkText(apply(done, l7), { extraFiles: LAB }).filter((f) => / (error|warning) /.test(f)), []);
  });

  test('no snippets once the rule has keys, nor in deny lists', () => {
    assert.ok(!complete(`${CNP_HEAD}spec:\n  endpointSelector: {}\n  egress:\n    - $0\n      toPorts: []\n`, LAB).items.some((i) => i.kind === 15));
    assert.ok(!complete(`${CNP_HEAD}spec:\n  endpointSelector: {}\n  egressDeny:\n    - $0\n`, LAB).items.some((i) => i.kind === 15));
  });
});

describe('completion dispatcher', () => {
  test('a policy document broken around the cursor still routes to the policy provider', () => {
    const { file, offset, view } = atCursor(`${NP_HEAD}spec:\n  podSelector: {}\n  pol$0\n  ingress: [\n`, SHOP);
    assert.ok(file.documents[0].problems.length > 0);
    assert.deepEqual(completionsAt(file, offset, view).map((i) => i.label), ['policyTypes', 'egress']);
  });

  test('a provider that throws is logged and gives no items', () => {
    const { file, offset, view } = atCursor(`${CNP_HEAD}spec:\n  endpointSelector:\n    matchLabels:\n      app: $0\n`, LAB);
    const broken = Object.defineProperty({ ...view }, 'resources', { get: () => { throw new Error('index gone'); } });
    const logs: string[] = [];
    assert.deepEqual(completionsAt(file, offset, broken, (m) => logs.push(m)), []);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /^Completion in CiliumNetworkPolicy of file:\/\/\/test\/policy\.yaml failed: Error: index gone/);
  });

  test('Ingress documents go to the Ingress provider; other kinds get nothing', () => {
    const ingress = atCursor('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\n  namespace: shop\nspec:\n  ingressClassName: $0\n', SHOP);
    assert.ok(completionsAt(ingress.file, ingress.offset, ingress.view).some((i) => i.label === 'webapprouting.kubernetes.azure.com'));
    const ns = atCursor('apiVersion: v1\nkind: Namespace\nmetadata:\n  $0\n', SHOP);
    assert.deepEqual(completionsAt(ns.file, ns.offset, ns.view), []);
  });
});
