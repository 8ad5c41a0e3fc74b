import type { DefaultDenyParams, DefaultDenyResult } from '../../protocol/protocol';

/** A namespace name as the API server accepts it (RFC 1123 label). */
const NAMESPACE_NAME = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * A default-deny policy for every pod of one namespace, as one YAML document: a Kubernetes
 * NetworkPolicy or a CiliumNetworkPolicy, for ingress, egress or both, optionally keeping DNS
 * lookups to CoreDNS (kube-system, k8s-app=kube-dns) open on port 53.
 */
export function defaultDenyPolicy(params: DefaultDenyParams): DefaultDenyResult {
  const namespace = params.namespace.trim();
  if (!NAMESPACE_NAME.test(namespace)) {
    return { text: '', suggestedFileName: '', error: `'${params.namespace}' is not a namespace name: lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit.` };
  }
  const ingress = params.direction !== 'egress';
  const egress = params.direction !== 'ingress';
  const dns = egress && params.allowDns;
  const name = `default-deny-${params.direction === 'both' ? 'all' : params.direction}`;
  const text = params.flavor === 'NetworkPolicy' ? networkPolicy(name, namespace, ingress, egress, dns) : ciliumPolicy(name, namespace, ingress, egress, dns);
  return { text, suggestedFileName: `${name}-${namespace}.yaml` };
}

function networkPolicy(name: string, namespace: string, ingress: boolean, egress: boolean, dns: boolean): string {
  const lines = [
    `# Default deny (${directionWords(ingress, egress)}) for every pod of namespace ${namespace}: only what`,
    '# another NetworkPolicy allows gets through. Policies are additive, so add allow policies next to it.',
    ...(dns ? ['# The one exception kept here: DNS lookups to CoreDNS (UDP and TCP 53).'] : []),
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'spec:',
    '  podSelector: {}',
    '  # The directions this policy isolates; a direction left out here stays open.',
    '  policyTypes:',
    ...(ingress ? ['    - Ingress'] : []),
    ...(egress ? ['    - Egress'] : []),
  ];
  if (dns) {
    lines.push(
      '  egress:',
      '    - to:',
      '        # One peer with both selectors: the kube-dns pods inside kube-system only.',
      '        - namespaceSelector:',
      '            matchLabels:',
      '              kubernetes.io/metadata.name: kube-system',
      '          podSelector:',
      '            matchLabels:',
      '              k8s-app: kube-dns',
      '      ports:',
      '        - protocol: UDP',
      '          port: 53',
      '        - protocol: TCP',
      '          port: 53',
    );
  }
  return lines.join('\n') + '\n';
}

function ciliumPolicy(name: string, namespace: string, ingress: boolean, egress: boolean, dns: boolean): string {
  const lines = [
    `# Default deny (${directionWords(ingress, egress)}) for every pod of namespace ${namespace}: only what`,
    '# another policy allows gets through. In a CiliumNetworkPolicy the empty rule `{}` allows nothing;',
    '# it only switches its direction to default deny. (In a NetworkPolicy `{}` would allow all.)',
    'apiVersion: cilium.io/v2',
    'kind: CiliumNetworkPolicy',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'spec:',
    '  endpointSelector: {}',
  ];
  if (ingress) lines.push('  ingress:', '    - {}');
  if (egress && !dns) lines.push('  egress:', '    - {}');
  if (dns) {
    lines.push(
      '  # Any egress rule switches egress to default deny; this one keeps DNS to CoreDNS open.',
      '  # It has no `rules.dns` section on purpose: plain port-53 access is enough for lookups,',
      '  # and AKS FQDN filtering does not support the catch-all matchPattern "*". Add a',
      '  # `rules.dns` list of names (and toFQDNs rules) only when filtering by domain name.',
      '  egress:',
      '    - toEndpoints:',
      '        - matchLabels:',
      '            "k8s:io.kubernetes.pod.namespace": kube-system',
      '            "k8s:k8s-app": kube-dns',
      '      toPorts:',
      '        - ports:',
      '            - port: "53"',
      '              protocol: ANY',
    );
  }
  return lines.join('\n') + '\n';
}

function directionWords(ingress: boolean, egress: boolean): string {
  if (ingress && egress) return 'ingress and egress';
  return ingress ? 'ingress' : 'egress';
}
