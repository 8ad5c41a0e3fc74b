import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { WorkspaceViewCache } from '../../server/src/core/analysis/workspaceView';
import { fqdnPatternMatches, patternCovers } from '../../server/src/core/cilium/fqdnPattern';
import { httpRegexMatches } from '../../server/src/core/cilium/httpRegex';
import { buildPolicyModel } from '../../server/src/core/engine/index';
import { sanitizeSettings } from '../../server/src/core/settings/analysisSettings';
import { IncrementalChecker } from '../../server/src/core/workspace/incrementalCheck';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { hoverAt } from '../../server/src/features/hover';

/** Patterns that make a backtracking engine (JS RegExp) run for ages on the inputs below. */
const EVIL_PATHS = ['(a+)+$', '(a|aa)*b', '(x+x+)+y', '^(([a-z])+.)+[A-Z]([a-z])+$'];
const EVIL_HOST = '(h+)+\\.example\\.com';
const EVIL_FQDN = '*a*a*a*a*a*a*a*a*a*a*a*a*.example.com';

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: evil-l7, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: api}}
  ingress:
  - fromEndpoints: [{matchLabels: {app: web}}]
    toPorts:
    - ports: [{port: "8080", protocol: TCP}]
      rules:
        http:
${EVIL_PATHS.map((p) => `        - {method: "GET|POST", path: ${JSON.stringify(p)}, host: ${JSON.stringify(EVIL_HOST)}}`).join('\n')}
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: evil-fqdn, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: web}}
  egress:
  - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, "k8s:k8s-app": kube-dns}}]
    toPorts: [{ports: [{port: "53", protocol: ANY}], rules: {dns: [{matchPattern: ${JSON.stringify(EVIL_FQDN)}}]}}]
  - toFQDNs: [{matchPattern: ${JSON.stringify(EVIL_FQDN)}}]
    toPorts: [{ports: [{port: "443", protocol: TCP}]}]
`;

/**
 * Records every regular expression built at run time from a string (the RegExp constructor, and
 * String methods that turn a string argument into a RegExp). Regex literals in our own code are
 * compiled from source, so they never show up here.
 */
function recordDynamicRegExps(): { sources: string[]; restore(): void } {
  const sources: string[] = [];
  const OriginalRegExp = globalThis.RegExp;
  const original = { match: String.prototype.match, matchAll: String.prototype.matchAll, search: String.prototype.search };
  const Recording = new Proxy(OriginalRegExp, {
    construct(target, args: [string | RegExp, string?]) {
      sources.push(typeof args[0] === 'string' ? args[0] : args[0].source);
      return Reflect.construct(target, args);
    },
    apply(target, thisArg, args: [string | RegExp, string?]) {
      sources.push(typeof args[0] === 'string' ? args[0] : args[0].source);
      return Reflect.apply(target, thisArg, args);
    },
  });
  globalThis.RegExp = Recording;
  const wrap = <K extends keyof typeof original>(name: K) =>
    function (this: string, pattern: unknown, ...rest: unknown[]) {
      if (typeof pattern === 'string') sources.push(pattern);
      return (original[name] as (...a: unknown[]) => unknown).call(this, pattern, ...rest);
    };
  String.prototype.match = wrap('match') as typeof String.prototype.match;
  String.prototype.matchAll = wrap('matchAll') as typeof String.prototype.matchAll;
  String.prototype.search = wrap('search') as typeof String.prototype.search;
  return {
    sources,
    restore() {
      globalThis.RegExp = OriginalRegExp;
      Object.assign(String.prototype, original);
    },
  };
}

describe('regular expressions from manifests never reach a backtracking engine', () => {
  let recording: ReturnType<typeof recordDynamicRegExps>;
  before(() => {
    recording = recordDynamicRegExps();
  });
  after(() => recording.restore());

  test('the recorder sees RegExps built from strings', () => {
    new RegExp('recorder-check');
    'x'.match('another-check');
    assert.ok(recording.sources.includes('recorder-check') && recording.sources.includes('another-check'));
  });

  test('checking, modelling, asking and hovering a policy full of evil patterns builds no RegExp from them, and each step is quick', () => {
    const index = new WorkspaceIndex();
    const file = index.set('file:///evil.yaml', MANIFESTS);
    const settings = sanitizeSettings({});
    const view = new WorkspaceViewCache().get(index, settings);
    const timed = <T>(what: string, f: () => T): T => {
      const started = performance.now();
      const result = f();
      assert.ok(performance.now() - started < 2000, `${what} took ${(performance.now() - started).toFixed(0)} ms`);
      return result;
    };
    const findings = timed('checking', () => new IncrementalChecker().check(file, view, settings, index.revision));
    assert.ok(findings.length >= 0);
    const model = timed('the model', () => buildPolicyModel(file.resources));
    const attack = 'a'.repeat(20_000);
    for (const path of [attack, `${attack}!`, 'x'.repeat(20_000), `/${attack}`]) {
      const verdict = timed(`canReach with a ${path.length}-character path`, () =>
        model.canReach({ from: { type: 'workload', id: 'shop/web' }, to: { type: 'workload', id: 'shop/api' }, port: 8080, http: { method: 'GET', path, host: `${'h'.repeat(5000)}.example.com!` } }),
      );
      assert.equal(typeof verdict.allowed, 'boolean');
    }
    timed('an FQDN question', () => model.canReach({ from: { type: 'workload', id: 'shop/web' }, to: { type: 'fqdn', name: `${'a'.repeat(60)}.example.com` }, port: 443 }));
    const pathAt = MANIFESTS.indexOf(EVIL_PATHS[0]);
    timed('hover on an evil path', () => hoverAt(file, pathAt + 2, view));
    const fromManifest = recording.sources.filter((s) => EVIL_PATHS.includes(s) || s === EVIL_HOST || s.includes('a*a*a') || s.includes('(h+)+'));
    assert.deepEqual(fromManifest, []);
  });
});

describe('the linear-time matchers stay linear on hostile input', () => {
  test('a nested-quantifier HTTP regex against 100,000 characters', () => {
    const started = performance.now();
    assert.equal(httpRegexMatches('(a*)*b', 'a'.repeat(100_000)), false);
    assert.equal(httpRegexMatches('(a|a)*c', 'a'.repeat(100_000)), false);
    assert.ok(performance.now() - started < 5000, `took ${(performance.now() - started).toFixed(0)} ms`);
  });

  test('an FQDN pattern with many stars against a long name, and two such patterns compared', () => {
    const started = performance.now();
    const label = 'a'.repeat(63);
    // Twelve `a`s needed; the label has eleven, among 52 other characters.
    assert.equal(fqdnPatternMatches(EVIL_FQDN, `${'ba'.repeat(11)}${'b'.repeat(41)}.example.com`), false);
    assert.equal(fqdnPatternMatches(EVIL_FQDN, `${label}.example.com`), true);
    assert.equal(typeof patternCovers({ kind: 'pattern', value: EVIL_FQDN }, { kind: 'pattern', value: '*a*b*a*b*a*b*a*b*a*b*.example.com' }), 'boolean');
    assert.ok(performance.now() - started < 2000, `took ${(performance.now() - started).toFixed(0)} ms`);
  });
});
