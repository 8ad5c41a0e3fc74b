/**
 * What the Ingress rules read from an Ingress, with the YAML nodes kept so every finding can
 * point at the exact key or value: annotations, class, rules and paths, backends and TLS entries.
 */
import {
  decideIngressOwner,
  INGRESS_CLASS_ANNOTATION,
  type IngressClassInfo,
  type IngressOwner,
  type NginxIngressControllerInfo,
} from '../../ingress/ingressControllers';
import type { IngressResource, Resource, ServiceResource } from '../../k8s/resources';
import type { WorkspaceView } from '../types';
import { asMap, asScalar, get, getPair, getPath, items, scalarText, stringValue, type YMap, type YNode, type YPair, type YScalar } from '../../yaml/nodes';

/** One `metadata.annotations` entry with its nodes. */
export interface AnnotationEntry {
  readonly key: string;
  readonly pair: YPair;
  /** The value when it is a scalar (quoted, plain or block). */
  readonly value: YScalar | null;
  /** The value as Kubernetes would read it if it were quoted (numbers and booleans as written). */
  readonly text: string | null;
}

export function annotationsMap(resource: Resource): YMap | null {
  return asMap(getPath(resource.node, ['metadata', 'annotations']));
}

export function annotationEntries(resource: Resource): AnnotationEntry[] {
  const map = annotationsMap(resource);
  if (!map) return [];
  return map.pairs.map((pair) => {
    const value = asScalar(pair.value);
    return { key: pair.keyText, pair, value, text: value ? scalarText(value) : null };
  });
}

/** The last entry for `key` (Kubernetes keeps the last of duplicate keys). */
export function annotation(resource: Resource, key: string): AnnotationEntry | null {
  const entries = annotationEntries(resource).filter((e) => e.key === key);
  return entries.length ? entries[entries.length - 1] : null;
}

/** `spec.ingressClassName` pair, if written. */
export function classNamePair(resource: IngressResource): YPair | null {
  return getPair(asMap(resource.spec), 'ingressClassName');
}

export interface WorkspaceControllers {
  readonly ingressClasses: readonly IngressClassInfo[];
  readonly nginxIngressControllers: readonly NginxIngressControllerInfo[];
}

/** Keyed by the workspace's resource array, which a view never changes: one scan per view. */
const controllersCache = new WeakMap<readonly Resource[], WorkspaceControllers>();
const servicesCache = new WeakMap<readonly Resource[], Map<string, ServiceResource>>();

/** IngressClass and NginxIngressController objects of the workspace, as the owner decision needs them. */
export function controllersIn(resources: readonly Resource[]): WorkspaceControllers {
  const cached = controllersCache.get(resources);
  if (cached) return cached;
  const ingressClasses: IngressClassInfo[] = [];
  const nginxIngressControllers: NginxIngressControllerInfo[] = [];
  for (const r of resources) {
    if (r.kind === 'IngressClass' && 'controller' in r) {
      ingressClasses.push({ name: r.name, controller: r.controller ?? '', isDefault: r.isDefault });
    } else if (r.kind === 'NginxIngressController' && r.apiVersion.startsWith('approuting.kubernetes.azure.com/')) {
      // The CRD's default class when spec.ingressClassName is left out.
      const className = stringValue(getPath(r.node, ['spec', 'ingressClassName'])) ?? 'nginx.approuting.kubernetes.azure.com';
      nginxIngressControllers.push({ name: r.name, ingressClassName: className });
    }
  }
  const result = { ingressClasses, nginxIngressControllers };
  controllersCache.set(resources, result);
  return result;
}

/** The kinds that decide which controller serves an Ingress (read narrowly, see WorkspaceView). */
export const CONTROLLER_KINDS = ['IngressClass', 'NginxIngressController'];

/** Which controller serves the Ingress in the workspace of a rule. */
export function ingressOwner(resource: IngressResource, view: WorkspaceView): IngressOwner {
  return ownerOf(resource, view.ofKinds(CONTROLLER_KINDS));
}

/** The Service a backend names, in the workspace of a rule (a read of that namespace's Services only). */
export function backendService(view: WorkspaceView, namespace: string, name: string): ServiceResource | null {
  return findService(view.ofKindsIn(['Service'], namespace), namespace, name);
}

/** Which controller serves the Ingress, from its class fields and the workspace's classes. */
export function ownerOf(resource: IngressResource, resources: readonly Resource[]): IngressOwner {
  const { ingressClasses, nginxIngressControllers } = controllersIn(resources);
  return decideIngressOwner({
    ingressClassName: scalarText(classNamePair(resource)?.value) ?? undefined,
    classAnnotation: annotation(resource, INGRESS_CLASS_ANNOTATION)?.text ?? undefined,
    ingressClasses,
    nginxIngressControllers,
  });
}

