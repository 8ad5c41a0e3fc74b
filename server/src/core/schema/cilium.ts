/**
 * `cilium.io/v2` CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy: the Rule in `spec` /
 * `specs[]` and its ingress/egress (allow and deny) rules. Field names follow cilium/cilium
 * pkg/policy/api rule.go, ingress.go, egress.go, cidr.go, service.go, groups.go, fqdn.go;
 * semantics in policy-semantics.md Part B.
 */
import { API_VERSION_FIELD, ciliumLabelSelector, DOCS, KIND_FIELD, OBJECT_META } from './common';
import { CILIUM_AUTHENTICATION, CILIUM_ICMPS, CILIUM_PORT_DENY_RULE, CILIUM_PORT_RULE } from './ciliumPorts';
import type { FieldSchema } from './types';

const L3 = DOCS.ciliumLanguage;
const str = (doc: string, extra: Partial<FieldSchema> = {}): FieldSchema => ({ type: 'string', doc, docsUrl: L3, ...extra });
const list = (items: FieldSchema, doc: string, docsUrl: string = L3): FieldSchema => ({ type: 'array', items, doc, docsUrl });

const NOT_MIXED =
  ' Only one kind of peer field per rule: combining it with another (`fromEndpoints` + `fromCIDR`, `toEndpoints` + `toFQDNs`...) is rejected — write separate rules.';

const CIDR_ITEM = str('A CIDR prefix such as `203.0.113.0/24` (the CRD requires the `/prefix`; write `/32` for one address).', { format: 'cidr' });

export const CILIUM_CIDR_RULE: FieldSchema = {
  type: 'object',
  requiredOneOf: ['cidr', 'cidrGroupRef', 'cidrGroupSelector'],
  doc: 'A CIDR with exceptions, or a reference to CiliumCIDRGroups. Exactly one of `cidr`, `cidrGroupRef`, `cidrGroupSelector`.',
  docsUrl: L3,
  fields: {
    cidr: CIDR_ITEM,
    cidrGroupRef: str('Name of a CiliumCIDRGroup whose CIDRs this entry means.'),
    cidrGroupSelector: ciliumLabelSelector('Selects CiliumCIDRGroups by their labels.'),
    except: list(CIDR_ITEM, 'Ranges inside `cidr` to leave out; each must lie inside this entry\'s `cidr` and only affects it.'),
  },
};

const ENTITY = str('An entity: `world`, `cluster`, `host`, `remote-node`, `kube-apiserver`, `ingress`, `health`, `init`, `unmanaged`, `all` or `none`.', {
  format: 'cilium-entity',
});

const GROUP: FieldSchema = {
  type: 'object',
  doc: 'Peers taken from a cloud provider group (AWS security groups).',
  docsUrl: L3,
  fields: {
    aws: {
      type: 'object',
      doc: 'AWS instances selected by security group or tags.',
      docsUrl: L3,
      fields: {
        labels: { type: 'map', values: str('A tag value.'), doc: 'EC2 tags.', docsUrl: L3 },
        securityGroupsIds: list(str('A security group id.'), 'Security group ids.'),
        securityGroupsNames: list(str('A security group name.'), 'Security group names.'),
        region: str('The AWS region.'),
      },
    },
  },
};

const endpoints = (doc: string) => list(ciliumLabelSelector('Endpoints (pods) whose labels match.'), doc);

/** Peer fields of ingress and ingressDeny rules (IngressCommonRule). */
const INGRESS_COMMON: Record<string, FieldSchema> = {
  fromEndpoints: endpoints(
    'Pods allowed to connect, by label. In a CiliumNetworkPolicy a selector without a namespace label means **the policy\'s namespace only**; add `k8s:io.kubernetes.pod.namespace: <ns>` for another one. `[{}]` = all pods of the namespace.' +
      NOT_MIXED,
  ),
  fromRequires: endpoints('Extra labels every source must also have (does not allow anything by itself).'),
  fromCIDR: list(CIDR_ITEM, 'IP ranges allowed to connect. Only addresses outside the cluster: pods and nodes are never matched by CIDR.' + NOT_MIXED),
  fromCIDRSet: list(CILIUM_CIDR_RULE, 'IP ranges with exceptions (or CIDR groups) allowed to connect.' + NOT_MIXED),
  fromEntities: list(ENTITY, 'Special peers allowed to connect: `world` (outside the cluster), `cluster`, `host`, `remote-node`, `kube-apiserver`...' + NOT_MIXED),
  fromGroups: list(GROUP, 'Cloud provider groups allowed to connect.' + NOT_MIXED),
  fromNodes: list(ciliumLabelSelector('Nodes whose labels match.'), 'Nodes allowed to connect, by node label (needs Cilium\'s node-selector labels option).' + NOT_MIXED),
};

