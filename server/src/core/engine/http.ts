/**
 * Whether an HTTP request passes one Cilium HTTP rule (C15). Method, path and host are RE2
 * regexes that must match the whole value (Envoy `safe_regex_match`), evaluated with our
 * linear-time matcher; headers must be present (with the exact value when one is given).
 */
import { httpRegexMatches } from '../cilium/httpRegex';
import type { HttpRule } from './compiled';
import type { HttpRequest } from './types';

export function matchesHttp(rule: HttpRule, request: HttpRequest): boolean {
  if (rule.method !== null && !httpRegexMatches(rule.method, request.method)) return false;
  if (rule.path !== null && !httpRegexMatches(rule.path, request.path)) return false;
  if (rule.host !== null && (request.host === undefined || !httpRegexMatches(rule.host, request.host))) return false;
  if (rule.headers.length === 0) return true;
  const headers = new Map<string, string>();
  for (const [k, v] of Object.entries(request.headers ?? {})) headers.set(k.toLowerCase(), v);
  return rule.headers.every((h) => {
    const value = headers.get(h.name.toLowerCase());
    return value !== undefined && (h.value === null || value === h.value);
  });
}
