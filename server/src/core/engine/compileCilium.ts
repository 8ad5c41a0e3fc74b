/**
 * CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy → compiled policies (policy-semantics.md
 * C1–C18). Each rule of `spec` and of `specs` has its own subject selector, so each becomes
 * its own compiled policy sharing the PolicyId.
 */
import { matchesSelector, parseLabelSelector, type LabelSelector, type Requirement } from '../k8s/labelSelector';
import type { CiliumPolicyResource } from '../k8s/resources';
import { ipBlockSet, parseCidr, type Cidr } from '../net/cidr';
import { entityInfo, NAMESPACE_LABELS_PREFIX, parseCiliumLabelKey, POD_NAMESPACE_LABEL } from '../cilium/labelKeys';
import { asMap, get, getPair, isNullish, items, scalarText, stringValue, type YNode } from '../yaml/nodes';
import type { CompiledPolicy, CompiledRule, PeerMatcher, PortEntry } from './compiled';
import { compilePortRule } from './ciliumPorts';
import { makeRuleRef, type CompileContext } from './context';
import { describeCiliumSelector, policyTitle } from './describe';
import type { Direction, PolicyId } from './types';

const L3_FIELDS: Record<Direction, readonly string[]> = {
  ingress: ['fromEndpoints', 'fromEntities', 'fromCIDR', 'fromCIDRSet', 'fromNodes', 'fromGroups'],
  egress: ['toEndpoints', 'toEntities', 'toCIDR', 'toCIDRSet', 'toServices', 'toFQDNs', 'toNodes', 'toGroups'],
};

export const EMPTY_RULE_NOTE =
  'C5: in a Cilium policy the empty rule `{}` allows nothing; it only switches its direction to default deny (a 2026 claim that it allows everything is UNCONFIRMED for Cilium ≥ 1.19 and not modelled).';

export function compileCilium(policy: CiliumPolicyResource, ctx: CompileContext): CompiledPolicy[] {
  const clusterwide = policy.kind === 'CiliumClusterwideNetworkPolicy';
  const id: PolicyId = { kind: policy.kind, namespace: clusterwide ? '' : policy.namespace, name: policy.name };
  const rules: { node: YNode; specIndex: number | null }[] = [];
  if (asMap(policy.spec)) rules.push({ node: policy.spec!, specIndex: null });
  items(policy.specs).forEach((node, i) => {
    if (asMap(node)) rules.push({ node, specIndex: i });
  });
  const out: CompiledPolicy[] = [];
  for (const { node, specIndex } of rules) {
    const compiled = compileRule(policy, id, node, specIndex, clusterwide, ctx);
    if (compiled) out.push(compiled);
  }
  return out;
}

function compileRule(
  policy: CiliumPolicyResource,
  id: PolicyId,
  rule: YNode,
  specIndex: number | null,
  clusterwide: boolean,
  ctx: CompileContext,
): CompiledPolicy | null {
  const notes = new Set<string>();
  const endpointSelectorNode = get(rule, 'endpointSelector');
  const parsed = parseLabelSelector(endpointSelectorNode, { dialect: 'cilium' }).selector;
  if (!parsed) {
    if (get(rule, 'nodeSelector')) {
      ctx.modelNotes.add(`C1: ${policyTitle(id)} uses nodeSelector (a host policy); host policies need Cilium's host firewall, which AKS does not enable (UNCONFIRMED), so it is not modelled.`);
    }
    return null;
  }
  const subjectSel = subjectSelector(policy, parsed, clusterwide);
  const subjects = hasReservedKey(parsed) ? new Set<number>() : ctx.index.cilium(subjectSel);

  const defaultDenyNode = get(rule, 'enableDefaultDeny');
  const isolates: Record<Direction, boolean> = { ingress: false, egress: false };
  const allow: Record<Direction, CompiledRule[]> = { ingress: [], egress: [] };
  const deny: Record<Direction, CompiledRule[]> = { ingress: [], egress: [] };
  for (const direction of ['ingress', 'egress'] as const) {
    const allowNodes = items(get(rule, direction));
    const denySection = direction === 'ingress' ? 'ingressDeny' : 'egressDeny';
    const denyNodes = items(get(rule, denySection));
    // C3/C4: rules (allow or deny) in a direction switch it to default deny unless enableDefaultDeny says false.
    const setting = scalarText(get(defaultDenyNode, direction));
    const hasRules = allowNodes.length > 0 || denyNodes.length > 0;
    isolates[direction] = hasRules && setting !== 'false';
    if (hasRules && setting === 'false') {
      notes.add(`C4: enableDefaultDeny.${direction} is false, so this policy does not switch ${direction} to default deny (its rules still add allows and denies; L7 rules still filter).`);
    }
    allowNodes.forEach((node, index) => {
      allow[direction].push(compileCiliumRule(policy, id, direction, direction, index, specIndex, node, false, clusterwide, ctx, notes));
    });
    denyNodes.forEach((node, index) => {
      deny[direction].push(compileCiliumRule(policy, id, direction, denySection, index, specIndex, node, true, clusterwide, ctx, notes));
    });
  }
  return { id, specIndex, subjects, subjectText: describeCiliumSelector(subjectSel), isolates, allow, deny, notes: [...notes] };
}