/** A `backend.service` reference (in a path or in `spec.defaultBackend`). */
export interface ServiceBackendRef {
  readonly service: YMap;
  readonly nameNode: YScalar | null;
  readonly name: string | null;
  readonly portNumberNode: YScalar | null;
  readonly portNumber: number | null;
  readonly portNameNode: YScalar | null;
  readonly portName: string | null;
}

export interface IngressPathRef {
  readonly ruleIndex: number;
  readonly host: YScalar | null;
  /** The map of one `paths[]` item. */
  readonly item: YMap;
  readonly pathPair: YPair | null;
  readonly path: YScalar | null;
  readonly pathTypePair: YPair | null;
  readonly pathType: YScalar | null;
  readonly backend: ServiceBackendRef | null;
}

export function ingressRules(resource: IngressResource): YMap[] {
  return items(get(resource.spec, 'rules')).flatMap((r) => {
    const m = asMap(r);
    return m ? [m] : [];
  });
}

export function ingressPaths(resource: IngressResource): IngressPathRef[] {
  const out: IngressPathRef[] = [];
  ingressRules(resource).forEach((rule, ruleIndex) => {
    const host = asScalar(get(rule, 'host'));
    for (const p of items(getPath(rule, ['http', 'paths']))) {
      const item = asMap(p);
      if (!item) continue;
      const pathPair = getPair(item, 'path');
      const pathTypePair = getPair(item, 'pathType');
      out.push({
        ruleIndex,
        host,
        item,
        pathPair,
        path: asScalar(pathPair?.value),
        pathTypePair,
        pathType: asScalar(pathTypePair?.value),
        backend: serviceBackend(get(item, 'backend')),
      });
    }
  });
  return out;
}

/** Every service backend: each path's, then `spec.defaultBackend`. */
export function serviceBackends(resource: IngressResource): ServiceBackendRef[] {
  const out = ingressPaths(resource).flatMap((p) => (p.backend ? [p.backend] : []));
  const fallback = serviceBackend(get(resource.spec, 'defaultBackend'));
  if (fallback) out.push(fallback);
  return out;
}

function serviceBackend(backend: YNode | null): ServiceBackendRef | null {
  const service = asMap(get(backend, 'service'));
  if (!service) return null;
  const nameNode = asScalar(get(service, 'name'));
  const port = get(service, 'port');
  const portNumberNode = asScalar(get(port, 'number'));
  const portNameNode = asScalar(get(port, 'name'));
  const number = portNumberNode ? Number(scalarText(portNumberNode)) : Number.NaN;
  return {
    service,
    nameNode,
    name: scalarText(nameNode),
    portNumberNode,
    portNumber: Number.isInteger(number) ? number : null,
    portNameNode,
    portName: scalarText(portNameNode),
  };
}

/** The Service a backend names, in the Ingress's namespace, if the workspace holds it. */
export function findService(resources: readonly Resource[], namespace: string, name: string): ServiceResource | null {
  let byName = servicesCache.get(resources);
  if (!byName) {
    byName = new Map();
    for (const r of resources) {
      if (r.kind === 'Service' && 'ports' in r) byName.set(`${r.namespace}/${r.name}`, r);
    }
    servicesCache.set(resources, byName);
  }
  return byName.get(`${namespace}/${name}`) ?? null;
}

/** Services of the workspace in one namespace (for completion). */
export function servicesIn(resources: readonly Resource[], namespace: string): ServiceResource[] {
  return resources.filter((r): r is ServiceResource => r.kind === 'Service' && 'ports' in r && r.namespace === namespace);
}

export interface TlsEntry {
  readonly index: number;
  readonly item: YMap;
  readonly hostsPair: YPair | null;
  readonly hosts: YScalar[];
  readonly secretNamePair: YPair | null;
  readonly secretName: YScalar | null;
}

export function tlsPair(resource: IngressResource): YPair | null {
  return getPair(asMap(resource.spec), 'tls');
}

export function tlsEntries(resource: IngressResource): TlsEntry[] {
  const out: TlsEntry[] = [];
  items(get(resource.spec, 'tls')).forEach((node, index) => {
    const item = asMap(node);
    if (!item) return;
    const hostsPair = getPair(item, 'hosts');
    const secretNamePair = getPair(item, 'secretName');
    out.push({
      index,
      item,
      hostsPair,
      hosts: items(hostsPair?.value).flatMap((h) => {
        const s = asScalar(h);
        return s ? [s] : [];
      }),
      secretNamePair,
      secretName: asScalar(secretNamePair?.value),
    });
  });
  return out;
}

/** Non-empty rule hosts with their nodes, in order. */
export function ruleHosts(resource: IngressResource): { node: YScalar; host: string }[] {
  return ingressRules(resource).flatMap((rule) => {
    const node = asScalar(get(rule, 'host'));
    const host = scalarText(node);
    return node && host ? [{ node, host }] : [];
  });
}

/** The Secret the application routing add-on syncs a Key Vault certificate into (name cut at 253). */
export function keyVaultSecretName(ingressName: string): string {
  return `keyvault-${ingressName}`.slice(0, 253);
}
