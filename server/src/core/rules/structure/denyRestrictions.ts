/**
 * Fields Cilium's deny rules do not have (EgressDenyRule has no `toFQDNs`; PortDenyRule has only
 * `ports`). `cilium/deny-with-l7-or-fqdn` explains them; `schema/unknown-field` leaves them alone
 * so the same key is not reported twice.
 */
import type { FieldPath } from '../../schema/types';

/** Fields of an egressDeny entry that exist only in egress (allow) entries. */
export const DENY_RULE_ONLY_IN_ALLOW = ['toFQDNs'] as const;

/** Fields of a deny rule's `toPorts` entry that exist only in allow rules. */
export const DENY_PORT_ONLY_IN_ALLOW = ['rules', 'serverNames', 'listener', 'originatingTLS', 'terminatingTLS'] as const;

/** Whether `key`, in the map at `path`, is an allow-only field written in a deny rule. */
export function isDenyRestricted(path: FieldPath, key: string): boolean {
  const n = path.length;
  if (n >= 2 && path[n - 2] === 'egressDeny' && typeof path[n - 1] === 'number') {
    return (DENY_RULE_ONLY_IN_ALLOW as readonly string[]).includes(key);
  }
  if (n >= 4 && path[n - 2] === 'toPorts' && typeof path[n - 1] === 'number' && (path[n - 4] === 'ingressDeny' || path[n - 4] === 'egressDeny')) {
    return (DENY_PORT_ONLY_IN_ALLOW as readonly string[]).includes(key);
  }
  return false;
}
