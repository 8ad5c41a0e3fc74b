import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { NP_PORT } from '../../../server/src/core/schema/networkPolicy';
import { policyHover } from '../../../server/src/features/policy/hover';
import { hoverAt } from '../../../server/src/features/hover';
import { rangeText } from '../../support/text';
import { atCursor, exampleFiles, exampleUri, markExample } from './support';

const LAB = exampleFiles('examples/aks-lab');
const SHOP = exampleFiles('test/features/policy/fixtures');
const PAYMENT_LINK = `[backend/payment-service](${exampleUri('examples/aks-lab/payment-service.yaml')}#L8)`;
const FRONTEND_LINK = `[frontend/web-frontend](${exampleUri('examples/aks-lab/web-frontend.yaml')}#L6)`;
const shopLink = (id: string, line: number) => `[${id}](${exampleUri('test/features/policy/fixtures/workloads.yaml')}#L${line})`;

/** Hover in a lab file at `needle` (+ shift): its Markdown and range as `L:C-L:C`. */
function labHover(relative: string, needle: string, shift = 0, occurrence = 1): { value: string; range: string } | null {
  return hoverIn(markExample(relative, needle, shift, occurrence), LAB, exampleUri(relative));
}

function hoverIn(textWithCursor: string, files: Record<string, string>, uri?: string): { value: string; range: string } | null {
  const { file, offset, view, text } = atCursor(textWithCursor, files, uri);
  const hover = policyHover(file, offset, view);
  if (!hover) return null;
  const start = file.lines.offsetAt(hover.range!.start);
  const end = file.lines.offsetAt(hover.range!.end);
  return { value: (hover.contents as MarkupContent).value, range: rangeText(text, start, end) };
}

function includesAll(value: string, parts: string[]): void {
  for (const part of parts) assert.ok(value.includes(part), `missing ${JSON.stringify(part)} in:\n${value}`);
}

describe('policy hover: selectors show what they match in the workspace', () => {
  test('a CNP endpointSelector: its docs, its namespace pinning and the selected workload linked to its file', () => {
    const hover = labHover('examples/aks-lab/policies/allow-frontend-ingress.yaml', 'endpointSelector', 3)!;
    assert.equal(hover.range, '10:3-10:19');
    includesAll(hover.value, [
      '**`endpointSelector`** · label selector',
      'The pods this rule applies to. In a CiliumNetworkPolicy only pods of its own namespace',
      '[Cilium documentation](https://docs.cilium.io/en/stable/security/policy/kubernetes/)',
      '**In this workspace** it matches pods with app=payment-service in namespace backend (a CNP applies only in its own namespace): 1 workload:',
      `- ${PAYMENT_LINK}`,
    ]);
  });

  test('a matchLabels entry of a peer: the label, the special namespace key explained, and the peer pods', () => {
    const hover = labHover('examples/aks-lab/policies/allow-frontend-ingress.yaml', '"k8s:io.kubernetes.pod.namespace"', 5)!;
    assert.equal(hover.range, '16:13-16:46');
    includesAll(hover.value, [
      '**Label `k8s:io.kubernetes.pod.namespace: frontend`** — the selected pods must carry it with exactly this value.',
      "`k8s:io.kubernetes.pod.namespace`: the pod's **namespace name**.",
      "The `k8s:` prefix says the label must come from Kubernetes",
      'it matches pods with app=web-frontend in namespace frontend (named by k8s:io.kubernetes.pod.namespace): 1 workload:',
      `- ${FRONTEND_LINK}`,
    ]);
  });

  test('a plain matchLabels value hovers like its key', () => {
    const hover = labHover('examples/aks-lab/policies/allow-frontend-ingress.yaml', 'app: web-frontend', 8)!;
    assert.equal(hover.range, '17:18-17:30');
    includesAll(hover.value, ['**Label `app: web-frontend`**', `- ${FRONTEND_LINK}`]);
    assert.ok(!hover.value.includes('namespace name'), 'an ordinary key gets no special-key text');
  });

  const SHOP_NP = [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    '  name: postgres-from-shop',
    '  namespace: db',
    'spec:',
    '  podSelector:',
    '    matchLabels:',
    '      app: postgres',
    '  policyTypes:',
    '    - Ingress',
    '  ingress:',
    '    - from:',
    '        - namespaceSelector:',
    '            matchLabels:',
    '              kubernetes.io/metadata.name: shop',
    '          podSelector:',
    '            matchLabels:',
    '              app: api',
    '      ports:',
    '        - protocol: TCP',
    '          port: postgres',
    '',
  ].join('\n');
  const at = (needle: string, shift = 0) => SHOP_NP.replace(needle, needle.slice(0, shift) + '$0' + needle.slice(shift));

  test('a NetworkPolicy namespaceSelector lists the namespaces and their workloads', () => {
    const hover = hoverIn(at('namespaceSelector', 2), SHOP)!;
    assert.equal(hover.range, '14:11-14:28');
    includesAll(hover.value, [
      '**`namespaceSelector`** · label selector',
      '**In this workspace** it matches namespaces with kubernetes.io/metadata.name=shop: 1 namespace (`shop`), with 2 workloads:',
      `- ${shopLink('shop/api', 28)}`,
      `- ${shopLink('shop/web', 5)}`,
    ]);
  });

  test('kubernetes.io/metadata.name in a namespaceSelector is explained', () => {
    const hover = hoverIn(at('kubernetes.io/metadata.name: shop', 3), SHOP)!;
    includesAll(hover.value, [
      '**Label `kubernetes.io/metadata.name: shop`** — the selected namespaces must carry it with exactly this value.',
      "`kubernetes.io/metadata.name`: the namespace's name. The control plane sets this label on every namespace",
    ]);
  });

  test('a podSelector in the same peer as a namespaceSelector means both (AND)', () => {
    const hover = hoverIn(at('podSelector:\n            matchLabels:\n              app: api', 1), SHOP)!;
    includesAll(hover.value, ['it matches pods with app=api in namespaces with kubernetes.io/metadata.name=shop: 1 workload:', `- ${shopLink('shop/api', 28)}`]);
    assert.ok(!hover.value.includes('shop/web'));
  });

  test('a subject selector that matches nothing says so', () => {
    const none = hoverIn(SHOP_NP.replace('app: postgres', 'app: my$0sql'), SHOP)!;
    includesAll(none.value, ['**Label `app: mysql`**', 'it matches pods with app=mysql in namespace db: no workload of these manifests.']);
  });

  test('a CCNP endpointSelector is cluster-wide', () => {
    const ccnp = ['apiVersion: cilium.io/v2', 'kind: CiliumClusterwideNetworkPolicy', 'metadata:', '  name: frontends', 'spec:', '  endpointSel$0ector:', '    matchLabels:', '      tier: frontend', '  ingress:', '    - fromEntities:', '        - cluster', ''].join('\n');
    const hover = hoverIn(ccnp, SHOP)!;
    includesAll(hover.value, ['it matches pods with tier=frontend', '(CCNP: cluster-wide): 1 workload:', `- ${shopLink('shop/web', 5)}`]);
  });
});

