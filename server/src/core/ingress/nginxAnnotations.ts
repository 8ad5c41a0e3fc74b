/**
 * The `nginx.ingress.kubernetes.io/*` annotations application-routing users write most, from
 * ingress-nginx's annotations reference (docs/user-guide/nginx-configuration/annotations.md) and
 * its parsers. The AKS application routing add-on runs ingress-nginx, so the same annotations
 * apply; values must be quoted strings. Defaults are ingress-nginx's own.
 */
import { suggestClosest } from '../text/didYouMean';
import type { AnnotationSpec, ValueType } from './valueTypes';

export const NGINX_PREFIX = 'nginx.ingress.kubernetes.io/';

const DOCS = 'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#';

const BOOL: ValueType = { kind: 'bool' };
const INT: ValueType = { kind: 'int32', min: 0 };
const TEXT: ValueType = { kind: 'string', nonEmpty: true };
const SECONDS: ValueType = { kind: 'duration', style: 'seconds' };
const SIZE: ValueType = { kind: 'size' };
const URL: ValueType = { kind: 'url' };
const CIDRS: ValueType = { kind: 'cidrList' };
const ON_OFF: ValueType = { kind: 'enum', values: ['on', 'off'], caseSensitive: true };

function nginx(name: string, anchor: string, spec: Omit<AnnotationSpec, 'key' | 'docsUrl'>): AnnotationSpec {
  return { key: NGINX_PREFIX + name, docsUrl: DOCS + anchor, ...spec };
}

const SNIPPET_NOTE =
  'With the AKS application routing add-on, an NGINX annotation value containing load_module, lua_package, _by_lua, location, root, proxy_pass, serviceaccount, {, } or \' makes the Ingress not configured at all.';

