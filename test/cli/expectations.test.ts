import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpectations } from '../../server/src/cli/expectations';

describe('parseExpectations', () => {
  test('reads a YAML list with ports, protocols, HTTP requests and engines, and the line of each entry', () => {
    const text = [
      '# lab expectations',
      '- from: frontend/web',
      '  to: backend/api',
      '  port: 8080',
      '  expect: allowed',
      '- {from: backend/api, to: "fqdn:api.stripe.com", port: "443", protocol: tcp, http: "GET /v1", engine: azure-npm, expect: denied}',
      '',
    ].join('\n');
    const result = parseExpectations(text, 'exp.yaml');
    assert.deepEqual(result, {
      ok: true,
      expectations: [
        { index: 0, line: 2, words: { from: 'frontend/web', to: 'backend/api', port: 8080 }, engine: null, expect: 'allowed' },
        {
          index: 1,
          line: 6,
          words: { from: 'backend/api', to: 'fqdn:api.stripe.com', port: 443, protocol: 'TCP', http: { method: 'GET', path: '/v1' } },
          engine: 'azure-npm',
          expect: 'denied',
        },
      ],
    });
  });

  test('reads netpol-analyzer cases.json as is: extra fields ignored, port null means no port', () => {
    const text =
      '[\n' +
      '{"kind":"internal","from":"hello-world/workload-a","fromKind":"Deployment","to":"hello-world/workload-b","toKind":"Deployment","port":null,"protocol":null,"expect":"allowed","check":"all-connections","source":"x"},\n' +
      '{"kind":"external","from":"ip:0.0.0.0","fromKind":"External","fromRange":"0.0.0.0-255.255.255.255","to":"hello-world/workload-a","toKind":"Deployment","port":53,"protocol":"UDP","expect":"denied","check":"unlisted-protocol","source":"y"}\n' +
      ']\n';
    const result = parseExpectations(text, 'cases.json');
    assert.deepEqual(result, {
      ok: true,
      expectations: [
        { index: 0, line: 2, words: { from: 'hello-world/workload-a', to: 'hello-world/workload-b' }, engine: null, expect: 'allowed' },
        { index: 1, line: 3, words: { from: 'ip:0.0.0.0', to: 'hello-world/workload-a', port: 53, protocol: 'UDP' }, engine: null, expect: 'denied' },
      ],
    });
  });

  test('reports every malformed entry with file, line and column', () => {
    const text = ['- {from: a/b, to: c/d, expect: yes}', '- 3', '- {from: a/b, to: c/d, port: 0, expect: denied}', '- {to: c/d, expect: denied}', '- {from: a/b, to: c/d, engine: cillium, expect: denied}'].join('\n');
    assert.deepEqual(parseExpectations(text, 'e.yaml'), {
      ok: false,
      errors: [
        'e.yaml:1:3: error: entry 0: "expect" must be "allowed" or "denied" (got "yes")',
        'e.yaml:2:3: error: entry 1: expected an object with from, to and expect',
        "e.yaml:3:3: error: entry 2: port '0' is not a number from 1 to 65535",
        'e.yaml:4:3: error: entry 3: "from" must be a non-empty string',
        'e.yaml:5:3: error: entry 4: "engine" must be one of cilium, azure-npm, calico, none (got "cillium")',
      ],
    });
  });

  test('a syntax error or a document that is not a list is reported with its position', () => {
    const broken = parseExpectations('[{"from": "a/b",\n  "to": }', 'e.json');
    assert.equal(broken.ok, false);
    assert.match(!broken.ok ? broken.errors[0] : '', /^e\.json:2:\d+: error: /);
    assert.deepEqual(parseExpectations('\nfrom: a/b\n', 'e.yaml'), {
      ok: false,
      errors: ['e.yaml:2:1: error: expectations must be a list (a JSON array or a YAML sequence) of {from, to, expect, ...}'],
    });
  });
});
