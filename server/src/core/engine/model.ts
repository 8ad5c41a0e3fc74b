/**
 * The compiled policy model: pod groups, the policies the chosen engine enforces, and the
 * questions answered from them.
 */
import { damerauLevenshtein } from '../text/didYouMean';
import { isCiliumPolicy, isNetworkPolicy, type Resource, type ResourceChange, type ServiceResource } from '../k8s/resources';
import { policyKey, type CompiledPolicy } from './compiled';
import { compileCilium } from './compileCilium';
import { compileNetworkPolicy } from './compileNetworkPolicy';
import type { CompileContext } from './context';
import { Evaluator } from './evaluate';
import { FlowBuilder } from './flows';
import { buildUniverse, compareText, type PodGroup, type Universe } from './groups';
import { isModelInput, modelInputsOf, sameInputs, sameSettings, type ModelInputs } from './inputs';
import { buildPolicyInfo, selectionAt, type PolicyRecord } from './policyInfo';
import { canReach } from './reach';
import { SelectorIndex } from './selectors';
import { DEFAULT_ENGINE_SETTINGS } from './types';
import type { DnsAccess, EffectiveFlow, EngineSettings, PolicyId, PolicyInfo, PolicyModel, ReachQuery, ReachVerdict, Selection, WorkloadFlows, WorkloadInfo } from './types';

export class CompiledModel implements PolicyModel {
  readonly settings: EngineSettings;
  readonly workloads: readonly WorkloadInfo[];
  readonly namespaces: readonly string[];
  readonly notes: readonly string[];
  /** Notes every verdict carries (the engine's reach). */
  private readonly engineNotes: readonly string[];
  private readonly universe: Universe;
  private readonly evaluator: Evaluator;
  private readonly flowBuilder: FlowBuilder;
  private effectiveMemo: EffectiveFlow[] | null = null;
  private readonly records: PolicyRecord[] = [];
  /** Index into `records` by policy key (the first record when two policies share a key). */
  private readonly recordIndex = new Map<string, number>();
  private readonly ctx: CompileContext;
  private infoMemo: PolicyInfo[] | null = null;
  private readonly infoByRecord: (PolicyInfo | undefined)[] = [];

  /** What the model was compiled from: a workspace with the same inputs gets this model again. */
  readonly inputs: ModelInputs;

  /** `knownNamespaces`: namespaces that exist besides those the resources live in. */
  constructor(resources: readonly Resource[], settings: Partial<EngineSettings> = {}, knownNamespaces: readonly string[] = []) {
    this.settings = { ...DEFAULT_ENGINE_SETTINGS, ...settings };
    this.universe = buildUniverse(resources, knownNamespaces);
    const modelNotes = new Set<string>(this.universe.notes);
    const engineNotes: string[] = [];
    let services: ServiceResource[] | null = null;
    const ctx: CompileContext = {
      universe: this.universe,
      index: new SelectorIndex(this.universe),
      settings: this.settings,
      // Looked up only by `toServices` rules: until one does, Services are not an input.
      get services() {
        return (services ??= resources.filter((r): r is ServiceResource => r.kind === 'Service' && !('other' in r)));
      },
      modelNotes,
    };
    const nps = resources.filter(isNetworkPolicy);
    const cilium = resources.filter(isCiliumPolicy);
    const engine = this.settings.engine;
    // Every policy is compiled (the editor explains them all); only enforced ones decide flows.
    for (const np of nps) {
      this.records.push({ resource: np, id: { kind: 'NetworkPolicy', namespace: np.namespace, name: np.name }, compiled: [compileNetworkPolicy(np, ctx)], enforced: engine !== 'none' });
    }
    for (const p of cilium) {
      const id = { kind: p.kind, namespace: p.kind === 'CiliumClusterwideNetworkPolicy' ? '' : p.namespace, name: p.name };
      this.records.push({ resource: p, id, compiled: compileCilium(p, ctx), enforced: engine === 'cilium' });
    }
    // Keys built once per record, not once per comparison.
    const keys = new Map(this.records.map((r) => [r, policyKey(r.id)]));
    this.records.sort((a, b) => compareText(keys.get(a)!, keys.get(b)!));
    this.records.forEach((r, i) => {
      const key = keys.get(r)!;
      if (!this.recordIndex.has(key)) this.recordIndex.set(key, i);
    });
    const policies: CompiledPolicy[] = this.records.filter((r) => r.enforced).flatMap((r) => r.compiled);
    if (engine === 'none') {
      if (nps.length + cilium.length > 0) {
        engineNotes.push(`Engine none: no network policy engine enforces anything, so all ${nps.length + cilium.length} policies are ignored and every connection is allowed.`);
      }
    } else if (engine === 'cilium') {
      if (cilium.length > 0) {
        modelNotes.add('C2: Cilium is assumed to run in the default enforcement mode (default deny per direction once a policy selects a pod); AKS does not let users change it (UNCONFIRMED that AKS sets `default`).');
      }
    } else if (cilium.length > 0) {
      engineNotes.push(`Engine ${engine}: it enforces only Kubernetes NetworkPolicy, so the ${cilium.length} Cilium ${cilium.length === 1 ? 'policy has' : 'policies have'} no effect (the CRDs exist only where Cilium is the dataplane).`);
    }
    this.ctx = ctx;
    const policiesOf: CompiledPolicy[][] = this.universe.groups.map(() => []);
    for (const policy of policies) {
      for (const c of policy.subjects) for (const g of this.universe.classes[c].groups) policiesOf[g].push(policy);
    }
    this.evaluator = new Evaluator(this.universe, policiesOf, this.settings);
    this.flowBuilder = new FlowBuilder(this.universe, this.evaluator);
    this.workloads = this.universe.groups.map((g) => g.info);
    this.namespaces = [...this.universe.namespaces.keys()];
    this.engineNotes = engineNotes;
    this.notes = [...engineNotes, ...modelNotes];
    this.inputs = modelInputsOf(resources, this.settings, services !== null, knownNamespaces);
  }

