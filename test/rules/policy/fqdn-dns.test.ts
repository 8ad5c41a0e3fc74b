import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dnsAllowlistBlocksClusterNamesRule } from '../../../server/src/core/rules/policy/dnsAllowlistBlocksClusterNames';
import { dnsPatternMissesFqdnRule } from '../../../server/src/core/rules/policy/dnsPatternMissesFqdn';
import { fqdnWithoutDnsRuleRule } from '../../../server/src/core/rules/policy/fqdnWithoutDnsRule';
import { yaml } from '../../support/text';
import { API, WEB, workloads } from './fixtures';
import { applyAndRecheck, findings } from './support';

const extraFiles = workloads(WEB, API);

/** web may look up names at L4 only (no rules.dns) and call api.example.com. */
const L4_DNS = yaml`
  apiVersion: cilium.io/v2
  kind: CiliumNetworkPolicy
  metadata:
    name: web-egress
    namespace: shop
  spec:
    endpointSelector:
      matchLabels:
        app: web
    egress:
      - toEndpoints:
          - matchLabels:
              "k8s:io.kubernetes.pod.namespace": kube-system
              "k8s:k8s-app": kube-dns
        toPorts:
          - ports:
              - port: "53"
                protocol: ANY
      - toFQDNs:
          - matchName: api.example.com
        toPorts:
          - ports:
              - port: "443"
                protocol: TCP
`;

