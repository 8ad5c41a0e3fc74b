/**
 * The field catalogue: which schema describes a resource, and the schema of a field inside it.
 * Hover, completion and the structural rules all read field documentation from here.
 */
import type { Resource } from '../k8s/resources';
import { CILIUM_CLUSTERWIDE_NETWORK_POLICY_SCHEMA, CILIUM_NETWORK_POLICY_SCHEMA } from './cilium';
import { NETWORK_POLICY_SCHEMA } from './networkPolicy';
import type { FieldPath, FieldSchema } from './types';

export type { FieldFormat, FieldPath, FieldSchema, FieldType } from './types';

const SCHEMAS: Readonly<Record<string, FieldSchema>> = {
  'networking.k8s.io/v1 NetworkPolicy': NETWORK_POLICY_SCHEMA,
  'cilium.io/v2 CiliumNetworkPolicy': CILIUM_NETWORK_POLICY_SCHEMA,
  'cilium.io/v2 CiliumClusterwideNetworkPolicy': CILIUM_CLUSTERWIDE_NETWORK_POLICY_SCHEMA,
};

/** The schema of an object of this apiVersion and kind, or null when the catalogue has none. */
export function schemaForKind(apiVersion: string, kind: string): FieldSchema | null {
  return SCHEMAS[`${apiVersion} ${kind}`] ?? null;
}

/** The schema of a resource's whole object (from `apiVersion` down), or null when not catalogued. */
export function schemaFor(resource: Pick<Resource, 'apiVersion' | 'kind'>): FieldSchema | null {
  return schemaForKind(resource.apiVersion, resource.kind);
}

/** The schema one step below `schema`: a field of an object, a value of a map, an item of an array. */
export function childSchema(schema: FieldSchema, step: string | number): FieldSchema | null {
  if (schema.type === 'any') return schema;
  if (typeof step === 'number') return schema.type === 'array' ? (schema.items ?? null) : null;
  if (schema.type === 'object') return Object.prototype.hasOwnProperty.call(schema.fields ?? {}, step) ? schema.fields![step] : null;
  if (schema.type === 'map') return schema.values ?? null;
  return null;
}

/** The schema at a path of keys and indexes (as `nodeAt` returns), or null when the path leaves the schema. */
export function fieldAt(schema: FieldSchema | null, path: FieldPath): FieldSchema | null {
  let current: FieldSchema | null = schema;
  for (const step of path) {
    if (!current) return null;
    current = childSchema(current, step);
  }
  return current;
}

/** Field names of an object schema, in catalogue order (for completion and did-you-mean). */
export function fieldNames(schema: FieldSchema): string[] {
  return schema.type === 'object' ? Object.keys(schema.fields ?? {}) : [];
}
