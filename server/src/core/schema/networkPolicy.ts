/**
 * `networking.k8s.io/v1` NetworkPolicy, field by field (kubernetes/api networking/v1/types.go;
 * semantics in policy-semantics.md Part A).
 */
import { API_VERSION_FIELD, DOCS, KIND_FIELD, kubernetesLabelSelector, OBJECT_META } from './common';
import type { FieldSchema } from './types';

const URL = DOCS.npConcept;

export const NP_IP_BLOCK: FieldSchema = {
  type: 'object',
  required: ['cidr'],
  doc:
    'Selects IP ranges, meant for addresses **outside** the cluster. Cannot be combined with `podSelector` or `namespaceSelector` in the same peer. ' +
    'On AKS with Cilium an `ipBlock` never matches pod or node IPs, even `0.0.0.0/0`: use selectors for pods.',
  docsUrl: URL,
  fields: {
    cidr: { type: 'string', format: 'cidr', doc: 'The range allowed, e.g. `10.0.0.0/8` or `2001:db8::/64` (a prefix length is required).', docsUrl: URL },
    except: {
      type: 'array',
      items: { type: 'string', format: 'cidr', doc: 'A range to exclude; it must lie strictly inside `cidr`.', docsUrl: URL },
      doc: 'Ranges inside `cidr` that are *not* allowed. Each must be a strict subset of `cidr`, or the API server rejects the policy.',
      docsUrl: URL,
    },
  },
};

export const NP_PEER: FieldSchema = {
  type: 'object',
  doc:
    'One peer. `podSelector` alone = pods of the policy\'s own namespace; `namespaceSelector` alone = all pods of the matching namespaces; ' +
    'both in the **same** item = pods matching both (AND); as two separate items they mean OR. An empty item `{}` is rejected ("must specify a peer").',
  docsUrl: URL,
  fields: {
    podSelector: kubernetesLabelSelector(
      'Pods selected by label. Without `namespaceSelector` in the same item, only pods in the policy\'s own namespace. `{}` = every pod of that namespace.',
      URL,
    ),
    namespaceSelector: kubernetesLabelSelector(
      'Namespaces selected by label; every pod in them matches (or only those matching a `podSelector` in the same item). ' +
        '`{}` = all namespaces. To pick one namespace by name use `kubernetes.io/metadata.name: <name>`.',
      URL,
    ),
    ipBlock: NP_IP_BLOCK,
  },
};

export const NP_PORT: FieldSchema = {
  type: 'object',
  doc: 'A port (or range) on a protocol. A rule with no `ports` matches every port.',
  docsUrl: URL,
  fields: {
    protocol: {
      type: 'string',
      enum: ['TCP', 'UDP', 'SCTP'],
      doc: '`TCP` (the default when omitted), `UDP` or `SCTP` — upper case. ICMP cannot be filtered by a NetworkPolicy. DNS needs both UDP and TCP 53.',
      docsUrl: URL,
    },
    port: {
      type: 'intOrString',
      format: 'k8s-port',
      doc:
        'A port number (`5432`) or the **name** of a container port (`http`). A named port is looked up on the pod receiving the traffic. ' +
        'Gotcha: `"5432"` in quotes is a *name*, not a number, and is rejected. Omitted = all ports of the protocol.',
      docsUrl: URL,
    },
    endPort: {
      type: 'integer',
      since: 'k8s 1.25',
      doc: 'Makes the entry a range `port`–`endPort` (inclusive). Needs a numeric `port` and `endPort >= port`. Cilium enforces ranges from 1.17.',
      docsUrl: URL,
    },
  },
};

const PORTS: FieldSchema = { type: 'array', items: NP_PORT, doc: 'Ports the rule applies to (OR). Missing or empty = all ports.', docsUrl: URL };

const INGRESS_RULE: FieldSchema = {
  type: 'object',
  doc: 'One allow rule: traffic must match `from` (any item) **and** `ports` (any item). `{}` (no from, no ports) allows **all** ingress.',
  docsUrl: URL,
  fields: {
    from: { type: 'array', items: NP_PEER, doc: 'Sources allowed (OR). Missing or empty = any source, including outside the cluster.', docsUrl: URL },
    ports: PORTS,
  },
};

const EGRESS_RULE: FieldSchema = {
  type: 'object',
  doc: 'One allow rule: traffic must match `to` (any item) **and** `ports` (any item). `{}` allows **all** egress. Remember DNS (UDP/TCP 53 to kube-dns).',
  docsUrl: URL,
  fields: {
    to: { type: 'array', items: NP_PEER, doc: 'Destinations allowed (OR). Missing or empty = any destination.', docsUrl: URL },
    ports: PORTS,
  },
};

export const NP_SPEC: FieldSchema = {
  type: 'object',
  doc: 'What the policy selects (`podSelector`), which directions it isolates (`policyTypes`) and what it allows (`ingress`, `egress`). Policies only ever add allowances.',
  docsUrl: URL,
  fields: {
    podSelector: kubernetesLabelSelector(
      'The pods this policy applies to, **in the policy\'s namespace only**. `{}` selects every pod of the namespace.',
      URL,
    ),
    policyTypes: {
      type: 'array',
      items: { type: 'string', enum: ['Ingress', 'Egress'], doc: '`Ingress` or `Egress` (capitalised).', docsUrl: URL },
      doc:
        'Directions this policy isolates. When omitted it is `[Ingress]`, plus `Egress` only if `egress` has rules — so a policy with only egress rules ' +
        'also denies all ingress, and listing `Egress` is the only way to deny all egress.',
      docsUrl: URL,
    },
    ingress: {
      type: 'array',
      items: INGRESS_RULE,
      doc: 'Allowed incoming traffic. Absent or `[]` = nothing allowed (if `Ingress` is isolated); `[{}]` = everything allowed.',
      docsUrl: URL,
    },
    egress: {
      type: 'array',
      items: EGRESS_RULE,
      doc: 'Allowed outgoing traffic. Absent or `[]` = nothing allowed (if `Egress` is isolated); `[{}]` = everything allowed.',
      docsUrl: URL,
    },
  },
};

export const NETWORK_POLICY_SCHEMA: FieldSchema = {
  type: 'object',
  doc: 'A Kubernetes NetworkPolicy: allow-list rules for the pods it selects, enforced by the cluster\'s network plugin (Cilium on AKS).',
  docsUrl: DOCS.npApi,
  fields: {
    apiVersion: API_VERSION_FIELD,
    kind: KIND_FIELD,
    metadata: OBJECT_META,
    spec: NP_SPEC,
    status: {
      type: 'any',
      doc: 'Written by the cluster in some Kubernetes versions (often seen as `status: {}` in exported manifests); it has no effect — leave it out.',
      docsUrl: DOCS.npApi,
    },
  },
};
