import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { calicoKindUnsupportedRule } from '../../../server/src/core/rules/policy/platform/calicoKindUnsupported';
import { calicoOnCiliumRule } from '../../../server/src/core/rules/policy/platform/calicoOnCilium';
import { ciliumPolicyWithoutCiliumRule } from '../../../server/src/core/rules/policy/platform/ciliumPolicyWithoutCilium';
import { endPortOnCilium116Rule } from '../../../server/src/core/rules/policy/platform/endPortOnCilium116';
import { fqdnNeedsAcnsRule } from '../../../server/src/core/rules/policy/platform/fqdnNeedsAcns';
import { ipBlockMatchesPodsRule } from '../../../server/src/core/rules/policy/platform/ipBlockMatchesPods';
import { l7InCcnpRule } from '../../../server/src/core/rules/policy/platform/l7InCcnp';
import { l7NeedsAcnsRule } from '../../../server/src/core/rules/policy/platform/l7NeedsAcns';
import { yaml } from '../../support/text';
import { findings } from './support';

const CNP = yaml`
  apiVersion: cilium.io/v2
  kind: CiliumNetworkPolicy
  metadata: {name: web, namespace: shop}
  spec:
    endpointSelector: {matchLabels: {app: web}}
    egress:
      - toFQDNs: [{matchName: api.example.com}]
      - toEndpoints: [{matchLabels: {app: api}}]
        toPorts:
          - ports: [{port: "8080", protocol: TCP}]
            rules:
              http: [{method: GET}]
`;

describe('platform/cilium-policy-without-cilium', () => {
  const rule = ciliumPolicyWithoutCiliumRule;
  test('warning on `kind` for each non-Cilium engine', () => {
    assert.deepEqual(findings(rule, CNP, { settings: { engine: 'azure-npm' } }), [
      "2:7-2:26 platform/cilium-policy-without-cilium warning This CiliumNetworkPolicy has no effect: the cluster's policy engine is Azure Network Policy Manager (aksNetlens.cluster.engine), which enforces only Kubernetes NetworkPolicy. Cilium policies need Azure CNI powered by Cilium (--network-dataplane cilium); without it the cilium.io CRDs are missing and the object is rejected or ignored.",
    ]);
    assert.deepEqual(findings(rule, CNP, { settings: { engine: 'none' } }), [
      '2:7-2:26 platform/cilium-policy-without-cilium warning This CiliumNetworkPolicy has no effect: the cluster has no network policy engine (aksNetlens.cluster.engine: none). Cilium policies need Azure CNI powered by Cilium (--network-dataplane cilium); without it the cilium.io CRDs are missing and the object is rejected or ignored.',
    ]);
  });
  test('clean on Cilium', () => {
    assert.deepEqual(findings(rule, CNP), []);
  });
});

describe('platform/calico-on-cilium and platform/calico-kind-unsupported', () => {
  const calico = yaml`
    apiVersion: projectcalico.org/v3
    kind: GlobalNetworkPolicy
    metadata: {name: deny-egress}
    spec: {selector: all(), types: [Egress]}
  `;
  test('Cilium cluster: warning on apiVersion; information on the Calico kind on any engine', () => {
    assert.deepEqual(findings(calicoOnCiliumRule, calico), [
      "1:13-1:33 platform/calico-on-cilium warning projectcalico.org/v3 is Calico's API, but the cluster's policy engine is Cilium (aksNetlens.cluster.engine): Calico is not installed, so this GlobalNetworkPolicy is rejected or ignored. Write it as a Cilium policy or a Kubernetes NetworkPolicy.",
    ]);
    assert.deepEqual(findings(calicoKindUnsupportedRule, calico, { settings: { engine: 'calico' } }), [
      "2:7-2:26 platform/calico-kind-unsupported information AKS supports Calico for standard Kubernetes NetworkPolicy only: Calico's own GlobalNetworkPolicy is not tested or supported by AKS, and needs Calico's projectcalico.org API to be installed.",
    ]);
  });
  test('clean: Calico engine, and Kubernetes NetworkPolicy', () => {
    assert.deepEqual(findings(calicoOnCiliumRule, calico, { settings: { engine: 'calico' } }), []);
    const np = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a, namespace: b}\nspec: {podSelector: {}}\n';
    assert.deepEqual(findings(calicoOnCiliumRule, np), []);
    assert.deepEqual(findings(calicoKindUnsupportedRule, np), []);
  });
});

