/**
 * Seeded generator of realistic AKS manifests, shaped like a `kubectl get -o yaml` dump of a
 * cluster: Namespaces, Deployments/StatefulSets with labels and named ports (with the status,
 * managedFields and last-applied noise a live object carries), Services, NetworkPolicies
 * (default-deny, DNS, allow-from-namespace, egress to an ipBlock), CiliumNetworkPolicies with
 * FQDN/DNS and L7 HTTP rules, and AGIC and application-routing Ingresses with Key Vault URIs.
 * The same seed always gives the same text.
 */
import { toYaml, type YamlValue } from './yamlEmit';

/** A position in a generated file (0-based, like LSP). */
export interface Mark {
  readonly file: string;
  readonly line: number;
  readonly character: number;
}

export interface GeneratedFile {
  /** Relative path, e.g. `cluster.yaml` or `team-a/app-3.yaml`. */
  readonly name: string;
  readonly text: string;
}

export interface GeneratedWorkspace {
  readonly files: readonly GeneratedFile[];
  readonly documents: number;
  /** Where the driver hovers (a label key in a NetworkPolicy's podSelector), completes (a key in a policy spec) and edits (a label value of a Service selector). */
  readonly marks: { readonly hover: Mark; readonly completion: Mark; readonly edit: Mark & { readonly oldText: string; readonly newText: string } };
}

export interface GenerateOptions {
  readonly documents: number;
  readonly seed?: number;
  /** `one`: a single file (a dump); `many`: one file per application, in a folder per namespace. */
  readonly layout?: 'one' | 'many';
}

/** mulberry32: small, fast, good enough for test data, and reproducible. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = ['payments', 'checkout', 'catalog', 'identity', 'search', 'orders', 'shipping', 'billing', 'analytics', 'platform', 'notify', 'reviews'];
const APPS = ['api', 'web', 'worker', 'gateway', 'cache', 'db', 'indexer', 'scheduler', 'auth', 'ledger', 'export', 'frontend', 'reporter', 'sync', 'events'];
const DOMAINS = ['api.stripe.com', 'login.microsoftonline.com', 'management.azure.com', 'graph.microsoft.com', 'api.github.com', 'hooks.slack.com', 'storage.googleapis.com', 'api.sendgrid.com'];
const IMAGES = ['mcr.microsoft.com/dotnet/aspnet:8.0', 'ghcr.io/contoso/{app}:1.{n}.0', 'contosoacr.azurecr.io/{team}/{app}:2024.{n}', 'docker.io/library/nginx:1.27'];

class Builder {
  private readonly random: () => number;
  private counter = 0;

  constructor(seed: number) {
    this.random = createRandom(seed);
  }

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(16)];
    return s;
  }

  uid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-a${this.hex(3)}-${this.hex(12)}`;
  }

  timestamp(): string {
    const day = 1 + this.int(28);
    const h = this.int(24);
    const m = this.int(60);
    return `2024-${String(1 + this.int(12)).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(this.int(60)).padStart(2, '0')}Z`;
  }

  /** metadata as a live object has it (uid, resourceVersion, timestamps). */
  metadata(name: string, namespace: string | null, labels: Record<string, string>, annotations: Record<string, string> = {}, generation = true): { [k: string]: YamlValue } {
    const m: { [k: string]: YamlValue } = {
      name,
      creationTimestamp: this.timestamp(),
      resourceVersion: String(1_000_000 + ++this.counter * 17 + this.int(9)),
      uid: this.uid(),
    };
    if (namespace) m.namespace = namespace;
    if (generation) m.generation = 1 + this.int(12);
    if (Object.keys(labels).length) m.labels = labels;
    if (Object.keys(annotations).length) m.annotations = annotations;
    return m;
  }

  /** The `last-applied-configuration` annotation kubectl apply leaves: the applied object as JSON. */
  lastApplied(object: { [k: string]: YamlValue }): Record<string, string> {
    return { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(object) + '\n' };
  }
}

interface AppContext {
  readonly namespace: string;
  readonly team: string;
  readonly app: string;
  readonly port: number;
  readonly peerNamespace: string;
  readonly peerApp: string;
}

function podTemplateLabels(c: AppContext): Record<string, string> {
  return { app: c.app, 'app.kubernetes.io/part-of': c.team, team: c.team, version: 'v1' };
}

