/**
 * Every annotation name in ingress-nginx's annotations reference
 * (docs/user-guide/nginx-configuration/annotations.md: the table and the sections below it), so a
 * real key that the typed catalogue (core/ingress/nginxAnnotations.ts) does not describe is never
 * reported as unknown or "corrected" to a catalogued neighbour. Names only, without the prefix.
 */
export const NGINX_DOCUMENTED_NAMES: ReadonlySet<string> = new Set([
  'app-root', 'affinity', 'affinity-mode', 'affinity-canary-behavior',
  'auth-realm', 'auth-secret', 'auth-secret-type', 'auth-type',
  'auth-tls-secret', 'auth-tls-verify-depth', 'auth-tls-verify-client', 'auth-tls-error-page',
  'auth-tls-pass-certificate-to-upstream', 'auth-tls-match-cn',
  'auth-url', 'auth-cache-key', 'auth-cache-duration', 'auth-keepalive', 'auth-keepalive-requests',
  'auth-keepalive-timeout', 'auth-proxy-set-headers', 'auth-snippet', 'auth-method', 'auth-signin',
  'auth-signin-redirect-param', 'auth-response-headers', 'auth-request-redirect', 'auth-always-set-cookie',
  'enable-global-auth', 'backend-protocol',
  'canary', 'canary-by-header', 'canary-by-header-value', 'canary-by-header-pattern', 'canary-by-cookie',
  'canary-weight', 'canary-weight-total',
  'client-body-buffer-size', 'configuration-snippet', 'custom-http-errors', 'default-backend',
  'enable-cors', 'cors-allow-origin', 'cors-allow-methods', 'cors-allow-headers', 'cors-expose-headers',
  'cors-allow-credentials', 'cors-max-age',
  'force-ssl-redirect', 'from-to-www-redirect', 'http2-push-preload',
  'limit-connections', 'limit-rps', 'limit-rpm', 'limit-burst-multiplier', 'limit-rate-after', 'limit-rate',
  'limit-whitelist',
  'global-rate-limit', 'global-rate-limit-window', 'global-rate-limit-key', 'global-rate-limit-ignored-cidrs',
  'permanent-redirect', 'permanent-redirect-code', 'temporal-redirect', 'preserve-trailing-slash',
  'proxy-body-size', 'proxy-cookie-domain', 'proxy-cookie-path', 'proxy-connect-timeout', 'proxy-send-timeout',
  'proxy-read-timeout', 'proxy-next-upstream', 'proxy-next-upstream-timeout', 'proxy-next-upstream-tries',
  'proxy-request-buffering', 'proxy-redirect-from', 'proxy-redirect-to', 'proxy-http-version',
  'proxy-ssl-secret', 'proxy-ssl-ciphers', 'proxy-ssl-name', 'proxy-ssl-protocols', 'proxy-ssl-verify',
  'proxy-ssl-verify-depth', 'proxy-ssl-server-name',
  'enable-rewrite-log', 'rewrite-target', 'satisfy', 'server-alias', 'server-snippet', 'service-upstream',
  'session-cookie-name', 'session-cookie-path', 'session-cookie-domain', 'session-cookie-change-on-failure',
  'session-cookie-samesite', 'session-cookie-conditional-samesite-none',
  'ssl-redirect', 'ssl-passthrough', 'stream-snippet', 'upstream-hash-by', 'upstream-hash-by-subset',
  'upstream-hash-by-subset-size', 'x-forwarded-prefix', 'load-balance', 'upstream-vhost',
  'denylist-source-range', 'whitelist-source-range', 'proxy-buffering', 'proxy-buffers-number', 'proxy-buffer-size',
  'proxy-max-temp-file-size', 'ssl-ciphers', 'ssl-prefer-server-ciphers', 'connection-proxy-header',
  'enable-access-log', 'enable-opentracing', 'opentracing-trust-incoming-span', 'enable-opentelemetry',
  'opentelemetry-trust-incoming-span', 'opentelemetry-trust-incoming-spans',
  'enable-influxdb', 'influxdb-measurement', 'influxdb-port', 'influxdb-host', 'influxdb-server-name',
  'use-regex', 'enable-modsecurity', 'enable-owasp-core-rules', 'modsecurity-transaction-id', 'modsecurity-snippet',
  'mirror-request-body', 'mirror-target', 'mirror-host',
]);
