/**
 * A small stand-in PolicyModel for testing the CLI's own work (arguments, formats, exit codes)
 * apart from the engine's semantics. Workloads come from the manifests; each NetworkPolicy
 * allows ingress into its namespace's workloads from every workload of the cluster on TCP 8080,
 * the only traffic allowed into a namespace with a policy.
 */
import type { AllowedPeer, DnsAccess, EffectiveFlow, PolicyId, PolicyInfo, PolicyModel, Selection, ReachQuery, ReachVerdict, RuleRef, SideVerdict, WorkloadFlows, WorkloadInfo } from '../../server/src/core/engine/types';
import type { Resource } from '../../server/src/core/k8s/resources';
import { isNetworkPolicy, isWorkload } from '../../server/src/core/k8s/resources';
import type { ModelBuilder } from '../../server/src/cli/commands/types';

export const fakeBuilder: ModelBuilder = (resources, settings) => new FakeModel(resources, settings);

class FakeModel implements PolicyModel {
  readonly workloads: WorkloadInfo[];
  readonly namespaces: string[];
  readonly notes = ['fake model: every policy allows TCP 8080 from every workload'];

  extendedWith(extra: readonly Resource[]): PolicyModel {
    return new FakeModel([...this.resources, ...extra], this.settings);
  }
  private readonly rules: RuleRef[];
  private readonly resources: readonly Resource[];

  constructor(
    resources: readonly Resource[],
    readonly settings: PolicyModel['settings'],
  ) {
    this.resources = resources;
    this.workloads = resources.filter(isWorkload).map((w) => ({
      id: `${w.namespace}/${w.name}`,
      namespace: w.namespace,
      name: w.name,
      kind: w.kind,
      labels: w.podLabels,
      hostNetwork: w.hostNetwork,
      implicit: false,
      location: { uri: w.source.uri, start: w.source.document.offset + w.node.span.start, end: w.source.document.offset + w.node.span.end },
      pods: [],
    }));
    this.workloads.sort((a, b) => (a.id < b.id ? -1 : 1));
    this.namespaces = [...new Set(resources.map((r) => (r.kind === 'Namespace' ? r.name : r.namespace)).filter((n) => n))].sort();
    this.rules = resources.filter(isNetworkPolicy).map((p) => {
      const spec = p.spec!.kind === 'map' ? p.spec!.pairs.find((x) => x.keyText === 'ingress') : undefined;
      const at = p.source.document.offset + (spec ? spec.span.start : p.node.span.start);
      const policy: PolicyId = { kind: 'NetworkPolicy', namespace: p.namespace, name: p.name };
      return {
        policy,
        direction: 'ingress',
        section: 'ingress',
        index: 0,
        specIndex: null,
        location: { uri: p.source.uri, start: at, end: at + 1 },
        policyLocation: { uri: p.source.uri, start: at, end: at + 1 },
      };
    });
  }

  findWorkload(id: string): WorkloadInfo | null {
    return this.workloads.find((w) => w.id === id) ?? null;
  }

  suggestWorkloads(id: string): string[] {
    const name = id.slice(id.indexOf('/') + 1);
    return this.workloads.filter((w) => w.name.startsWith(name.slice(0, 3))).map((w) => w.id);
  }

  private rulesInto(namespace: string): RuleRef[] {
    return this.rules.filter((r) => r.policy.namespace === namespace);
  }

  flowsOf(workloadId: string): WorkloadFlows | null {
    const workload = this.findWorkload(workloadId);
    if (!workload) return null;
    const rules = this.rulesInto(workload.namespace);
    const allowedIngress: AllowedPeer[] =
      rules.length === 0 ? [] : [{ peer: { type: 'namespace', namespace: 'default' }, ports: 'TCP 8080', l7: [], rules, peerAgrees: null }, { peer: { type: 'cidr', cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }, ports: 'TCP 8080', l7: [{ kind: 'http', text: 'GET /health' }], rules, peerAgrees: null }];
    return {
      workload,
      ingress: { isolated: rules.length > 0, by: rules.map((r) => r.policy) },
      egress: { isolated: false, by: [] },
      allowedIngress,
      allowedEgress: [],
    };
  }

  allFlows(): WorkloadFlows[] {
    return this.workloads.map((w) => this.flowsOf(w.id)!);
  }

  effectiveFlows(): EffectiveFlow[] {
    const out: EffectiveFlow[] = [];
    for (const from of this.workloads) {
      for (const to of this.workloads) {
        const rules = this.rulesInto(to.namespace);
        if (from !== to && rules.length > 0) out.push({ from: from.id, to: to.id, ports: 'TCP 8080', l7: [], egressRules: [], ingressRules: rules });
      }
    }
    return out;
  }

  // The CLI does not use these (they serve the editor features).
  policies(): readonly PolicyInfo[] {
    return [];
  }

  policyInfo(): PolicyInfo | null {
    return null;
  }

  selectionAt(): Selection | null {
    return null;
  }

  dnsAccess(): DnsAccess | null {
    return null;
  }

  canReach(query: ReachQuery): ReachVerdict {
    const to = query.to.type === 'workload' ? this.findWorkload(query.to.id) : null;
    const rules = to ? this.rulesInto(to.namespace) : [];
    const isolated = rules.length > 0;
    const allowed = !isolated || ((query.port === undefined || query.port === 8080) && (query.protocol ?? 'TCP') === 'TCP');
    const egress: SideVerdict = { direction: 'egress', allowed: true, isolated: false, isolatedBy: [], allowedBy: [], deniedBy: [], reasons: ['egress is not isolated'] };
    const ingress: SideVerdict = {
      direction: 'ingress',
      allowed,
      isolated,
      isolatedBy: rules.map((r) => r.policy),
      allowedBy: allowed ? rules : [],
      deniedBy: [],
      reasons: [allowed ? 'ingress allows it' : 'no ingress rule allows it'],
    };
    return {
      allowed,
      egress,
      ingress,
      explanation: [...egress.reasons, ...ingress.reasons],
      suggestion: allowed ? null : 'allow the port in an ingress rule',
      notes: [`engine ${this.settings.engine}, Cilium 1.${this.settings.ciliumMinor}`],
    };
  }
}
