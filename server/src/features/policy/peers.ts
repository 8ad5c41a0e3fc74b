/**
 * What a rule talks to, for completion: the ports of the pods a `port:` refers to, and the DNS
 * names `toFQDNs` rules already use.
 */
import { isCiliumPolicy, type CiliumPolicyResource } from '../../core/k8s/resources';
import type { WorkspaceView } from '../../core/rules/types';
import type { FieldPath } from '../../core/schema/index';
import { asMap, get, getPath, items, stringValue, type YNode } from '../../core/yaml/nodes';
import { policyIdOf, type PolicyResource } from './documentAt';
import { code, plural } from './markdown';
import type { WorkspaceFacts } from './workspaceFacts';

export interface PortCandidate {
  /** A port name, or a container port number. */
  readonly port: string | number;
  readonly detail: string;
  readonly documentation: string;
}

/**
 * Container ports (names first, then numbers) of the pods that receive the traffic of the rule
 * holding `treePath`: the policy's own pods for ingress, the rule's peer pods for egress. That is
 * where Kubernetes and Cilium look a named port up.
 */
export function namedPortCandidates(policy: PolicyResource, treePath: FieldPath, view: WorkspaceView, facts: WorkspaceFacts): PortCandidate[] {
  const specLength = treePath[0] === 'specs' ? 2 : 1;
  const section = treePath[specLength];
  const ruleIndex = treePath[specLength + 1];
  if (typeof section !== 'string' || typeof ruleIndex !== 'number') return [];
  const model = view.policyModel();
  const id = policyIdOf(policy);
  let workloads: readonly string[];
  let whose: string;
  if (section === 'ingress' || section === 'ingressDeny') {
    const subject = policy.kind === 'NetworkPolicy' ? ['spec', 'podSelector'] : [...treePath.slice(0, specLength), 'endpointSelector'];
    workloads = model.selectionAt(id, subject)?.workloads ?? model.policyInfo(id)?.selected ?? [];
    whose = 'the pods this policy selects (they receive the traffic)';
  } else if (section === 'egress' || section === 'egressDeny') {
    const rulePath = treePath.slice(0, specLength + 2);
    const peersKey = policy.kind === 'NetworkPolicy' ? 'to' : 'toEndpoints';
    const peers = items(getPath(policy.node, [...rulePath, peersKey]));
    const ids = new Set<string>();
    peers.forEach((_, i) => model.selectionAt(id, [...rulePath, peersKey, i])?.workloads.forEach((w) => ids.add(w)));
    workloads = [...ids].sort();
    whose = `the pods this rule's \`${peersKey}\` selects (they receive the traffic)`;
  } else {
    return [];
  }
  const named = new Map<string, { text: string; owners: Set<string> }>();
  const numbers = new Map<number, Set<string>>();
  for (const w of workloads) {
    for (const p of facts.portsOf(w)) {
      if (p.name) {
        const entry = named.get(p.name) ?? { text: `${p.protocol} ${p.port}`, owners: new Set<string>() };
        entry.owners.add(w);
        named.set(p.name, entry);
      }
      const owners = numbers.get(p.port) ?? new Set<string>();
      owners.add(w);
      numbers.set(p.port, owners);
    }
  }
  const doc = (owners: Set<string>) => `Declared by ${[...owners].sort().map(code).join(', ')}: ${whose}.`;
  return [
    ...[...named].map(([name, e]) => ({ port: name, detail: `${e.text} on ${plural(e.owners.size, 'workload')}`, documentation: `Named port ${code(name)} = ${e.text}. ${doc(e.owners)}` })),
    ...[...numbers].sort((a, b) => a[0] - b[0]).map(([port, owners]) => ({ port, detail: `container port on ${plural(owners.size, 'workload')}`, documentation: doc(owners) })),
  ];
}

export interface FqdnCandidate {
  readonly name: string;
  readonly detail: string;
}

/** matchName / matchPattern texts of `toFQDNs` rules: this policy's first, then the workspace's. */
export function toFqdnNames(policy: PolicyResource | null, view: WorkspaceView): FqdnCandidate[] {
  const out = new Map<string, string>();
  const collect = (p: CiliumPolicyResource, detail: string) => {
    for (const rule of rulesOf(p)) {
      for (const egress of items(get(rule, 'egress'))) {
        for (const fqdn of items(get(egress, 'toFQDNs'))) {
          for (const key of ['matchName', 'matchPattern']) {
            const value = stringValue(get(fqdn, key));
            if (value && !out.has(value)) out.set(value, detail);
          }
        }
      }
    }
  };
  if (policy && isCiliumPolicy(policy)) collect(policy, 'toFQDNs in this policy');
  for (const r of view.resources) {
    if (isCiliumPolicy(r) && r !== policy) collect(r, `toFQDNs in ${r.namespace ? `${r.namespace}/` : ''}${r.name}`);
  }
  return [...out].map(([name, detail]) => ({ name, detail }));
}

function rulesOf(policy: CiliumPolicyResource): YNode[] {
  const spec = asMap(policy.spec);
  return [...(spec ? [spec] : []), ...items(policy.specs)];
}