function compileCiliumRule(
  policy: CiliumPolicyResource,
  id: PolicyId,
  direction: Direction,
  section: 'ingress' | 'egress' | 'ingressDeny' | 'egressDeny',
  index: number,
  specIndex: number | null,
  node: YNode,
  isDeny: boolean,
  clusterwide: boolean,
  ctx: CompileContext,
  notes: Set<string>,
): CompiledRule {
  const ref = makeRuleRef(policy, id, direction, section, index, specIndex, node);
  const map = asMap(node);
  const toPortsNode = get(map, 'toPorts');
  const portRules = items(toPortsNode);
  const present = L3_FIELDS[direction].filter((f) => {
    const pair = getPair(map, f);
    return pair !== null && !isNullish(pair.value);
  });
  let peers: PeerMatcher[];
  if (present.length === 0) {
    // C5/C6: without an L3 field, `toPorts` alone means "those ports from/to any peer";
    // with neither, the rule allows nothing (the `{}` rule only triggers default deny).
    peers = portRules.length > 0 || items(get(map, 'icmps')).length > 0 ? [{ kind: 'any' }] : [];
    if (peers.length === 0 && !isDeny) notes.add(EMPTY_RULE_NOTE);
  } else {
    peers = [];
    for (const field of present) peers.push(...compileL3(policy, field, get(map, field), clusterwide, ctx, notes));
  }
  for (const f of ['fromRequires', 'toRequires']) {
    if (getPair(map, f)) notes.add(`${f} (deprecated in Cilium) is not modelled: its extra requirement on the peer is ignored.`);
  }
  let ports: PortEntry[] | null = null;
  if (portRules.length > 0) {
    ports = [];
    for (const pr of portRules) ports.push(...compilePortRule(pr, isDeny, notes));
  } else if (items(get(map, 'icmps')).length > 0) {
    // ICMP-only rules say nothing about TCP, UDP or SCTP.
    ports = [];
  }
  return { ref, deny: isDeny, peers, ports };
}