describe('policy/fqdn-without-dns-rule', () => {
  const rule = fqdnWithoutDnsRuleRule;

  test('DNS open at L4 only: warning on toFQDNs; the fix adds the DNS rule to the port-53 rule', () => {
    assert.deepEqual(findings(rule, L4_DNS, { extraFiles }), [
      "19:7-19:14 policy/fqdn-without-dns-rule warning The DNS lookups of shop/web pass no DNS rule (toPorts.rules.dns), so Cilium's DNS proxy never sees them and this rule never learns the addresses of \"api.example.com\": connections to them are dropped.",
    ]);
    assert.equal(
      applyAndRecheck(rule, L4_DNS, 'Add a DNS rule for the toFQDNs names', { extraFiles }),
      L4_DNS.replace(
        '            - port: "53"\n              protocol: ANY\n',
        '            - port: "53"\n              protocol: ANY\n          rules:\n            dns:\n              - matchName: api.example.com\n',
      ),
    );
  });

  test('no DNS rule in this policy (DNS allowed elsewhere): the fix adds a DNS egress rule here', () => {
    const allowDns = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: allow-dns, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
    `;
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web-egress, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app: web}}
        egress:
          - toFQDNs: [{matchPattern: "*.example.com"}]
    `;
    const options = { extraFiles: { ...extraFiles, 'file:///test/dns.yaml': allowDns } };
    assert.deepEqual(findings(rule, text, options), [
      "7:7-7:14 policy/fqdn-without-dns-rule warning The DNS lookups of shop/web pass no DNS rule (toPorts.rules.dns), so Cilium's DNS proxy never sees them and this rule never learns the addresses of \"*.example.com\": connections to them are dropped.",
    ]);
    assert.equal(
      applyAndRecheck(rule, text, 'Add a DNS rule for the toFQDNs names', options),
      yaml`
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: web-egress, namespace: shop}
        spec:
          endpointSelector: {matchLabels: {app: web}}
          egress:
            - toFQDNs: [{matchPattern: "*.example.com"}]
            - toEndpoints:
                - matchLabels:
                    "k8s:io.kubernetes.pod.namespace": kube-system
                    k8s-app: kube-dns
              toPorts:
                - ports:
                    - port: "53"
                      protocol: ANY
                  rules:
                    dns:
                      - matchPattern: "*.example.com"
      `,
    );
  });

  test('clean: lookups pass a DNS rule; pods that cannot reach DNS at all are dns-blocked\'s', () => {
    const proxied = L4_DNS.replace('              protocol: ANY\n', '              protocol: ANY\n          rules:\n            dns: [{matchPattern: "*"}]\n');
    assert.deepEqual(findings(rule, proxied, { extraFiles }), []);
    const noDns = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web-egress, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app: web}}
        egress:
          - toFQDNs: [{matchName: api.example.com}]
    `;
    assert.deepEqual(findings(rule, noDns, { extraFiles }), []);
  });
});

describe('policy/dns-pattern-misses-fqdn', () => {
  const rule = dnsPatternMissesFqdnRule;
  const text = yaml`
    apiVersion: cilium.io/v2
    kind: CiliumNetworkPolicy
    metadata:
      name: web-egress
      namespace: shop
    spec:
      endpointSelector:
        matchLabels:
          app: web
      egress:
        - toEndpoints:
            - matchLabels:
                "k8s:io.kubernetes.pod.namespace": kube-system
                "k8s:k8s-app": kube-dns
          toPorts:
            - ports:
                - port: "53"
                  protocol: ANY
              rules:
                dns:
                  - matchPattern: "*.stripe.com"
        - toFQDNs:
            - matchName: stripe.com
            - matchName: api.stripe.com
          toPorts:
            - ports:
                - port: "443"
                  protocol: TCP
  `;

  test('the apex name is not covered by *.stripe.com: warning on the entry, fix adds it to the DNS rule', () => {
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      '23:22-23:32 policy/dns-pattern-misses-fqdn warning No DNS rule lets shop/web look up stripe.com: the DNS proxy allows only "*.stripe.com" ("*.stripe.com" stands for exactly one more label, so it does not match stripe.com itself). The lookup is refused, so toFQDNs never learns its addresses.',
    ]);
    assert.equal(
      applyAndRecheck(rule, text, 'Allow looking up "stripe.com" in the DNS rule of this policy', { extraFiles }),
      text.replace('              - matchPattern: "*.stripe.com"\n', '              - matchPattern: "*.stripe.com"\n              - matchName: stripe.com\n'),
    );
  });

  test('the DNS rule can live in another policy: the fix edits that one', () => {
    const dns = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: dns, namespace: shop}
      spec:
        endpointSelector: {}
        egress:
          - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, k8s-app: kube-dns}}]
            toPorts:
              - ports: [{port: "53", protocol: ANY}]
                rules:
                  dns:
                    - matchName: api.stripe.com
    `;
    const fqdn = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web-egress, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app: web}}
        egress:
          - toFQDNs: [{matchName: api.stripe.com}, {matchPattern: "*.paypal.com"}]
    `;
    assert.deepEqual(findings(rule, `${dns}---\n${fqdn}`, { extraFiles }), [
      '20:61-20:75 policy/dns-pattern-misses-fqdn warning No DNS rule lets shop/web look up every name of *.paypal.com: the DNS proxy allows only "api.stripe.com". The lookup is refused, so toFQDNs never learns its addresses.',
    ]);
    const fixed = applyAndRecheck(rule, `${dns}---\n${fqdn}`, 'Allow looking up "*.paypal.com" in the DNS rule of CiliumNetworkPolicy shop/dns', { extraFiles });
    assert.equal(fixed, `${dns.replace('              - matchName: api.stripe.com\n', '              - matchName: api.stripe.com\n              - matchPattern: "*.paypal.com"\n')}---\n${fqdn}`);
  });

  test('clean: every name covered (the module example)', () => {
    const clean = text.replace('        - matchName: stripe.com\n', '');
    assert.deepEqual(findings(rule, clean, { extraFiles }), []);
  });
});

describe('policy/dns-allowlist-blocks-cluster-names', () => {
  const rule = dnsAllowlistBlocksClusterNamesRule;
  const text = yaml`
    apiVersion: cilium.io/v2
    kind: CiliumNetworkPolicy
    metadata:
      name: web-egress
      namespace: shop
    spec:
      endpointSelector:
        matchLabels:
          app: web
      egress:
        - toEndpoints:
            - matchLabels:
                "k8s:io.kubernetes.pod.namespace": kube-system
                k8s-app: kube-dns
          toPorts:
            - ports:
                - port: "53"
                  protocol: ANY
              rules:
                dns:
                  - matchPattern: "*.stripe.com"
        - toEndpoints:
            - matchLabels:
                app: api
          toPorts:
            - ports:
                - port: "9090"
  `;

  test('web calls the api Service, but its DNS allow-list refuses api.shop.svc.cluster.local', () => {
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      '20:13-20:16 policy/dns-allowlist-blocks-cluster-names information This DNS allow-list refuses in-cluster names: shop/web → Service shop/api (api.shop.svc.cluster.local) — the lookup gets REFUSED. musl-based images (Alpine) also stop at the first refused search-list expansion. Allow in-cluster names with matchPattern "*.*.svc.cluster.local".',
    ]);
    assert.equal(
      applyAndRecheck(rule, text, 'Allow in-cluster names ("*.*.svc.cluster.local")', { extraFiles }),
      text.replace('              - matchPattern: "*.stripe.com"\n', '              - matchPattern: "*.stripe.com"\n              - matchPattern: "*.*.svc.cluster.local"\n'),
    );
  });

  test('clean: no in-cluster peer, or names allowed, or no DNS rule', () => {
    const noPeer = text.slice(0, text.indexOf('    - toEndpoints:\n        - matchLabels:\n            app: api'));
    assert.deepEqual(findings(rule, noPeer, { extraFiles }), []);
    const all = text.replace('"*.stripe.com"', '"*"');
    assert.deepEqual(findings(rule, all, { extraFiles }), []);
  });
});