  /**
   * This model when `resources` hold the same inputs (and settings), else a new one. Told what
   * changed since `previous`, it needs no comparison when none of that reaches the model.
   */
  static reuseOrBuild(previous: PolicyModel | null, resources: readonly Resource[], settings: Partial<EngineSettings> = {}, change?: ResourceChange): PolicyModel {
    const wanted = { ...DEFAULT_ENGINE_SETTINGS, ...settings };
    if (previous instanceof CompiledModel && sameSettings(previous.settings, wanted)) {
      if (change && previous.unaffectedBy(change.added, change.removed)) return previous;
      if (sameInputs(previous.inputs, modelInputsOf(resources, wanted, previous.inputs.withServices))) return previous;
    }
    return new CompiledModel(resources, settings);
  }

  /**
   * Whether the model still holds after these resources were added and removed: none of them is
   * an input, and no namespace can have appeared or gone (a quick check; false means "compare").
   */
  unaffectedBy(added: readonly Resource[], removed: readonly Resource[]): boolean {
    const net = new Map<string, number>();
    for (const [list, sign] of [[added, 1], [removed, -1]] as const) {
      for (const r of list) {
        if (isModelInput(r, this.inputs.withServices)) return false;
        if (r.namespace) net.set(r.namespace, (net.get(r.namespace) ?? 0) + sign);
      }
    }
    for (const [ns, n] of net) if (n < 0 || (n > 0 && !this.inputs.namespaces.includes(ns))) return false;
    return true;
  }

  extendedWith(extra: readonly Resource[]): PolicyModel {
    return new CompiledModel([...this.inputs.resources, ...extra], this.settings, this.inputs.namespaces);
  }

  findWorkload(id: string): WorkloadInfo | null {
    return this.group(id)?.info ?? null;
  }

  private group(id: string): PodGroup | null {
    return this.universe.byId.get(id) ?? null;
  }

  suggestWorkloads(id: string): string[] {
    const wanted = id.toLowerCase();
    const name = wanted.includes('/') ? wanted.slice(wanted.indexOf('/') + 1) : wanted;
    const limit = Math.max(2, Math.floor(wanted.length / 3));
    const scored: [number, string][] = [];
    for (const g of this.universe.groups) {
      const full = damerauLevenshtein(wanted, g.id.toLowerCase(), limit);
      const short = damerauLevenshtein(name, g.name.toLowerCase(), limit);
      const score = Math.min(full, short + (wanted.includes('/') ? 1 : 0));
      if (score <= limit) scored.push([score, g.id]);
    }
    return scored
      .sort((a, b) => a[0] - b[0] || compareText(a[1], b[1]))
      .slice(0, 5)
      .map((s) => s[1]);
  }

  flowsOf(workloadId: string): WorkloadFlows | null {
    const g = this.group(workloadId);
    return g ? this.flowBuilder.flowsOf(g) : null;
  }

  allFlows(): WorkloadFlows[] {
    return this.universe.groups.map((g) => this.flowBuilder.flowsOf(g));
  }

  effectiveFlows(): EffectiveFlow[] {
    return (this.effectiveMemo ??= this.flowBuilder.effectiveFlows());
  }

  policies(): readonly PolicyInfo[] {
    return (this.infoMemo ??= this.records.map((_, i) => this.infoAt(i)));
  }

  policyInfo(id: PolicyId): PolicyInfo | null {
    const i = this.recordIndex.get(policyKey(id));
    return i === undefined ? null : this.infoAt(i);
  }

  /** One record's summary, built on first use: a hover asks for one policy, not all of them. */
  private infoAt(i: number): PolicyInfo {
    return (this.infoByRecord[i] ??= buildPolicyInfo(this.records[i], this.ctx));
  }

  selectionAt(id: PolicyId, path: readonly (string | number)[]): Selection | null {
    const i = this.recordIndex.get(policyKey(id));
    return i === undefined ? null : selectionAt(this.records[i], path, this.ctx);
  }

  dnsAccess(workloadId: string): DnsAccess | null {
    const g = this.group(workloadId);
    if (!g || g.finished) return null;
    const view = this.evaluator.dnsView(g);
    return {
      reachesDns: view.canLookUp,
      proxied: view.visible,
      patterns: view.visible ? (view.names === 'all' ? ['*'] : [...new Set(view.names.map((m) => m.value))]) : [],
      rules: view.rules,
    };
  }

  canReach(query: ReachQuery): ReachVerdict {
    return canReach(
      {
        evaluator: this.evaluator,
        findGroup: (id) => this.group(id),
        suggestWorkloads: (id) => this.suggestWorkloads(id),
        engineNotes: this.engineNotes,
      },
      query,
    );
  }
}
