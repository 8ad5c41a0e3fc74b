/**
 * The AKS Cilium lab (examples/aks-lab): the flows its README promises.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildPolicyModel } from '../../server/src/core/engine/index';
import type { PolicyModel } from '../../server/src/core/engine/types';
import { ask, readFolder, repoRoot, type Ask } from './helpers';

const PAY = 'backend/payment-service';
const WEB = 'frontend/web-frontend';
const DNS = 'kube-system/coredns';

let cached: PolicyModel | null = null;
function lab(): PolicyModel {
  return (cached ??= buildPolicyModel(readFolder(join(repoRoot(), 'examples', 'aks-lab'))));
}

const expectations: (Ask & { expect: boolean })[] = [
  { from: PAY, to: 'fqdn:httpbin.org', port: 443, expect: true },
  { from: PAY, to: 'fqdn:api.stripe.com', port: 443, expect: true },
  { from: PAY, to: 'fqdn:httpbin.org', port: 80, expect: false },
  { from: PAY, to: 'fqdn:www.google.com', port: 443, expect: false },
  { from: PAY, to: 'fqdn:www.google.com', expect: false },
  { from: PAY, to: 'fqdn:example.com', port: 443, expect: false },
  { from: PAY, to: 'fqdn:example.com', expect: false },
  { from: PAY, to: DNS, port: 53, protocol: 'UDP', expect: true },
  { from: PAY, to: DNS, port: 53, protocol: 'TCP', expect: true },
  { from: WEB, to: PAY, port: 8080, expect: true },
  { from: WEB, to: PAY, port: 9090, expect: false },
  { from: WEB, to: PAY, port: 8080, protocol: 'UDP', expect: false },
  { from: WEB, to: 'world', expect: false },
  { from: WEB, to: 'ip:1.1.1.1', expect: false },
  { from: WEB, to: 'fqdn:example.com', expect: false },
  { from: WEB, to: DNS, port: 53, protocol: 'UDP', expect: true },
  { from: WEB, to: DNS, port: 53, protocol: 'TCP', expect: true },
  { from: PAY, to: WEB, expect: false },
  { from: PAY, to: WEB, port: 8080, expect: false },
  { from: DNS, to: WEB, expect: false },
  { from: 'ip:203.0.113.5', to: WEB, port: 80, expect: false },
];

describe('AKS lab (examples/aks-lab)', () => {
  for (const e of expectations) {
    const traffic = e.port === undefined ? 'any port' : `${e.protocol ?? 'TCP'} ${e.port}`;
    test(`${e.from} → ${e.to} on ${traffic} is ${e.expect ? 'allowed' : 'denied'}`, () => {
      const v = ask(lab(), e);
      assert.equal(v.allowed, e.expect, v.explanation.join('\n'));
    });
  }

  test('the denied lookup of www.google.com is explained and a fix is suggested', () => {
    const v = ask(lab(), { from: PAY, to: 'fqdn:www.google.com', port: 443 });
    assert.deepEqual(v.explanation, [
      'backend/payment-service → fqdn www.google.com, TCP 443: denied.',
      'The egress of backend/payment-service is isolated by 2 policies: CiliumNetworkPolicy backend/default-deny-all, CiliumNetworkPolicy backend/payment-egress-domains.',
      'backend/payment-service cannot resolve www.google.com: the DNS rules on its lookups (egress[0] of CiliumNetworkPolicy backend/payment-egress-domains) allow only *.stripe.com, api.stripe.com, httpbin.org; other names are refused.',
      'No egress rule of those policies allows TCP 443 to fqdn www.google.com.',
      'fqdn www.google.com is not a pod: no ingress policy applies on that side.',
      'Decided by the egress of backend/payment-service.',
    ]);
    assert.equal(
      v.suggestion,
      'add an egress rule to CiliumNetworkPolicy backend/payment-egress-domains allowing TCP 443 to fqdn www.google.com (toFQDNs matchName: www.google.com), and add a DNS rule matching www.google.com (toPorts.rules.dns matchName: www.google.com) in egress[0] of CiliumNetworkPolicy backend/payment-egress-domains',
    );
    assert.equal(v.decidedBy, 'egress');
  });

  test('the allowed call to api.stripe.com names the rules and where they are written', () => {
    const v = ask(lab(), { from: PAY, to: 'fqdn:api.stripe.com', port: 443 });
    assert.equal(v.egress.allowedBy.length, 1);
    const ref = v.egress.allowedBy[0];
    assert.deepEqual([ref.policy.name, ref.section, ref.index, ref.location.uri], ['payment-egress-domains', 'egress', 1, 'file:///policies/payment-egress-domains.yaml']);
    assert.ok(v.explanation.includes('egress[1] of CiliumNetworkPolicy backend/payment-egress-domains allows TCP 443 to fqdn api.stripe.com.'));
  });

  test('the frontend → payment flow needs both policies, named on each side', () => {
    const v = ask(lab(), { from: WEB, to: PAY, port: 8080 });
    assert.deepEqual(
      v.egress.allowedBy.map((r) => `${r.policy.name} ${r.section}[${r.index}]`),
      ['frontend-to-payment egress[1]'],
    );
    assert.deepEqual(
      v.ingress.allowedBy.map((r) => `${r.policy.name} ${r.section}[${r.index}]`),
      ['allow-frontend-ingress ingress[0]'],
    );
  });

  test('the DNS lookups of payment-service are proxied and limited to three names', () => {
    assert.deepEqual(
      { ...lab().dnsAccess(PAY)!, rules: [] },
      { reachesDns: true, proxied: true, patterns: ['*.stripe.com', 'api.stripe.com', 'httpbin.org'], rules: [] },
    );
    assert.deepEqual({ ...lab().dnsAccess(WEB)!, rules: [] }, { reachesDns: true, proxied: false, patterns: [], rules: [] });
  });

  test('the workload-to-workload flows are exactly the three the lab opens', () => {
    assert.deepEqual(
      lab()
        .effectiveFlows()
        .map((f) => `${f.from} → ${f.to}: ${f.ports}${f.l7.length ? ` [${f.l7.map((l) => l.text).join('; ')}]` : ''}`),
      [
        'backend/payment-service → kube-system/coredns: TCP 53,UDP 53,SCTP 53 [DNS *.stripe.com, api.stripe.com, httpbin.org]',
        'frontend/web-frontend → backend/payment-service: TCP 8080',
        'frontend/web-frontend → kube-system/coredns: TCP 53,UDP 53,SCTP 53',
      ],
    );
  });

  test('payment-service lists its allowed peers with ports, L7 rules and agreement', () => {
    const flows = lab().flowsOf(PAY)!;
    assert.deepEqual(
      flows.allowedEgress.map((p) => [p.peer, p.ports, p.l7.map((l) => l.text), p.peerAgrees]),
      [
        [{ type: 'workload', id: DNS }, 'TCP 53,UDP 53,SCTP 53', ['DNS *.stripe.com, api.stripe.com, httpbin.org'], 'both'],
        [{ type: 'fqdn', pattern: 'api.stripe.com' }, 'TCP 443', [], null],
        [{ type: 'fqdn', pattern: 'httpbin.org' }, 'TCP 443', [], null],
      ],
    );
    assert.deepEqual(
      flows.allowedIngress.map((p) => [p.peer, p.ports, p.peerAgrees]),
      [[{ type: 'workload', id: WEB }, 'TCP 8080', 'both']],
    );
  });

  test('the policy summary of payment-egress-domains reads as plain English', () => {
    const info = lab().policyInfo({ kind: 'CiliumNetworkPolicy', namespace: 'backend', name: 'payment-egress-domains' })!;
    assert.deepEqual(info.selected, [PAY]);
    assert.deepEqual(info.isolates, { ingress: false, egress: true });
    assert.deepEqual(info.summary, [
      'Selects pods with app=payment-service in namespace backend: backend/payment-service.',
      'They may send: DNS lookups for *.stripe.com, api.stripe.com, httpbin.org on port 53 (any protocol) to pods with k8s-app=kube-dns in namespace kube-system; TCP 443 to fqdn api.stripe.com, fqdn httpbin.org.',
      'Everything else out is denied (unless another policy allows it).',
    ]);
  });
});