function workload(b: Builder, c: AppContext): { [k: string]: YamlValue } {
  const stateful = b.chance(0.2);
  const labels = { app: c.app, 'app.kubernetes.io/managed-by': 'Helm', team: c.team };
  const image = b
    .pick(IMAGES)
    .replace('{app}', c.app)
    .replace('{team}', c.team)
    .replace('{n}', String(b.int(40)));
  const replicas = 1 + b.int(4);
  const container: { [k: string]: YamlValue } = {
    name: c.app.replace(/^[^-]*-/, ''),
    image,
    ports: [
      { containerPort: c.port, name: 'http', protocol: 'TCP' },
      { containerPort: 9090, name: 'metrics', protocol: 'TCP' },
    ],
    env: [{ name: 'ASPNETCORE_URLS', value: `http://+:${c.port}` }],
    readinessProbe: { httpGet: { path: '/healthz/ready', port: 'http', scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    resources: { limits: { memory: `${256 * (1 + b.int(4))}Mi` }, requests: { cpu: `${50 * (1 + b.int(6))}m`, memory: '128Mi' } },
  };
  const spec: { [k: string]: YamlValue } = {
    replicas,
    revisionHistoryLimit: 10,
    selector: { matchLabels: { app: c.app } },
    template: {
      metadata: { creationTimestamp: null, labels: podTemplateLabels(c) },
      spec: {
        containers: [container],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
        serviceAccountName: c.app,
        terminationGracePeriodSeconds: 30,
      },
    },
  };
  if (stateful) {
    spec.serviceName = c.app;
    spec.podManagementPolicy = 'OrderedReady';
    spec.updateStrategy = { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' };
  } else {
    spec.progressDeadlineSeconds = 600;
    spec.strategy = { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' };
  }
  const metadata = b.metadata(c.app, c.namespace, labels, { 'deployment.kubernetes.io/revision': String(1 + b.int(9)), 'meta.helm.sh/release-name': c.team, 'meta.helm.sh/release-namespace': c.namespace });
  // The field ownership some live objects still show (kubectl before 1.21, or --show-managed-fields).
  if (b.chance(0.1)) metadata.managedFields = [
    {
      apiVersion: 'apps/v1',
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {}, 'f:team': {} } }, 'f:spec': { 'f:replicas': {}, 'f:selector': {}, 'f:template': { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } } } },
      manager: 'helm',
      operation: 'Update',
      time: b.timestamp(),
    },
  ];
  const status: { [k: string]: YamlValue } = { availableReplicas: replicas, observedGeneration: 1, readyReplicas: replicas, replicas, updatedReplicas: replicas };
  return { apiVersion: 'apps/v1', kind: stateful ? 'StatefulSet' : 'Deployment', metadata, spec, status };
}

function service(b: Builder, c: AppContext): { [k: string]: YamlValue } {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: b.metadata(c.app, c.namespace, { app: c.app, team: c.team }, {}, false),
    spec: {
      clusterIP: `10.0.${b.int(250)}.${1 + b.int(250)}`,
      clusterIPs: [`10.0.${b.int(250)}.${1 + b.int(250)}`],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [
        { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
        { name: 'metrics', port: 9090, protocol: 'TCP', targetPort: 'metrics' },
      ],
      selector: { app: c.app },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  };
}

function serviceAccount(b: Builder, c: AppContext): { [k: string]: YamlValue } {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: b.metadata(c.app, c.namespace, { app: c.app }, { 'azure.workload.identity/client-id': b.uid() }, false) };
}

function namespaceObject(b: Builder, name: string, team: string): { [k: string]: YamlValue } {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: b.metadata(name, null, { 'kubernetes.io/metadata.name': name, team }, {}, false),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

function defaultDeny(b: Builder, namespace: string): { [k: string]: YamlValue } {
  const spec = { podSelector: {}, policyTypes: ['Ingress', 'Egress'] };
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: b.metadata('default-deny-all', namespace, {}, b.lastApplied({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny-all', namespace }, spec })), spec };
}

function allowDns(b: Builder, namespace: string): { [k: string]: YamlValue } {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: b.metadata('allow-dns', namespace, {}),
    spec: {
      egress: [
        {
          ports: [
            { port: 53, protocol: 'UDP' },
            { port: 53, protocol: 'TCP' },
          ],
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        },
      ],
      podSelector: {},
      policyTypes: ['Egress'],
    },
  };
}

function allowFromNamespace(b: Builder, c: AppContext): { [k: string]: YamlValue } {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: b.metadata(`${c.app}-allow-ingress`, c.namespace, { app: c.app }),
    spec: {
      ingress: [
        {
          from: [
            { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': c.peerNamespace } }, podSelector: { matchLabels: { app: c.peerApp } } },
            ...(b.chance(0.5) ? [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: [c.peerApp, `${c.team}-gateway`] }] } }] : []),
          ],
          ports: [{ port: 'http', protocol: 'TCP' }],
        },
        ...(b.chance(0.5) ? [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ port: 9090, protocol: 'TCP' }] }] : []),
      ],
      podSelector: { matchLabels: { app: c.app } },
      policyTypes: ['Ingress'],
    },
  };
}

