/**
 * Kubernetes NetworkPolicy → compiled policy (policy-semantics.md K1–K13).
 */
import { describeSelector, EMPTY_SELECTOR, isEmptySelector, parseLabelSelector, type LabelSelector } from '../k8s/labelSelector';
import type { NetworkPolicyResource, Protocol } from '../k8s/resources';
import { ipBlockSet, parseCidr, type Cidr } from '../net/cidr';
import { isProtocol } from '../net/ports';
import { asMap, get, getPair, isNullish, items, scalarText, stringValue, type YNode } from '../yaml/nodes';
import type { CompiledPolicy, CompiledRule, PeerMatcher, PortEntry } from './compiled';
import { makeRuleRef, type CompileContext } from './context';
import { describeNetworkPolicyPeer } from './describe';
import type { Direction, PolicyId } from './types';

const NAMED_PORT_NOTE =
  'K9: a named port is resolved against the container ports of the pod receiving the traffic (ingress: the selected pod; egress: the destination pod) and never matches an ipBlock destination; this follows upstream discussion and implementations (UNCONFIRMED as API text).';

export function compileNetworkPolicy(np: NetworkPolicyResource, ctx: CompileContext): CompiledPolicy {
  const id: PolicyId = { kind: 'NetworkPolicy', namespace: np.namespace, name: np.name };
  const spec = asMap(np.spec);
  const notes = new Set<string>();
  // K7/K12: an absent podSelector is {} (every pod of the namespace).
  const subjectSelector = parseLabelSelector(get(spec, 'podSelector')).selector ?? EMPTY_SELECTOR;
  const subjects = ctx.index.podsIn(subjectSelector, [np.namespace]);

  const types = policyTypes(spec);
  const allow: Record<Direction, CompiledRule[]> = { ingress: [], egress: [] };
  for (const direction of ['ingress', 'egress'] as const) {
    // K2: a direction not in policyTypes is not governed by this policy; its rules are never consulted.
    if (!types.has(direction)) continue;
    items(get(spec, direction)).forEach((ruleNode, index) => {
      const ref = makeRuleRef(np, id, direction, direction, index, null, ruleNode);
      allow[direction].push({
        ref,
        deny: false,
        peers: compilePeers(np, get(ruleNode, direction === 'ingress' ? 'from' : 'to'), ctx, notes),
        ports: compilePorts(get(ruleNode, 'ports'), ctx, notes),
      });
    });
  }
  return {
    id,
    specIndex: null,
    subjects,
    subjectText: isEmptySelector(subjectSelector) ? `all pods in namespace ${np.namespace}` : `pods with ${describeSelector(subjectSelector)} in namespace ${np.namespace}`,
    isolates: { ingress: types.has('ingress'), egress: types.has('egress') },
    allow,
    deny: { ingress: [], egress: [] },
    notes: [...notes],
  };
}

/** K2: explicit policyTypes, or [Ingress] plus Egress when `egress` has at least one rule. */
export function policyTypes(spec: YNode | null): Set<Direction> {
  const written = items(get(spec, 'policyTypes'))
    .map((n) => stringValue(n))
    .filter((s): s is string => s !== null);
  const out = new Set<Direction>();
  if (written.length === 0) {
    out.add('ingress');
    if (items(get(spec, 'egress')).length > 0) out.add('egress');
    return out;
  }
  for (const t of written) {
    if (t === 'Ingress') out.add('ingress');
    else if (t === 'Egress') out.add('egress');
  }
  return out;
}

function compilePeers(np: NetworkPolicyResource, node: YNode | null, ctx: CompileContext, notes: Set<string>): PeerMatcher[] {
  const list = items(node);
  // K5: a missing or empty from/to matches every peer.
  if (list.length === 0) return [{ kind: 'any' }];
  const out: PeerMatcher[] = [];
  for (const peer of list) {
    const ipBlock = get(peer, 'ipBlock');
    if (ipBlock && !isNullish(ipBlock)) {
      const m = compileIpBlock(ipBlock);
      if (m) out.push(m);
      if (ctx.settings.engine === 'azure-npm' || ctx.settings.engine === 'calico') {
        notes.add(`K8: on ${ctx.settings.engine} an ipBlock may also match pod IPs; this model matches pods by selectors only, so ipBlock rules here cover addresses outside the cluster.`);
      }
      continue;
    }
    const nsSel = parseLabelSelector(get(peer, 'namespaceSelector')).selector;
    const podSel = parseLabelSelector(get(peer, 'podSelector')).selector;
    if (!nsSel && !podSel) {
      notes.add('K6: a peer with neither podSelector, namespaceSelector nor ipBlock is rejected by the API server ("must specify a peer"); it matches nothing here.');
      continue;
    }
    const namespaces = nsSel ? ctx.index.namespacesMatching(nsSel) : [np.namespace];
    const pods = podSel ?? EMPTY_SELECTOR;
    out.push({
      kind: 'pods',
      classes: ctx.index.podsIn(pods, namespaces),
      namespaces: isEmptySelector(pods) ? namespaces : null,
      text: describeNetworkPolicyPeer(np.namespace, nsSel, podSel),
    });
  }
  return out;
}

function compileIpBlock(node: YNode): PeerMatcher | null {
  const cidrText = scalarText(get(node, 'cidr'));
  const parsed = cidrText ? parseCidr(cidrText) : null;
  if (!parsed || !parsed.ok) return null;
  const except: Cidr[] = [];
  for (const e of items(get(node, 'except'))) {
    const text = scalarText(e);
    const r = text ? parseCidr(text) : null;
    if (r && r.ok) except.push(r.cidr);
  }
  return { kind: 'cidr', set: ipBlockSet(parsed.cidr, except), cidr: parsed.cidr.text, except: except.map((c) => c.text) };
}

function compilePorts(node: YNode | null, ctx: CompileContext, notes: Set<string>): PortEntry[] | null {
  const list = items(node);
  // K5: a missing or empty ports list matches every port.
  if (list.length === 0) return null;
  const out: PortEntry[] = [];
  for (const p of list) {
    const protoText = scalarText(get(p, 'protocol'));
    // K9: protocol defaults to TCP; an unknown protocol is rejected by the API server (matches nothing here).
    const protocol: Protocol | null = protoText === null ? 'TCP' : isProtocol(protoText) ? protoText : null;
    if (!protocol) continue;
    const portPair = getPair(asMap(p), 'port');
    const portText = portPair ? scalarText(portPair.value) : null;
    let port: number | string | null = null;
    if (portText !== null) {
      port = /^\d+$/.test(portText) ? Number(portText) : portText;
      if (typeof port === 'string') notes.add(NAMED_PORT_NOTE);
    }
    let endPort: number | null = null;
    const endText = scalarText(get(p, 'endPort'));
    if (endText !== null && /^\d+$/.test(endText) && typeof port === 'number') {
      if (ctx.settings.engine === 'cilium' && ctx.settings.ciliumMinor === 16) {
        notes.add('K9: Cilium 1.16 does not support NetworkPolicy endPort: only `port` of a range applies (endPort needs Cilium ≥ 1.17).');
      } else {
        endPort = Number(endText);
      }
    }
    out.push({ protocols: [protocol], port, endPort, l7: null });
  }
  return out;
}