function compileL3(policy: CiliumPolicyResource, field: string, node: YNode | null, clusterwide: boolean, ctx: CompileContext, notes: Set<string>): PeerMatcher[] {
  const out: PeerMatcher[] = [];
  const list = items(node);
  switch (field) {
    case 'fromEndpoints':
    case 'toEndpoints':
      for (const sel of list) {
        const m = endpointPeer(policy, sel, clusterwide, ctx);
        if (m) out.push(m);
      }
      break;
    case 'fromEntities':
    case 'toEntities':
      for (const e of list) {
        const name = scalarText(e);
        if (name === null) continue;
        if (!entityInfo(name)) notes.add(`C9: "${name}" is not a Cilium entity; it matches nothing.`);
        else out.push({ kind: 'entity', entity: name });
      }
      break;
    case 'fromCIDR':
    case 'toCIDR':
      for (const c of list) {
        const text = scalarText(c);
        const r = text ? parseCidr(text, { allowBareIp: true }) : null;
        if (r && r.ok) out.push({ kind: 'cidr', set: ipBlockSet(r.cidr), cidr: r.cidr.text, except: [] });
      }
      break;
    case 'fromCIDRSet':
    case 'toCIDRSet':
      for (const entry of list) {
        const text = scalarText(get(entry, 'cidr'));
        const r = text ? parseCidr(text, { allowBareIp: true }) : null;
        if (!r || !r.ok) {
          if (get(entry, 'cidrGroupRef') || get(entry, 'cidrGroupSelector')) {
            notes.add('C10: CIDR groups (cidrGroupRef / cidrGroupSelector) are not modelled; such entries match nothing here.');
          }
          continue;
        }
        const except: Cidr[] = [];
        for (const e of items(get(entry, 'except'))) {
          const t = scalarText(e);
          const er = t ? parseCidr(t, { allowBareIp: true }) : null;
          if (er && er.ok) except.push(er.cidr);
        }
        out.push({ kind: 'cidr', set: ipBlockSet(r.cidr, except), cidr: r.cidr.text, except: except.map((c) => c.text) });
      }
      break;
    case 'toFQDNs':
      for (const entry of list) {
        const name = stringValue(get(entry, 'matchName'));
        const pattern = stringValue(get(entry, 'matchPattern'));
        if (name) out.push({ kind: 'fqdn', matcher: { kind: 'name', value: name } });
        if (pattern) out.push({ kind: 'fqdn', matcher: { kind: 'pattern', value: pattern } });
        if (pattern?.startsWith('**.') && ctx.settings.ciliumMinor < 19) {
          notes.add(`C11: before Cilium 1.19 a leading "**." behaves like "*." (one label), as modelled for Cilium 1.${ctx.settings.ciliumMinor}.`);
        }
      }
      notes.add('C11: toFQDNs learns IPs only from DNS answers its pod looked up through an egress rule with a DNS L7 rule matching the name; on AKS this needs Advanced Container Networking Services (FQDN filtering).');
      break;
    case 'toServices':
      for (const entry of list) out.push(...servicePeers(policy, entry, clusterwide, ctx, notes));
      break;
    case 'fromNodes':
    case 'toNodes':
      if (list.length > 0) out.push({ kind: 'nodes', text: 'nodes' });
      notes.add(`${field} selects nodes; node labels are not in manifests, so it is modelled as "any node" (hostNetwork pods included).`);
      break;
    case 'fromGroups':
    case 'toGroups':
      notes.add(`${field} (cloud provider groups) is not modelled; it matches nothing here.`);
      break;
  }
  return out;
}

/**
 * C1: the subject selector as Cilium applies it. A CNP's endpointSelector always applies in the
 * policy's namespace; a namespace match written in matchLabels is replaced (cilium
 * ParseToCiliumRule AddMatch). A CCNP's applies cluster-wide as written.
 */
export function subjectSelector(policy: CiliumPolicyResource, parsed: LabelSelector, clusterwide: boolean): LabelSelector {
  const sel = normalize(parsed);
  if (clusterwide) return sel;
  return {
    requirements: [
      ...sel.requirements.filter((r) => !(r.key === POD_NAMESPACE_LABEL && r.operator === 'In' && r.values.length === 1)),
      { key: POD_NAMESPACE_LABEL, operator: 'In', values: [policy.namespace] },
    ],
  };
}

/** C7: where a peer selector's namespace scope comes from. */
export type NamespacePin = 'named' | 'namespace-labels' | 'policy-namespace' | 'clusterwide';

/**
 * C7/C8: a peer selector (fromEndpoints / toEndpoints) as Cilium applies it: keys normalised;
 * without a namespace key a CNP pins it to its namespace (unless it uses namespace labels) and
 * a CCNP requires some namespace. Selectors on reserved labels stand for entities.
 */
export function peerSelector(
  policy: CiliumPolicyResource,
  parsed: LabelSelector,
  clusterwide: boolean,
): { selector: LabelSelector; pin: NamespacePin } | { entity: string | null } {
  if (hasReservedKey(parsed)) {
    const reserved = parsed.requirements.find((r) => parseCiliumLabelKey(r.key).source === 'reserved' && (r.operator === 'In' || r.operator === 'Exists'));
    const name = reserved ? parseCiliumLabelKey(reserved.key).key : null;
    return { entity: name && entityInfo(name) ? name : null };
  }
  const sel = normalize(parsed);
  const keys = sel.requirements.map((r) => r.key);
  if (keys.includes(POD_NAMESPACE_LABEL)) return { selector: sel, pin: 'named' };
  if (clusterwide) return { selector: { requirements: [...sel.requirements, { key: POD_NAMESPACE_LABEL, operator: 'Exists', values: [] }] }, pin: 'clusterwide' };
  if (keys.some((k) => k.startsWith(NAMESPACE_LABELS_PREFIX))) return { selector: sel, pin: 'namespace-labels' };
  return { selector: { requirements: [...sel.requirements, { key: POD_NAMESPACE_LABEL, operator: 'In', values: [policy.namespace] }] }, pin: 'policy-namespace' };
}