function egressIpBlock(b: Builder, c: AppContext): { [k: string]: YamlValue } {
  const third = b.int(200);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: b.metadata(`${c.app}-egress-db`, c.namespace, { app: c.app }),
    spec: {
      egress: [{ ports: [{ port: 5432, protocol: 'TCP' }, { endPort: 6380, port: 6379, protocol: 'TCP' }], to: [{ ipBlock: { cidr: `10.${third}.0.0/16`, except: [`10.${third}.5.0/24`] } }] }],
      podSelector: { matchLabels: { app: c.app } },
      policyTypes: ['Egress'],
    },
  };
}

function ciliumFqdn(b: Builder, c: AppContext): { [k: string]: YamlValue } {
  const domain = b.pick(DOMAINS);
  const parent = domain.split('.').slice(-2).join('.');
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumNetworkPolicy',
    metadata: b.metadata(`${c.app}-egress-fqdn`, c.namespace, { app: c.app }),
    spec: {
      endpointSelector: { matchLabels: { app: c.app } },
      egress: [
        {
          toEndpoints: [{ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'kube-system', 'k8s:k8s-app': 'kube-dns' } }],
          toPorts: [{ ports: [{ port: '53', protocol: 'ANY' }], rules: { dns: [{ matchPattern: `*.${parent}` }, { matchName: domain }] } }],
        },
        { toFQDNs: [{ matchName: domain }, { matchPattern: `*.${parent}` }], toPorts: [{ ports: [{ port: '443', protocol: 'TCP' }] }] },
      ],
    },
  };
}

function ciliumL7(b: Builder, c: AppContext): { [k: string]: YamlValue } {
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumNetworkPolicy',
    metadata: b.metadata(`${c.app}-l7-reads`, c.namespace, { app: c.app }),
    spec: {
      endpointSelector: { matchLabels: { app: c.app } },
      ingress: [
        {
          fromEndpoints: [{ matchLabels: { app: c.peerApp, 'k8s:io.kubernetes.pod.namespace': c.peerNamespace } }],
          toPorts: [
            {
              ports: [{ port: String(c.port), protocol: 'TCP' }],
              rules: {
                http: [
                  { method: 'GET', path: `/api/v${1 + b.int(3)}/${c.app.split('-').pop()}(/.*)?` },
                  { method: 'POST', path: '/api/v1/orders', headers: ['X-Tenant: contoso'] },
                ],
              },
            },
          ],
        },
      ],
    },
  };
}

function ingressAgic(b: Builder, c: AppContext): { [k: string]: YamlValue } {
  const host = `${c.app}.${c.team}.contoso.com`;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: b.metadata(c.app, c.namespace, { app: c.app }, {
      'appgw.ingress.kubernetes.io/backend-protocol': 'http',
      'appgw.ingress.kubernetes.io/request-timeout': '60',
      'appgw.ingress.kubernetes.io/ssl-redirect': 'true',
      'appgw.ingress.kubernetes.io/waf-policy-for-path': `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-prod/providers/Microsoft.Network/applicationGatewayWebApplicationFirewallPolicies/waf-${c.team}`,
    }),
    spec: {
      ingressClassName: 'azure-application-gateway',
      rules: [{ host, http: { paths: [{ backend: { service: { name: c.app, port: { number: 80 } } }, path: '/', pathType: 'Prefix' }] } }],
      tls: [{ hosts: [host], secretName: `${c.app}-tls` }],
    },
    status: { loadBalancer: { ingress: [{ ip: `20.${b.int(250)}.${b.int(250)}.${b.int(250)}` }] } },
  };
}

