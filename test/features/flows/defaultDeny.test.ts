import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { checkFile } from '../../../server/src/core/analysis/checkFile';
import { createWorkspaceView } from '../../../server/src/core/analysis/workspaceView';
import { sanitizeSettings } from '../../../server/src/core/settings/analysisSettings';
import { defaultDenyPolicy } from '../../../server/src/features/flows/defaultDeny';
import type { DefaultDenyParams } from '../../../server/src/protocol/protocol';
import { inlineWorkspace } from './workspace';

const SHOP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: api
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: other
spec:
  template:
    metadata:
      labels:
        app: web
`;

function policy(params: Partial<DefaultDenyParams>): string {
  const result = defaultDenyPolicy({ namespace: 'shop', direction: 'both', flavor: 'NetworkPolicy', allowDns: true, ...params });
  assert.equal(result.error, undefined);
  return result.text;
}

/** The generated policy next to workloads in `shop` and `other`, asked through the engine. */
function withWorkloads(text: string) {
  const ws = inlineWorkspace({ 'workloads.yaml': SHOP, 'policy.yaml': text });
  const can = (from: string, to: string, port?: number, protocol?: 'TCP' | 'UDP') =>
    ws.model.canReach({
      from: from.includes('/') ? { type: 'workload', id: from } : from === 'world' ? { type: 'world' } : { type: 'fqdn', name: from },
      to: to.includes('/') ? { type: 'workload', id: to } : to === 'world' ? { type: 'world' } : { type: 'fqdn', name: to },
      ...(port ? { port, protocol: protocol ?? 'TCP' } : {}),
    }).allowed;
  return { ws, can, flows: ws.model.flowsOf('shop/api')! };
}

describe('defaultDenyPolicy', () => {
  test('NetworkPolicy, both directions, DNS kept: the exact document', () => {
    assert.equal(
      policy({}),
      `# Default deny: all ingress and egress of every pod in namespace shop is denied unless another policy allows it.
# DNS lookups to CoreDNS (k8s-app=kube-dns in kube-system) stay allowed, or no name would resolve.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-all
  namespace: shop
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - protocol: UDP
          port: 53
        - protocol: TCP
          port: 53
`,
    );
    assert.equal(defaultDenyPolicy({ namespace: 'shop', direction: 'both', flavor: 'NetworkPolicy', allowDns: true }).suggestedFileName, 'default-deny-all-shop.yaml');
  });

  for (const flavor of ['NetworkPolicy', 'CiliumNetworkPolicy'] as const) {
    test(`${flavor}, both directions with DNS: pods isolated both ways, only DNS to CoreDNS gets out`, () => {
      const { can, flows } = withWorkloads(policy({ flavor }));
      assert.equal(flows.ingress.isolated, true);
      assert.equal(flows.egress.isolated, true);
      assert.equal(can('shop/api', 'kube-system/coredns', 53, 'UDP'), true);
      assert.equal(can('shop/api', 'kube-system/coredns', 53, 'TCP'), true);
      assert.equal(can('shop/api', 'kube-system/coredns', 80), false);
      assert.equal(can('shop/api', 'other/web', 80), false);
      assert.equal(can('shop/api', 'world', 443), false);
      assert.equal(can('other/web', 'shop/api', 8080), false);
      assert.equal(can('world', 'shop/api', 443), false);
      // Other namespaces are untouched.
      assert.equal(can('other/web', 'world', 443), true);
    });

    test(`${flavor}, both directions without DNS: even DNS is denied`, () => {
      const { can, flows } = withWorkloads(policy({ flavor, allowDns: false }));
      assert.deepEqual([flows.ingress.isolated, flows.egress.isolated], [true, true]);
      assert.equal(can('shop/api', 'kube-system/coredns', 53, 'UDP'), false);
    });

    test(`${flavor}, ingress only: egress stays open`, () => {
      const { can, flows } = withWorkloads(policy({ flavor, direction: 'ingress' }));
      assert.deepEqual([flows.ingress.isolated, flows.egress.isolated], [true, false]);
      assert.equal(can('shop/api', 'world', 443), true);
      assert.equal(can('other/web', 'shop/api', 8080), false);
    });

    test(`${flavor}, egress only with DNS: ingress stays open`, () => {
      const { can, flows } = withWorkloads(policy({ flavor, direction: 'egress' }));
      assert.deepEqual([flows.ingress.isolated, flows.egress.isolated], [false, true]);
      assert.equal(can('other/web', 'shop/api', 8080), true);
      assert.equal(can('shop/api', 'kube-system/coredns', 53, 'UDP'), true);
      assert.equal(can('shop/api', 'world', 443), false);
    });

    test(`${flavor}: parses as one document; our own checks find no error, and no warning but the chosen DNS block`, () => {
      for (const direction of ['ingress', 'egress', 'both'] as const) {
        for (const allowDns of [true, false]) {
          const text = policy({ flavor, direction, allowDns });
          const doc = parseDocument(text);
          assert.deepEqual(doc.errors, []);
          assert.equal((doc.toJS() as { kind: string }).kind, flavor);
          assert.ok(!text.startsWith('---') && text.endsWith('\n'));
          const ws = inlineWorkspace({ 'workloads.yaml': SHOP, 'policy.yaml': text });
          const settings = sanitizeSettings({});
          const file = ws.index.get(ws.uri('policy.yaml'))!;
          const serious = checkFile(file, createWorkspaceView(ws.index, settings), settings)
            .filter((f) => f.severity === 'error' || f.severity === 'warning')
            // Denying egress without the DNS exception is the user's explicit choice; the warning about it is right.
            .filter((f) => !(direction !== 'ingress' && !allowDns && f.ruleId === 'policy/dns-blocked' && f.severity === 'warning'));
          assert.deepEqual(serious.map((f) => `${f.ruleId}: ${f.message}`), [], `${flavor} ${direction} dns=${allowDns}`);
        }
      }
    });
  }

  test('CiliumNetworkPolicy with DNS: plain port-53 access, no rules.dns (AKS rejects the catch-all "*")', () => {
    const object = parseDocument(policy({ flavor: 'CiliumNetworkPolicy' })).toJS() as any;
    assert.deepEqual(object.spec.ingress, [{}]);
    assert.deepEqual(object.spec.egress, [
      {
        toEndpoints: [{ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'kube-system', 'k8s-app': 'kube-dns' } }],
        toPorts: [{ ports: [{ port: '53', protocol: 'ANY' }] }],
      },
    ]);
  });

  test('a name Kubernetes would reject is refused with the rule', () => {
    for (const namespace of ['Shop', 'shop_1', '-shop', '', 'a'.repeat(64)]) {
      const result = defaultDenyPolicy({ namespace, direction: 'both', flavor: 'NetworkPolicy', allowDns: true });
      assert.equal(result.text, '');
      assert.match(result.error ?? '', /is not a namespace name/);
    }
    assert.equal(defaultDenyPolicy({ namespace: ' shop ', direction: 'ingress', flavor: 'NetworkPolicy', allowDns: false }).error, undefined);
  });
});
