/** --http questions reach the engine's L7 rules (real engine, manifests on stdin). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../server/src/cli/runCli';
import { memoryIo } from './io';

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec: {template: {metadata: {labels: {app: api}}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec: {template: {metadata: {labels: {app: web}}}}
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: api-http, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: api}}
  ingress:
    - fromEndpoints: [{matchLabels: {app: web}}]
      toPorts:
        - ports: [{port: "80", protocol: TCP}]
          rules:
            http: [{method: GET, path: "/public/.*"}]
`;

async function ask(request: string) {
  const m = memoryIo({ stdin: MANIFESTS });
  const code = await runCli(['can-reach', 'shop/web', 'shop/api', '--port', '80', '--http', request, '-'], m.io);
  return { code, first: m.out().split('\n')[0] };
}

describe('can-reach --http', () => {
  test('a request the HTTP rule matches is allowed; another method or path is denied', async () => {
    assert.deepEqual(await ask('GET /public/index.html'), { code: 0, first: 'ALLOWED  shop/web → shop/api on TCP 80 GET /public/index.html' });
    assert.deepEqual(await ask('post /public/index.html'), { code: 1, first: 'DENIED  shop/web → shop/api on TCP 80 POST /public/index.html' });
    assert.deepEqual(await ask('GET /admin'), { code: 1, first: 'DENIED  shop/web → shop/api on TCP 80 GET /admin' });
  });

  test('flows show the rule position inside stdin', async () => {
    const m = memoryIo({ stdin: MANIFESTS });
    assert.equal(await runCli(['flows', '--namespace', 'shop', '-'], m.io), 0);
    assert.ok(m.out().includes('  api (Deployment)  <stdin>:3:18\n'), m.out());
    assert.match(m.out(), /^ {6}shop\/web {2}TCP 80 {2}.*GET.*\/public\/\.\* {2}shop\/api-http ingress\[0\] \(<stdin>:17:7\)$/m);
  });
});