describe('policy hover: the whole policy on metadata.name and spec', () => {
  test('metadata.name: the summary from the engine, the selected pods with links, and what it isolates', () => {
    const { file, offset, view } = atCursor(markExample('examples/aks-lab/policies/allow-frontend-ingress.yaml', 'allow-frontend-ingress\n', 3), LAB, exampleUri('examples/aks-lab/policies/allow-frontend-ingress.yaml'));
    const hover = policyHover(file, offset, view)!;
    const value = (hover.contents as MarkupContent).value;
    const info = view.policyModel().policyInfo({ kind: 'CiliumNetworkPolicy', namespace: 'backend', name: 'allow-frontend-ingress' })!;
    assert.ok(info.summary.length > 0);
    includesAll(value, [
      '**CiliumNetworkPolicy `backend/allow-frontend-ingress`**',
      info.summary.join('\n\n'),
      `**Selected pods** (1 workload):\n\n- ${PAYMENT_LINK}`,
      '**Isolates ingress:** the selected pods accept only what some policy allows; this policy does not restrict their egress.',
    ]);
    assert.match(value, /TCP 8080/);
  });

  test('the spec key: an egress-only policy isolates egress', () => {
    const hover = labHover('examples/aks-lab/policies/payment-egress-domains.yaml', '\nspec:', 2)!;
    assert.equal(hover.range, '10:1-10:5');
    includesAll(hover.value, ['**CiliumNetworkPolicy `backend/payment-egress-domains`**', '**Isolates egress:**', `- ${PAYMENT_LINK}`]);
    assert.match(hover.value, /api\.stripe\.com/);
  });

  test('a default-deny CNP with `{}` rules isolates both directions of every pod of its namespace', () => {
    const hover = labHover('examples/aks-lab/policies/default-deny-all.yaml', 'name: default-deny-all', 8, 2)!;
    includesAll(hover.value, ['**CiliumNetworkPolicy `frontend/default-deny-all`**', `**Selected pods** (1 workload):\n\n- ${FRONTEND_LINK}`, '**Isolates ingress and egress:**']);
  });
});

