import { fqdnMatches } from '../../cilium/fqdnPattern';
import type { PolicyModel, WorkloadInfo } from '../../engine/types';
import type { Resource, ServiceResource } from '../../k8s/resources';
import type { Rule } from '../types';
import { asPolicy, CILIUM_KINDS, enforced, hasSyntaxErrors, policyIdOf } from './common';
import { locate } from '../../analysis/locate';
import { dnsPortRules, isKubeDnsWorkload, matcherOf } from './dnsSupport';
import { appendDnsEntriesFix } from './fqdnSupport';
import { subjectsOf } from './subjects';

/** Matches `<service>.<namespace>.svc.cluster.local`, the name a Service lookup ends up as. */
export const CLUSTER_SERVICE_PATTERN = '*.*.svc.cluster.local';

export const dnsAllowlistBlocksClusterNamesRule: Rule = {
  id: 'policy/dns-allowlist-blocks-cluster-names',
  defaultSeverity: 'information',
  title: 'DNS allow-list refuses in-cluster names',
  kinds: CILIUM_KINDS,
  docs: `A DNS rule (\`rules.dns\`) whose allow-list does not include in-cluster names, for pods that call Services of the cluster.

**Why it matters.** Once a DNS rule applies, Cilium's DNS proxy answers REFUSED to every name outside its list — Service names too. A pod calling \`payment-service.backend\` asks for \`payment-service.backend.svc.cluster.local\` (the resolver walks the search list of \`/etc/resolv.conf\`), which the list refuses. musl-based images (Alpine, \`curlimages/curl\`) are hit even for external names: musl stops at the first REFUSED search-list expansion instead of trying the name as written.

This assumes the default cluster domain \`cluster.local\`.

**Example.**
\`\`\`yaml
      rules:
        dns: [{matchPattern: "*.stripe.com"}]   # payment-service.backend.svc.cluster.local: REFUSED
\`\`\`

**How to fix.** Allow the in-cluster names too (the quick fix adds it):
\`\`\`yaml
        dns:
          - matchPattern: "*.stripe.com"
          - matchPattern: "*.*.svc.cluster.local"
\`\`\`
For musl images calling external names, also consider \`dnsConfig.options: [{name: ndots, value: "1"}]\` on the pod.`,
  check(resource, context) {
    const policy = asPolicy(resource);
    if (!policy || hasSyntaxErrors(policy) || !enforced(policy.kind, context.settings)) return;
    const id = policyIdOf(policy);
    const lists = dnsPortRules(policy, context.workspace.policyModel()).filter((d) => d.dnsList && d.dnsPair);
    if (lists.length === 0) return;
    const subjects = subjectsOf(policy, context);
    if (!subjects) return;
    // Services are read namespace by namespace, where the subjects may call: edits elsewhere do not matter.
    const services = (namespace: string) => selectingServices(context.workspace.ofKindsIn(['Service'], namespace));
    for (const d of lists) {
      const refused: string[] = [];
      for (const w of subjects.workloads) {
        const access = subjects.model.dnsAccess(w.id);
        if (!access?.proxied || access.patterns.includes('*')) continue;
        const specIndex = d.rule.path[0] === 'specs' ? d.rule.path[1] : null;
        const viaThisList = access.rules.some(
          (r) => r.policy.kind === id.kind && r.policy.namespace === id.namespace && r.policy.name === id.name && r.section === 'egress' && r.index === d.egressIndex && r.specIndex === specIndex,
        );
        if (!viaThisList) continue;
        for (const svc of servicesCalled(subjects.model, w, services)) {
          const name = `${svc.name}.${svc.namespace}.svc.cluster.local`;
          if (!access.patterns.some((p) => fqdnMatches(matcherOf(p), name))) refused.push(`${w.id} → Service ${svc.namespace}/${svc.name} (${name})`);
        }
      }
      if (refused.length === 0) continue;
      const unique = [...new Set(refused)];
      context.report({
        message: `This DNS allow-list refuses in-cluster names: ${unique.slice(0, 3).join('; ')}${unique.length > 3 ? ` and ${unique.length - 3} more` : ''} — the lookup gets REFUSED. musl-based images (Alpine) also stop at the first refused search-list expansion. Allow in-cluster names with matchPattern "${CLUSTER_SERVICE_PATTERN}".`,
        location: locate(policy, d.dnsPair!.key.span),
        fixes: [appendDnsEntriesFix({ resource: policy, list: d.dnsList! }, [{ kind: 'pattern', value: CLUSTER_SERVICE_PATTERN }], `Allow in-cluster names ("${CLUSTER_SERVICE_PATTERN}")`)],
      });
    }
  },
};

/** The Services of a namespace's list that select pods; once per list (rules run per policy). */
const selectingCache = new WeakMap<readonly Resource[], ServiceResource[]>();

function selectingServices(resources: readonly Resource[]): ServiceResource[] {
  let out = selectingCache.get(resources);
  if (!out) selectingCache.set(resources, (out = resources.filter(isSelectingService)));
  return out;
}

function isSelectingService(r: Resource): r is ServiceResource {
  return r.kind === 'Service' && !('other' in r) && (r as ServiceResource).selector !== null && Object.keys((r as ServiceResource).selector ?? {}).length > 0;
}

/** Services in front of the pods `w` may open connections to (both ends agreeing), CoreDNS aside. */
function servicesCalled(model: PolicyModel, w: WorkloadInfo, services: (namespace: string) => readonly ServiceResource[]): ServiceResource[] {
  const flows = model.flowsOf(w.id);
  if (!flows) return [];
  const targets: WorkloadInfo[] = [];
  for (const allowed of flows.allowedEgress) {
    if (allowed.peerAgrees === 'blocked-by-peer') continue;
    if (allowed.peer.type === 'workload') {
      const t = model.findWorkload(allowed.peer.id);
      if (t) targets.push(t);
    } else if (allowed.peer.type === 'namespace') {
      const ns = allowed.peer.namespace;
      targets.push(...model.workloads.filter((x) => x.namespace === ns));
    }
  }
  const out = new Set<ServiceResource>();
  for (const t of targets) {
    if (isKubeDnsWorkload(t) || t.id === w.id) continue;
    for (const svc of services(t.namespace)) {
      if (Object.entries(svc.selector!).every(([k, v]) => t.labels[k] === v)) out.add(svc);
    }
  }
  return [...out];
}
