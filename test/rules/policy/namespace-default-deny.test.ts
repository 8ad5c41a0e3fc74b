import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { namespaceWithoutDefaultDenyRule } from '../../../server/src/core/rules/policy/namespaceWithoutDefaultDeny';
import { applyFix, INPUT_URI } from '../../support/ruleHarness';
import { yaml } from '../../support/text';
import { WEB } from './fixtures';
import { applyAndRecheck, assertParses, findings, fixes } from './support';

const rule = namespaceWithoutDefaultDenyRule;
const NAMESPACE = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
`;
const text = `${NAMESPACE}---\n${WEB}`;
const MESSAGE = 'Namespace shop runs shop/web but has no default-deny policy: a pod no policy selects accepts and sends any traffic, to and from the internet included.';

const NP_BOTH = yaml`
  # Default deny: all ingress and egress of every pod in namespace shop is denied unless another policy allows it.
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
`;

describe('policy/namespace-without-default-deny', () => {
  test('information on the Namespace name, with six fixes (3 directions × end of file / new file)', () => {
    assert.deepEqual(findings(rule, text), [`4:9-4:13 policy/namespace-without-default-deny information ${MESSAGE}`]);
    assert.deepEqual(
      fixes(rule, text).map((f) => f.title),
      [
        'Add a NetworkPolicy denying ingress and egress by default in shop (end of this file)',
        'Create shop-default-deny.yaml with a NetworkPolicy denying ingress and egress by default in shop',
        'Add a NetworkPolicy denying ingress by default in shop (end of this file)',
        'Create shop-default-deny.yaml with a NetworkPolicy denying ingress by default in shop',
        'Add a NetworkPolicy denying egress by default in shop (end of this file)',
        'Create shop-default-deny.yaml with a NetworkPolicy denying egress by default in shop',
      ],
    );
  });

  test('fix: a default deny for both directions, with DNS, appended as a new document', () => {
    assert.equal(applyAndRecheck(rule, text, 'Add a NetworkPolicy denying ingress and egress by default in shop (end of this file)'), `${text}---\n${NP_BOTH}`);
  });

  test('fix: the ingress-only variant', () => {
    assert.equal(
      applyAndRecheck(rule, text, 'Add a NetworkPolicy denying ingress by default in shop (end of this file)'),
      `${text}---\n${yaml`
        # Default deny: all ingress of every pod in namespace shop is denied unless another policy allows it.
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny-ingress
          namespace: shop
        spec:
          podSelector: {}
          policyTypes:
            - Ingress
      `}`,
    );
  });

  test('fix: a new file next to this one; with it in the workspace the finding is gone', () => {
    const fix = fixes(rule, text).find((f) => f.title.startsWith('Create shop-default-deny.yaml') && f.title.includes('ingress and egress'))!;
    assert.deepEqual(fix.edits, []);
    assert.equal(fix.createFile?.uri, 'file:///test/shop-default-deny.yaml');
    assert.equal(fix.createFile?.text, NP_BOTH);
    assertParses(fix.createFile!.text);
    assert.deepEqual(findings(rule, text, { extraFiles: { [fix.createFile!.uri]: fix.createFile!.text } }), []);
  });

  test('every one of the six fixes parses and removes the finding', () => {
    for (const fix of fixes(rule, text)) {
      const files: Record<string, string> = {};
      let fixed = text;
      if (fix.createFile) {
        assertParses(fix.createFile.text);
        files[fix.createFile.uri] = fix.createFile.text;
      } else {
        fixed = applyFix(text, fix);
        assert.ok(fixed.startsWith(`${text}---\n# Default deny: `), fix.title);
      }
      assertParses(fixed);
      assert.deepEqual(findings(rule, fixed, { extraFiles: files }), [], fix.title);
    }
  });

  test('Cilium flavour where the namespace already uses Cilium policies; egress variant allows DNS', () => {
    const cnp = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web-ingress, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app: web}}
        ingress: [{fromEndpoints: [{}]}]
    `;
    const withCnp = `${text}---\n${cnp}`;
    assert.equal(
      applyAndRecheck(rule, withCnp, 'Add a CiliumNetworkPolicy denying egress by default in shop (end of this file)'),
      `${withCnp}---\n${yaml`
        # Default deny: all egress of every pod in namespace shop is denied unless another policy allows it.
        # DNS lookups to CoreDNS (k8s-app=kube-dns in kube-system) stay allowed, or no name would resolve.
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata:
          name: default-deny-egress
          namespace: shop
        spec:
          endpointSelector: {}
          egress:
            - toEndpoints:
                - matchLabels:
                    "k8s:io.kubernetes.pod.namespace": kube-system
                    k8s-app: kube-dns
              toPorts:
                - ports:
                    - port: "53"
                      protocol: ANY
      `}`,
    );
  });

  test('without a Namespace object the finding goes on the first workload of the namespace', () => {
    assert.deepEqual(findings(rule, WEB), [`4:9-4:12 policy/namespace-without-default-deny information ${MESSAGE}`]);
    assert.equal(fixes(rule, WEB)[0].edits[0].uri, INPUT_URI);
  });

  test('clean: a namespace-wide policy isolating one direction, no workloads, system namespaces', () => {
    const denyIngress = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: deny-ingress, namespace: shop}
      spec: {podSelector: {}, policyTypes: [Ingress]}
    `;
    assert.deepEqual(findings(rule, `${text}---\n${denyIngress}`), []);
    assert.deepEqual(findings(rule, NAMESPACE), []);
    assert.deepEqual(findings(rule, WEB.replace('namespace: shop', 'namespace: kube-system')), []);
    // A Cilium default deny does nothing on Azure NPM, so it does not count there.
    const cnpDeny = 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: d, namespace: shop}\nspec: {endpointSelector: {}, ingress: [{}]}\n';
    assert.deepEqual(findings(rule, `${text}---\n${cnpDeny}`), []);
    assert.equal(findings(rule, `${text}---\n${cnpDeny}`, { settings: { engine: 'azure-npm' } }).length, 1);
  });
});
