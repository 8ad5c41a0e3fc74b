import type { PolicyModel, WorkloadInfo } from '../../engine/types';
import { isNetworkPolicy, isWorkload, WORKLOAD_KINDS, type Resource, type WorkloadResource } from '../../k8s/resources';
import { asMap, get, getPair, items, scalarText, type YNode } from '../../yaml/nodes';
import type { Rule, RuleContext } from '../types';
import { asPolicy, hasSyntaxErrors, listText, policyIdOf, POLICY_KINDS, presentPair, ruleMaps, type PolicyResource } from './common';
import { locate } from '../../analysis/locate';

export const unknownNamedPortRule: Rule = {
  id: 'policy/unknown-named-port',
  defaultSeverity: 'warning',
  title: 'Named port that no pod defines',
  kinds: POLICY_KINDS,
  docs: `A port given by name (\`port: http\`) that none of the pods receiving the traffic declares as a container port.

**Why it matters.** A named port is looked up in the container ports of the pod that **receives** the traffic: the selected pods for ingress, the destination pods for egress. Where no container port has that name (and protocol), the rule matches no port and the traffic is dropped. A named port never matches an \`ipBlock\` or CIDR destination: there is no pod to look it up on.

**Example.**
\`\`\`yaml
ingress:
  - ports: [{port: http}]      # the pods declare ports: [{name: web, containerPort: 8080}]
\`\`\`

**How to fix.** Use the name the pods declare (\`ports[].name\` of the container), or the port number.`,
  check(resource, context) {
    const policy = asPolicy(resource);
    if (!policy || hasSyntaxErrors(policy)) return;
    const model = context.workspace.policyModel();
    const subject = selectedPods(policy, model);
    for (const rule of ruleMaps(policy)) {
      for (const direction of ['ingress', 'egress'] as const) {
        items(get(rule.map, direction)).forEach((r, index) => {
          const receivers = direction === 'ingress' ? { pods: subject, outside: false } : destinations(policy, model, r, [...rule.path, direction, index]);
          if (!receivers) return;
          for (const port of namedPorts(policy, r)) check(policy, context, port, receivers, direction);
        });
      }
    }
  },
};

interface NamedPort {
  readonly name: string;
  /** Protocols the port entry accepts. */
  readonly protocols: readonly string[];
  readonly node: YNode;
}

function namedPorts(policy: PolicyResource, rule: YNode): NamedPort[] {
  const out: NamedPort[] = [];
  const entries = isNetworkPolicy(policy) ? items(get(rule, 'ports')) : items(get(rule, 'toPorts')).flatMap((pr) => items(get(pr, 'ports')));
  for (const entry of entries) {
    const pair = getPair(asMap(entry), 'port');
    const text = scalarText(pair?.value);
    if (!pair?.value || text === null || /^\d*$/.test(text)) continue;
    const proto = scalarText(get(entry, 'protocol'));
    const protocols = isNetworkPolicy(policy) ? [proto ?? 'TCP'] : proto === null || proto === 'ANY' ? ['TCP', 'UDP', 'SCTP'] : [proto];
    out.push({ name: text, protocols, node: pair.value });
  }
  return out;
}

/** Live pods of the workspace the policy selects (its own object's ports count, not a stand-in's). */
function selectedPods(policy: PolicyResource, model: PolicyModel): WorkloadInfo[] {
  return (model.policyInfo(policyIdOf(policy))?.selected ?? []).map((id) => model.findWorkload(id)).filter((w): w is WorkloadInfo => !!w && !w.hostNetwork);
}

/**
 * Pods an egress rule sends to, when it names them all by selector; `outside` when it names
 * only addresses (ipBlock / CIDR / FQDN) where a named port can never apply. Null: unknowable.
 */
