import { isNetworkPolicy, type Resource } from '../../k8s/resources';
import { asSeq, get, getPair, isNullish, items, scalarText } from '../../yaml/nodes';
import { ciliumDnsEgressRule, npDnsEgressRule } from '../fixes/dnsRule';
import { addEntryEdit, appendItemEdit } from '../fixes/insert';
import type { Fix, Rule } from '../types';
import { asPolicy, enforced, hasSyntaxErrors, POLICY_KINDS, type PolicyResource } from './common';
import { locate } from '../../analysis/locate';
import { egressAnchor, fqdnEntries, KUBE_DNS_TEXT, type EgressAnchor } from './dnsSupport';
import { subjectsOf } from './subjects';

export const dnsBlockedRule: Rule = {
  id: 'policy/dns-blocked',
  defaultSeverity: 'warning',
  title: 'Egress default deny without DNS',
  kinds: POLICY_KINDS,
  docs: `The policy switches its pods' egress to default deny, and no policy of the workspace lets those pods reach CoreDNS (\`kube-dns\` in \`kube-system\`) on port 53.

**Why it matters.** Every name lookup — other Services (\`payment-service.backend\`), external hosts, the names \`toFQDNs\` waits for — is a DNS query to CoreDNS. With egress denied, lookups time out and the application fails with "could not resolve host" long before the connection the policy meant to allow is even tried. It is the most common mistake with egress policies.

**Example.**
\`\`\`yaml
kind: NetworkPolicy
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress:
    - to: [{podSelector: {matchLabels: {app: api}}}]   # web may call api... by IP only
\`\`\`

**How to fix.** Allow UDP and TCP 53 to the kube-dns pods, in this policy or in a namespace-wide one. The quick fix adds the rule to this policy:
\`\`\`yaml
    - to:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
          podSelector: {matchLabels: {k8s-app: kube-dns}}
      ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
\`\`\`
In a CiliumNetworkPolicy: \`toEndpoints\` with \`k8s:io.kubernetes.pod.namespace: kube-system\` and \`k8s-app: kube-dns\`, \`toPorts\` port \`"53"\` protocol \`ANY\`.`,
  check(resource, context) {
    const policy = asPolicy(resource);
    if (!policy || hasSyntaxErrors(policy) || !enforced(policy.kind, context.settings)) return;
    const anchor = egressAnchor(policy);
    if (!anchor) return;
    if (context.settings.engine !== 'cilium' && ipBlockMayAllowDns(policy, context.workspace.ofKinds(['NetworkPolicy']))) return;
    const subjects = subjectsOf(policy, context);
    if (!subjects) return;
    const blocked = subjects.workloads.filter((w) => subjects.model.dnsAccess(w.id)?.reachesDns === false);
    if (blocked.length === 0) return;
    const who = subjects.hypothetical ? subjects.description : blocked.map((w) => w.id).join(', ');
    const fix = addDnsFix(policy, anchor);
    context.report({
      message: `These pods cannot resolve names: this policy makes egress default-deny for ${who}, and no policy lets ${blocked.length === 1 && !subjects.hypothetical ? 'it' : 'them'} reach ${KUBE_DNS_TEXT}.`,
      location: locate(policy, anchor.pair.key.span),
      ...(fix ? { fixes: [fix] } : {}),
    });
  },
};

/**
 * On Azure NPM and Calico an ipBlock also matches pod IPs (the model matches pods by selectors
 * only), so an egress ipBlock open on port 53 in the namespace may well reach CoreDNS.
 */
function ipBlockMayAllowDns(policy: PolicyResource, resources: readonly Resource[]): boolean {
  return resources.some((r) => {
    if (!isNetworkPolicy(r) || r.namespace !== policy.namespace) return false;
    return items(get(r.spec, 'egress')).some((rule) => {
      if (!items(get(rule, 'to')).some((peer) => get(peer, 'ipBlock'))) return false;
      const ports = items(get(rule, 'ports'));
      return ports.length === 0 || ports.some((p) => {
        const port = scalarText(get(p, 'port'));
        return port === null || port === '53' || !/^\d+$/.test(port);
      });
    });
  });
}

/** Adds the allow-DNS rule to the rule map that isolates egress (its `egress` list, or a new one). */
function addDnsFix(policy: PolicyResource, anchor: EgressAnchor): Fix | null {
  const cilium = policy.kind !== 'NetworkPolicy';
  // A Cilium rule with toFQDNs needs its lookups to pass a DNS rule for those names (C11).
  const rule = cilium ? ciliumDnsEgressRule(fqdnEntries(anchor.rule.map).map((e) => e.matcher)) : npDnsEgressRule();
  const egressPair = getPair(anchor.rule.map, 'egress');
  const seq = asSeq(egressPair?.value);
  let edit;
  if (seq) edit = appendItemEdit(policy, seq, rule);
  else if (!egressPair || isNullish(egressPair.value)) {
    if (egressPair) return null; // `egress:` with no value: leave the rewrite to the author
    edit = addEntryEdit(policy, anchor.rule.map, 'egress', [rule]);
  } else return null;
  return { title: 'Allow DNS lookups to kube-dns (port 53) in this policy', edits: [edit], preferred: true };
}
