import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CliWorkspace } from '../../server/src/cli/workspace';

const input = (display: string, text: string, explicit = false) => ({ uri: `file:///w/${display}`, display, text, explicit });

describe('CliWorkspace', () => {
  test('YAML syntax errors in a Kubernetes file are warnings with 1-based file:line:col; the other documents still count', () => {
    const text = ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: shop', '---', 'apiVersion: v1', 'kind: Pod', 'metadata: {name: [x', '---', 'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: ok'].join('\n');
    const ws = new CliWorkspace([input('ns.yaml', text)]);
    assert.ok(ws.warnings.length >= 1);
    assert.match(ws.warnings[0], /^ns\.yaml:8:\d+: warning: \S/);
    assert.deepEqual(
      ws.resources().filter((r) => r.kind === 'Namespace').map((r) => r.name),
      ['shop', 'ok'],
    );
  });

  test('files that are not Kubernetes are quiet when found by walking, reported when named', () => {
    const broken = 'jobs:\n  build: [unclosed\n';
    assert.deepEqual(new CliWorkspace([input('ci.yaml', broken)]).warnings, []);
    assert.match(new CliWorkspace([input('ci.yaml', broken, true)]).warnings[0], /^ci\.yaml:2:\d+: warning: /);
  });

  test('a skipped Helm template is reported even when found by walking', () => {
    const ws = new CliWorkspace([input('chart.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n')]);
    assert.deepEqual(ws.warnings, [
      'chart.yaml:4:9: warning: This file is a Helm/Go template ({{ … }}): it is skipped. Render it first (helm template …) to check the result.',
    ]);
  });

  test('locate turns offsets into 1-based lines and columns, counting CRLF line ends once', () => {
    const ws = new CliWorkspace([input('a.yaml', 'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: x\r\n')]);
    const offset = 'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  '.length;
    assert.deepEqual(ws.locate({ uri: 'file:///w/a.yaml', start: offset, end: offset }), { file: 'a.yaml', line: 4, column: 3 });
    assert.equal(ws.where({ uri: 'file:///w/a.yaml', start: 0, end: 0 }), 'a.yaml:1:1');
    assert.equal(ws.locate({ uri: 'file:///elsewhere.yaml', start: 0, end: 0 }), null);
    assert.equal(ws.where(null), '');
  });
});