describe('platform/fqdn-needs-acns and platform/l7-needs-acns', () => {
  test('ACNS unknown: information on toFQDNs and on http', () => {
    assert.deepEqual(findings(fqdnNeedsAcnsRule, CNP), [
      '7:7-7:14 platform/fqdn-needs-acns information On AKS, toFQDNs works only with Advanced Container Networking Services (FQDN filtering, az aks update --enable-acns). Set aksNetlens.cluster.acns to say whether this cluster has it.',
    ]);
    assert.deepEqual(findings(l7NeedsAcnsRule, CNP), [
      '12:13-12:17 platform/l7-needs-acns information On AKS, HTTP rules work only with Advanced Container Networking Services L7 policies (--enable-acns --acns-advanced-networkpolicies L7). Set aksNetlens.cluster.acns to say whether this cluster has them.',
    ]);
  });
  test('ACNS off: warnings; FQDN only: warning for L7', () => {
    assert.deepEqual(findings(fqdnNeedsAcnsRule, CNP, { settings: { acns: 'none' } }), [
      '7:7-7:14 platform/fqdn-needs-acns warning toFQDNs needs Advanced Container Networking Services (FQDN filtering), and the cluster setting says ACNS is off (aksNetlens.cluster.acns: none): this rule does not work. Enable it with az aks update --enable-acns.',
    ]);
    assert.deepEqual(findings(l7NeedsAcnsRule, CNP, { settings: { acns: 'fqdn' } }), [
      '12:13-12:17 platform/l7-needs-acns warning HTTP rules need Advanced Container Networking Services with L7 policies, and the cluster setting says only FQDN filtering is on (aksNetlens.cluster.acns: fqdn): this rule does not work. Enable it with az aks update --enable-acns --acns-advanced-networkpolicies L7.',
    ]);
  });
  test('clean: the features enabled', () => {
    assert.deepEqual(findings(fqdnNeedsAcnsRule, CNP, { settings: { acns: 'fqdn' } }), []);
    assert.deepEqual(findings(l7NeedsAcnsRule, CNP, { settings: { acns: 'l7' } }), []);
  });
});

describe('platform/l7-in-ccnp', () => {
  test('HTTP rule in a CCNP: warning, whatever ACNS says', () => {
    const ccnp = CNP.replace('kind: CiliumNetworkPolicy', 'kind: CiliumClusterwideNetworkPolicy').replace('{name: web, namespace: shop}', '{name: web}');
    assert.deepEqual(findings(l7InCcnpRule, ccnp, { settings: { acns: 'l7' } }), [
      '12:13-12:17 platform/l7-in-ccnp warning L7 rules (http) are not supported in a CiliumClusterwideNetworkPolicy on AKS: move this rule into a namespaced CiliumNetworkPolicy.',
    ]);
  });
  test('clean: in a namespaced CNP', () => {
    assert.deepEqual(findings(l7InCcnpRule, CNP), []);
  });
});

describe('platform/endport-on-cilium-116', () => {
  const np = yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: nodeports, namespace: shop}
    spec:
      podSelector: {}
      ingress:
        - ports:
            - port: 32000
              endPort: 32768
  `;
  test('Cilium 1.16: warning on endPort', () => {
    assert.deepEqual(findings(endPortOnCilium116Rule, np, { settings: { ciliumMinor: 16 } }), [
      '9:11-9:18 platform/endport-on-cilium-116 warning Cilium 1.16 ignores endPort: only port 32000 of this range is allowed (NetworkPolicy endPort needs Cilium 1.17 or later).',
    ]);
  });
  test('clean: Cilium 1.17, or Azure NPM', () => {
    assert.deepEqual(findings(endPortOnCilium116Rule, np), []);
    assert.deepEqual(findings(endPortOnCilium116Rule, np, { settings: { ciliumMinor: 16, engine: 'azure-npm' } }), []);
  });
});

describe('platform/ipblock-matches-pods', () => {
  const np = yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: pods-by-ip, namespace: shop}
    spec:
      podSelector: {}
      policyTypes: [Egress]
      egress:
        - to:
            - ipBlock: {cidr: 10.244.1.0/24}
            - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
            - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}
            - ipBlock: {cidr: 10.0.0.0/8, except: [10.244.0.0/16]}
  `;
  test('warning on CIDRs in private space that cover the overlay pod CIDR', () => {
    assert.deepEqual(findings(ipBlockMatchesPodsRule, np), [
      '9:27-9:40 platform/ipblock-matches-pods warning 10.244.1.0/24 lies in 10.244.0.0/16, the default pod CIDR of Azure CNI Overlay, but on Cilium a CIDR never matches pods or nodes: this rule reaches no pod. Select pods with podSelector/namespaceSelector (toEndpoints in Cilium); reach nodes with the host and remote-node entities.',
      '10:27-10:37 platform/ipblock-matches-pods warning 10.0.0.0/8 includes 10.244.0.0/16, the default pod CIDR of Azure CNI Overlay, but on Cilium a CIDR never matches pods or nodes: pods and nodes in it are not covered. Select pods with podSelector/namespaceSelector (toEndpoints in Cilium); reach nodes with the host and remote-node entities.',
    ]);
  });
  test('Cilium toCIDRSet too; clean on Azure NPM', () => {
    const cnp = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: pods-by-ip, namespace: shop}
      spec:
        endpointSelector: {}
        egress:
          - toCIDRSet: [{cidr: 10.244.0.0/16}]
    `;
    assert.deepEqual(findings(ipBlockMatchesPodsRule, cnp), [
      '7:26-7:39 platform/ipblock-matches-pods warning 10.244.0.0/16 is 10.244.0.0/16, the default pod CIDR of Azure CNI Overlay, but on Cilium a CIDR never matches pods or nodes: this rule reaches no pod. Select pods with podSelector/namespaceSelector (toEndpoints in Cilium); reach nodes with the host and remote-node entities.',
    ]);
    assert.deepEqual(findings(ipBlockMatchesPodsRule, np, { settings: { engine: 'azure-npm' } }), []);
  });
});
