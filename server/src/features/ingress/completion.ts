/**
 * Completion for Ingress documents: annotation keys of the controller that serves the Ingress
 * (AGIC keys only on AGIC Ingresses, NGINX keys only on application routing ones), their boolean
 * and enum values, class names, and Service names and ports from the workspace.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { AGIC_ANNOTATIONS } from '../../core/ingress/agicAnnotations';
import { NGINX_ANNOTATIONS } from '../../core/ingress/nginxAnnotations';
import { describeValueType, RECOMMENDED_BOOL_VALUES, type AnnotationSpec } from '../../core/ingress/valueTypes';
import { AGC_INGRESS_CLASS, AGIC_INGRESS_CLASS, APP_ROUTING_DEFAULT_CLASS } from '../../core/ingress/ingressControllers';
import type { IngressResource, ServiceResource } from '../../core/k8s/resources';
import { CONTROLLER_LABEL, KEYVAULT_URI_ANNOTATION } from '../../core/rules/ingress/common';
import { isPlainSafe, quoted } from '../../core/rules/ingress/edits';
import { annotationEntries, controllersIn, findService, ownerOf, serviceBackends, servicesIn } from '../../core/rules/ingress/model';
import { PATH_TYPES } from '../../core/rules/ingress/pathType';
import type { WorkspaceView } from '../../core/rules/types';
import type { ManifestFile } from '../../core/workspace/manifestFile';
import { rangeOf } from '../positions';
import { annotationMarkdown, annotationSpecMarkdown, KEYVAULT_ANNOTATION_MARKDOWN } from './annotationDocs';
import { ingressAt } from './ingressAt';
import { yamlContextAt, type YamlCursorContext } from '../yamlContext';

/** Completion items at an absolute offset; [] when the offset is not in an Ingress spot this knows. */
export function ingressCompletions(file: ManifestFile, offset: number, view: WorkspaceView): CompletionItem[] {
  const found = ingressAt(file, offset);
  if (!found) return [];
  const ctx = yamlContextAt(file.text, offset);
  if (!ctx) return [];
  const { ingress } = found;
  const path = ctx.path.join('.');
  const edit = (newText: string): TextEdit => ({ range: rangeOf(file, ctx.replaceStart, ctx.replaceEnd), newText });

  if (path === 'metadata.annotations') {
    return ctx.key === null ? annotationKeyItems(ingress, offset, view, edit) : annotationValueItems(ctx, edit);
  }
  if (path === 'spec' && ctx.key === 'ingressClassName') return classItems(view, edit);
  if (/(^|\.)backend\.service$/.test(path) && ctx.key === 'name') return serviceItems(servicesIn(view.resources, ingress.namespace), edit);
  if (/(^|\.)backend\.service\.port$/.test(path) && (ctx.key === 'number' || ctx.key === 'name')) {
    const service = backendServiceAt(ingress, offset, view);
    return service ? portItems(service, ctx.key, edit) : [];
  }
  if (/(^|\.)paths\.-$/.test(path) && ctx.key === 'pathType') {
    return PATH_TYPES.map((t, i) => ({ label: t, kind: CompletionItemKind.EnumMember, sortText: String(i), textEdit: edit(t) }));
  }
  return [];
}

function annotationKeyItems(ingress: IngressResource, offset: number, view: WorkspaceView, edit: (t: string) => TextEdit): CompletionItem[] {
  const owner = ownerOf(ingress, view.resources).controller;
  const relative = offset - ingress.source.document.offset;
  // Keys already written, except the one being typed over.
  const present = new Set(
    annotationEntries(ingress)
      .filter((e) => relative < e.pair.key.span.start || relative > e.pair.key.span.end)
      .map((e) => e.key),
  );
  const specs: AnnotationSpec[] = owner === 'agic' ? [...AGIC_ANNOTATIONS] : owner === 'app-routing' ? [...NGINX_ANNOTATIONS] : [];
  const controller = owner === 'agic' ? 'AGIC' : 'ingress-nginx (application routing)';
  const items: CompletionItem[] = specs
    .filter((s) => !present.has(s.key))
    .map((s) => ({
      label: s.key,
      kind: CompletionItemKind.Property,
      detail: `${controller}: ${describeValueType(s.type)}`,
      documentation: { kind: MarkupKind.Markdown, value: annotationSpecMarkdown(s, controller) },
      filterText: s.key,
      textEdit: edit(`${s.key}: `),
    }));
  if (owner === 'app-routing' && !present.has(KEYVAULT_URI_ANNOTATION)) {
    items.unshift({
      label: KEYVAULT_URI_ANNOTATION,
      kind: CompletionItemKind.Property,
      detail: 'application routing: Key Vault certificate URI',
      documentation: { kind: MarkupKind.Markdown, value: KEYVAULT_ANNOTATION_MARKDOWN },
      filterText: KEYVAULT_URI_ANNOTATION,
      textEdit: edit(`${KEYVAULT_URI_ANNOTATION}: `),
    });
  }
  return items.map((item, i) => ({ ...item, sortText: String(i).padStart(3, '0') }));
}