export const NGINX_ANNOTATIONS: readonly AnnotationSpec[] = [
  // Paths and rewrites
  nginx('rewrite-target', 'rewrite', {
    type: TEXT,
    default: 'unset (the path is sent unchanged)',
    allowed: 'a URI, may use regex captures such as "/$2"',
    description:
      'Rewrites the request path before it reaches the service, for apps that expect another path than the one exposed: with path "/app(/|$)(.*)" and rewrite-target "/$2", /app/users reaches the pod as /users. Captures like $2 need use-regex "true" and a regex path. Setting it on any Ingress makes NGINX treat every path of that host as a case-insensitive regex.',
  }),
  nginx('use-regex', 'use-regex', {
    type: BOOL,
    default: 'false',
    allowed: '',
    description:
      'Says that the paths of this Ingress are regular expressions. When true, NGINX applies case-insensitive regex matching to all paths of the same host, on every Ingress that uses that host, so it can change how other teams’ paths match. With affinity "cookie", also set session-cookie-path, since cookie paths cannot be regexes.',
  }),
  nginx('app-root', 'rewrite', {
    type: { kind: 'path' },
    default: 'unset',
    allowed: 'a path, e.g. "/app1"',
    description:
      'Redirects requests for "/" to this path, for apps whose start page is not at the root. Only "/" is redirected; other paths are untouched.',
  }),
  nginx('x-forwarded-prefix', 'x-forwarded-prefix-header', {
    type: TEXT,
    default: 'unset',
    allowed: 'a path, e.g. "/path"',
    description:
      'Adds a non-standard X-Forwarded-Prefix header with this value to requests sent to the service. An app served under a rewritten path can use it to build correct links.',
  }),
  // TLS and redirects
  nginx('ssl-redirect', 'server-side-https-enforcement-through-redirect', {
    type: BOOL,
    default: 'true (when the Ingress has TLS)',
    allowed: '',
    description:
      'When the Ingress has TLS, NGINX redirects HTTP to HTTPS with a 308 by default; set "false" to serve plain HTTP as well. Without TLS on the Ingress it does nothing; use force-ssl-redirect for that.',
  }),
  nginx('force-ssl-redirect', 'server-side-https-enforcement-through-redirect', {
    type: BOOL,
    default: 'false',
    allowed: '',
    description:
      'Redirects HTTP to HTTPS even when this Ingress has no TLS certificate. Use it when TLS ends before NGINX, for example at a load balancer in front of it.',
  }),
  nginx('preserve-trailing-slash', 'server-side-https-enforcement-through-redirect', {
    type: BOOL,
    default: 'false',
    allowed: '',
    description: 'Keeps the trailing slash of the URL when NGINX redirects HTTP to HTTPS. Without it the slash is dropped from the redirect target.',
  }),
  nginx('ssl-passthrough', 'ssl-passthrough', {
    type: BOOL,
    default: 'false',
    allowed: '',
    description:
      'Sends the TLS connection to the pods without decrypting it, so the pods terminate TLS themselves. The controller must run with SSL passthrough enabled (for application routing: enableSSLPassthrough on the NginxIngressController). It works at the TCP level, so every other annotation on this Ingress stops having an effect.',
  }),
  nginx('permanent-redirect', 'permanent-redirect', {
    type: URL,
    default: 'unset',
    allowed: 'an absolute URL',
    description:
      'Answers every request with a permanent redirect (301) to this URL instead of calling the service. Change the code with permanent-redirect-code.',
  }),
  nginx('permanent-redirect-code', 'permanent-redirect-code', {
    type: { kind: 'int32' },
    default: '301',
    allowed: 'a redirect status code, e.g. "308"',
    description: 'The status code permanent-redirect answers with, instead of 301. Use "308" so that clients keep the request method and body.',
  }),
  nginx('temporal-redirect', 'temporal-redirect', {
    type: URL,
    default: 'unset',
    allowed: 'an absolute URL',
    description: 'Answers every request with a temporary redirect (302) to this URL instead of calling the service. Use it for maintenance pages or short-lived moves.',
  }),
  nginx('from-to-www-redirect', 'redirect-fromto-www', {
    type: BOOL,
    default: 'false',
    allowed: '',
    description:
      'Redirects www.example.com to example.com or the other way round, whichever the Ingress host is not. For HTTPS the certificate must cover both names.',
  }),
  nginx('ssl-ciphers', 'ssl-ciphers', {
    type: TEXT,
    default: 'the controller’s cipher list',
    allowed: 'an OpenSSL cipher list',
    description: 'Sets the TLS ciphers NGINX offers for this host. It applies to all paths of the host.',
  }),
  // Backend
  nginx('backend-protocol', 'backend-protocol', {
    type: { kind: 'enum', values: ['HTTP', 'HTTPS', 'GRPC', 'GRPCS', 'AUTO_HTTP', 'FCGI'], caseSensitive: false, trim: true },
    default: 'HTTP',
    allowed: 'HTTP, HTTPS, GRPC, GRPCS, AUTO_HTTP, FCGI',
    description:
      'How NGINX talks to the service: "HTTPS" when the pods serve TLS, "GRPC"/"GRPCS" for gRPC services. An unknown value is only logged, and NGINX falls back to HTTP.',
  }),
  nginx('upstream-vhost', 'custom-nginx-upstream-vhost', {
    type: TEXT,
    default: 'the request’s host',
    allowed: 'a host name',
    description:
      'Sets the Host header NGINX sends to the service instead of the client’s host. Use it when the backend only answers to a specific name, such as an external service.',
  }),
  nginx('service-upstream', 'service-upstream', {
    type: BOOL,
    default: 'false',
    allowed: '',
    description:
      'Sends traffic to the Service’s cluster IP instead of directly to the pod IPs. Sticky sessions and retries to another pod (proxy-next-upstream) then stop working.',
  }),
  nginx('default-backend', 'default-backend', {
    type: TEXT,
    default: 'the controller’s default backend',
    allowed: 'the name of a Service in the same namespace',
    description:
      'A Service in the same namespace that answers when the Ingress’s service has no ready endpoints. It also renders the errors listed in custom-http-errors; if the Service has several ports, the first one gets the traffic.',
  }),
  nginx('custom-http-errors', 'custom-http-errors', {
    type: { kind: 'statusCodes', allowRanges: false },
    default: 'unset',
    allowed: 'comma-separated status codes, e.g. "404,415"',
    description:
      'Status codes from the service that NGINX intercepts and replaces with a page from the default backend (or from default-backend, if set). Different Ingresses of the same host may intercept different codes.',
  }),
  nginx('upstream-hash-by', 'custom-nginx-upstream-hashing', {
    type: TEXT,
    default: 'unset',
    allowed: 'NGINX variables and text, e.g. "$request_uri"',
    description:
      'Picks the pod by consistent hashing of this key, so the same key (for example the same URI) keeps reaching the same pod. It takes precedence over load-balance.',
  }),
  // Timeouts and sizes
  nginx('proxy-connect-timeout', 'custom-timeouts', {
    type: SECONDS,
    default: '5',
    allowed: 'whole seconds, no unit',
    description:
      'Seconds NGINX waits to open a connection to a pod. Write a plain number: "10", not "10s".',
  }),
  nginx('proxy-send-timeout', 'custom-timeouts', {
    type: SECONDS,
    default: '60',
    allowed: 'whole seconds, no unit',
    description:
      'Seconds NGINX waits between two writes while sending the request to the pod. Write a plain number, e.g. "120".',
  }),
  nginx('proxy-read-timeout', 'custom-timeouts', {
    type: SECONDS,
    default: '60',
    allowed: 'whole seconds, no unit',
    description:
      'Seconds NGINX waits between two reads of the pod’s response; raise it for slow requests or long-lived streams. Write a plain number, e.g. "120".',
  }),
  nginx('proxy-next-upstream-tries', 'custom-timeouts', {
    type: INT,
    default: '3',
    allowed: 'a whole number',
    description: 'How many pods NGINX tries for one request when a pod fails, before it gives up. It works together with proxy-next-upstream, which says which failures are retried.',
  }),
  nginx('proxy-body-size', 'custom-max-body-size', {
    type: SIZE,
    default: '1m',
    allowed: 'an NGINX size, e.g. "8m"; "0" turns the limit off',
    description:
      'The largest request body NGINX accepts; larger uploads get 413 Request Entity Too Large. Use NGINX size syntax with one letter: "8m", not "8MB".',
  }),
  nginx('client-body-buffer-size', 'client-body-buffer-size', {
    type: SIZE,
    default: 'two memory pages (8k on x86-64)',
    allowed: 'an NGINX size, e.g. "1m"',
    description:
      'Memory buffer for reading a request body, per location. Bodies larger than the buffer are written, wholly or partly, to a temporary file.',
  }),
  nginx('proxy-buffer-size', 'proxy-buffer-size', {
    type: SIZE,
    default: '4k',
    allowed: 'an NGINX size, e.g. "8k"',
    description:
      'Buffer for the first part of the pod’s response, which holds the headers. Raise it (e.g. "16k") when large headers or cookies cause 502 "upstream sent too big header" errors.',
  }),
  nginx('proxy-buffering', 'proxy-buffering', {
    type: ON_OFF,
    default: 'off',
    allowed: '"on" or "off"',
    description: 'Whether NGINX buffers the pod’s response before passing it to the client. It is off by default, so responses stream straight through.',
  }),
  nginx('proxy-buffers-number', 'proxy-buffers-number', {
    type: INT,
    default: '4',
    allowed: 'a whole number',
    description: 'How many buffers NGINX uses to read one response from the pod. Raise it together with proxy-buffer-size for large responses when proxy-buffering is on.',
  }),
  nginx('proxy-request-buffering', 'custom-timeouts', {
    type: ON_OFF,
    default: 'on',
    allowed: '"on" or "off"',
    description:
      'Whether NGINX reads the whole request body before sending it to the pod. Set "off" to stream large uploads.',
  }),
  nginx('proxy-http-version', 'proxy-http-version', {
    type: { kind: 'enum', values: ['1.0', '1.1'], caseSensitive: true },
    default: '1.1',
    allowed: '"1.0" or "1.1"',
    description: 'The HTTP version NGINX uses toward the pods. Keep "1.1" unless a backend only speaks HTTP/1.0.',
  }),
  // CORS
  nginx('enable-cors', 'enable-cors', {
    type: BOOL,
    default: 'false',
    allowed: '',
    description:
      'Adds CORS headers so browsers allow pages from other origins to call this API. Without cors-allow-origin, any origin ("*") is allowed; restrict it for APIs that use cookies.',
  }),
  nginx('cors-allow-origin', 'enable-cors', {
    type: TEXT,
    default: '*',
    allowed: 'comma-separated origins such as "https://example.com" or "https://*.example.com"',
    description:
      'Which origins may call the API, as http(s)://host[:port], comma-separated; one level of wildcard subdomain is allowed. Only takes effect with enable-cors "true".',
    conflicts: [{ code: 'nginx-cors-needs-enable', with: NGINX_PREFIX + 'enable-cors', message: 'CORS settings only apply with enable-cors "true".' }],
  }),
  nginx('cors-allow-methods', 'enable-cors', {
    type: { kind: 'commaList' },
    default: 'GET, PUT, POST, DELETE, PATCH, OPTIONS',
    allowed: 'comma-separated HTTP methods',
    description: 'Which HTTP methods cross-origin requests may use. Only takes effect with enable-cors "true".',
  }),
  nginx('cors-allow-headers', 'enable-cors', {
    type: { kind: 'commaList' },
    default: 'DNT,X-CustomHeader,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Authorization',
    allowed: 'comma-separated header names',
    description: 'Which request headers cross-origin requests may send. Only takes effect with enable-cors "true".',
  }),
  nginx('cors-expose-headers', 'enable-cors', {
    type: { kind: 'commaList' },
    default: 'none',
    allowed: 'comma-separated header names, or "*"',
    description: 'Which response headers the browser lets the calling page read. Only takes effect with enable-cors "true".',
  }),
  nginx('cors-allow-credentials', 'enable-cors', {
    type: BOOL,
    default: 'true',
    allowed: '',
    description:
      'Whether cross-origin requests may carry cookies and authorization headers. Browsers refuse credentials when the allowed origin is "*", so set cors-allow-origin too.',
  }),
  nginx('cors-max-age', 'enable-cors', {
    type: INT,
    default: '1728000',
    allowed: 'seconds',
    description: 'How many seconds a browser may cache the answer to a CORS preflight request. Only takes effect with enable-cors "true".',
  }),
  // Session affinity
  nginx('affinity', 'session-affinity', {
    type: { kind: 'enum', values: ['cookie'], caseSensitive: true },
    default: 'unset (no affinity)',
    allowed: '"cookie" (the only type)',
    description:
      'Turns on sticky sessions: NGINX sets a cookie so each client keeps reaching the same pod. If several Ingresses share a host, only the paths of the Ingress with this annotation are sticky.',
  }),
  nginx('affinity-mode', 'session-affinity', {
    type: { kind: 'enum', values: ['balanced', 'persistent'], caseSensitive: true },
    default: 'balanced',
    allowed: '"balanced" or "persistent"',
    description:
      '"balanced" (the default) moves some sessions to new pods when the deployment scales up, to spread the load. "persistent" never moves them, for maximum stickiness.',
  }),
  nginx('session-cookie-name', 'cookie-affinity', {
    type: TEXT,
    default: 'INGRESSCOOKIE',
    allowed: 'a cookie name',
    description: 'The name of the affinity cookie when affinity is "cookie". Change it if the app already sets a cookie with the default name.',
  }),
  nginx('session-cookie-path', 'cookie-affinity', {
    type: { kind: 'path' },
    default: 'unset',
    allowed: 'a path',
    description:
      'The Path attribute of the affinity cookie. Required when use-regex is "true", because cookie paths cannot be regular expressions.',
  }),
  nginx('session-cookie-samesite', 'cookie-affinity', {
    type: { kind: 'enum', values: ['None', 'Lax', 'Strict'], caseSensitive: true },
    default: 'unset',
    allowed: '"None", "Lax" or "Strict"',
    description: 'The SameSite attribute of the affinity cookie: "None", "Lax" or "Strict". Some older browsers reject SameSite=None cookies; session-cookie-conditional-samesite-none leaves the attribute out for them.',
  }),
  // Access control and rate limits
  nginx('allowlist-source-range', 'whitelist-source-range', {
    type: CIDRS,
    default: 'unset (all clients)',
    allowed: 'comma-separated IPs or CIDRs, e.g. "10.0.0.0/24,172.10.0.1"',
    description:
      'Only clients from these addresses may reach this Ingress; others get 403. It checks the client address NGINX sees, which depends on how the load balancer in front forwards traffic. It overrides any global allowlist for this Ingress.',
  }),
  nginx('whitelist-source-range', 'whitelist-source-range', {
    type: CIDRS,
    default: 'unset (all clients)',
    allowed: 'comma-separated IPs or CIDRs',
    description:
      'The older name of allowlist-source-range: only clients from these addresses may reach this Ingress, others get 403. Prefer allowlist-source-range in new manifests.',
    aliasOf: NGINX_PREFIX + 'allowlist-source-range',
  }),
  nginx('denylist-source-range', 'denylist-source-range', {
    type: CIDRS,
    default: 'unset',
    allowed: 'comma-separated IPs or CIDRs',
    description: 'Clients from these addresses are refused; everyone else may reach this Ingress. To admit only known addresses instead, use allowlist-source-range.',
  }),
  nginx('limit-rps', 'rate-limiting', {
    type: INT,
    default: 'unset (no limit)',
    allowed: 'requests per second per client IP',
    description:
      'How many requests per second one client IP may send; bursts up to this times limit-burst-multiplier (5) are allowed, beyond that clients get 503. Each NGINX replica counts separately.',
  }),
  nginx('limit-rpm', 'rate-limiting', {
    type: INT,
    default: 'unset (no limit)',
    allowed: 'requests per minute per client IP',
    description: 'Like limit-rps, per minute. Each NGINX replica counts separately.',
  }),
  nginx('limit-connections', 'rate-limiting', {
    type: INT,
    default: 'unset (no limit)',
    allowed: 'concurrent connections per client IP',
    description: 'How many connections one client IP may keep open at once. Beyond that NGINX answers 503.',
  }),
  nginx('limit-burst-multiplier', 'rate-limiting', {
    type: INT,
    default: '5',
    allowed: 'a whole number',
    description: 'Multiplies limit-rps or limit-rpm to get the burst size NGINX allows before it refuses requests. The default is 5.',
  }),
  // Authentication
  nginx('auth-type', 'authentication', {
    type: { kind: 'enum', values: ['basic', 'digest'], caseSensitive: true },
    default: 'unset',
    allowed: '"basic" or "digest"',
    description: 'Turns on HTTP basic or digest authentication for the paths of this Ingress. The users come from the Secret named in auth-secret.',
    conflicts: [{ code: 'nginx-auth-type-needs-secret', with: NGINX_PREFIX + 'auth-secret', message: 'auth-type needs auth-secret naming the users’ Secret.' }],
  }),
  nginx('auth-secret', 'authentication', {
    type: TEXT,
    default: 'unset',
    allowed: 'a Secret name, or "namespace/name"',
    description:
      'The Secret holding the users and password hashes for auth-type (an htpasswd file under the key "auth"). Without a namespace, the Ingress’s namespace is used.',
  }),
  nginx('auth-realm', 'authentication', {
    type: TEXT,
    default: 'unset',
    allowed: 'text',
    description: 'The realm text the browser shows in its login prompt. It only matters together with auth-type and auth-secret.',
  }),
  nginx('auth-url', 'external-authentication', {
    type: URL,
    default: 'unset',
    allowed: 'an absolute URL',
    description:
      'Sends a sub-request to this URL before each request; a 2xx answer lets the request through, 401/403 rejects it. This is how oauth2-proxy style external login is wired in.',
  }),
  nginx('auth-signin', 'external-authentication', {
    type: URL,
    default: 'unset',
    allowed: 'an absolute URL, may contain NGINX variables',
    description: 'Where to send users whom auth-url rejected, typically the login page of the auth service. NGINX variables in the URL can carry the original address along.',
  }),
  nginx('auth-response-headers', 'external-authentication', {
    type: { kind: 'commaList' },
    default: 'unset',
    allowed: 'comma-separated header names',
    description: 'Headers from the auth-url answer that are passed on to the service. Use it to forward the authenticated user’s name or groups.',
  }),
  nginx('auth-tls-secret', 'client-certificate-authentication', {
    type: TEXT,
    default: 'unset',
    allowed: '"namespace/secretName" of a Secret with ca.crt',
    description:
      'Turns on client certificate (mutual TLS) authentication, trusting the CA in the Secret’s ca.crt. It applies to the whole host, not per path.',
  }),
  nginx('auth-tls-verify-client', 'client-certificate-authentication', {
    type: { kind: 'enum', values: ['on', 'off', 'optional', 'optional_no_ca'], caseSensitive: true },
    default: 'on',
    allowed: '"on", "off", "optional" or "optional_no_ca"',
    description: 'Whether a client certificate is required ("on", the default), checked only if sent ("optional", "optional_no_ca") or not requested ("off"). With "on", a missing or invalid certificate gets 400 Bad Request.',
  }),
  nginx('proxy-ssl-secret', 'backend-certificate-authentication', {
    type: TEXT,
    default: 'unset',
    allowed: '"namespace/secretName"',
    description:
      'A Secret with tls.crt and tls.key (and ca.crt) that NGINX uses to authenticate to an HTTPS backend and to check its certificate. Write it as "namespace/secretName".',
  }),
  nginx('proxy-ssl-verify', 'backend-certificate-authentication', {
    type: ON_OFF,
    default: 'off',
    allowed: '"on" or "off"',
    description: 'Whether NGINX checks the certificate of an HTTPS backend against ca.crt of proxy-ssl-secret. It is off by default, so any backend certificate is accepted.',
  }),
  // Canary
  nginx('canary', 'canary', {
    type: BOOL,
    default: 'false',
    allowed: '',
    description:
      'Marks this Ingress as a canary of another Ingress with the same host and path: it receives part of the traffic according to canary-by-header, canary-by-cookie or canary-weight. Only one canary Ingress per rule is supported, and most other annotations on a canary are ignored.',
  }),
  nginx('canary-weight', 'canary', {
    type: INT,
    default: 'unset (no weighted traffic)',
    allowed: '0 to canary-weight-total (100)',
    description: 'The share of requests, out of canary-weight-total (100), sent to the canary Ingress’s service. Needs canary "true".',
    conflicts: [{ code: 'nginx-canary-setting-needs-canary', with: NGINX_PREFIX + 'canary', message: 'Canary settings only apply with canary "true".' }],
  }),
  nginx('canary-weight-total', 'canary', {
    type: INT,
    default: '100',
    allowed: 'a whole number',
    description: 'The total that canary-weight is a share of; 100 unless set. Raise it for finer steps, e.g. 1000 for tenths of a percent.',
  }),
  nginx('canary-by-header', 'canary', {
    type: TEXT,
    default: 'unset',
    allowed: 'a header name',
    description:
      'A request header that steers the request: "always" sends it to the canary, "never" keeps it away, other values fall through to the other canary rules. Needs canary "true".',
  }),
  nginx('canary-by-header-value', 'canary', {
    type: TEXT,
    default: 'unset',
    allowed: 'text',
    description: 'Sends requests whose canary-by-header header has exactly this value to the canary. Needs canary-by-header.',
  }),
  nginx('canary-by-cookie', 'canary', {
    type: TEXT,
    default: 'unset',
    allowed: 'a cookie name',
    description: 'A cookie that steers the request: "always" sends it to the canary, "never" keeps it away. Needs canary "true".',
  }),
  // Snippets: raw NGINX configuration
  nginx('configuration-snippet', 'configuration-snippet', {
    type: TEXT,
    default: 'unset',
    allowed: 'NGINX directives for the location block',
    description:
      'Raw NGINX directives added to the location block of each path, e.g. more_set_headers. Snippets can expose cluster secrets in multi-tenant clusters (CVE-2021-25742); the recommended mitigation is to disable them, so a given controller may refuse them.',
    snippet: true,
    notes: [SNIPPET_NOTE],
  }),
  nginx('server-snippet', 'server-snippet', {
    type: TEXT,
    default: 'unset',
    allowed: 'NGINX directives for the server block',
    description:
      'Raw NGINX directives added to the server block of the host. It may be used only once per host. Typical server snippets use "{ }" blocks, which the application routing add-on refuses.',
    snippet: true,
    notes: [SNIPPET_NOTE],
  }),
  nginx('auth-snippet', 'external-authentication', {
    type: TEXT,
    default: 'unset',
    allowed: 'NGINX directives for the auth sub-request',
    description: 'Raw NGINX directives for the external authentication request. It is ignored unless auth-url is set.',
    snippet: true,
    notes: [SNIPPET_NOTE],
  }),
  nginx('stream-snippet', 'stream-snippet', {
    type: TEXT,
    default: 'unset',
    allowed: 'NGINX stream configuration',
    description: 'Raw NGINX configuration added to the stream (TCP/UDP) block. Stream server blocks need "{ }", which the application routing add-on refuses.',
    snippet: true,
    notes: [SNIPPET_NOTE],
  }),
  // Misc
  nginx('server-alias', 'server-alias', {
    type: { kind: 'hostnameList', allowWildcard: true },
    default: 'unset',
    allowed: 'comma-separated host names',
    description:
      'Extra host names served with the same configuration as the Ingress host. An alias equal to the host of another Ingress is ignored.',
  }),
  nginx('enable-access-log', 'enable-access-log', {
    type: BOOL,
    default: 'true',
    allowed: '',
    description: 'Access logs are on by default; set "false" to stop logging requests for this Ingress. Useful for noisy paths such as health checks.',
  }),
  nginx('enable-modsecurity', 'modsecurity', {
    type: BOOL,
    default: 'false',
    allowed: '',
    description:
      'Turns on the ModSecurity web application firewall for this Ingress, in detection-only mode unless configured otherwise. ModSecurity must be enabled in the controller’s configuration first.',
  }),
  nginx('mirror-target', 'mirror', {
    type: URL,
    default: 'unset',
    allowed: 'an absolute URL, e.g. "https://test.env.com/$request_uri"',
    description:
      'Copies every request to this URL as well and ignores the mirror’s answers, to test a new backend with real traffic. A slow mirror slows down the original request.',
  }),
];

