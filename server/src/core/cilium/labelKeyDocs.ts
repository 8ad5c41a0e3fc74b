/**
 * What Cilium's special selector keys and entities mean (policy-semantics.md C7, C8, C9; the
 * key constants and entity meanings come from core/cilium/labelKeys.ts), and the namespace-name
 * label of Kubernetes namespace selectors (K13).
 */
import { NAMESPACE_NAME_LABEL } from '../engine/groups';
import {
  CLUSTER_LABEL,
  entityInfo,
  namespaceLabelKey,
  parseCiliumLabelKey,
  POD_NAMESPACE_LABEL,
  SERVICE_ACCOUNT_LABEL,
} from './labelKeys';
import { DOCS } from '../schema/common';
import { code, docsLink } from '../text/markdown';

const SOURCE_TEXT: Readonly<Record<string, string>> = {
  k8s: 'The `k8s:` prefix says the label must come from Kubernetes: the pod\'s own labels, or the namespace and service-account labels Cilium derives for it.',
  any: 'The `any:` prefix (the same as writing no prefix) matches the key whatever source the label comes from.',
  reserved:
    'The `reserved:` source names Cilium\'s special identities (`host`, `world`, `remote-node`, `health`, `init`, `ingress`, `unmanaged`, `kube-apiserver`…). They are normally written as entities (`fromEntities` / `toEntities`).',
};

/**
 * Markdown explaining a selector key when it has a special meaning, else null. `cilium` says
 * whether the selector is Cilium's (source prefixes, derived keys) or a Kubernetes one.
 */
export function labelKeyMarkdown(rawKey: string, dialect: 'kubernetes' | 'cilium'): string | null {
  if (dialect === 'kubernetes') {
    return rawKey === NAMESPACE_NAME_LABEL
      ? `${code(NAMESPACE_NAME_LABEL)}: the namespace's name. The control plane sets this label on every namespace and it cannot be changed, so it is the way to select a namespace by name.\n\n${docsLink(DOCS.npConcept)}`
      : null;
  }
  const parsed = parseCiliumLabelKey(rawKey);
  const lines: string[] = [];
  const nsLabel = namespaceLabelKey(parsed.key);
  if (parsed.key === POD_NAMESPACE_LABEL) {
    lines.push(
      `${code(rawKey)}: the pod's **namespace name**. In ${code('fromEndpoints')} / ${code('toEndpoints')} of a CiliumNetworkPolicy, a selector without it only matches pods of the policy's own namespace; naming a namespace here selects pods there instead. ` +
        `In an ${code('endpointSelector')} of a CiliumNetworkPolicy it is not honoured: the policy always applies in its own namespace.`,
    );
  } else if (nsLabel !== null) {
    lines.push(
      `${code(rawKey)}: a label **of the pod's namespace** (${code(nsLabel || '<key>')}). ` +
        'It selects pods by what their namespace is labelled, and a selector using such keys is not pinned to the policy\'s own namespace.',
    );
  } else if (parsed.key === SERVICE_ACCOUNT_LABEL) {
    lines.push(`${code(rawKey)}: the name of the pod's **ServiceAccount**; selects pods by the identity they run as.`);
  } else if (parsed.key === CLUSTER_LABEL) {
    lines.push(`${code(rawKey)}: the **Cluster Mesh cluster** the pod runs in.`);
  }
  if (parsed.explicitSource && SOURCE_TEXT[parsed.source]) lines.push(SOURCE_TEXT[parsed.source]);
  if (lines.length === 0) return null;
  lines.push(docsLink(DOCS.ciliumKubernetes));
  return lines.join('\n\n');
}

/** Markdown for an entity name in `fromEntities` / `toEntities`, or null for an unknown name. */
export function entityMarkdown(name: string, direction: 'from' | 'to'): string | null {
  const info = entityInfo(name);
  if (!info) return null;
  const lines = [`**Entity ${code(info.name)}**: ${info.meaning}.`];
  if (info.name === 'kube-apiserver' && direction === 'from') {
    lines.push('On AKS the control plane\'s traffic reaches pods through the nodes, so `fromEntities: [kube-apiserver]` may not match it; egress `toEntities: [kube-apiserver]` works.');
  }
  lines.push(docsLink(DOCS.ciliumLanguage));
  return lines.join('\n\n');
}
