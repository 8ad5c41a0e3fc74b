import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { CliWorkspace } from '../../../server/src/cli/workspace';
import { exportFlows } from '../../../server/src/features/flows/exportFlows';
import { folderWorkspace, repoRoot } from './workspace';

describe('exportFlows: the CLI formats from the editor', () => {
  const lab = folderWorkspace('examples/aks-lab');
  const root = path.join(repoRoot(), 'examples', 'aks-lab');
  const ws = new CliWorkspace(
    lab.index.allFiles().map((f) => ({ uri: f.uri, display: path.relative(root, fileURLToPath(f.uri)).split(path.sep).join('/'), text: f.text, explicit: false })),
  );

  test('CSV: the effective flow web-frontend → payment-service with its rules at file:line:col', () => {
    const csv = exportFlows(lab.model, 'csv', ws);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'from,to,ports,l7,rules');
    assert.ok(
      lines.includes('frontend/web-frontend,backend/payment-service,TCP 8080,,frontend/frontend-to-payment egress[1] (policies/frontend-to-payment.yaml:24:7); backend/allow-frontend-ingress ingress[0] (policies/allow-frontend-ingress.yaml:14:7)'),
      csv,
    );
  });

  test('a namespace keeps its workloads and the flows into or out of it', () => {
    const json = JSON.parse(exportFlows(lab.model, 'json', ws, 'frontend')) as { workloads: { workload: { id: string } }[]; effectiveFlows: { from: string; to: string }[] };
    assert.deepEqual(json.workloads.map((w) => w.workload.id), ['frontend/web-frontend']);
    assert.deepEqual(json.effectiveFlows.map((f) => `${f.from} → ${f.to}`), ['frontend/web-frontend → backend/payment-service', 'frontend/web-frontend → kube-system/coredns']);
    const dot = exportFlows(lab.model, 'dot', ws, 'frontend');
    assert.match(dot, /^digraph /);
    assert.ok(dot.includes('"frontend/web-frontend" -> "backend/payment-service"'), dot);
  });

  test('Markdown and text name the same flow', () => {
    assert.match(exportFlows(lab.model, 'md', ws), /\| frontend\/web-frontend \| backend\/payment-service \| TCP 8080 \|/);
    assert.match(exportFlows(lab.model, 'text', ws), /frontend\/web-frontend\s+→\s+backend\/payment-service\s+TCP 8080/);
  });
});