/** C7/C8: an endpoint selector of a rule's peer, normalised and namespace-pinned as Cilium does. */
function endpointPeer(policy: CiliumPolicyResource, node: YNode, clusterwide: boolean, ctx: CompileContext): PeerMatcher | null {
  const parsed = parseLabelSelector(node, { dialect: 'cilium' }).selector;
  if (!parsed) return null;
  const pinnedOrEntity = peerSelector(policy, parsed, clusterwide);
  if ('entity' in pinnedOrEntity) return pinnedOrEntity.entity ? { kind: 'entity', entity: pinnedOrEntity.entity } : null;
  const pinned = pinnedOrEntity.selector;
  const classes = ctx.index.cilium(pinned);
  const namespaceOnly = pinned.requirements.every((r) => r.key === POD_NAMESPACE_LABEL || r.key.startsWith(NAMESPACE_LABELS_PREFIX));
  return {
    kind: 'pods',
    classes,
    namespaces: namespaceOnly ? namespacesOf(pinned, ctx) : null,
    text: describeCiliumSelector(pinned),
  };
}

/** The namespaces whose pods a namespace-only selector picks. */
export function namespacesOf(sel: LabelSelector, ctx: CompileContext): string[] {
  const out: string[] = [];
  for (const [ns, labels] of ctx.universe.namespaces) {
    const view: Record<string, string> = { [POD_NAMESPACE_LABEL]: ns };
    for (const [k, v] of Object.entries(labels)) view[NAMESPACE_LABELS_PREFIX + k] = v;
    if (matchesSelector(sel, view)) out.push(ns);
  }
  return out;
}


/** C13: toServices → the Service's pod selector, in the Service's namespace. */
function servicePeers(policy: CiliumPolicyResource, entry: YNode, clusterwide: boolean, ctx: CompileContext, notes: Set<string>): PeerMatcher[] {
  const byName = get(entry, 'k8sService');
  const bySelector = get(entry, 'k8sServiceSelector');
  const defaultNs = clusterwide ? 'default' : policy.namespace;
  const services = [];
  if (byName) {
    const name = scalarText(get(byName, 'serviceName'));
    const ns = scalarText(get(byName, 'namespace')) ?? defaultNs;
    const svc = ctx.services.find((s) => s.name === name && s.namespace === ns);
    if (svc) services.push(svc);
    else notes.add(`C13: toServices names Service ${ns}/${name ?? '?'}, which is not in the manifests; it matches no pod here.`);
  }
  if (bySelector) {
    const sel = parseLabelSelector(get(bySelector, 'selector')).selector;
    const ns = scalarText(get(bySelector, 'namespace'));
    if (sel) {
      for (const s of ctx.services) {
        if ((ns === null || s.namespace === ns) && matchesSelector(sel, s.labels)) services.push(s);
      }
    }
  }
  const out: PeerMatcher[] = [];
  for (const svc of services) {
    if (!svc.selector || Object.keys(svc.selector).length === 0) {
      notes.add(`C13: Service ${svc.namespace}/${svc.name} has no selector, so toServices turns into CIDR rules for its endpoints and selects no pod.`);
      continue;
    }
    const requirements: Requirement[] = Object.keys(svc.selector)
      .sort()
      .map((key) => ({ key, operator: 'In' as const, values: [svc.selector![key]] }));
    requirements.push({ key: POD_NAMESPACE_LABEL, operator: 'In', values: [svc.namespace] });
    const sel = { requirements };
    out.push({ kind: 'pods', classes: ctx.index.cilium(sel), namespaces: null, text: `pods of Service ${svc.namespace}/${svc.name}` });
  }
  return out;
}

function hasReservedKey(sel: LabelSelector): boolean {
  return sel.requirements.some((r) => parseCiliumLabelKey(r.key).source === 'reserved');
}

/**
 * C8: `k8s:` and `any:` keys match pod labels (and Cilium's namespace / service-account
 * labels); keys with another source keep their prefix, so no pod label matches them.
 */
function normalize(sel: LabelSelector): LabelSelector {
  return {
    requirements: sel.requirements.map((r) => {
      const parsed = parseCiliumLabelKey(r.key);
      const key = parsed.source === 'k8s' || parsed.source === 'any' ? parsed.key : `${parsed.source}:${parsed.key}`;
      return { ...r, key };
    }),
  };
}