/** Peer fields of egress and egressDeny rules (EgressCommonRule). */
const EGRESS_COMMON: Record<string, FieldSchema> = {
  toEndpoints: endpoints(
    'Pods this endpoint may connect to, by label. Without a namespace label: **the policy\'s namespace only**. For CoreDNS use `k8s:io.kubernetes.pod.namespace: kube-system` and `k8s:k8s-app: kube-dns`.' +
      NOT_MIXED,
  ),
  toRequires: endpoints('Extra labels every destination must also have (does not allow anything by itself).'),
  toCIDR: list(CIDR_ITEM, 'IP ranges this endpoint may connect to. Only addresses outside the cluster: pods and nodes are never matched by CIDR.' + NOT_MIXED),
  toCIDRSet: list(CILIUM_CIDR_RULE, 'IP ranges with exceptions (or CIDR groups) this endpoint may connect to.' + NOT_MIXED),
  toEntities: list(ENTITY, 'Special peers this endpoint may connect to: `world`, `cluster`, `host`, `remote-node`, `kube-apiserver`...' + NOT_MIXED),
  toServices: list(
    {
      type: 'object',
      doc: 'A Kubernetes Service, by name or by label; Cilium allows its backend pods.',
      docsUrl: L3,
      fields: {
        k8sService: {
          type: 'object',
          doc: 'A Service by name.',
          docsUrl: L3,
          fields: { serviceName: str('Name of the Service.'), namespace: str('Namespace of the Service.') },
        },
        k8sServiceSelector: {
          type: 'object',
          required: ['selector'],
          doc: 'Services by label.',
          docsUrl: L3,
          fields: { selector: ciliumLabelSelector('Labels of the Services.'), namespace: str('Namespace of the Services.') },
        },
      },
    },
    'Services this endpoint may connect to. Do not use it for `default/kubernetes`: use the `kube-apiserver` entity.' + NOT_MIXED,
  ),
  toGroups: list(GROUP, 'Cloud provider groups this endpoint may connect to.' + NOT_MIXED),
  toNodes: list(ciliumLabelSelector('Nodes whose labels match.'), 'Nodes this endpoint may connect to, by node label.' + NOT_MIXED),
};

const TO_PORTS_ALLOW = list(
  CILIUM_PORT_RULE,
  'Ports (and L7 rules) allowed. With a peer field both must match; a rule with only `toPorts` allows those ports from/to **any** peer.',
);
const TO_PORTS_DENY = list(CILIUM_PORT_DENY_RULE, 'Ports denied (no L7 rules in deny rules).', DOCS.ciliumDeny);

const INGRESS_RULE: FieldSchema = {
  type: 'object',
  doc:
    'One allow rule for incoming traffic. Gotcha: an empty rule `{}` allows **nothing** in Cilium (it only turns on default-deny), unlike a NetworkPolicy where `{}` allows everything.',
  docsUrl: L3,
  fields: { ...INGRESS_COMMON, toPorts: TO_PORTS_ALLOW, icmps: CILIUM_ICMPS, authentication: CILIUM_AUTHENTICATION },
};

const INGRESS_DENY_RULE: FieldSchema = {
  type: 'object',
  doc: 'Incoming traffic to drop. A matching deny wins over every allow, from any policy (CNP, CCNP or NetworkPolicy).',
  docsUrl: DOCS.ciliumDeny,
  fields: { ...INGRESS_COMMON, toPorts: TO_PORTS_DENY, icmps: CILIUM_ICMPS },
};

const FQDN_SELECTOR: FieldSchema = {
  type: 'object',
  doc: 'A DNS name or pattern.',
  docsUrl: L3,
  fields: {
    matchName: str('An exact name, e.g. `api.example.com`.', { format: 'dns-name' }),
    matchPattern: str('A name with `*` wildcards: `*.example.com` matches exactly one extra label; `*` alone matches every name.', { format: 'dns-pattern' }),
  },
};

const EGRESS_RULE: FieldSchema = {
  type: 'object',
  doc: 'One allow rule for outgoing traffic. Gotcha: an empty rule `{}` allows **nothing** in Cilium (it only turns on default-deny). Remember DNS to kube-dns.',
  docsUrl: L3,
  fields: {
    ...EGRESS_COMMON,
    toFQDNs: list(
      FQDN_SELECTOR,
      'DNS names this endpoint may connect to. Cilium learns their IPs **only** from lookups that pass its DNS proxy, so another egress rule must allow DNS to kube-dns with `rules.dns` matching these names. Can be combined with `toPorts`, not with other peer fields.',
    ),
    toPorts: TO_PORTS_ALLOW,
    icmps: CILIUM_ICMPS,
    authentication: CILIUM_AUTHENTICATION,
  },
};

