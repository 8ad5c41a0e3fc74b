import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dnsBlockedRule } from '../../../server/src/core/rules/policy/dnsBlocked';
import { yaml } from '../../support/text';
import { WEB, workloads } from './fixtures';
import { applyAndRecheck, findings } from './support';

const rule = dnsBlockedRule;
const extraFiles = workloads(WEB);
const FIX = 'Allow DNS lookups to kube-dns (port 53) in this policy';

describe('policy/dns-blocked', () => {
  test('NetworkPolicy with Egress in policyTypes and no DNS rule: warning on policyTypes, fix appends the DNS rule', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: web-egress
        namespace: shop
      spec:
        podSelector:
          matchLabels:
            app: web
        policyTypes:
          - Egress
        egress:
          # only the API
          - to:
              - podSelector:
                  matchLabels:
                    app: api # the api pods
        # end of rules
    `;
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      '10:3-10:14 policy/dns-blocked warning These pods cannot resolve names: this policy makes egress default-deny for shop/web, and no policy lets it reach kube-dns (pods with k8s-app=kube-dns in kube-system) on port 53.',
    ]);
    assert.equal(
      applyAndRecheck(rule, text, FIX, { extraFiles }),
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web-egress
          namespace: shop
        spec:
          podSelector:
            matchLabels:
              app: web
          policyTypes:
            - Egress
          egress:
            # only the API
            - to:
                - podSelector:
                    matchLabels:
                      app: api # the api pods
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
          # end of rules
      `,
    );
  });

  test('deny-all egress without an egress list: the fix adds `egress:` in the file\'s indentation (4 spaces, lists at the key)', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
          name: deny-egress
          namespace: shop
      spec:
          podSelector: {}
          policyTypes:
          - Egress
    `;
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      '8:5-8:16 policy/dns-blocked warning These pods cannot resolve names: this policy makes egress default-deny for shop/web, and no policy lets it reach kube-dns (pods with k8s-app=kube-dns in kube-system) on port 53.',
    ]);
    assert.equal(
      applyAndRecheck(rule, text, FIX, { extraFiles }),
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
            name: deny-egress
            namespace: shop
        spec:
            podSelector: {}
            policyTypes:
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
  });

  test('CiliumNetworkPolicy with toFQDNs: warning on `egress`; the DNS rule added carries the toFQDNs names', () => {
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
          - toFQDNs: [{matchName: api.example.com}, {matchPattern: "*.cdn.example.com"}]
            toPorts: [{ports: [{port: "443", protocol: TCP}]}]
    `;
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      '10:3-10:9 policy/dns-blocked warning These pods cannot resolve names: this policy makes egress default-deny for shop/web, and no policy lets it reach kube-dns (pods with k8s-app=kube-dns in kube-system) on port 53.',
    ]);
    assert.equal(
      applyAndRecheck(rule, text, FIX, { extraFiles }),
      yaml`
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
            - toFQDNs: [{matchName: api.example.com}, {matchPattern: "*.cdn.example.com"}]
              toPorts: [{ports: [{port: "443", protocol: TCP}]}]
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
                      - matchName: api.example.com
                      - matchPattern: "*.cdn.example.com"
      `,
    );
  });

  test('Cilium default deny in flow style: the rule is appended in flow style', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: default-deny, namespace: shop}
      spec: {endpointSelector: {}, egress: [{}]}
    `;
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      '4:30-4:36 policy/dns-blocked warning These pods cannot resolve names: this policy makes egress default-deny for shop/web, and no policy lets it reach kube-dns (pods with k8s-app=kube-dns in kube-system) on port 53.',
    ]);
    assert.equal(
      applyAndRecheck(rule, text, FIX, { extraFiles }),
      'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: default-deny, namespace: shop}\n' +
        'spec: {endpointSelector: {}, egress: [{}, {toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, k8s-app: kube-dns}}], toPorts: [{ports: [{port: "53", protocol: ANY}]}]}]}\n',
    );
  });

  test('no workload in the workspace: a pod with the selector\'s labels stands in for them', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata:
        name: allow-product-reads
        namespace: frontend
      spec:
        endpointSelector:
          matchLabels:
            app: web-frontend
        egress:
          - toEndpoints:
              - matchLabels:
                  app: product-api
    `;
    assert.deepEqual(findings(rule, text), [
      '10:3-10:9 policy/dns-blocked warning These pods cannot resolve names: this policy makes egress default-deny for pods with app=web-frontend in frontend (no such pod is in the workspace), and no policy lets them reach kube-dns (pods with k8s-app=kube-dns in kube-system) on port 53.',
    ]);
    assert.equal(
      applyAndRecheck(rule, text, FIX),
      `${text}${yaml`
        |    - toEndpoints:
        |        - matchLabels:
        |            "k8s:io.kubernetes.pod.namespace": kube-system
        |            k8s-app: kube-dns
        |      toPorts:
        |        - ports:
        |            - port: "53"
        |              protocol: ANY
      `.replace(/^\|/gm, '')}`,
    );
    // A whole-namespace selector has no stand-in: which pods other policies let resolve is unknown.
    const wholeNamespace = text.replace('    matchLabels:\n      app: web-frontend\n', '    {}\n').replace('  endpointSelector:\n', '  endpointSelector:');
    assert.deepEqual(findings(rule, wholeNamespace), []);
  });

  test('clean: DNS allowed by another policy of the namespace, or egress not isolated', () => {
    const policy = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web-egress, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        policyTypes: [Egress]
        egress:
          - to: [{podSelector: {matchLabels: {app: api}}}]
    `;
    const allowDns = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: allow-dns, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to:
              - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                podSelector: {matchLabels: {k8s-app: kube-dns}}
            ports: [{port: 53, protocol: UDP}]
    `;
    assert.deepEqual(findings(rule, `${policy}---\n${allowDns}`, { extraFiles }), []);
    const ingressOnly = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web-ingress, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        egress: []
    `;
    assert.deepEqual(findings(rule, ingressOnly, { extraFiles }), []);
    // On an engine that does not enforce Cilium policies, the platform rule speaks instead.
    const cnp = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: deny, namespace: shop}
      spec: {endpointSelector: {}, egress: [{}]}
    `;
    assert.deepEqual(findings(rule, cnp, { extraFiles, settings: { engine: 'azure-npm' } }), []);
    // Azure NPM matches pod IPs with ipBlock, so a private ipBlock on 53 may reach CoreDNS; Cilium never.
    const byIp = policy.replace("  egress:\n", "  egress:\n    - to: [{ipBlock: {cidr: 10.0.0.0/8}}]\n      ports: [{port: 53, protocol: UDP}]\n");
    assert.deepEqual(findings(rule, byIp, { extraFiles, settings: { engine: 'azure-npm' } }), []);
    assert.equal(findings(rule, byIp, { extraFiles }).length, 1);
  });
});
