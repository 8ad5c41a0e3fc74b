import { defaultDenyDocument, defaultDenyName } from '../../core/rules/fixes/defaultDeny';
import type { DefaultDenyParams, DefaultDenyResult } from '../../protocol/protocol';

/** A namespace name as the API server accepts it (RFC 1123 label). */
const NAMESPACE_NAME = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The "Insert default-deny policy…" command: the core's default-deny document for every pod of
 * one namespace (the same text the missing-default-deny fix inserts), after checking the name.
 */
export function defaultDenyPolicy(params: DefaultDenyParams): DefaultDenyResult {
  const namespace = params.namespace.trim();
  if (!NAMESPACE_NAME.test(namespace)) {
    return { text: '', suggestedFileName: '', error: `'${params.namespace}' is not a namespace name: lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit.` };
  }
  const name = defaultDenyName(params.direction);
  const text = defaultDenyDocument(params.flavor, namespace, params.direction, name, undefined, params.allowDns);
  return { text, suggestedFileName: `${name}-${namespace}.yaml` };
}
