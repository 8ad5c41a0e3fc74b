/**
 * Per-policy views for the editor: what a policy selects, a plain-English summary of its
 * rules, and what any selector written inside it matches.
 */
import { NAMESPACE_LABELS_PREFIX, POD_NAMESPACE_LABEL } from '../cilium/labelKeys';
import { EMPTY_SELECTOR, isEmptySelector, parseLabelSelector } from '../k8s/labelSelector';
import type { CiliumPolicyResource, NetworkPolicyResource } from '../k8s/resources';
import { getPath, items, get } from '../yaml/nodes';
import type { CompiledPolicy, CompiledRule, L7Rules, PortEntry } from './compiled';
import { namespacesOf, peerSelector, subjectSelector, type NamespacePin } from './compileCilium';
import { policyTypes } from './compileNetworkPolicy';
import type { CompileContext } from './context';
import { describeCiliumSelector, describeNetworkPolicyPeer, httpRuleText, namespaceRequirementsText, peerMatcherText, policyTitle } from './describe';
import { compareText, locationOf } from './groups';
import type { ClassSet } from './selectors';
import type { Direction, EngineSettings, PolicyId, PolicyInfo, Selection } from './types';

export interface PolicyRecord {
  readonly resource: NetworkPolicyResource | CiliumPolicyResource;
  readonly id: PolicyId;
  readonly compiled: readonly CompiledPolicy[];
  /** Whether the chosen engine enforces this kind of policy. */
  readonly enforced: boolean;
}

const MAX_LISTED = 5;

export function buildPolicyInfo(record: PolicyRecord, ctx: CompileContext): PolicyInfo {
  const selected = workloadsOf(unionClasses(record.compiled.map((c) => c.subjects)), ctx);
  const isolates = {
    ingress: record.compiled.some((c) => c.isolates.ingress),
    egress: record.compiled.some((c) => c.isolates.egress),
  };
  return {
    id: record.id,
    location: locationOf(record.resource, get(get(record.resource.node, 'metadata'), 'name')),
    selected,
    isolates,
    summary: summarize(record, ctx),
  };
}

function summarize(record: PolicyRecord, ctx: CompileContext): string[] {
  const lines: string[] = [];
  if (!record.enforced) lines.push(notEnforced(record.id, ctx.settings));
  if (record.compiled.length === 0) {
    lines.push(`${policyTitle(record.id)} selects no pods (no endpointSelector this engine can apply).`);
    return lines;
  }
  for (const policy of record.compiled) {
    const prefix = policy.specIndex === null ? 'Selects' : `specs[${policy.specIndex}] selects`;
    const selected = workloadsOf(policy.subjects, ctx);
    lines.push(`${prefix} ${policy.subjectText}: ${listWorkloads(selected)}.`);
    for (const dir of ['ingress', 'egress'] as const) lines.push(...directionLines(policy, dir));
  }
  if (record.resource.kind === 'NetworkPolicy') {
    const types = policyTypes(record.resource.spec);
    for (const dir of ['ingress', 'egress'] as const) {
      if (!types.has(dir) && items(get(record.resource.spec, dir)).length > 0) {
        lines.push(`Its ${dir} rules are ignored: policyTypes does not list ${dir === 'ingress' ? 'Ingress' : 'Egress'}.`);
      }
    }
  }
  return lines;
}

function directionLines(policy: CompiledPolicy, dir: Direction): string[] {
  const lines: string[] = [];
  const verb = dir === 'ingress' ? 'receive' : 'send';
  const inOut = dir === 'ingress' ? 'in' : 'out';
  const allows = policy.allow[dir].filter((r) => r.peers.length > 0);
  if (allows.length > 0) lines.push(`They may ${verb}: ${allows.map((r) => ruleSummary(r, dir)).join('; ')}.`);
  if (policy.isolates[dir]) {
    lines.push(allows.length > 0 ? `Everything else ${inOut} is denied (unless another policy allows it).` : `All ${dir} is denied (unless another policy allows it).`);
  } else if (allows.length > 0 || policy.deny[dir].length > 0) {
    lines.push(`This policy does not deny other ${dir} (enableDefaultDeny.${dir}: false).`);
  }
  if (policy.deny[dir].length > 0) {
    lines.push(`Always denied ${inOut}, whatever allows it: ${policy.deny[dir].map((r) => ruleSummary(r, dir)).join('; ')}.`);
  }
  return lines;
}

function ruleSummary(rule: CompiledRule, dir: Direction): string {
  const toFrom = dir === 'ingress' ? 'from' : 'to';
  const peers = rule.peers.some((p) => p.kind === 'any') ? 'anywhere' : rule.peers.map(peerMatcherText).join(', ');
  if (rule.ports === null) return `all traffic ${toFrom} ${peers}`;
  if (rule.ports.length === 0) return `no TCP/UDP/SCTP port ${toFrom} ${peers}`;
  return `${rule.ports.map(entryText).join(', ')} ${toFrom} ${peers}`;
}

function entryText(entry: PortEntry): string {
  const proto = entry.protocols.length === 3 ? 'any protocol' : entry.protocols.join('/');
  const port = entry.port === null ? 'all ports' : entry.endPort !== null ? `${entry.port}-${entry.endPort}` : typeof entry.port === 'string' ? `named port ${entry.port}` : String(entry.port);
  const l4 = entry.protocols.length === 3 ? `port ${port} (${proto})` : `${proto} ${port}`;
  return entry.l7 ? `${l7Text(entry.l7)} on ${l4}` : l4;
}

function l7Text(l7: L7Rules): string {
  switch (l7.kind) {
    case 'dns':
      return `DNS lookups for ${l7.matchers.map((m) => m.value).join(', ') || 'no name'}`;
    case 'http':
      return `HTTP requests ${l7.rules.map(httpRuleText).join(' or ')}`;
    case 'kafka':
      return `Kafka ${l7.texts.join(' or ')}`;
    case 'other':
      return l7.texts.join(', ');
  }
}

