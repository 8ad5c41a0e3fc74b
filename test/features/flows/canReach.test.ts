import * as path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { answerCanReach } from '../../../server/src/features/flows/canReach';
import { folderWorkspace, lineOf, repoRoot } from './workspace';

describe('answerCanReach on examples/aks-lab', () => {
  const lab = folderWorkspace('examples/aks-lab');
  // The lab is the workspace folder: links are paths from it, which VS Code's Markdown preview opens.
  const root = pathToFileURL(path.join(repoRoot(), 'examples', 'aks-lab')).href;
  const ask = (from: string, to: string, port?: number, protocol?: 'TCP' | 'UDP' | 'SCTP', http?: string) =>
    answerCanReach(lab.model, { from, to, ...(port !== undefined ? { port } : {}), ...(protocol ? { protocol } : {}), ...(http ? { http } : {}) }, { locate: lab.locate, root });

  test('web-frontend → payment-service on TCP 8080: allowed, both rules linked at their lines', () => {
    const result = ask('frontend/web-frontend', 'backend/payment-service', 8080);
    assert.equal(result.error, undefined);
    assert.equal(result.allowed, true);
    assert.equal(result.question, 'frontend/web-frontend → backend/payment-service on TCP 8080');
    assert.deepEqual(result.rules.map((r) => r.label), ['frontend/frontend-to-payment egress[1]', 'backend/allow-frontend-ingress ingress[0]']);
    const egressLine = lineOf(lab.index.get(lab.uri('policies/frontend-to-payment.yaml'))!.text, '- toEndpoints:', 2) + 1;
    assert.ok(result.markdown.startsWith('# Allowed: frontend/web-frontend → backend/payment-service on TCP 8080\n'));
    assert.ok(result.markdown.includes(`- allowed by [frontend/frontend-to-payment egress\\[1\\]](</policies/frontend-to-payment.yaml#L${egressLine},7>) (line ${egressLine})\n`), result.markdown);
    assert.match(result.markdown, /## Egress of frontend\/web-frontend: allowed/);
    assert.match(result.markdown, /## Ingress of backend\/payment-service: allowed/);
    assert.deepEqual(result.explanation.slice(0, 1), ['frontend/web-frontend → backend/payment-service, TCP 8080: allowed.']);
  });

  test('outside the workspace root, a rule is named with its path and line instead of a link', () => {
    const result = answerCanReach(lab.model, { from: 'frontend/web-frontend', to: 'backend/payment-service', port: 8080 }, { locate: lab.locate, root: 'file:///elsewhere' });
    const file = path.join(repoRoot(), 'examples', 'aks-lab', 'policies', 'allow-frontend-ingress.yaml');
    assert.ok(result.markdown.includes(`- allowed by backend/allow-frontend-ingress ingress\\[0\\] (${file}:14)\n`), result.markdown);
  });

  test('a port neither side lists: denied, with what would allow it', () => {
    const result = ask('frontend/web-frontend', 'backend/payment-service', 9090);
    assert.equal(result.allowed, false);
    assert.ok(result.markdown.startsWith('# Denied: frontend/web-frontend → backend/payment-service on TCP 9090\n'));
    assert.ok(result.suggestion);
    assert.ok(result.markdown.includes('## What would allow it'));
  });

  test('payment-service may reach api.stripe.com on 443, not example.com', () => {
    assert.equal(ask('backend/payment-service', 'fqdn:api.stripe.com', 443).allowed, true);
    assert.equal(ask('backend/payment-service', 'fqdn:example.com', 443).allowed, false);
    assert.equal(ask('backend/payment-service', 'frontend/web-frontend').question, 'backend/payment-service → frontend/web-frontend (any traffic)');
  });

  test('questions that cannot be asked come back with the reason, in the CLI words', () => {
    const typo = ask('frontend/web-frontnd', 'backend/payment-service', 8080);
    assert.equal(typo.allowed, false);
    assert.equal(typo.error, "unknown workload 'frontend/web-frontnd'; did you mean frontend/web-frontend?");
    assert.match(typo.markdown, /^# Cannot answer/);
    assert.match(ask('fqdn:api.stripe.com', 'backend/payment-service').error ?? '', /FROM cannot be a domain name/);
    assert.match(ask('frontend/web-frontend', 'backend/payment-service', 70000).error ?? '', /port '70000' is not a number from 1 to 65535/);
    assert.match(ask('frontend/web-frontend', 'backend/payment-service', 8080, 'UDP', 'GET /').error ?? '', /HTTP runs over TCP/);
  });
});
