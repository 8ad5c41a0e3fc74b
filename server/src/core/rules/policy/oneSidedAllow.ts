import type { PolicyId, PolicyModel, ReachVerdict, WorkloadInfo } from '../../engine/types';
import { asMap, get, items, type YNode } from '../../yaml/nodes';
import type { Rule, RuleContext } from '../types';
import { asPolicy, findPolicy, enforced, hasSyntaxErrors, listText, policyIdOf, policyName, POLICY_KINDS, presentPair, ruleMaps, type PolicyResource } from './common';
import { locate, headSpan } from '../../analysis/locate';
import { subjectsOf, workloadText } from './subjects';

export const oneSidedAllowRule: Rule = {
  id: 'policy/one-sided-allow',
  defaultSeverity: 'information',
  title: 'Allowed on one side only',
  kinds: POLICY_KINDS,
  docs: `A rule allows traffic toward (or from) pods whose own policies refuse it: egress is allowed here, but the receivers' ingress does not admit it — or the other way round.

**Why it matters.** A connection needs both ends: the sender's egress **and** the receiver's ingress must allow it. A rule that only one side agrees to never carries traffic; either the other side's policy is missing, or the rule is not needed (and widens what a compromised pod may try).

**Example.**
\`\`\`yaml
# backend: payment-service may send to every pod of frontend...
egress:
  - toEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: frontend}}]
# ...but frontend is default deny for ingress and nothing admits payment-service
\`\`\`

**How to fix.** Add the matching rule on the other side, or remove this one if the traffic is not needed.`,
  check(resource, context) {
    const policy = asPolicy(resource);
    if (!policy || hasSyntaxErrors(policy) || !enforced(policy.kind, context.settings)) return;
    const subjects = subjectsOf(policy, context);
    if (!subjects) return;
    const id = policyIdOf(policy);
    const cilium = policy.kind !== 'NetworkPolicy';
    for (const rule of ruleMaps(policy)) {
      for (const direction of ['ingress', 'egress'] as const) {
        const listKey = cilium ? (direction === 'ingress' ? 'fromEndpoints' : 'toEndpoints') : direction === 'ingress' ? 'from' : 'to';
        items(get(rule.map, direction)).forEach((r, i) => {
          items(get(r, listKey)).forEach((peer, j) => {
            if (!cilium && presentPair(peer, 'ipBlock')) return;
            const selection = subjects.model.selectionAt(id, [...rule.path, direction, i, listKey, j]);
            const peers = (selection?.workloads ?? [])
              .map((w) => subjects.model.findWorkload(w))
              .filter((w): w is WorkloadInfo => !!w && !w.implicit && !w.hostNetwork && !w.finished && !subjects.workloads.includes(w));
            if (peers.length === 0) return;
            const refusals = refusingPeers(subjects.model, subjects.workloads, peers, direction);
            if (!refusals || refusals.some((pid) => hasUnresolvedPeers(context, subjects.model, pid, direction === 'egress' ? 'ingress' : 'egress'))) return;
            report(policy, context, peer, subjects.workloads.map((w) => workloadText(context, w.id)), peers.map((w) => workloadText(context, w.id)), refusals, direction);
          });
        });
      }
    }
  },
};

const agreed = new WeakMap<PolicyModel, Set<string>>();

/** `from\0to` of every workload pair both ends let talk (on some port), once per model. */
function agreedPairs(model: PolicyModel): Set<string> {
  let set = agreed.get(model);
  if (!set) {
    set = new Set(model.effectiveFlows().map((f) => `${f.from}\u0000${f.to}`));
    agreed.set(model, set);
  }
  return set;
}

/**
 * When no subject/peer pair gets through, and the first pair is allowed on this side and refused
 * on the other: the policies refusing it. Otherwise null.
 */
function refusingPeers(model: PolicyModel, subjects: readonly WorkloadInfo[], peers: readonly WorkloadInfo[], direction: 'ingress' | 'egress'): PolicyId[] | null {
  const pairs = agreedPairs(model);
  const ordered = (s: WorkloadInfo, p: WorkloadInfo) => (direction === 'egress' ? [s, p] : [p, s]);
  for (const s of subjects) {
    for (const p of peers) {
      const [from, to] = ordered(s, p);
      if (pairs.has(`${from.id}\u0000${to.id}`)) return null;
    }
  }
  const [from, to] = ordered(subjects[0], peers[0]);
  const verdict: ReachVerdict = model.canReach({ from: { type: 'workload', id: from.id }, to: { type: 'workload', id: to.id } });
  const here = direction === 'egress' ? verdict.egress : verdict.ingress;
  const there = direction === 'egress' ? verdict.ingress : verdict.egress;
  if (verdict.allowed || !here.allowed || there.allowed) return null;
  return [...there.isolatedBy];
}

/**
 * Whether a refusing policy has a peer selector that matches nothing in the workspace (labels of
 * pods or namespaces defined elsewhere): it may well admit the traffic, so nothing is claimed.
 */
function hasUnresolvedPeers(context: RuleContext, model: PolicyModel, id: PolicyId, direction: 'ingress' | 'egress'): boolean {
  const policy = findPolicy(context.workspace, id);
  if (!policy) return true;
  const cilium = policy.kind !== 'NetworkPolicy';
  const listKey = cilium ? (direction === 'ingress' ? 'fromEndpoints' : 'toEndpoints') : direction === 'ingress' ? 'from' : 'to';
  return ruleMaps(policy).some((rule) =>
    items(get(rule.map, direction)).some((r, i) =>
      items(get(r, listKey)).some((peer, j) => {
        if (!cilium && presentPair(peer, 'ipBlock')) return false;
        const sel = model.selectionAt(id, [...rule.path, direction, i, listKey, j]);
        return !sel || sel.workloads.length === 0;
      }),
    ),
  );
}

function report(policy: PolicyResource, context: RuleContext, peer: YNode, subjects: string[], peers: string[], refusals: readonly PolicyId[], direction: 'ingress' | 'egress'): void {
  const node = asMap(peer) ?? peer;
  const policies = refusals.length > 0 ? ` (isolated by ${listText(refusals.map(policyName))})` : '';
  const message =
    direction === 'egress'
      ? `This rule lets ${listText(subjects)} send to ${listText(peers)}, but their ingress${policies} admits none of it: the allowance is one-sided and never used. Allow it on the receiving side too, or remove it.`
      : `This rule admits ${listText(peers)} into ${listText(subjects)}, but their egress${policies} does not let them send it: the allowance is one-sided and never used. Allow it on the sending side too, or remove it.`;
  context.report({ message, location: locate(policy, headSpan(policy, node)) });
}
