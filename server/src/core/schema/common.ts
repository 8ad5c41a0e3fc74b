/**
 * Fields shared by every object (apiVersion, kind, metadata) and the label selector used by
 * both NetworkPolicy and Cilium policies. Field names follow kubernetes/apimachinery
 * pkg/apis/meta/v1/types.go (ObjectMeta, LabelSelector, LabelSelectorRequirement).
 */
import type { FieldSchema } from './types';

export const DOCS = {
  npConcept: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  npApi: 'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/',
  labels: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
  objectMeta: 'https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/',
  ciliumIntro: 'https://docs.cilium.io/en/stable/security/policy/intro/',
  ciliumLanguage: 'https://docs.cilium.io/en/stable/security/policy/language/',
  ciliumDeny: 'https://docs.cilium.io/en/stable/security/policy/deny/',
  ciliumKubernetes: 'https://docs.cilium.io/en/stable/security/policy/kubernetes/',
} as const;

const str = (doc: string, docsUrl: string = DOCS.objectMeta): FieldSchema => ({ type: 'string', doc, docsUrl });

export const API_VERSION_FIELD: FieldSchema = str(
  'The API group and version of the object, e.g. `networking.k8s.io/v1` or `cilium.io/v2`. ' +
    'Together with `kind` it tells Kubernetes which schema applies; a wrong value makes `kubectl apply` fail with "no matches for kind".',
);

export const KIND_FIELD: FieldSchema = str('The type of object, e.g. `NetworkPolicy` or `CiliumNetworkPolicy` (case-sensitive).');

const STRING_MAP = (doc: string): FieldSchema => ({ type: 'map', values: str('A value (always a string: quote numbers and `true`/`false`).'), doc, docsUrl: DOCS.objectMeta });

export const OBJECT_META: FieldSchema = {
  type: 'object',
  doc: 'Identity of the object: its `name`, its `namespace` (for namespaced kinds) and its own `labels` and `annotations`.',
  docsUrl: DOCS.objectMeta,
  requiredOneOf: ['name', 'generateName'],
  fields: {
    name: str('The object\'s name, unique per kind within its namespace. Lowercase letters, digits, `-` and `.`.'),
    generateName: str('A prefix from which the server generates a unique name (only with `kubectl create`, not `apply`).'),
    namespace: str(
      'The namespace the object lives in. When omitted, kubectl uses the current context\'s namespace — easy to apply a policy to the wrong namespace, so write it out.',
    ),
    labels: STRING_MAP(
      'Labels of this object itself. They do **not** select anything: a policy\'s own labels never affect which pods it applies to (that is `podSelector` / `endpointSelector`).',
    ),
    annotations: STRING_MAP('Free-form notes for tools and people; never used for matching traffic.'),
    uid: str('Set by the server; leave it out of manifests.'),
    resourceVersion: str('Set by the server; leave it out of manifests (a stale one makes `kubectl apply` fail with a conflict).'),
    generation: { type: 'integer', doc: 'Set by the server.', docsUrl: DOCS.objectMeta },
    creationTimestamp: { type: 'any', doc: 'Set by the server.', docsUrl: DOCS.objectMeta },
    deletionTimestamp: { type: 'any', doc: 'Set by the server.', docsUrl: DOCS.objectMeta },
    deletionGracePeriodSeconds: { type: 'integer', doc: 'Set by the server.', docsUrl: DOCS.objectMeta },
    selfLink: str('Legacy, set by the server.'),
    finalizers: { type: 'array', items: str('A finalizer name.'), doc: 'Keys that must be removed before the object is deleted.', docsUrl: DOCS.objectMeta },
    ownerReferences: { type: 'array', items: { type: 'any', doc: 'An owner reference.', docsUrl: DOCS.objectMeta }, doc: 'Objects that own this one.', docsUrl: DOCS.objectMeta },
    managedFields: { type: 'array', items: { type: 'any', doc: 'A field-manager entry.', docsUrl: DOCS.objectMeta }, doc: 'Set by the server (server-side apply bookkeeping).', docsUrl: DOCS.objectMeta },
  },
};

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

function labelSelector(dialect: 'kubernetes' | 'cilium', doc: string, docsUrl: string): FieldSchema {
  const keyNote =
    dialect === 'cilium'
      ? ' Keys may carry a source prefix: `k8s:app` (a Kubernetes label), `reserved:host`, or none (any source). `k8s:io.kubernetes.pod.namespace` is the pod\'s namespace.'
      : '';
  return {
    type: 'object',
    labelSelector: dialect,
    doc,
    docsUrl,
    fields: {
      matchLabels: {
        type: 'map',
        values: { type: 'string', doc: 'The label value to match (quote numbers and `true`/`false`).', docsUrl: DOCS.labels },
        doc: `Labels that must all be present with exactly these values (AND).${keyNote}`,
        docsUrl: DOCS.labels,
      },
      matchExpressions: {
        type: 'array',
        doc: 'Set-based requirements, all of which must match (AND) — together with `matchLabels`.',
        docsUrl: DOCS.labels,
        items: {
          type: 'object',
          required: ['key', 'operator'],
          doc: 'One requirement: `key`, `operator`, and `values` for `In`/`NotIn`.',
          docsUrl: DOCS.labels,
          fields: {
            key: { type: 'string', doc: `The label key the requirement is about.${keyNote}`, docsUrl: DOCS.labels },
            operator: {
              type: 'string',
              enum: OPERATORS,
              doc:
                '`In` / `NotIn` compare the value with `values`; `Exists` / `DoesNotExist` only check the key. ' +
                'Gotcha: `NotIn` and `DoesNotExist` also match objects that do not have the label at all.',
              docsUrl: DOCS.labels,
            },
            values: {
              type: 'array',
              items: { type: 'string', doc: 'A label value.', docsUrl: DOCS.labels },
              doc: 'Required (non-empty) for `In` and `NotIn`; must be empty for `Exists` and `DoesNotExist`.',
              docsUrl: DOCS.labels,
            },
          },
        },
      },
    },
  };
}

export function kubernetesLabelSelector(doc: string, docsUrl: string = DOCS.labels): FieldSchema {
  return labelSelector('kubernetes', doc, docsUrl);
}

export function ciliumLabelSelector(doc: string, docsUrl: string = DOCS.ciliumLanguage): FieldSchema {
  return labelSelector('cilium', doc, docsUrl);
}
