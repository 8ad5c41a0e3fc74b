/**
 * The pods a policy applies to, for rules that ask the engine about them. When the workspace
 * holds no pod the policy selects (policies kept apart from the apps they protect), a
 * hypothetical pod is made from the subject selector (`app=web-frontend` in the policy's
 * namespace) and the questions are asked of a model that includes it: what other policies of
 * the workspace do to such a pod is then still taken into account.
 */
import { NAMESPACE_LABELS_PREFIX, parseCiliumLabelKey, POD_NAMESPACE_LABEL } from '../../cilium/labelKeys';
import type { PolicyModel, WorkloadInfo } from '../../engine/types';
import { describeSelector, isEmptySelector, parseLabelSelector, type LabelSelector } from '../../k8s/labelSelector';
import { POLICY_KINDS } from '../../k8s/resources';
import { get } from '../../yaml/nodes';
import { readManifestFile } from '../../workspace/manifestFile';
import type { RuleContext } from '../types';
import { asPolicy, policyIdOf, policyKeyOf, ruleMaps, type PolicyResource } from './common';

export interface Subjects {
  /** The model to ask about `workloads` (the workspace's, or one with the hypothetical pods). */
  readonly model: PolicyModel;
  readonly workloads: readonly WorkloadInfo[];
  /** True when `workloads` is a stand-in made from the selector. */
  readonly hypothetical: boolean;
  /** How to name the pods in a message: `backend/payment-service`, or `pods with app=x in frontend (none in the workspace)`. */
  readonly description: string;
}

const HYPOTHETICAL_URI = 'aks-netlens:hypothetical-pods.yaml';

interface Hypotheses {
  readonly model: PolicyModel;
  /** Stand-in workload id → how to name it (`pods with app=x in frontend`). */
  readonly names: ReadonlyMap<string, string>;
  /** Workload id of the stand-in pod per policy key, with the selector text. */
  readonly byPolicy: ReadonlyMap<string, { readonly ids: readonly string[]; readonly text: string }>;
}

/** By policy model: the stand-ins depend only on what the model is compiled from (policies included). */
const cache = new WeakMap<PolicyModel, Hypotheses>();

function key(policy: PolicyResource): string {
  return policyKeyOf(policyIdOf(policy));
}

/** Live pods a policy selects, or a stand-in when none; null when neither can be had. */
export function subjectsOf(policy: PolicyResource, context: RuleContext): Subjects | null {
  const model = context.workspace.policyModel();
  const info = model.policyInfo(policyIdOf(policy));
  const live = (info?.selected ?? [])
    .map((id) => model.findWorkload(id))
    .filter((w): w is WorkloadInfo => w !== null && !w.implicit && !w.hostNetwork && !w.finished);
  if (live.length > 0) return { model, workloads: live, hypothetical: false, description: listWorkloads(live) };
  if (info && info.selected.length > 0) return null; // it selects only CoreDNS, hostNetwork or finished pods
  const hypotheses = hypothesesFor(context);
  const entry = hypotheses.byPolicy.get(key(policy));
  if (!entry) return null;
  const workloads = entry.ids.map((id) => hypotheses.model.findWorkload(id)).filter((w): w is WorkloadInfo => w !== null);
  if (workloads.length === 0) return null;
  return { model: hypotheses.model, workloads, hypothetical: true, description: `${entry.text} (no such pod is in the workspace)` };
}

/** How to name a workload in messages: its id, or what a stand-in pod stands for. */
export function workloadText(context: RuleContext, id: string): string {
  return cache.get(context.workspace.policyModel())?.names.get(id) ?? id;
}

function listWorkloads(ws: readonly WorkloadInfo[]): string {
  const ids = ws.map((w) => w.id);
  if (ids.length <= 5) return ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
  return `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more`;
}