function ingressAppRouting(b: Builder, c: AppContext): { [k: string]: YamlValue } {
  const host = `${c.app}.${c.team}.contoso.com`;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: b.metadata(c.app, c.namespace, { app: c.app }, { 'kubernetes.azure.com/tls-cert-keyvault-uri': `https://kv-${c.team}-prod.vault.azure.net/certificates/${c.app}-tls` }),
    spec: {
      ingressClassName: 'webapprouting.kubernetes.azure.com',
      rules: [{ host, http: { paths: [{ backend: { service: { name: c.app, port: { number: 80 } } }, path: '/', pathType: 'Prefix' }] } }],
      tls: [{ hosts: [host], secretName: `keyvault-${c.app}` }],
    },
  };
}

/** One generated document with the kind that decides where marks go. */
interface Doc {
  readonly kind: string;
  readonly object: { [k: string]: YamlValue };
  readonly group: string;
}

/** Documents in cluster order: per namespace its Namespace and shared policies, then each application's objects. */
function* documentStream(b: Builder): Generator<Doc> {
  const appsPerNamespace = 8;
  for (let n = 0; ; n++) {
    const team = TEAMS[n % TEAMS.length];
    const namespace = `${team}-${Math.floor(n / TEAMS.length) + 1}`;
    const group = namespace;
    yield { kind: 'Namespace', object: namespaceObject(b, namespace, team), group };
    yield { kind: 'NetworkPolicy', object: defaultDeny(b, namespace), group };
    yield { kind: 'NetworkPolicy', object: allowDns(b, namespace), group };
    for (let a = 0; a < appsPerNamespace; a++) {
      const app = `${team}-${APPS[(n + a) % APPS.length]}`;
      const peerTeam = TEAMS[(n + 1 + b.int(TEAMS.length - 1)) % TEAMS.length];
      const c: AppContext = {
        namespace,
        team,
        app,
        port: 8080 + b.int(4),
        peerNamespace: `${peerTeam}-${1 + b.int(Math.floor(n / TEAMS.length) + 1)}`,
        peerApp: `${peerTeam}-${b.pick(APPS)}`,
      };
      const appGroup = `${namespace}/${app}`;
      yield { kind: 'Workload', object: workload(b, c), group: appGroup };
      yield { kind: 'ServiceAccount', object: serviceAccount(b, c), group: appGroup };
      yield { kind: 'Service', object: service(b, c), group: appGroup };
      yield { kind: 'NetworkPolicy', object: allowFromNamespace(b, c), group: appGroup };
      if (b.chance(0.35)) yield { kind: 'NetworkPolicy', object: egressIpBlock(b, c), group: appGroup };
      if (b.chance(0.35)) yield { kind: 'CiliumNetworkPolicy', object: ciliumFqdn(b, c), group: appGroup };
      if (b.chance(0.25)) yield { kind: 'CiliumNetworkPolicy', object: ciliumL7(b, c), group: appGroup };
      if (b.chance(0.15)) yield { kind: 'Ingress', object: ingressAgic(b, c), group: appGroup };
      else if (b.chance(0.15)) yield { kind: 'Ingress', object: ingressAppRouting(b, c), group: appGroup };
    }
  }
}

