import type { AllowedPeer, Direction, PolicyId, PolicyModel, RuleRef, WorkloadFlows } from '../../core/engine/types';
import { POLICY_KINDS as ALL_POLICY_KINDS } from '../../core/k8s/resources';
import type { Resource } from '../../core/k8s/resources';
import type { ManifestFile } from '../../core/workspace/manifestFile';
import type { ExplainPolicyResult } from '../../protocol/protocol';
import { l7Text, peerAgreementText, peerText, policyName, ruleName } from '../../core/report/labels';
import { policyKey } from './flowsResult';
import { code, escapeMarkdown, ruleLink, type MarkdownLinks } from './markdown';

const POLICY_KINDS = new Set<string>(ALL_POLICY_KINDS);

/** The policy object whose text holds the offset, or null. */
export function policyAt(file: ManifestFile, offset: number): Resource | null {
  for (const resource of file.resources) {
    if (!POLICY_KINDS.has(resource.kind)) continue;
    const start = resource.source.document.offset + resource.node.span.start;
    const end = resource.source.document.offset + resource.node.span.end;
    if (offset >= start && offset <= end) return resource;
  }
  return null;
}

/** One allowed peer of one workload that a rule of the policy grants. */
interface Grant {
  readonly workload: string;
  readonly peer: AllowedPeer;
  readonly rule: RuleRef;
}

/**
 * What the policy under the cursor does, read from the compiled model: the workloads it
 * isolates per direction and, rule by rule, which peers it lets in or out on which ports.
 */
export function explainPolicyAt(file: ManifestFile, offset: number, model: PolicyModel, links: MarkdownLinks): ExplainPolicyResult {
  const resource = policyAt(file, offset);
  if (!resource) return null;
  const policy: PolicyId = { kind: resource.kind as PolicyId['kind'], namespace: resource.namespace, name: resource.name };
  const key = policyKey(policy);
  const flows = model.allFlows();
  const title = `${policy.kind} ${policyName(policy)}`;
  const lines = [`# ${escapeMarkdown(title)}`, ''];
  const governed = new Set<string>();
  const sections: string[] = [];
  for (const direction of ['ingress', 'egress'] as const) {
    const isolated = flows.filter((f) => f[direction].by.some((p) => policyKey(p) === key)).map((f) => f.workload.id);
    const grants = grantsOf(flows, direction, key);
    for (const id of isolated) governed.add(id);
    for (const g of grants) governed.add(g.workload);
    sections.push('', ...directionMarkdown(direction, isolated, grants, links));
  }
  if (governed.size === 0) {
    lines.push('Selects no workload defined in the workspace: it has no effect on the pods these manifests describe.');
  } else {
    lines.push(`Applies to ${governed.size === 1 ? '1 workload' : `${governed.size} workloads`}: ${[...governed].sort().map(code).join(', ')}.`);
  }
  lines.push(...sections);
  if (model.notes.length > 0) lines.push('', '## Notes', '', ...model.notes.map((n) => `- ${escapeMarkdown(n)}`));
  return { title, markdown: lines.join('\n') + '\n' };
}

function grantsOf(flows: readonly WorkloadFlows[], direction: Direction, key: string): Grant[] {
  const grants: Grant[] = [];
  for (const f of flows) {
    for (const peer of direction === 'ingress' ? f.allowedIngress : f.allowedEgress) {
      for (const rule of peer.rules) if (policyKey(rule.policy) === key) grants.push({ workload: f.workload.id, peer, rule });
    }
  }
  return grants;
}

function directionMarkdown(direction: Direction, isolated: readonly string[], grants: readonly Grant[], links: MarkdownLinks): string[] {
  const title = direction === 'ingress' ? 'Ingress (who may connect in)' : 'Egress (where they may connect to)';
  const lines = [`## ${title}`, ''];
  if (isolated.length > 0) {
    lines.push(`Isolates ${isolated.map(code).join(', ')}: only what this or another policy allows gets ${direction === 'ingress' ? 'in' : 'out'}.`);
  } else if (grants.length === 0) {
    lines.push(`Does not restrict ${direction}.`);
  }
  if (grants.length === 0) {
    if (isolated.length > 0) lines.push('', 'This policy itself allows nothing in this direction.');
    return lines;
  }
  lines.push('');
  // One bullet per rule, listing what it allows to each workload.
  const byRule = new Map<string, { rule: RuleRef; items: string[] }>();
  for (const g of grants) {
    const id = `${ruleName(g.rule)}|${g.rule.location.start}`;
    const entry = byRule.get(id) ?? { rule: g.rule, items: [] };
    const l7 = l7Text(g.peer.l7);
    const what = `${direction === 'ingress' ? 'from' : 'to'} ${code(peerText(g.peer.peer))} on ${escapeMarkdown(g.peer.ports)}${l7 ? ` (${escapeMarkdown(l7)})` : ''}`;
    const agreement = peerAgreementText(g.peer);
    const item = `${code(g.workload)} ${direction === 'ingress' ? 'accepts' : 'may connect'} ${what}${agreement ? `, but ${agreement}` : ''}`;
    if (!entry.items.includes(item)) entry.items.push(item);
    byRule.set(id, entry);
  }
  for (const { rule, items } of byRule.values()) {
    lines.push(`- ${ruleLink(rule, links)}`);
    for (const item of items) lines.push(`  - ${item}`);
  }
  return lines;
}
