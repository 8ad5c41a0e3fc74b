/**
 * The field catalogue's shape: one `FieldSchema` per field of an API object, written as data so
 * the structural rules, hover and completion all read the same field names, types and docs.
 */

export type FieldType = 'object' | 'array' | 'string' | 'integer' | 'boolean' | 'map' | 'intOrString' | 'any';

/**
 * What a value means beyond its type, for the rules that check values (CIDR syntax, label
 * selectors, FQDN patterns...). Purely descriptive: the schema walk does not interpret it.
 */
export type FieldFormat =
  /** A CIDR prefix, e.g. `10.0.0.0/8`. */
  | 'cidr'
  /** A Kubernetes NetworkPolicy port: a number, or the *name* of a container port. */
  | 'k8s-port'
  /** A Cilium port: a string holding a number or a port name. */
  | 'cilium-port'
  /** A Cilium entity name (`world`, `cluster`, ...). */
  | 'cilium-entity'
  /** A DNS name (`matchName`). */
  | 'dns-name'
  /** A DNS pattern with `*` (`matchPattern`). */
  | 'dns-pattern'
  /** A regular expression matched by Cilium's HTTP proxy. */
  | 'http-regex';

export interface FieldSchema {
  readonly type: FieldType;
  /** Fields of an `object`. */
  readonly fields?: Readonly<Record<string, FieldSchema>>;
  /** Items of an `array`. */
  readonly items?: FieldSchema;
  /** Values of a `map` (its keys are free). */
  readonly values?: FieldSchema;
  /** Accepted values of a `string` (case-sensitive, as the API server compares them). */
  readonly enum?: readonly string[];
  /** Fields of an `object` that must be present. */
  readonly required?: readonly string[];
  /** At least one of these fields of an `object` must be present (e.g. `cidr` or `cidrGroupRef`). */
  readonly requiredOneOf?: readonly string[];
  /** Markdown, learner-first: what it means, why it matters, gotchas. */
  readonly doc: string;
  readonly docsUrl: string;
  /** First version that has the field: `1.16` for Cilium 1.16, `k8s 1.25` for Kubernetes. */
  readonly since?: string;
  /** Set on label selectors: how their keys and values are validated. */
  readonly labelSelector?: 'kubernetes' | 'cilium';
  readonly format?: FieldFormat;
}

/** A step into a value: a map key or a sequence index. */
export type FieldPath = readonly (string | number)[];
