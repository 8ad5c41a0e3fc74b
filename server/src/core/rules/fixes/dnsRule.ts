/**
 * The allow-DNS egress rule every egress-restricted pod needs: UDP and TCP 53 to CoreDNS, which
 * runs in kube-system with the label k8s-app=kube-dns (policy-semantics.md K6/K13, C7/C11).
 */
import type { FqdnMatcher } from '../../cilium/fqdnPattern';
import type { YamlMap, YamlValue } from './emit';

/** NetworkPolicy egress rule: one peer (AND of both selectors), UDP and TCP 53. */
export function npDnsEgressRule(): YamlMap {
  return {
    to: [
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      },
    ],
    ports: [
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 53 },
    ],
  };
}

/** Cilium `rules.dns` entries for names: matchName for exact names, matchPattern for wildcards. */
export function dnsMatchEntries(names: readonly FqdnMatcher[]): YamlMap[] {
  const seen = new Set<string>();
  const out: YamlMap[] = [];
  for (const m of names) {
    const key = `${m.kind}:${m.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m.kind === 'name' ? { matchName: m.value } : { matchPattern: m.value });
  }
  return out;
}

/**
 * CiliumNetworkPolicy egress rule to kube-dns on port 53 (any protocol). With `names`, the
 * lookups pass a DNS rule for them, which is what lets `toFQDNs` learn their addresses (C11).
 */
export function ciliumDnsEgressRule(names: readonly FqdnMatcher[] = []): YamlMap {
  const portRule: Record<string, YamlValue> = { ports: [{ port: '53', protocol: 'ANY' }] };
  if (names.length > 0) portRule.rules = { dns: dnsMatchEntries(names) };
  return {
    toEndpoints: [{ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'kube-system', 'k8s-app': 'kube-dns' } }],
    toPorts: [portRule],
  };
}