describe('policy hover: field documentation, entities, special keys', () => {
  test('a NetworkPolicy field shows its catalogue documentation and the docs link', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\nspec:\n  podSelector: {}\n  ingress:\n    - ports:\n        - proto$0col: UDP\n          port: 53\n';
    const hover = hoverIn(text, {})!;
    assert.equal(hover.range, '9:11-9:19');
    assert.equal(
      hover.value,
      `**\`protocol\`** · text\n\n${NP_PORT.fields!.protocol.doc}\n\nValues: \`TCP\`, \`UDP\`, \`SCTP\`.\n\n[Kubernetes documentation](https://kubernetes.io/docs/concepts/services-networking/network-policies/)`,
    );
  });

  test('a list item names its list', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\nspec:\n  podSelector: {}\n  policyTypes:\n    - Eg$0ress\n';
    const hover = hoverIn(text, {})!;
    assert.ok(hover.value.startsWith('**item of `policyTypes`**\n\n`Ingress` or `Egress` (capitalised).'), hover.value);
  });

  test('a Cilium field with a version shows since when it exists', () => {
    const text = 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: a\n  namespace: shop\nspec:\n  endpointSelector: {}\n  enableDefault$0Deny:\n    egress: false\n  egress:\n    - toEntities: [world]\n';
    includesAll(hoverIn(text, SHOP)!.value, ['**`enableDefaultDeny`** · object', 'Since Cilium 1.16.', '[Cilium documentation](https://docs.cilium.io/en/stable/security/policy/intro/)']);
  });

  test('an entity name explains what it stands for; kube-apiserver in fromEntities carries the AKS caveat', () => {
    const text = (entity: string, list: string) =>
      `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: a\n  namespace: shop\nspec:\n  endpointSelector: {}\n  ingress:\n    - ${list}:\n        - ${entity}\n`;
    const world = hoverIn(text('wo$0rld', 'fromEntities'), SHOP)!;
    assert.equal(world.range, '10:11-10:16');
    assert.ok(world.value.startsWith('**Entity `world`**: everything outside the cluster (0.0.0.0/0 and ::/0 outside the cluster).'), world.value);
    const api = hoverIn(text('kube-api$0server', 'fromEntities'), SHOP)!;
    includesAll(api.value, ['**Entity `kube-apiserver`**', 'may not match it; egress `toEntities: [kube-apiserver]` works.']);
  });

  test('a namespace-label key and a service-account key in a matchExpressions key are explained', () => {
    const text = (key: string) =>
      `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: a\n  namespace: shop\nspec:\n  endpointSelector: {}\n  ingress:\n    - fromEndpoints:\n        - matchExpressions:\n            - key: ${key}\n              operator: Exists\n`;
    const ns = hoverIn(text('io.cilium.k8s.namespace.labels.te$0am'), SHOP)!;
    includesAll(ns.value, ['**`key`** · text', "`io.cilium.k8s.namespace.labels.team`: a label **of the pod's namespace** (`team`).", '**In this workspace** it matches', ': 3 workloads:']);
    const sa = hoverIn(text('k8s:io.cilium.k8s.policy.service$0account'), SHOP)!;
    includesAll(sa.value, ["`k8s:io.cilium.k8s.policy.serviceaccount`: the name of the pod's **ServiceAccount**"]);
  });

  test('nothing on indentation, on an unknown field, or outside policies', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\nspec:\n  podselector: {}\n  policyTypes:\n    - Ingress\n';
    assert.equal(hoverIn(text.replace('  podselector', '$0  podselector'), {}), null);
    assert.equal(hoverIn(text.replace('podselector', 'pod$0selector'), {}), null);
    assert.equal(hoverIn('apiVersion: v1\nkind: Namespace\nmetadata:\n  na$0me: a\n', {}), null);
  });
});

describe('hover dispatcher', () => {
  test('routes Ingress documents to the Ingress provider and policies to the policy provider', () => {
    const ingress = atCursor('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\n  namespace: shop\nspec:\n  ingressClass$0Name: webapprouting.kubernetes.azure.com\n', SHOP);
    const value = (hoverAt(ingress.file, ingress.offset, ingress.view)!.contents as MarkupContent).value;
    assert.match(value, /^\*\*Ingress class `webapprouting\.kubernetes\.azure\.com`\*\*/);
    const policy = atCursor(markExample('examples/aks-lab/policies/allow-frontend-ingress.yaml', 'endpointSelector', 3), LAB, exampleUri('examples/aks-lab/policies/allow-frontend-ingress.yaml'));
    assert.match((hoverAt(policy.file, policy.offset, policy.view)!.contents as MarkupContent).value, /endpointSelector/);
  });

  test('a provider that throws is logged and gives no hover', () => {
    const { file, offset, view } = atCursor(markExample('examples/aks-lab/policies/allow-frontend-ingress.yaml', 'allow-frontend-ingress\n', 3), LAB, exampleUri('examples/aks-lab/policies/allow-frontend-ingress.yaml'));
    const broken = { ...view, policyModel: () => { throw new Error('model exploded'); } };
    const logs: string[] = [];
    assert.equal(hoverAt(file, offset, broken, (m) => logs.push(m)), null);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /^Hover on CiliumNetworkPolicy in file:\/\/\/.*allow-frontend-ingress\.yaml failed: Error: model exploded/);
  });
});
