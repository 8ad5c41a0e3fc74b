import type { PolicyModel, WorkloadInfo } from '../../engine/types';
import { isEmptySelector, parseLabelSelector } from '../../k8s/labelSelector';
import { isWorkload, POLICY_KINDS, WORKLOAD_KINDS, type Resource } from '../../k8s/resources';
import { get } from '../../yaml/nodes';
import { defaultDenyDocument, defaultDenyName, type DenyDirections, type PolicyFlavour } from '../fixes/defaultDeny';
import { appendDocumentEdit } from '../fixes/insert';
import { detectStyle } from '../fixes/style';
import type { Fix, Rule, RuleContext, WorkspaceView } from '../types';
import { asPolicy, enforced, hasSyntaxErrors, listText, nameLocation, policyIdOf, ruleMaps, type PolicyResource } from './common';
import { normalizeCilium, namedNamespaces, podPart } from './selectorScope';

/** Namespaces of the platform itself: a default deny there breaks the cluster, so they are left alone. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export const namespaceWithoutDefaultDenyRule: Rule = {
  id: 'policy/namespace-without-default-deny',
  defaultSeverity: 'information',
  title: 'Namespace with workloads and no default-deny policy',
  kinds: ['Namespace', ...WORKLOAD_KINDS],
  docs: `A namespace of the workspace runs workloads, and no policy selects all of its pods to deny by default (in either direction).

**Why it matters.** Pods no policy selects are not isolated: anything may connect to them and they may connect anywhere, the internet included. Per-app policies protect only the pods they select today; a default deny for the whole namespace also covers the next workload someone adds. It is information only: the default deny may live outside this workspace.

**Example.**
\`\`\`yaml
kind: NetworkPolicy
metadata: {name: default-deny-all, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  egress:                      # keep DNS working
    - to:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
          podSelector: {matchLabels: {k8s-app: kube-dns}}
      ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
\`\`\`

**How to fix.** Add a default-deny policy for the namespace (the quick fixes write one, for ingress, egress or both, as a NetworkPolicy or — where the namespace already uses Cilium policies — a CiliumNetworkPolicy, at the end of the file or in a new file), then allow what each workload needs.`,
  check(resource, context) {
    if (context.settings.engine === 'none' || hasSyntaxErrors(resource)) return;
    const namespace = resource.kind === 'Namespace' ? resource.name : resource.namespace;
    if (!namespace || SYSTEM_NAMESPACES.has(namespace)) return;
    const facts = namespaceFacts(context).get(namespace);
    if (!facts || facts.defaultDeny || facts.workloads.length === 0) return;
    // Without a Namespace object, the finding goes on the namespace's first live workload.
    if (resource.kind === 'Namespace' ? !facts.hasObject : facts.hasObject || facts.firstWorkload !== resource) return;
    const workloads = facts.workloads;
    context.report({
      message: `Namespace ${namespace} runs ${listText(workloads.map((w: WorkloadInfo) => w.id))} but has no default-deny policy: a pod no policy selects accepts and sends any traffic, to and from the internet included.`,
      location: nameLocation(resource),
      fixes: defaultDenyFixes(resource, namespace, context),
    });
  },
};

interface NamespaceFacts {
  hasObject: boolean;
  firstWorkload: Resource | null;
  workloads: WorkloadInfo[];
  defaultDeny: boolean;
}

const cache = new WeakMap<WorkspaceView, Map<string, NamespaceFacts>>();

/** What the namespace facts are made of. */
const FACT_KINDS = ['Namespace', ...WORKLOAD_KINDS, ...POLICY_KINDS];

/** Per namespace: its Namespace object, first workload, live pods and default-deny, once per view. */
function namespaceFacts(context: RuleContext): Map<string, NamespaceFacts> {
  const hit = cache.get(context.workspace);
  if (hit) return hit;
  const facts = new Map<string, NamespaceFacts>();
  const of = (ns: string) => {
    let f = facts.get(ns);
    if (!f) facts.set(ns, (f = { hasObject: false, firstWorkload: null, workloads: [], defaultDeny: false }));
    return f;
  };
  const model = context.workspace.policyModel();
  for (const r of context.workspace.ofKinds(FACT_KINDS)) {
    if (r.kind === 'Namespace') of(r.name).hasObject = true;
    else if (isWorkload(r) && !r.hostNetwork) of(r.namespace).firstWorkload ??= r;
    const policy = asPolicy(r);
    if (policy) {
      for (const ns of defaultDenyNamespaces(policy, model, context)) of(ns).defaultDeny = true;
    }
  }
  for (const w of model.workloads) {
    if (!w.implicit && !w.hostNetwork && !w.finished) of(w.namespace).workloads.push(w);
  }
  cache.set(context.workspace, facts);
  return facts;
}

