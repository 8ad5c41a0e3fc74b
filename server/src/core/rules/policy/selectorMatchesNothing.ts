import type { PolicyId, PolicyModel } from '../../engine/types';
import { describeSelector, isEmptySelector, parseLabelSelector, type LabelSelector } from '../../k8s/labelSelector';
import { isNetworkPolicy, type NamespaceResource, type Resource } from '../../k8s/resources';
import { asMap, get, getPair, items, type YNode, type YPair } from '../../yaml/nodes';
import { addEntryEdit } from '../fixes/insert';
import type { Fix, Rule, RuleContext } from '../types';
import { asPolicy, hasSyntaxErrors, listText, policyIdOf, POLICY_KINDS, ruleMaps, type PolicyResource } from './common';
import { locate, headSpan } from '../../analysis/locate';
import { namedNamespaces, namespaceNear, nearbyLabels, normalizeCilium, podPart, podsIn, podsMatching, usesNamespaceLabels } from './selectorScope';

const NAME_LABEL = 'kubernetes.io/metadata.name';

export const selectorMatchesNothingRule: Rule = {
  id: 'policy/selector-matches-nothing',
  defaultSeverity: 'information',
  title: 'Selector matches nothing in the workspace',
  kinds: POLICY_KINDS,
  docs: `A pod or namespace selector of a policy that matches no pod (or namespace) of the workspace, although the workspace has pods where the selector looks.

**Why it matters.** A typo in a label (\`app: paymnt-service\`), a label the pods do not carry, or a selector that looks in the wrong namespace makes a rule select nobody: an allow rule then allows nothing, and a policy protects nothing. Nothing reports it — traffic is just dropped (or left open). Two scoping rules cause most misses:
- a NetworkPolicy \`podSelector\` peer, and a CiliumNetworkPolicy \`fromEndpoints\`/\`toEndpoints\` selector without a namespace label, only look in the **policy's own namespace**;
- \`namespaceSelector\` matches namespace *labels*; a custom label like \`team: api\` exists only if someone put it on the namespace, while \`kubernetes.io/metadata.name: <name>\` is on every namespace.

It is information only: the pods may be defined outside this workspace.

**Example.**
\`\`\`yaml
podSelector:
  matchLabels:
    app: paymnt-service     # pods in backend have app=payment-service
\`\`\`

**How to fix.** Use the labels the pods carry (the message lists those nearby); for pods in another namespace, add the namespace (\`namespaceSelector\`, or \`k8s:io.kubernetes.pod.namespace: <ns>\` in Cilium).`,
  check(resource, context) {
    const policy = asPolicy(resource);
    if (!policy || hasSyntaxErrors(policy)) return;
    if (isNetworkPolicy(policy)) checkNetworkPolicy(policy, context);
    else checkCilium(policy, context);
  },
};

function checkNetworkPolicy(np: PolicyResource, context: RuleContext): void {
  const model = context.workspace.policyModel();
  const id = policyIdOf(np);
  const spec = asMap(np.spec);
  const subject = getPair(spec, 'podSelector');
  if (subject) checkPods(np, context, subject, model, id, ['spec', 'podSelector'], [np.namespace], false);
  for (const direction of ['ingress', 'egress'] as const) {
    const listKey = direction === 'ingress' ? 'from' : 'to';
    items(get(spec, direction)).forEach((rule, r) => {
      items(get(rule, listKey)).forEach((peer, p) => {
        const path = ['spec', direction, r, listKey, p];
        const nsPair = getPair(asMap(peer), 'namespaceSelector');
        const podPair = getPair(asMap(peer), 'podSelector');
        const nsSel = nsPair ? parseLabelSelector(nsPair.value).selector : null;
        let scope: readonly string[] = [np.namespace];
        if (nsPair && nsSel) {
          scope = model.selectionAt(id, [...path, 'namespaceSelector'])?.namespaces ?? [];
          if (scope.length === 0) reportNamespaces(np, context, nsPair, nsSel, model);
        }
        if (podPair && scope.length > 0) checkPods(np, context, podPair, model, id, [...path, 'podSelector'], scope, !nsSel);
      });
    });
  }
}

/** NetworkPolicy pod selector (subject or peer) that matches no pod of `scope`, which has pods. */
function checkPods(np: PolicyResource, context: RuleContext, pair: YPair, model: PolicyModel, id: PolicyId, path: (string | number)[], scope: readonly string[], alonePeer: boolean): void {
  const sel = parseLabelSelector(pair.value).selector;
  if (!sel || isEmptySelector(sel)) return;
  const selection = model.selectionAt(id, path);
  if (!selection || selection.workloads.length > 0) return;
  const pods = podsIn(model, scope);
  if (pods.length === 0) return;
  const where = scope.length === 1 ? `namespace ${scope[0]}` : `namespaces ${listText(scope)}`;
  const elsewhere = podsMatching(model, sel).filter((w) => !scope.includes(w.namespace));
  let message = `No pod in ${where} has ${describeSelector(sel)}; pods there have ${nearbyLabels(sel, pods)}.`;
  if (elsewhere.length > 0) message += ` Matching pods run in ${listText([...new Set(elsewhere.map((w) => w.namespace))])}${alonePeer ? ': a podSelector alone only looks in the policy\'s namespace; add a namespaceSelector in the same element' : ''}.`;
  context.report({ message, location: locate(np, pair.key.span) });
}