const EGRESS_DENY_RULE: FieldSchema = {
  type: 'object',
  doc: 'Outgoing traffic to drop. A matching deny wins over every allow. Deny rules have no `toFQDNs` and no L7 rules.',
  docsUrl: DOCS.ciliumDeny,
  fields: { ...EGRESS_COMMON, toPorts: TO_PORTS_DENY, icmps: CILIUM_ICMPS },
};

const DEFAULT_DENY_FLAG = (direction: string): FieldSchema => ({
  type: 'boolean',
  doc: `\`false\`: this policy does not put the selected endpoints in ${direction} default-deny, it only adds its rules. Unset: true when the policy has ${direction} rules.`,
  docsUrl: DOCS.ciliumIntro,
});

export const CILIUM_RULE: FieldSchema = {
  type: 'object',
  doc:
    'One Cilium rule: the endpoints it applies to (`endpointSelector`, or `nodeSelector` in a clusterwide policy) and at least one of `ingress`, `ingressDeny`, `egress`, `egressDeny`. ' +
    'Any of those sections puts the selected endpoints in default-deny for its direction.',
  docsUrl: DOCS.ciliumIntro,
  fields: {
    endpointSelector: ciliumLabelSelector(
      'The pods this rule applies to. In a CiliumNetworkPolicy only pods of its own namespace; `{}` = every pod of the namespace (every pod of the cluster in a clusterwide policy).',
      DOCS.ciliumKubernetes,
    ),
    nodeSelector: ciliumLabelSelector(
      'The nodes this rule applies to (a host policy). Only in a CiliumClusterwideNetworkPolicy, never together with `endpointSelector`, and only enforced with the host firewall enabled.',
      DOCS.ciliumIntro,
    ),
    ingress: list(INGRESS_RULE, 'Incoming traffic allowed. A non-empty list puts the selected endpoints in ingress default-deny; `[]` counts as absent.'),
    ingressDeny: list(INGRESS_DENY_RULE, 'Incoming traffic denied. It also turns on ingress default-deny unless `enableDefaultDeny.ingress: false`.', DOCS.ciliumDeny),
    egress: list(EGRESS_RULE, 'Outgoing traffic allowed. A non-empty list puts the selected endpoints in egress default-deny; `[]` counts as absent.'),
    egressDeny: list(EGRESS_DENY_RULE, 'Outgoing traffic denied. It also turns on egress default-deny unless `enableDefaultDeny.egress: false`.', DOCS.ciliumDeny),
    labels: list(
      {
        type: 'object',
        required: ['key'],
        doc: 'A label of the rule.',
        docsUrl: DOCS.ciliumIntro,
        fields: { key: str('Label key.'), value: str('Label value.'), source: str('Label source, e.g. `k8s`.') },
      },
      'Labels of the rule itself (metadata, for lookups); they select nothing.',
      DOCS.ciliumIntro,
    ),
    description: str('Free text explaining the rule.'),
    enableDefaultDeny: {
      type: 'object',
      since: '1.16',
      doc: 'Whether this policy switches its endpoints to default-deny per direction. Set a direction to `false` for policies that only add allowances or denies (e.g. DNS visibility).',
      docsUrl: DOCS.ciliumIntro,
      fields: { ingress: DEFAULT_DENY_FLAG('ingress'), egress: DEFAULT_DENY_FLAG('egress') },
    },
    log: {
      type: 'object',
      since: '1.18',
      doc: 'A short text Hubble attaches to flows this policy allows, to find them easily.',
      docsUrl: DOCS.ciliumIntro,
      fields: { value: str('Up to 32 printable characters.') },
    },
  },
};

function ciliumPolicy(kind: string, doc: string): FieldSchema {
  return {
    type: 'object',
    doc,
    docsUrl: DOCS.ciliumKubernetes,
    fields: {
      apiVersion: API_VERSION_FIELD,
      kind: KIND_FIELD,
      metadata: OBJECT_META,
      spec: CILIUM_RULE,
      specs: list(CILIUM_RULE, `Several rules in one ${kind}; each is checked like \`spec\`.`, DOCS.ciliumKubernetes),
      status: { type: 'any', doc: 'Written by Cilium (which nodes enforce the policy); leave it out of manifests.', docsUrl: DOCS.ciliumKubernetes },
    },
  };
}

export const CILIUM_NETWORK_POLICY_SCHEMA = ciliumPolicy(
  'CiliumNetworkPolicy',
  'A namespaced Cilium policy: like a NetworkPolicy plus L7 (HTTP, DNS), FQDNs, entities and deny rules. Its selectors only see its own namespace unless they name another one.',
);

export const CILIUM_CLUSTERWIDE_NETWORK_POLICY_SCHEMA = ciliumPolicy(
  'CiliumClusterwideNetworkPolicy',
  'A cluster-scoped Cilium policy (no namespace): its `endpointSelector: {}` selects every pod of the cluster, and it may use `nodeSelector` for host policies.',
);