/**
 * Words the application routing add-on's ingress-nginx refuses in annotation values (its
 * `annotation-value-word-blocklist`). ingress-nginx checks every `nginx.ingress.kubernetes.io/*`
 * value with a case-sensitive substring match and skips the whole Ingress on a hit; they matter
 * most in snippets.
 */
export const FORBIDDEN_SNIPPET_TOKENS: readonly string[] = [
  'load_module',
  'lua_package',
  '_by_lua',
  'location',
  'root',
  'proxy_pass',
  'serviceaccount',
  '{',
  '}',
  "'",
];

/** The first forbidden token in `value` (earliest position; ties go to the longer token), or null. */
export function findForbiddenSnippetToken(value: string): { token: string; index: number } | null {
  let best: { token: string; index: number } | null = null;
  for (const token of FORBIDDEN_SNIPPET_TOKENS) {
    const index = value.indexOf(token);
    if (index < 0) continue;
    if (!best || index < best.index || (index === best.index && token.length > best.token.length)) {
      best = { token, index };
    }
  }
  return best;
}

const BY_KEY = new Map(NGINX_ANNOTATIONS.map((a) => [a.key, a]));

export function findNginxAnnotation(key: string): AnnotationSpec | undefined {
  return BY_KEY.get(key);
}

/** For an unknown `nginx.ingress.kubernetes.io/*` key, the closest catalogued key, or null. */
export function suggestNginxAnnotation(key: string): string | null {
  if (!key.startsWith(NGINX_PREFIX) || BY_KEY.has(key)) return null;
  const names = NGINX_ANNOTATIONS.map((a) => a.key.slice(NGINX_PREFIX.length));
  const close = suggestClosest(key.slice(NGINX_PREFIX.length), names);
  return close ? NGINX_PREFIX + close : null;
}