function hypothesesFor(context: RuleContext): Hypotheses {
  const view = context.workspace;
  const real = view.policyModel();
  const hit = cache.get(real);
  if (hit) return hit;
  const pods: object[] = [];
  const podTexts: string[] = [];
  const planned = new Map<string, { ids: string[]; text: string }>();
  for (const r of view.ofKinds(POLICY_KINDS)) {
    const policy = asPolicy(r);
    if (!policy) continue;
    const info = real.policyInfo(policyIdOf(policy));
    if (!info || info.selected.length > 0) continue;
    const ids: string[] = [];
    const texts: string[] = [];
    for (const { map } of ruleMaps(policy)) {
      const pod = standIn(policy, map, pods.length);
      if (!pod) continue;
      pods.push(pod.object);
      podTexts.push(`${pod.text} (hypothetical)`);
      ids.push(`${pod.namespace}/${pod.name}`);
      texts.push(pod.text);
    }
    if (ids.length > 0) planned.set(key(policy), { ids, text: texts.join('; ') });
  }
  let result: Hypotheses;
  if (pods.length === 0) {
    result = { model: real, names: new Map(), byPolicy: new Map() };
  } else {
    const file = readManifestFile(HYPOTHETICAL_URI, pods.map((p) => JSON.stringify(p)).join('\n---\n'));
    const model = real.extendedWith(file.resources);
    // Keep only stand-ins the policy really selects (selectors the labels could not satisfy drop out).
    const byPolicy = new Map<string, { ids: string[]; text: string }>();
    const names = new Map<string, string>();
    for (const r of view.ofKinds(POLICY_KINDS)) {
      const policy = asPolicy(r);
      const plan = policy && planned.get(key(policy));
      if (!policy || !plan) continue;
      const selected = new Set(model.policyInfo(policyIdOf(policy))?.selected ?? []);
      const ids = plan.ids.filter((id) => selected.has(id));
      if (ids.length > 0) byPolicy.set(key(policy), { ids, text: plan.text });
    }
    pods.forEach((p, i) => {
      const meta = (p as { metadata: { name: string; namespace: string } }).metadata;
      names.set(`${meta.namespace}/${meta.name}`, podTexts[i]);
    });
    result = { model, names, byPolicy };
  }
  cache.set(real, result);
  return result;
}

/**
 * A Pod whose labels satisfy the subject selector of one rule map; null for an empty selector
 * (the whole namespace: no single stand-in speaks for it) or one that needs namespace labels.
 */
function standIn(policy: PolicyResource, map: ReturnType<typeof ruleMaps>[number]['map'], index: number): { object: object; namespace: string; name: string; text: string } | null {
  const cilium = policy.kind !== 'NetworkPolicy';
  const node = get(map, cilium ? 'endpointSelector' : 'podSelector');
  const selector = parseLabelSelector(node, { dialect: cilium ? 'cilium' : 'kubernetes' }).selector;
  if (!selector || isEmptySelector(selector)) return null;
  let namespace = policy.kind === 'CiliumClusterwideNetworkPolicy' ? 'default' : policy.namespace;
  const labels: Record<string, string> = {};
  const shown: LabelSelector['requirements'][number][] = [];
  for (const req of selector.requirements) {
    let k = req.key;
    if (cilium) {
      const parsed = parseCiliumLabelKey(req.key);
      if (parsed.source !== 'k8s' && parsed.source !== 'any') return null;
      k = parsed.key;
      if (k === POD_NAMESPACE_LABEL) {
        if (req.operator !== 'In' || req.values.length === 0) return null;
        if (policy.kind === 'CiliumClusterwideNetworkPolicy') namespace = req.values[0];
        continue;
      }
      if (k.startsWith(NAMESPACE_LABELS_PREFIX) || k.startsWith('io.cilium.')) return null;
    }
    if (req.operator === 'In') {
      if (req.values.length === 0) return null;
      labels[k] = req.values[0];
    } else if (req.operator === 'Exists') {
      labels[k] = 'present';
    }
    shown.push({ ...req, key: k });
  }
  if (shown.length === 0) return null;
  const name = `hypothetical-pod-${index}`;
  const object = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [{ name: 'app', image: 'hypothetical' }] },
  };
  return { object, namespace, name, text: `pods with ${describeSelector({ requirements: shown })} in ${namespace}` };
}