/** Generates `documents` documents in one file or in many files (one per application). */
export function generateManifests(options: GenerateOptions): GeneratedWorkspace {
  const b = new Builder(options.seed ?? 42);
  const layout = options.layout ?? 'one';
  const files = new Map<string, string[]>();
  const lineCounts = new Map<string, number>();
  const middle = Math.floor(options.documents / 2);
  let hover: Mark | null = null;
  let completion: Mark | null = null;
  let edit: GeneratedWorkspace['marks']['edit'] | null = null;
  let count = 0;
  for (const doc of documentStream(b)) {
    if (count >= options.documents) break;
    const name = layout === 'one' ? 'cluster.yaml' : `${doc.group.split('/')[0]}/${(doc.group.split('/')[1] ?? 'namespace')}.yaml`;
    const text = `---\n${toYaml(doc.object)}`;
    const parts = files.get(name) ?? [];
    const firstLine = lineCounts.get(name) ?? 0;
    parts.push(text);
    files.set(name, parts);
    const lines = text.split('\n');
    lineCounts.set(name, firstLine + lines.length - 1);
    const find = (re: RegExp): { line: number; character: number } | null => {
      const i = lines.findIndex((l) => re.test(l));
      return i < 0 ? null : { line: firstLine + i, character: lines[i].search(/\S/) };
    };
    // Marks go in the middle of the file, where a server that works per line range pays the most.
    if (count >= middle && doc.kind === 'NetworkPolicy' && doc.object.metadata && !hover) {
      const at = find(/^ {2}podSelector:$/);
      const label = at && lines[at.line - firstLine + 2]; // podSelector: / matchLabels: / app: x
      if (at && label && /^ {6}app: /.test(label)) {
        hover = { file: name, line: at.line + 2, character: 7 };
        completion = { file: name, line: at.line, character: 2 };
      }
    }
    if (count >= middle && doc.kind === 'Service' && !edit) {
      const at = find(/^ {4}app: /);
      if (at) {
        const lineText = lines[at.line - firstLine];
        const oldText = lineText.slice(lineText.indexOf(': ') + 2);
        edit = { file: name, line: at.line, character: lineText.indexOf(': ') + 2, oldText, newText: `${oldText}-v2` };
      }
    }
    count++;
  }
  if (!hover || !completion || !edit) {
    // Tiny workspaces: fall back to the first matching lines anywhere.
    const first = [...files.entries()][0];
    const lines = first[1].join('').split('\n');
    const ps = lines.findIndex((l) => /^ {2}podSelector:$/.test(l));
    const sel = lines.findIndex((l) => /^ {4}app: /.test(l));
    hover ??= { file: first[0], line: Math.max(0, ps + 2), character: 7 };
    completion ??= { file: first[0], line: Math.max(0, ps), character: 2 };
    if (!edit) {
      const lineText = lines[Math.max(0, sel)];
      const oldText = lineText.slice(lineText.indexOf(': ') + 2);
      edit = { file: first[0], line: Math.max(0, sel), character: lineText.indexOf(': ') + 2, oldText, newText: `${oldText}-v2` };
    }
  }
  return {
    files: [...files.entries()].map(([name, parts]) => ({ name, text: parts.join('') })),
    documents: count,
    marks: { hover, completion, edit },
  };
}

/**
 * A workspace for the engine benchmark: exactly `workloads` Deployments and `policies` policies
 * (NetworkPolicies and CiliumNetworkPolicies of every generated shape), spread over namespaces.
 */
export function generatePolicyWorkspace(workloads: number, policies: number, seed = 7): string {
  const b = new Builder(seed);
  const out: string[] = [];
  const namespaces = Math.max(1, Math.round(workloads / 100));
  const nsName = (i: number) => `${TEAMS[i % TEAMS.length]}-${Math.floor(i / TEAMS.length) + 1}`;
  const contexts: AppContext[] = [];
  for (let i = 0; i < workloads; i++) {
    const n = i % namespaces;
    const namespace = nsName(n);
    const team = TEAMS[n % TEAMS.length];
    const peer = (i * 7 + 3) % workloads;
    contexts.push({
      namespace,
      team,
      app: `${team}-${APPS[i % APPS.length]}-${i}`,
      port: 8080 + (i % 4),
      peerNamespace: nsName(peer % namespaces),
      peerApp: `${TEAMS[(peer % namespaces) % TEAMS.length]}-${APPS[peer % APPS.length]}-${peer}`,
    });
  }
  for (let n = 0; n < namespaces; n++) out.push(`---\n${toYaml(namespaceObject(b, nsName(n), TEAMS[n % TEAMS.length]))}`);
  for (const c of contexts) out.push(`---\n${toYaml(workload(b, c))}`);
  const shapes = [
    (c: AppContext) => allowFromNamespace(b, c),
    (c: AppContext) => egressIpBlock(b, c),
    (c: AppContext) => ciliumFqdn(b, c),
    (c: AppContext) => ciliumL7(b, c),
    (c: AppContext) => defaultDeny(b, c.namespace),
    (c: AppContext) => allowDns(b, c.namespace),
  ];
  for (let p = 0; p < policies; p++) {
    const c = contexts[(p * 13) % contexts.length];
    const object = shapes[p % shapes.length](c);
    // Names must be unique per namespace: the shared shapes repeat, so number them.
    (object.metadata as { name: string }).name += `-${p}`;
    out.push(`---\n${toYaml(object)}`);
  }
  return out.join('');
}