function notEnforced(id: PolicyId, settings: EngineSettings): string {
  if (settings.engine === 'none') return 'Engine none: no policy engine enforces this policy; it has no effect.';
  return `Engine ${settings.engine} enforces only Kubernetes NetworkPolicy: this ${id.kind} has no effect.`;
}

function listWorkloads(ids: readonly string[]): string {
  if (ids.length === 0) return 'no workload in these manifests';
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return ids.length > MAX_LISTED ? `${shown} and ${ids.length - MAX_LISTED} more` : shown;
}

function unionClasses(sets: readonly ClassSet[]): Set<number> {
  const out = new Set<number>();
  for (const s of sets) for (const c of s) out.add(c);
  return out;
}

function workloadsOf(classes: ClassSet, ctx: CompileContext): string[] {
  const out: string[] = [];
  for (const c of classes) for (const g of ctx.universe.classes[c].groups) out.push(ctx.universe.groups[g].id);
  return out.sort(compareText);
}

function namespacesOfWorkloads(classes: ClassSet, ctx: CompileContext): string[] {
  const out = new Set<string>();
  for (const c of classes) out.add(ctx.universe.classes[c].namespace);
  return [...out].sort(compareText);
}

/** What the selector at `path` inside the policy object matches (see PolicyModel.selectionAt). */
export function selectionAt(record: PolicyRecord, path: readonly (string | number)[], ctx: CompileContext): Selection | null {
  const resource = record.resource;
  const node = getPath(resource.node, path);
  if (!node) return null;
  const last = path[path.length - 1];
  if (resource.kind === 'NetworkPolicy') {
    const policyNs = resource.namespace;
    if (path.length === 2 && path[0] === 'spec' && last === 'podSelector') {
      const sel = parseLabelSelector(node).selector ?? EMPTY_SELECTOR;
      return podsSelection(ctx.index.podsIn(sel, [policyNs]), ctx, describeNetworkPolicyPeer(policyNs, null, sel));
    }
    const peerPath = last === 'podSelector' || last === 'namespaceSelector' ? path.slice(0, -1) : path;
    const listKey = peerPath[peerPath.length - 2];
    if (listKey !== 'from' && listKey !== 'to') return null;
    const peer = getPath(resource.node, peerPath);
    const nsSel = parseLabelSelector(get(peer, 'namespaceSelector')).selector;
    const podSel = parseLabelSelector(get(peer, 'podSelector')).selector;
    if (last === 'namespaceSelector') {
      if (!nsSel) return null;
      const namespaces = ctx.index.namespacesMatching(nsSel);
      const classes = ctx.index.podsIn(EMPTY_SELECTOR, namespaces);
      return {
        kind: 'namespaces',
        workloads: workloadsOf(classes, ctx),
        namespaces: [...namespaces],
        description: isEmptySelector(nsSel) ? 'every namespace' : `namespaces ${namespaceRequirementsText(nsSel.requirements)}`,
      };
    }
    if (!nsSel && !podSel) return null;
    const namespaces = nsSel ? ctx.index.namespacesMatching(nsSel) : [policyNs];
    return podsSelection(ctx.index.podsIn(podSel ?? EMPTY_SELECTOR, namespaces), ctx, describeNetworkPolicyPeer(policyNs, nsSel, podSel));
  }
  const clusterwide = resource.kind === 'CiliumClusterwideNetworkPolicy';
  const parsed = parseLabelSelector(node, { dialect: 'cilium' }).selector;
  if (!parsed) return null;
  if (last === 'endpointSelector') {
    const sel = subjectSelector(resource, parsed, clusterwide);
    const note = clusterwide ? ' (CCNP: cluster-wide)' : ' (a CNP applies only in its own namespace)';
    return podsSelection(ctx.index.cilium(sel), ctx, describeCiliumSelector(sel) + note);
  }
  const listKey = path[path.length - 2];
  if (listKey !== 'fromEndpoints' && listKey !== 'toEndpoints') return null;
  const pinned = peerSelector(resource, parsed, clusterwide);
  if ('entity' in pinned) {
    return { kind: 'pods', workloads: [], namespaces: [], description: pinned.entity ? `the ${pinned.entity} entity (a reserved identity, no pod)` : 'no pod (reserved label)' };
  }
  const classes = ctx.index.cilium(pinned.selector);
  const pinning = PIN_NOTES[pinned.pin](resource.namespace);
  const namespaces = pinned.selector.requirements.every((r) => r.key.startsWith(POD_NAMESPACE_LABEL) || r.key.startsWith(NAMESPACE_LABELS_PREFIX))
    ? namespacesOf(pinned.selector, ctx)
    : null;
  const selection = podsSelection(classes, ctx, describeCiliumSelector(pinned.selector) + pinning);
  return namespaces ? { ...selection, namespaces } : selection;
}

/** C7: how a peer selector got its namespace scope, said after its description. */
const PIN_NOTES: Record<NamespacePin, (policyNamespace: string) => string> = {
  named: () => ` (named by k8s:${POD_NAMESPACE_LABEL})`,
  'namespace-labels': () => ' (namespace labels: not pinned to the policy\'s namespace)',
  'policy-namespace': (ns) => ` (CNP: pinned to the policy's namespace ${ns})`,
  clusterwide: () => ' (CCNP: cluster-wide)',
};

function podsSelection(classes: ClassSet, ctx: CompileContext, description: string): Selection {
  return { kind: 'pods', workloads: workloadsOf(classes, ctx), namespaces: namespacesOfWorkloads(classes, ctx), description };
}
