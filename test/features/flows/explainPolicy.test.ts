import * as path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { explainPolicyAt, policyAt } from '../../../server/src/features/flows/explainPolicy';
import { workloadAt } from '../../../server/src/features/flows/workloadAt';
import { folderWorkspace, inlineWorkspace, lineOf, repoRoot } from './workspace';

describe('explainPolicyAt', () => {
  const lab = folderWorkspace('examples/aks-lab');
  const fileOf = (relative: string) => lab.index.get(lab.uri(relative))!;
  const links = { locate: lab.locate, root: pathToFileURL(path.join(repoRoot(), 'examples', 'aks-lab')).href };

  test('payment-egress-domains: what it isolates and what each rule lets out, with links', () => {
    const file = fileOf('policies/payment-egress-domains.yaml');
    const result = explainPolicyAt(file, file.text.indexOf('- toFQDNs:'), lab.model, links)!;
    assert.equal(result.title, 'CiliumNetworkPolicy backend/payment-egress-domains');
    const md = result.markdown;
    assert.ok(md.startsWith('# CiliumNetworkPolicy backend/payment-egress-domains\n\nApplies to 1 workload: `backend/payment-service`.\n'), md);
    assert.match(md, /## Ingress \(who may connect in\)\n\nDoes not restrict ingress\./);
    assert.match(md, /Isolates `backend\/payment-service`: only what this or another policy allows gets out\./);
    const fqdnRuleLine = lineOf(file.text, '- toFQDNs:') + 1;
    assert.ok(md.includes(`- [backend/payment-egress-domains egress\\[1\\]](</policies/payment-egress-domains.yaml#L${fqdnRuleLine},7>) (line ${fqdnRuleLine})\n`), md);
    assert.ok(md.includes('  - `backend/payment-service` may connect to `fqdn:api.stripe.com` on TCP 443\n'));
    assert.ok(md.includes('  - `backend/payment-service` may connect to `fqdn:httpbin.org` on TCP 443\n'));
    assert.ok(md.includes('(DNS \\*.stripe.com, api.stripe.com, httpbin.org)'));
  });

  test('default-deny-all: the document under the cursor decides which of the two policies', () => {
    const file = fileOf('policies/default-deny-all.yaml');
    const second = explainPolicyAt(file, file.text.lastIndexOf('endpointSelector'), lab.model, links)!;
    assert.equal(second.title, 'CiliumNetworkPolicy frontend/default-deny-all');
    assert.ok(second.markdown.includes('Applies to 1 workload: `frontend/web-frontend`.'));
    assert.ok(second.markdown.includes('This policy itself allows nothing in this direction.'));
    assert.equal(explainPolicyAt(file, file.text.indexOf('endpointSelector'), lab.model, links)!.title, 'CiliumNetworkPolicy backend/default-deny-all');
  });

  test('outside a policy (a leading comment, other kinds) there is nothing to explain', () => {
    const policy = fileOf('policies/payment-egress-domains.yaml');
    assert.equal(explainPolicyAt(policy, policy.text.indexOf('toFQDNs learns'), lab.model, links), null);
    const workload = fileOf('web-frontend.yaml');
    assert.equal(policyAt(workload, workload.text.indexOf('replicas')), null);
  });

  test('a policy that selects no workload says so', () => {
    const ws = inlineWorkspace({
      'p.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: lonely\n  namespace: empty\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n',
    });
    const file = ws.index.get(ws.uri('p.yaml'))!;
    const result = explainPolicyAt(file, file.text.indexOf('podSelector'), ws.model, { locate: ws.locate, root: null })!;
    assert.ok(result.markdown.includes('Selects no workload defined in the workspace'));
  });
});

describe('workloadAt (follow the cursor)', () => {
  const lab = folderWorkspace('examples/aks-lab');

  test('inside a Deployment: its workload; in its Service or outside any workload: none', () => {
    const file = lab.index.get(lab.uri('payment-service.yaml'))!;
    assert.equal(workloadAt(file, file.text.indexOf('containerPort'), lab.model), 'backend/payment-service');
    assert.equal(workloadAt(file, file.text.indexOf('kind: Service'), lab.model), null);
    assert.equal(workloadAt(file, 0, lab.model), null);
  });

  test('a Pod with a controller owner belongs to its owner', () => {
    const ws = inlineWorkspace({
      'pods.yaml': `apiVersion: apps/v1
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
apiVersion: v1
kind: Pod
metadata:
  name: api-7d9f-abcde
  namespace: shop
  labels:
    app: api
  ownerReferences:
    - kind: ReplicaSet
      name: api-7d9f
      controller: true
spec:
  containers:
    - name: api
      image: api:1
`,
    });
    const file = ws.index.get(ws.uri('pods.yaml'))!;
    const pod = workloadAt(file, file.text.indexOf('image: api:1'), ws.model);
    assert.equal(pod, ws.model.findWorkload('shop/api-7d9f-abcde')?.id);
    assert.ok(pod);
  });
});
