import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestFileCount, toFlowsResult } from '../../../server/src/features/flows/flowsResult';
import type { FlowsParams, FlowsResult } from '../../../server/src/protocol/protocol';
import { folderWorkspace, inlineWorkspace, lineOf, type TestWorkspace } from './workspace';

function flows(ws: TestWorkspace, params: FlowsParams = {}): FlowsResult {
  return toFlowsResult(ws.model, params, {
    locate: ws.locate,
    fileCount: manifestFileCount(ws.index.allFiles()),
    indexing: false,
    resourcesOfFile: params.uri ? ws.index.get(params.uri)?.resources : undefined,
  });
}

describe('flows DTOs of examples/aks-lab', () => {
  const lab = folderWorkspace('examples/aks-lab');
  const result = flows(lab);
  const workload = (id: string) => result.workloads.find((w) => w.id === id)!;

  test('every workload, with the implicit CoreDNS, sorted by id', () => {
    assert.deepEqual(
      result.workloads.map((w) => [w.id, w.kind, w.implicit]),
      [
        ['backend/payment-service', 'Deployment', false],
        ['frontend/web-frontend', 'Deployment', false],
        ['kube-system/coredns', 'Deployment', true],
      ],
    );
    // 7 manifests; expectations.yaml (for `aks-netlens verify`) is not Kubernetes and does not count.
    assert.equal(result.fileCount, 7);
    assert.equal(result.indexing, false);
  });

  test('web-frontend: isolation per direction, by which policies, in one summary line', () => {
    const web = workload('frontend/web-frontend');
    assert.deepEqual(web.ingress, { isolated: true, policies: ['frontend/default-deny-all'] });
    assert.deepEqual(web.egress, { isolated: true, policies: ['frontend/default-deny-all', 'frontend/frontend-to-payment'] });
    assert.equal(web.summary, 'ingress: isolated by 1 policy · egress: isolated by 2 policies');
    assert.deepEqual(web.ingressPeers, []);
    const file = lab.index.get(lab.uri('web-frontend.yaml'))!;
    assert.equal(web.location?.uri, lab.uri('web-frontend.yaml'));
    assert.equal(web.location?.range.start.line, lineOf(file.text, 'name: web-frontend'));
  });

  test('web-frontend → backend/payment-service TCP 8080, allowed by both ends, tied to the exact rule', () => {
    const peer = workload('frontend/web-frontend').egressPeers.find((p) => p.label === 'backend/payment-service')!;
    assert.deepEqual({ kind: peer.kind, detail: peer.detail, state: peer.state }, { kind: 'workload', detail: 'TCP 8080', state: 'both' });
    assert.equal(peer.rules.length, 1);
    const [rule] = peer.rules;
    assert.equal(rule.label, 'frontend/frontend-to-payment egress[1]');
    const policy = lab.index.get(lab.uri('policies/frontend-to-payment.yaml'))!;
    // The rule is the second item of spec.egress: its range starts at `toEndpoints` of that item.
    const line = lineOf(policy.text, '- toEndpoints:', 2);
    assert.deepEqual(rule.location, {
      uri: lab.uri('policies/frontend-to-payment.yaml'),
      range: { start: { line, character: 6 }, end: rule.location!.range.end },
    });
    assert.ok(rule.location!.range.end.line > line);
  });

  test('payment-service: L7 DNS names in the detail, FQDN peers decided by this side only', () => {
    const egress = workload('backend/payment-service').egressPeers;
    assert.deepEqual(
      egress.map((p) => [p.kind, p.label, p.detail, p.state]),
      [
        ['workload', 'kube-system/coredns', 'TCP 53,UDP 53,SCTP 53 · DNS *.stripe.com, api.stripe.com, httpbin.org', 'both'],
        ['fqdn', 'fqdn:api.stripe.com', 'TCP 443', 'external'],
        ['fqdn', 'fqdn:httpbin.org', 'TCP 443', 'external'],
      ],
    );
  });

  test('the namespace filter keeps only that namespace', () => {
    assert.deepEqual(flows(lab, { namespaces: ['backend'] }).workloads.map((w) => w.id), ['backend/payment-service']);
    assert.deepEqual(flows(lab, { namespaces: ['nowhere'] }).workloads, []);
  });

  test('the file filter: workloads defined in the file, or governed by a policy written in it', () => {
    assert.deepEqual(flows(lab, { uri: lab.uri('web-frontend.yaml') }).workloads.map((w) => w.id), ['frontend/web-frontend']);
    assert.deepEqual(flows(lab, { uri: lab.uri('policies/frontend-to-payment.yaml') }).workloads.map((w) => w.id), ['frontend/web-frontend']);
    // default-deny-all only isolates (its {} rules allow nothing), in both namespaces.
    assert.deepEqual(flows(lab, { uri: lab.uri('policies/default-deny-all.yaml') }).workloads.map((w) => w.id), [
      'backend/payment-service',
      'frontend/web-frontend',
    ]);
    assert.deepEqual(flows(lab, { uri: lab.uri('namespaces.yaml') }).workloads, []);
  });
});

describe('a flow one end allows and the other blocks', () => {
  // The lab with payment-service accepting 9090 instead of 8080: the frontend still sends to 8080.
  const ws = folderWorkspace('examples/aks-lab', (file, text) => (file.endsWith('allow-frontend-ingress.yaml') ? text.replace('"8080"', '"9090"') : text));
  const result = flows(ws);

  test('is shown as blocked by the peer, from both sides', () => {
    const web = result.workloads.find((w) => w.id === 'frontend/web-frontend')!;
    const toPayment = web.egressPeers.find((p) => p.label === 'backend/payment-service')!;
    assert.deepEqual([toPayment.detail, toPayment.state], ['TCP 8080', 'blocked-by-peer']);
    const payment = result.workloads.find((w) => w.id === 'backend/payment-service')!;
    assert.deepEqual(
      payment.ingressPeers.map((p) => [p.label, p.detail, p.state]),
      [['frontend/web-frontend', 'TCP 9090', 'blocked-by-peer']],
    );
  });
});

describe('workspaces without policies or without manifests', () => {
  test('a workload no policy selects is open both ways with no peers listed', () => {
    const ws = inlineWorkspace({
      'app.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels:\n        app: api\n',
    });
    const api = flows(ws).workloads.find((w) => w.id === 'shop/api')!;
    assert.equal(api.summary, 'ingress: open · egress: open');
    assert.deepEqual([api.ingressPeers, api.egressPeers], [[], []]);
  });

  test('no manifests: fileCount 0 lets the client show its welcome content', () => {
    const result = flows(inlineWorkspace({}));
    assert.equal(result.fileCount, 0);
    assert.deepEqual(result.workloads.filter((w) => !w.implicit), []);
  });
});
