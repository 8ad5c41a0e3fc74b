import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { WorkspaceViewCache } from '../../server/src/core/analysis/workspaceView';
import { sanitizeSettings } from '../../server/src/core/settings/analysisSettings';
import { IncrementalChecker } from '../../server/src/core/workspace/incrementalCheck';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { toDiagnostics } from '../../server/src/features/diagnostics';

/** Diagnostics of a file as the server publishes them after each version (one index, one checker). */
function publisher() {
  const uri = 'file:///ws/dump.yaml';
  const settings = sanitizeSettings({});
  const index = new WorkspaceIndex();
  const views = new WorkspaceViewCache();
  const checker = new IncrementalChecker();
  return (text: string): Diagnostic[] => {
    const file = index.set(uri, text);
    const findings = checker.check(file, views.get(index, settings), settings, index.revision);
    return toDiagnostics(file, findings, (u) => index.get(u));
  };
}

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  selector:\n    app: api\n';
const policy = [
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: egress',
  '  namespace: shop',
  'spec:',
  '  podSelector: {}',
  '  policyTypes: [Egress]',
  '  egress:',
  '    - to:',
  '        - ipBlock:',
  '            cidr: 10.0.0.300/24',
  '',
].join('\n');

describe('diagnostics of documents an edit did not touch', () => {
  test('are the same objects when the document starts at the same place, and move with it when lines are added before it', () => {
    const publish = publisher();
    const first = publish(`${service}---\n${policy}`);
    const cidr = first.find((d) => String(d.message).includes('10.0.0.300/24'));
    assert.ok(cidr, 'the invalid CIDR is reported');
    assert.equal(cidr.range.start.line, 20);

    // A value changed in the Service: same lines, the policy's diagnostic is reused as it was.
    const sameLines = publish(`${service.replace('app: api', 'app: api-v2')}---\n${policy}`);
    const again = sameLines.find((d) => String(d.message).includes('10.0.0.300/24'));
    assert.equal(again, cidr);

    // A line added to the Service: the policy's diagnostic is made again, one line down,
    // exactly as a fresh server would publish it.
    const text = `${service}  type: ClusterIP\n---\n${policy}`;
    const moved = publish(text);
    const shifted = moved.find((d) => String(d.message).includes('10.0.0.300/24'));
    assert.notEqual(shifted, cidr);
    assert.equal(shifted?.range.start.line, 21);
    assert.deepEqual(moved, publisher()(text));
  });
});