/** A namespaceSelector matching no namespace the workspace knows. */
function reportNamespaces(np: PolicyResource, context: RuleContext, pair: YPair, sel: LabelSelector, model: PolicyModel): void {
  if (isEmptySelector(sel)) return;
  const byName = sel.requirements.filter((r) => r.key === NAME_LABEL);
  if (byName.length === sel.requirements.length) {
    // Namespaces named by name usually exist outside the workspace; only a near miss is worth a word.
    const wanted = byName.flatMap((r) => (r.operator === 'In' ? r.values : []));
    const close = wanted.map((w) => namespaceNear(model, w)).filter((k): k is string => !!k);
    if (close.length === 0) return;
    context.report({
      message: `No namespace in the workspace is named ${listText(wanted)}; did you mean ${listText(close)}?`,
      location: locate(np, pair.key.span),
    });
    return;
  }
  const labelled = namespaceLabels(context.workspace.ofKinds(['Namespace']))
    .flatMap(([ns, labels]) => Object.entries(labels).filter(([k]) => sel.requirements.some((r) => r.key === k)).map(([k, v]) => `${ns} has ${k}=${v}`));
  const nearby = labelled.length > 0 ? ` (${listText(labelled)})` : '';
  context.report({
    message: `No namespace in the workspace has ${describeSelector(sel)}${nearby}, so this peer matches nothing here. Namespaces carry custom labels only if someone sets them; every namespace has ${NAME_LABEL}=<its name>.`,
    location: locate(np, pair.key.span),
  });
}

function namespaceLabels(resources: readonly Resource[]): [string, Readonly<Record<string, string>>][] {
  return resources.filter((r): r is NamespaceResource => r.kind === 'Namespace' && !('other' in r)).map((n) => [n.name, n.labels]);
}

function checkCilium(policy: PolicyResource, context: RuleContext): void {
  const model = context.workspace.policyModel();
  const id = policyIdOf(policy);
  const clusterwide = policy.kind === 'CiliumClusterwideNetworkPolicy';
  for (const rule of ruleMaps(policy)) {
    const subject = getPair(rule.map, 'endpointSelector');
    if (subject) {
      const sel = normalizedSelector(subject.value);
      if (sel && !isEmptySelector(sel)) {
        const scope = clusterwide ? namedNamespaces(sel) : [policy.namespace];
        const selection = model.selectionAt(id, [...rule.path, 'endpointSelector']);
        const pods = podsIn(model, scope);
        if (selection && selection.workloads.length === 0 && pods.length > 0) {
          const where = scope === null ? 'the workspace' : `namespace ${listText(scope)}`;
          context.report({
            message: `No pod in ${where} has ${describeSelector(podPart(sel))}; pods there have ${nearbyLabels(sel, pods)}.`,
            location: locate(policy, subject.key.span),
          });
        }
      }
    }
    for (const section of ['ingress', 'egress', 'ingressDeny', 'egressDeny']) {
      const listKey = section.startsWith('ingress') ? 'fromEndpoints' : 'toEndpoints';
      items(get(rule.map, section)).forEach((r, i) => {
        items(get(r, listKey)).forEach((selNode, j) => {
          const sel = normalizedSelector(selNode);
          if (!sel || isEmptySelector(sel)) return;
          const selection = model.selectionAt(id, [...rule.path, section, i, listKey, j]);
          if (!selection || selection.workloads.length > 0) return;
          reportCiliumPeer(policy, context, selNode, sel, model, clusterwide);
        });
      });
    }
  }
}

function normalizedSelector(node: YNode | null): LabelSelector | null {
  const sel = parseLabelSelector(node, { dialect: 'cilium' }).selector;
  return sel ? normalizeCilium(sel) : null;
}

function reportCiliumPeer(policy: PolicyResource, context: RuleContext, node: YNode, sel: LabelSelector, model: PolicyModel, clusterwide: boolean): void {
  const named = namedNamespaces(sel);
  const pinned = !clusterwide && named === null && !usesNamespaceLabels(sel);
  const pods = podPart(sel);
  const location = locate(policy, headSpan(policy, node));
  if (pinned) {
    // C7: no namespace label → Cilium adds the policy's namespace. Always worth saying when it misses.
    const elsewhere = [...new Set(podsMatching(model, sel).map((w) => w.namespace))].filter((ns) => ns !== policy.namespace);
    const tail = elsewhere.length > 0
      ? ` Pods with ${describeSelector(pods)} run in ${listText(elsewhere)}: add "k8s:io.kubernetes.pod.namespace": <namespace> to select them.`
      : ` No pod with ${describeSelector(pods)} is in the workspace.`;
    const fix = elsewhere.length === 1 ? pinFix(policy, node, elsewhere[0], pods) : null;
    context.report({
      message: `This selector names no namespace, so Cilium pins it to the policy's namespace ${policy.namespace}: it matches only pods with ${describeSelector(pods)} in ${policy.namespace}, and there are none.${tail}`,
      location,
      ...(fix ? { fixes: [fix] } : {}),
    });
    return;
  }
  if (usesNamespaceLabels(sel)) return; // namespace labels mostly live outside the workspace
  const scope = named;
  const inScope = podsIn(model, scope);
  if (inScope.length === 0) return;
  const where = scope === null ? 'any namespace of the workspace' : `namespace ${listText(scope)}`;
  context.report({
    message: `No pod in ${where} has ${describeSelector(pods)}; pods there have ${nearbyLabels(sel, inScope)}.`,
    location,
  });
}

/** Adds the namespace label to a pinned selector's matchLabels. */
function pinFix(policy: PolicyResource, node: YNode, namespace: string, pods: LabelSelector): Fix | null {
  const matchLabels = asMap(get(node, 'matchLabels'));
  if (!matchLabels || matchLabels.pairs.length === 0) return null;
  return {
    title: `Select pods with ${describeSelector(pods)} in namespace ${namespace}`,
    edits: [addEntryEdit(policy, matchLabels, 'k8s:io.kubernetes.pod.namespace', namespace)],
  };
}
