/**
 * The YAML document and the resource under a position of a file. Shared by the hover and
 * completion dispatchers, which route on the resource's kind, and by the policy providers.
 */
import { isCiliumPolicy, isNetworkPolicy, type CiliumPolicyResource, type NetworkPolicyResource, type Resource } from '../../core/k8s/resources';
import { POLICY_KINDS as ALL_POLICY_KINDS } from '../../core/k8s/resources';
import type { ManifestFile } from '../../core/workspace/manifestFile';
import type { YamlDocument } from '../../core/yaml/parseYaml';

export type PolicyResource = NetworkPolicyResource | CiliumPolicyResource;

export const POLICY_KINDS: readonly string[] = ALL_POLICY_KINDS;

/** The document holding `offset` (absolute); a cursor on the blank lines after a document belongs to it. */
export function documentAt(file: ManifestFile, offset: number): YamlDocument | null {
  return file.documentAt(offset);
}

/**
 * The resource whose object holds `offset`. In a plain document that is its only resource, even
 * on trailing lines the parse tree does not reach (where new keys get typed); in a `List` the item
 * whose span holds the offset.
 */
export function resourceAt(file: ManifestFile, offset: number): Resource | null {
  const index = file.documentIndexAt(offset);
  if (index < 0) return null;
  const relative = offset - file.documents[index].offset;
  const inDoc = file.resourcesByDocument[index];
  const whole = inDoc.find((r) => r.source.listIndex === undefined);
  if (whole) return whole;
  return inDoc.find((r) => relative >= r.node.span.start && relative <= r.node.span.end) ?? null;
}

/** The policy (NetworkPolicy, CNP or CCNP) under `offset`, or null. */
export function policyAt(file: ManifestFile, offset: number): PolicyResource | null {
  const r = resourceAt(file, offset);
  return r && (isNetworkPolicy(r) || isCiliumPolicy(r)) ? r : null;
}

const KIND_LINE = /^kind:[ \t]*["']?([A-Za-z0-9]+)/m;
const API_VERSION_LINE = /^apiVersion:[ \t]*["']?([A-Za-z0-9./-]+)/m;

/**
 * apiVersion and kind of the document under `offset`: from its resource, or read from the text
 * when a half-typed line keeps the document from being read as a resource.
 */
export function kindAt(file: ManifestFile, offset: number): { apiVersion: string; kind: string } | null {
  const resource = resourceAt(file, offset);
  if (resource) return { apiVersion: resource.apiVersion, kind: resource.kind };
  const doc = documentAt(file, offset);
  if (!doc) return null;
  const kind = KIND_LINE.exec(doc.text)?.[1];
  const apiVersion = API_VERSION_LINE.exec(doc.text)?.[1];
  return kind ? { apiVersion: apiVersion ?? '', kind } : null;
}

/** A policy's identity as the engine names it (a CCNP has no namespace). */
export function policyIdOf(policy: PolicyResource): { kind: PolicyResource['kind']; namespace: string; name: string } {
  return { kind: policy.kind, namespace: policy.kind === 'CiliumClusterwideNetworkPolicy' ? '' : policy.namespace, name: policy.name };
}
