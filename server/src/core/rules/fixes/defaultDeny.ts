/**
 * Default-deny policies for a namespace, as NetworkPolicy or CiliumNetworkPolicy text. The
 * egress variants carry the allow-DNS rule unless asked not to: a namespace denied all egress
 * cannot resolve any name, which is rarely what "default deny" is meant to do.
 */
import { renderMapLines, type YamlMap, type YamlValue } from './emit';
import { ciliumDnsEgressRule, npDnsEgressRule } from './dnsRule';
import { DEFAULT_STYLE, type YamlStyle } from './style';

export type PolicyFlavour = 'NetworkPolicy' | 'CiliumNetworkPolicy';
export type DenyDirections = 'ingress' | 'egress' | 'both';

export function defaultDenyName(directions: DenyDirections): string {
  return directions === 'both' ? 'default-deny-all' : `default-deny-${directions}`;
}

/** The policy object (plain data, keys in the order they are written). */
export function defaultDenyPolicy(flavour: PolicyFlavour, namespace: string, directions: DenyDirections, name: string, allowDns = true): YamlMap {
  const ingress = directions !== 'egress';
  const egress = directions !== 'ingress';
  const dns = egress && allowDns;
  const metadata = { name, namespace };
  if (flavour === 'NetworkPolicy') {
    const spec: Record<string, YamlValue> = { podSelector: {} };
    spec.policyTypes = [...(ingress ? ['Ingress'] : []), ...(egress ? ['Egress'] : [])];
    if (dns) spec.egress = [npDnsEgressRule()];
    return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec };
  }
  // Cilium: `{}` allows nothing and only switches the direction to default deny (C5).
  const spec: Record<string, YamlValue> = { endpointSelector: {} };
  if (ingress) spec.ingress = [{}];
  if (egress) spec.egress = [dns ? ciliumDnsEgressRule() : {}];
  return { apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', metadata, spec };
}

function what(directions: DenyDirections): string {
  return directions === 'both' ? 'all ingress and egress' : `all ${directions}`;
}

/** The policy as a YAML document with a comment saying what it does. */
export function defaultDenyDocument(
  flavour: PolicyFlavour,
  namespace: string,
  directions: DenyDirections,
  name: string,
  style: YamlStyle = DEFAULT_STYLE,
  allowDns = true,
): string {
  const lines = [`# Default deny: ${what(directions)} of every pod in namespace ${namespace} is denied unless another policy allows it.`];
  if (directions !== 'ingress' && allowDns) lines.push('# DNS lookups to CoreDNS (k8s-app=kube-dns in kube-system) stay allowed, or no name would resolve.');
  if (flavour === 'CiliumNetworkPolicy' && (directions !== 'egress' || !allowDns)) {
    lines.push('# In a CiliumNetworkPolicy the empty rule `{}` allows nothing; it only turns on default deny.');
  }
  lines.push(...renderMapLines(defaultDenyPolicy(flavour, namespace, directions, name, allowDns), 0, style));
  return `${lines.join('\n')}\n`;
}