/** Namespaces in which `policy` selects every pod while isolating a direction ('*': all of them). */
function defaultDenyNamespaces(policy: PolicyResource, model: PolicyModel, context: RuleContext): string[] {
  if (policy.kind === 'CiliumClusterwideNetworkPolicy') {
    return model.namespaces.filter((ns) => isDefaultDeny(policy, ns, model, context));
  }
  return isDefaultDeny(policy, policy.namespace, model, context) ? [policy.namespace] : [];
}

/** A policy enforced here that selects every pod of `namespace` and isolates some direction. */
function isDefaultDeny(r: Resource, namespace: string, model: PolicyModel, context: RuleContext): boolean {
  const policy = asPolicy(r);
  if (!policy || !enforced(policy.kind, context.settings)) return false;
  const info = model.policyInfo(policyIdOf(policy));
  if (!info || !(info.isolates.ingress || info.isolates.egress)) return false;
  if (policy.kind === 'NetworkPolicy') {
    const sel = parseLabelSelector(get(policy.spec, 'podSelector')).selector;
    return policy.namespace === namespace && (!sel || isEmptySelector(sel));
  }
  return ruleMaps(policy).some(({ map }) => {
    const parsed = parseLabelSelector(get(map, 'endpointSelector'), { dialect: 'cilium' }).selector;
    const sel = parsed && normalizeCilium(parsed);
    if (!sel || !isEmptySelector(podPart(sel))) return false;
    if (policy.kind === 'CiliumNetworkPolicy') return policy.namespace === namespace;
    const named = namedNamespaces(sel);
    return sel.requirements.length === 0 || (named !== null && named.includes(namespace) && sel.requirements.length === 1);
  });
}

/** CNP where the namespace (or else the workspace) already uses Cilium policies on a Cilium cluster. */
function flavourFor(namespace: string, context: RuleContext): PolicyFlavour {
  if (context.settings.engine !== 'cilium') return 'NetworkPolicy';
  const policies = context.workspace.ofKinds(POLICY_KINDS).map(asPolicy).filter((p): p is PolicyResource => p !== null);
  const here = policies.filter((p) => p.namespace === namespace);
  if (here.some((p) => p.kind === 'CiliumNetworkPolicy')) return 'CiliumNetworkPolicy';
  if (here.some((p) => p.kind === 'NetworkPolicy')) return 'NetworkPolicy';
  const cilium = policies.filter((p) => p.kind !== 'NetworkPolicy').length;
  return cilium > policies.length - cilium ? 'CiliumNetworkPolicy' : 'NetworkPolicy';
}

function defaultDenyFixes(resource: Resource, namespace: string, context: RuleContext): Fix[] {
  const flavour = flavourFor(namespace, context);
  const style = detectStyle(context.file.text);
  const taken = new Set(
    context.workspace
      .ofKinds(POLICY_KINDS)
      .map(asPolicy)
      .filter((p): p is PolicyResource => p !== null && p.kind === flavour && p.namespace === namespace)
      .map((p) => p.name),
  );
  const uris = new Set(context.workspace.uris);
  const newUri = freeUri(resource.source.uri, `${namespace}-default-deny`, uris);
  const kindText = flavour === 'NetworkPolicy' ? 'NetworkPolicy' : 'CiliumNetworkPolicy';
  const out: Fix[] = [];
  for (const directions of ['both', 'ingress', 'egress'] as DenyDirections[]) {
    const name = freeName(defaultDenyName(directions), taken);
    const doc = defaultDenyDocument(flavour, namespace, directions, name, style);
    const what = directions === 'both' ? 'ingress and egress' : directions;
    out.push({
      title: `Add a ${kindText} denying ${what} by default in ${namespace} (end of this file)`,
      edits: [appendDocumentEdit(context.file.uri, context.file.text, doc)],
      ...(directions === 'both' ? { preferred: true } : {}),
    });
    out.push({
      title: `Create ${newUri.slice(newUri.lastIndexOf('/') + 1)} with a ${kindText} denying ${what} by default in ${namespace}`,
      edits: [],
      createFile: { uri: newUri, text: doc },
    });
  }
  return out;
}

function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** `<dir of uri>/<base>.yaml`, numbered when a file of that name is already in the workspace. */
function freeUri(uri: string, base: string, taken: ReadonlySet<string>): string {
  const dir = uri.slice(0, uri.lastIndexOf('/') + 1);
  if (!taken.has(`${dir}${base}.yaml`)) return `${dir}${base}.yaml`;
  for (let i = 2; ; i++) if (!taken.has(`${dir}${base}-${i}.yaml`)) return `${dir}${base}-${i}.yaml`;
}