/** Quoted boolean and enum values: annotation values are strings. */
function annotationValueItems(ctx: YamlCursorContext, edit: (t: string) => TextEdit): CompletionItem[] {
  const spec = [...AGIC_ANNOTATIONS, ...NGINX_ANNOTATIONS].find((s) => s.key === ctx.key);
  if (!spec) return [];
  const values = spec.type.kind === 'bool' ? RECOMMENDED_BOOL_VALUES : spec.type.kind === 'enum' ? spec.type.values : [];
  const docs = annotationMarkdown(spec.key);
  return values.map((v, i) => ({
    label: quoted(v),
    kind: CompletionItemKind.Value,
    detail: v === spec.default ? 'default' : undefined,
    documentation: docs ? { kind: MarkupKind.Markdown, value: docs } : undefined,
    filterText: ctx.quoted ? quoted(v) : v,
    sortText: String(i),
    textEdit: edit(quoted(v)),
  }));
}

function classItems(view: WorkspaceView, edit: (t: string) => TextEdit): CompletionItem[] {
  const { ingressClasses, nginxIngressControllers } = controllersIn(view.resources);
  const items = new Map<string, string>([
    [APP_ROUTING_DEFAULT_CLASS, CONTROLLER_LABEL['app-routing']],
    [AGIC_INGRESS_CLASS, CONTROLLER_LABEL.agic],
    [AGC_INGRESS_CLASS, CONTROLLER_LABEL.agc],
  ]);
  for (const nic of nginxIngressControllers) items.set(nic.ingressClassName, `application routing NginxIngressController ${nic.name}`);
  for (const c of ingressClasses) if (!items.has(c.name)) items.set(c.name, `IngressClass (controller ${c.controller || 'not set'})${c.isDefault ? ', cluster default' : ''}`);
  return [...items].map(([name, detail], i) => ({
    label: name,
    kind: CompletionItemKind.EnumMember,
    detail,
    sortText: String(i).padStart(3, '0'),
    textEdit: edit(isPlainSafe(name) ? name : quoted(name)),
  }));
}

function serviceItems(services: readonly ServiceResource[], edit: (t: string) => TextEdit): CompletionItem[] {
  return services.map((s) => ({
    label: s.name,
    kind: CompletionItemKind.Reference,
    detail: `Service ${s.namespace}/${s.name}: ports ${s.ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ') || 'none'}`,
    textEdit: edit(isPlainSafe(s.name) ? s.name : quoted(s.name)),
  }));
}

function portItems(service: ServiceResource, key: 'number' | 'name', edit: (t: string) => TextEdit): CompletionItem[] {
  const ports = key === 'number' ? service.ports : service.ports.filter((p) => p.name);
  return ports.map((p) => {
    const text = key === 'number' ? String(p.port) : (p.name as string);
    return {
      label: text,
      kind: CompletionItemKind.Value,
      detail: `${service.name}: port ${p.port}${p.name ? ` (${p.name})` : ''} → targetPort ${p.targetPort}, ${p.protocol}`,
      textEdit: edit(key === 'number' || isPlainSafe(text) ? text : quoted(text)),
    };
  });
}

/** The Service named by the backend whose `service` map holds the offset. */
function backendServiceAt(ingress: IngressResource, offset: number, view: WorkspaceView): ServiceResource | null {
  const relative = offset - ingress.source.document.offset;
  let best: { name: string; size: number } | null = null;
  for (const b of serviceBackends(ingress)) {
    const { start, end } = b.service.span;
    if (relative < start || relative > end || !b.name) continue;
    if (!best || end - start < best.size) best = { name: b.name, size: end - start };
  }
  return best ? findService(view.resources, ingress.namespace, best.name) : null;
}
