import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AGIC_ANNOTATIONS,
  AGIC_PREFIX,
  findAgicAnnotation,
  suggestAgicAnnotation,
} from '../../server/src/core/ingress/agicAnnotations';
import {
  FORBIDDEN_SNIPPET_TOKENS,
  NGINX_ANNOTATIONS,
  NGINX_PREFIX,
  findForbiddenSnippetToken,
  findNginxAnnotation,
  suggestNginxAnnotation,
} from '../../server/src/core/ingress/nginxAnnotations';
import { parseValue, type AnnotationSpec } from '../../server/src/core/ingress/valueTypes';

/** Sentences in a description ("e.g." does not end one). */
function sentences(text: string): number {
  return (text.replace(/\b(e\.g|i\.e)\./g, 'eg').match(/[.!?](?=\s|$)/g) ?? []).length;
}

function parses(spec: AnnotationSpec | undefined, value: string): boolean {
  assert.ok(spec, 'annotation not in the catalogue');
  return parseValue(spec.type, value).ok;
}

function checkShape(catalogue: readonly AnnotationSpec[], prefix: string, docs: string): void {
  const keys = catalogue.map((a) => a.key);
  assert.equal(new Set(keys).size, keys.length, 'duplicate keys');
  for (const a of catalogue) {
    assert.ok(a.key.startsWith(prefix), a.key);
    assert.ok(a.docsUrl.startsWith(docs) && a.docsUrl.length > docs.length, a.key);
    const n = sentences(a.description);
    assert.ok(n >= 2 && n <= 4, `${a.key}: ${n} sentences`);
    assert.ok(a.default.length > 0, `${a.key}: no default text`);
  }
}

describe('AGIC catalogue', () => {
  const REFERENCE_ROWS = [
    'backend-path-prefix', 'backend-hostname', 'backend-protocol', 'ssl-redirect', 'appgw-ssl-certificate',
    'appgw-ssl-profile', 'appgw-trusted-root-certificate', 'connection-draining', 'connection-draining-timeout',
    'cookie-based-affinity', 'cookie-based-affinity-distinct-name', 'request-timeout', 'use-private-ip',
    'override-frontend-port', 'waf-policy-for-path', 'health-probe-hostname', 'health-probe-port', 'health-probe-path',
    'health-probe-status-codes', 'health-probe-interval', 'health-probe-timeout', 'health-probe-unhealthy-threshold',
    'rewrite-rule-set', 'rewrite-rule-set-custom-resource', 'hostname-extension', 'rule-priority',
  ];

  test('has exactly the rows of the reference table', () => {
    assert.deepEqual(AGIC_ANNOTATIONS.map((a) => a.key.slice(AGIC_PREFIX.length)).sort(), [...REFERENCE_ROWS].sort());
  });

  test('every entry has key, docs anchor, 2–4 sentence description, default and version', () => {
    checkShape(AGIC_ANNOTATIONS, AGIC_PREFIX, 'https://azure.github.io/application-gateway-kubernetes-ingress/annotations/#');
    for (const a of AGIC_ANNOTATIONS) assert.ok(a.since && /^1\.\d/.test(a.since), a.key);
  });

  const values: [string, string, boolean][] = [
    ['rule-priority', '0', false],
    ['rule-priority', '1', true],
    ['rule-priority', '20000', true],
    ['rule-priority', '20001', false],
    ['override-frontend-port', '8080', true],
    ['override-frontend-port', '65000', false],
    ['backend-protocol', 'HTTPS', true],
    ['backend-protocol', 'grpc', false],
    ['ssl-redirect', 'True', true],
    ['ssl-redirect', 'yes', false],
    ['health-probe-status-codes', '200-399, 401', true],
    ['health-probe-port', '81', true],
    ['request-timeout', '30s', false],
    ['waf-policy-for-path', '/subscriptions/abcd/resourceGroups/rg/providers/Microsoft.Network/applicationGatewayWebApplicationFirewallPolicies/adserver', true],
    ['waf-policy-for-path', 'adserver', false],
    ['hostname-extension', 'hostname1.contoso.com, *.contoso.com', true],
    ['backend-path-prefix', 'test/', false],
  ];
  for (const [name, value, expected] of values) {
    test(`${name}: ${JSON.stringify(value)} is ${expected ? 'accepted' : 'rejected'}`, () => {
      assert.equal(parses(findAgicAnnotation(AGIC_PREFIX + name), value), expected);
    });
  }

  test('conflicts from the reference are recorded', () => {
    const cert = findAgicAnnotation(AGIC_PREFIX + 'appgw-ssl-certificate');
    assert.deepEqual(cert?.conflicts?.map((c) => c.with), ['spec.tls']);
    assert.match(cert?.conflicts?.[0].message ?? '', /ignored/);
    const protocol = findAgicAnnotation(AGIC_PREFIX + 'backend-protocol');
    assert.match(protocol?.conflicts?.[0].message ?? '', /port 80/);
  });

  test('the MS Learn spelling health-probe-status-code is a known misspelling', () => {
    assert.deepEqual(suggestAgicAnnotation(AGIC_PREFIX + 'health-probe-status-code'), {
      key: AGIC_PREFIX + 'health-probe-status-codes',
      reason: 'known-misspelling',
    });
    assert.equal(findAgicAnnotation(AGIC_PREFIX + 'health-probe-status-code'), undefined);
  });

  test('typos get a similar key; known keys, other prefixes and object-prototype names get none', () => {
    assert.deepEqual(suggestAgicAnnotation(AGIC_PREFIX + 'ssl-redirct'), { key: AGIC_PREFIX + 'ssl-redirect', reason: 'similar' });
    assert.equal(suggestAgicAnnotation(AGIC_PREFIX + 'ssl-redirect'), null);
    assert.equal(suggestAgicAnnotation('example.com/ssl-redirct'), null);
    assert.equal(suggestAgicAnnotation('constructor'), null);
    assert.equal(suggestAgicAnnotation(AGIC_PREFIX + 'completely-unrelated-thing'), null);
  });
});

