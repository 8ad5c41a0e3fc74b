import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { Methods, type CanReachResult, type DefaultDenyResult, type EndpointsResult, type FlowsResult, type WorkloadAtResult } from '../../../server/src/protocol/protocol';
import { LspTestClient, SERVER_BUNDLE } from '../../support/lspClient';
import { repoRoot } from './workspace';

/**
 * The custom requests through the bundled server over stdio, as the VS Code client sends them:
 * the lab opened in the editor (no workspace folder), then the tree's data, a question, and the
 * notification that tells the tree to refresh after an edit.
 */
describe('custom requests over LSP', { skip: !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run `npm run bundle` first' }, () => {
  const lab = path.join(repoRoot(), 'examples', 'aks-lab');
  const files = ['namespaces.yaml', 'payment-service.yaml', 'web-frontend.yaml', ...fs.readdirSync(path.join(lab, 'policies')).map((f) => `policies/${f}`)];
  const uri = (relative: string) => pathToFileURL(path.join(lab, relative)).href;
  let client: LspTestClient;
  let flowsChanged = 0;

  before(async () => {
    client = new LspTestClient();
    client.connection.onNotification(Methods.flowsChanged, () => {
      flowsChanged++;
    });
    await client.initialize();
    for (const f of files) await client.open(uri(f), fs.readFileSync(path.join(lab, f), 'utf8'));
    await client.waitForDiagnostics(uri(files[files.length - 1]));
  });
  after(async () => client.shutdown());

  async function flows(): Promise<FlowsResult> {
    return client.connection.sendRequest(Methods.flows, {});
  }

  test('flows: web-frontend → backend/payment-service TCP 8080, allowed by both ends', async () => {
    const result = await flows();
    const web = result.workloads.find((w) => w.id === 'frontend/web-frontend');
    assert.ok(web, JSON.stringify(result.workloads.map((w) => w.id)));
    const peer = web.egressPeers.find((p) => p.label === 'backend/payment-service');
    assert.deepEqual([peer?.detail, peer?.state], ['TCP 8080', 'both']);
    assert.equal(result.fileCount, files.length);
  });

  test('endpoints, canReach and defaultDenyPolicy answer with the protocol types', async () => {
    const endpoints: EndpointsResult = await client.connection.sendRequest(Methods.endpoints, {});
    assert.deepEqual(endpoints.workloads.map((w) => w.id), ['backend/payment-service', 'frontend/web-frontend', 'kube-system/coredns']);
    const reach: CanReachResult = await client.connection.sendRequest(Methods.canReach, { from: 'frontend/web-frontend', to: 'backend/payment-service', port: 8080 });
    assert.equal(reach.allowed, true);
    const deny: DefaultDenyResult = await client.connection.sendRequest(Methods.defaultDeny, { namespace: 'shop', direction: 'both', flavor: 'NetworkPolicy', allowDns: true });
    assert.match(deny.text, /^# Default deny/);
  });

  test('workloadAt: the workload whose manifest holds the cursor', async () => {
    const text = fs.readFileSync(path.join(lab, 'web-frontend.yaml'), 'utf8');
    const line = text.slice(0, text.indexOf('replicas')).split('\n').length - 1;
    const result: WorkloadAtResult = await client.connection.sendRequest(Methods.workloadAt, { uri: uri('web-frontend.yaml'), position: { line, character: 4 } });
    assert.equal(result.id, 'frontend/web-frontend');
  });

  test('an edit is followed by flowsChanged, and the flows show it', async () => {
    const before = flowsChanged;
    const file = 'policies/allow-frontend-ingress.yaml';
    await client.change(uri(file), 2, fs.readFileSync(path.join(lab, file), 'utf8').replace('"8080"', '"9090"'));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no flowsChanged within 10 s')), 10_000);
      const poll = setInterval(() => {
        if (flowsChanged > before) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve();
        }
      }, 20);
    });
    const web = (await flows()).workloads.find((w) => w.id === 'frontend/web-frontend')!;
    assert.equal(web.egressPeers.find((p) => p.label === 'backend/payment-service')?.state, 'blocked-by-peer');
  });
});
