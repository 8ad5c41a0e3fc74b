/**
 * Ingress host names as Kubernetes validates them (ValidateIngressCreate): a lowercase
 * DNS-1123 subdomain of at most 253 characters, never an IP address, no port, and a wildcard
 * only as the whole first label (`*.example.com`). AGIC documents the same wildcard limit
 * (`*foo.com`, `foo*.com`, `foo.*.com` and a bare `*` are invalid).
 */

export interface HostDefect {
  readonly code:
    | 'host-empty'
    | 'host-ip'
    | 'host-port'
    | 'host-wildcard-not-allowed'
    | 'host-wildcard-position'
    | 'host-too-long'
    | 'host-uppercase'
    | 'host-invalid-char'
    | 'host-empty-label'
    | 'host-label-hyphen'
    | 'host-label-too-long';
  /** Kubernetes rejects errors; a warning is accepted by Kubernetes but cannot work in DNS. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Half-open offsets inside the host string. */
  readonly start: number;
  readonly end: number;
}

export interface HostOptions {
  /** Whether `*.example.com` is acceptable where this host is written. */
  readonly allowWildcard: boolean;
}

const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

/** Problems with `host`, in the order they appear in it; empty when the host is valid. */
export function validateHost(host: string, options: HostOptions): HostDefect[] {
  if (host.length === 0) {
    return [{ code: 'host-empty', severity: 'error', message: 'The host name is empty.', start: 0, end: 0 }];
  }
  if (isIpAddress(host)) {
    return [
      {
        code: 'host-ip',
        severity: 'error',
        message: `"${host}" is an IP address; an Ingress host must be a DNS name. Leave host out to match any address.`,
        start: 0,
        end: host.length,
      },
    ];
  }
  const defects: HostDefect[] = [];
  let name = host;
  const port = /:(\d*)$/.exec(host);
  if (port) {
    const colon = port.index;
    defects.push({
      code: 'host-port',
      severity: 'error',
      message: 'An Ingress host must not include a port; the controller listens on 80/443.',
      start: colon,
      end: host.length,
    });
    name = host.slice(0, colon);
    if (isIpAddress(name)) {
      defects.push({
        code: 'host-ip',
        severity: 'error',
        message: `"${name}" is an IP address; an Ingress host must be a DNS name.`,
        start: 0,
        end: name.length,
      });
      return defects;
    }
  }
  defects.push(...wildcardDefects(name, options));
  if (name.length > MAX_HOST_LENGTH) {
    defects.push({
      code: 'host-too-long',
      severity: 'error',
      message: `The host name is ${name.length} characters long; at most ${MAX_HOST_LENGTH} are allowed.`,
      start: MAX_HOST_LENGTH,
      end: name.length,
    });
  }
  defects.push(...characterDefects(name));
  defects.push(...labelDefects(name));
  return defects.sort((a, b) => a.start - b.start || a.end - b.end);
}

function wildcardDefects(name: string, options: HostOptions): HostDefect[] {
  const out: HostDefect[] = [];
  for (let i = name.indexOf('*'); i >= 0; i = name.indexOf('*', i + 1)) {
    if (!options.allowWildcard) {
      out.push({
        code: 'host-wildcard-not-allowed',
        severity: 'error',
        message: 'A wildcard is not allowed here; write one exact host name.',
        start: i,
        end: i + 1,
      });
    } else if (i !== 0 || name[1] !== '.') {
      out.push({
        code: 'host-wildcard-position',
        severity: 'error',
        message: 'A wildcard must be the whole first label, as in "*.example.com"; "*foo.com", "foo.*.com" and "*" are invalid.',
        start: i,
        end: i + 1,
      });
    }
  }
  return out;
}

/** Uppercase letters and characters outside [a-z0-9.-], one defect per run. */
function characterDefects(name: string): HostDefect[] {
  const out: HostDefect[] = [];
  const runs = /[A-Z]+|[^a-z0-9.\-*A-Z]+/g;
  for (let m = runs.exec(name); m; m = runs.exec(name)) {
    const upper = /^[A-Z]/.test(m[0]);
    out.push({
      code: upper ? 'host-uppercase' : 'host-invalid-char',
      severity: 'error',
      message: upper
        ? `Host names must be lowercase: write "${m[0].toLowerCase()}".`
        : `"${m[0]}" is not allowed in a host name; use lowercase letters, digits, "-" and ".".`,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

function labelDefects(name: string): HostDefect[] {
  const out: HostDefect[] = [];
  let start = 0;
  for (const label of name.split('.')) {
    const end = start + label.length;
    if (label.length === 0) {
      const dot = start < name.length ? start : Math.max(0, start - 1);
      out.push({
        code: 'host-empty-label',
        severity: 'error',
        message: 'Empty label: a host name cannot start or end with "." or contain "..".',
        start: dot,
        end: dot + 1,
      });
    } else if (label !== '*') {
      if (label.startsWith('-')) out.push(hyphen(start, 'start'));
      if (label.length > 1 && label.endsWith('-')) out.push(hyphen(end - 1, 'end'));
      if (label.length > MAX_LABEL_LENGTH) {
        out.push({
          code: 'host-label-too-long',
          severity: 'warning',
          message: `This label is ${label.length} characters long; DNS allows at most ${MAX_LABEL_LENGTH}, so no client can send this name.`,
          start: start + MAX_LABEL_LENGTH,
          end,
        });
      }
    }
    start = end + 1;
  }
  return out;
}

function hyphen(at: number, where: 'start' | 'end'): HostDefect {
  return {
    code: 'host-label-hyphen',
    severity: 'error',
    message: `A label of a host name cannot ${where} with "-".`,
    start: at,
    end: at + 1,
  };
}

/**
 * IPv4 in dotted decimal (octets up to 255, as Kubernetes' sloppy parser reads them), or text
 * shaped like IPv6 (hex groups with `::`, or eight groups), optionally in brackets.
 */
export function isIpAddress(text: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) return v4.slice(1).every((octet) => Number(octet) <= 255);
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (!/^[0-9A-Fa-f:.]+$/.test(bare)) return false;
  const colons = (bare.match(/:/g) ?? []).length;
  return bare.includes('::') ? colons >= 2 : colons === 7;
}

/**
 * Whether an Ingress rule host pattern matches a concrete host: exact (case-insensitive), or a
 * wildcard `*.example.com` matching exactly one extra label (`a.example.com`, not
 * `a.b.example.com`, not `example.com`).
 */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p === h) return true;
  if (!p.startsWith('*.')) return false;
  const suffix = p.slice(1);
  if (!h.endsWith(suffix)) return false;
  const first = h.slice(0, h.length - suffix.length);
  return first.length > 0 && !first.includes('.') && first !== '*';
}

/**
 * Whether one of the `spec.tls[].hosts` covers a rule host: the same name, or a TLS wildcard
 * matching it. A wildcard rule host is covered only by the same wildcard. A rule without a host
 * is never covered (TLS needs a name to pick the certificate).
 */
export function tlsHostsCover(tlsHosts: readonly string[], ruleHost: string): boolean {
  if (ruleHost.length === 0) return false;
  return tlsHosts.some((tlsHost) => hostMatches(tlsHost, ruleHost));
}