describe('NGINX catalogue', () => {
  const REQUIRED = [
    'rewrite-target', 'use-regex', 'ssl-redirect', 'force-ssl-redirect', 'backend-protocol', 'proxy-body-size',
    'proxy-read-timeout', 'proxy-send-timeout', 'proxy-connect-timeout', 'enable-cors', 'cors-allow-origin',
    'cors-allow-methods', 'cors-allow-headers', 'cors-allow-credentials', 'affinity', 'session-cookie-name',
    'whitelist-source-range', 'allowlist-source-range', 'denylist-source-range', 'limit-rps', 'limit-connections',
    'auth-url', 'auth-signin', 'auth-type', 'auth-secret', 'configuration-snippet', 'server-snippet', 'app-root',
    'permanent-redirect', 'temporal-redirect', 'ssl-passthrough', 'upstream-vhost', 'proxy-buffer-size',
    'client-body-buffer-size', 'canary', 'canary-weight', 'canary-by-header',
  ];

  test('covers the commonly used annotations (at least 40)', () => {
    assert.ok(NGINX_ANNOTATIONS.length >= 40, `${NGINX_ANNOTATIONS.length}`);
    for (const name of REQUIRED) assert.ok(findNginxAnnotation(NGINX_PREFIX + name), name);
  });

  test('every entry has key, docs anchor, 2–4 sentence description and default', () => {
    checkShape(NGINX_ANNOTATIONS, NGINX_PREFIX, 'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#');
  });

  const values: [string, string, boolean][] = [
    ['backend-protocol', 'GRPC', true],
    ['backend-protocol', 'auto_http', true],
    ['backend-protocol', 'FCGI', true],
    ['backend-protocol', 'SOAP', false],
    ['proxy-body-size', '8m', true],
    ['proxy-body-size', '8MB', false],
    ['proxy-read-timeout', '60', true],
    ['proxy-read-timeout', '60s', false],
    ['affinity', 'cookie', true],
    ['affinity', 'ip', false],
    ['allowlist-source-range', '10.0.0.0/24,172.10.0.1', true],
    ['whitelist-source-range', '10.0.0.0/33', false],
    ['auth-url', 'https://auth.example.com/oauth2/auth', true],
    ['canary-weight', '20', true],
    ['canary-weight', 'twenty', false],
    ['use-regex', 'true', true],
  ];
  for (const [name, value, expected] of values) {
    test(`${name}: ${JSON.stringify(value)} is ${expected ? 'accepted' : 'rejected'}`, () => {
      assert.equal(parses(findNginxAnnotation(NGINX_PREFIX + name), value), expected);
    });
  }

  test('snippets are flagged, whitelist is an alias of allowlist', () => {
    const snippets = NGINX_ANNOTATIONS.filter((a) => a.snippet).map((a) => a.key.slice(NGINX_PREFIX.length));
    assert.deepEqual(snippets.sort(), ['auth-snippet', 'configuration-snippet', 'server-snippet', 'stream-snippet']);
    assert.equal(findNginxAnnotation(NGINX_PREFIX + 'whitelist-source-range')?.aliasOf, NGINX_PREFIX + 'allowlist-source-range');
  });

  test('typo suggestion', () => {
    assert.equal(suggestNginxAnnotation(NGINX_PREFIX + 'rewrite-targte'), NGINX_PREFIX + 'rewrite-target');
    assert.equal(suggestNginxAnnotation(NGINX_PREFIX + 'rewrite-target'), null);
  });
});

describe('findForbiddenSnippetToken (application routing blocklist)', () => {
  test('the list is the add-on’s', () => {
    assert.deepEqual(FORBIDDEN_SNIPPET_TOKENS, ['load_module', 'lua_package', '_by_lua', 'location', 'root', 'proxy_pass', 'serviceaccount', '{', '}', "'"]);
  });
  const cases: [string, { token: string; index: number } | null][] = [
    ['more_set_headers "Request-Id: $req_id";', null],
    ['proxy_pass http://other;', { token: 'proxy_pass', index: 0 }],
    ['if ($agentflag = 1) { return 301 https://m.example.com; }', { token: '{', index: 20 }],
    ["add_header X-Frame-Options 'DENY';", { token: "'", index: 27 }],
    ['location /x { }', { token: 'location', index: 0 }],
    ['set $root /var/www;', { token: 'root', index: 5 }],
    ['content_by_lua_block', { token: '_by_lua', index: 7 }],
    ['cat /var/run/secrets/kubernetes.io/serviceaccount/token', { token: 'serviceaccount', index: 35 }],
    ['/Root', null],
  ];
  for (const [value, expected] of cases) {
    test(JSON.stringify(value), () => assert.deepEqual(findForbiddenSnippetToken(value), expected));
  }
});