function destinations(policy: PolicyResource, model: PolicyModel, rule: YNode, path: (string | number)[]): { pods: WorkloadInfo[]; outside: boolean } | null {
  const id = policyIdOf(policy);
  const pods = new Set<string>();
  if (isNetworkPolicy(policy)) {
    const peers = items(get(rule, 'to'));
    if (peers.length === 0) return null;
    let selectors = 0;
    peers.forEach((peer, i) => {
      if (presentPair(peer, 'ipBlock')) return;
      selectors++;
      for (const w of model.selectionAt(id, [...path, 'to', i])?.workloads ?? []) pods.add(w);
    });
    if (selectors === 0) return { pods: [], outside: true };
  } else {
    const l3 = ['toEndpoints', 'toEntities', 'toCIDR', 'toCIDRSet', 'toServices', 'toFQDNs', 'toNodes', 'toGroups'].filter((k) => presentPair(rule, k));
    if (l3.length === 0) return null;
    if (l3.every((k) => k === 'toCIDR' || k === 'toCIDRSet' || k === 'toFQDNs')) return { pods: [], outside: true };
    if (l3.length !== 1 || l3[0] !== 'toEndpoints') return null;
    items(get(rule, 'toEndpoints')).forEach((_, j) => {
      for (const w of model.selectionAt(id, [...path, 'toEndpoints', j])?.workloads ?? []) pods.add(w);
    });
  }
  return { pods: [...pods].map((w) => model.findWorkload(w)).filter((w): w is WorkloadInfo => !!w && !w.hostNetwork), outside: false };
}

function check(policy: PolicyResource, context: RuleContext, port: NamedPort, receivers: { pods: WorkloadInfo[]; outside: boolean }, direction: 'ingress' | 'egress'): void {
  if (receivers.outside) {
    context.report({
      message: `The named port "${port.name}" never matches here: a named port is looked up on the receiving pod, and this rule only sends to addresses outside the cluster's pods. Use the port number.`,
      location: locate(policy, port.node.span),
    });
    return;
  }
  if (receivers.pods.length === 0) return; // nothing known about the receiving pods
  const ports = containerPorts(context.workspace.ofKinds(WORKLOAD_KINDS), receivers.pods);
  if (receivers.pods.some((w) => ports.get(w.id)?.some((p) => p.name === port.name && port.protocols.includes(p.protocol)))) return;
  const declared = [...new Set(receivers.pods.flatMap((w) => (ports.get(w.id) ?? []).filter((p) => p.name).map((p) => `${p.name} (${p.protocol} ${p.port})`)))];
  const who = direction === 'ingress' ? 'selected' : 'destination';
  context.report({
    message: `No ${who} pod (${listText(receivers.pods.map((w) => w.id))}) declares a container port named "${port.name}"${port.protocols.length === 1 ? ` for ${port.protocols[0]}` : ''}, so this port matches nothing. ${declared.length > 0 ? `Named ports there: ${listText(declared)}.` : 'Those pods declare no named ports.'}`,
    location: locate(policy, port.node.span),
  });
}

const portsCache = new WeakMap<readonly Resource[], Map<string, WorkloadResource['ports'][number][]>>();

/** Container ports per workload id, read from the workload objects (the model keeps them internal). */
function containerPorts(resources: readonly Resource[], pods: readonly WorkloadInfo[]): Map<string, WorkloadResource['ports']> {
  let all = portsCache.get(resources);
  if (!all) {
    all = new Map();
    for (const r of resources) {
      if (!isWorkload(r)) continue;
      const id = `${r.namespace}/${r.kind === 'Pod' && r.owner ? r.owner.name : r.name}`;
      all.set(id, [...(all.get(id) ?? []), ...r.ports]);
    }
    portsCache.set(resources, all);
  }
  const out = new Map<string, WorkloadResource['ports']>();
  for (const w of pods) {
    // The assumed CoreDNS declares the ports of the real one.
    out.set(w.id, w.implicit ? [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }] : (all.get(w.id) ?? []));
  }
  return out;
}
