/**
 * Hover for NetworkPolicy, CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy documents:
 * every field's documentation (from the schema catalogue), entities and special label keys,
 * what a selector matches in this workspace, and on `metadata.name` / `spec` the policy's
 * plain-English summary (from the engine).
 */
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { PolicyModel, Selection } from '../../core/engine/types';
import type { WorkspaceView } from '../../core/rules/types';
import { fieldAt, schemaFor, type FieldPath, type FieldSchema } from '../../core/schema/index';
import type { ManifestFile } from '../../core/workspace/manifestFile';
import { asScalar, getPath, nodeAt, scalarText, type NodeAtOffset } from '../../core/yaml/nodes';
import { rangeOf } from '../positions';
import { policyAt, policyIdOf, type PolicyResource } from './documentAt';
import { entityMarkdown, labelKeyMarkdown } from '../../core/cilium/labelKeyDocs';
import { bulletList, code, docsLink, fieldDocMarkdown, fieldHoverMarkdown, plural, workloadLink } from './markdown';
import { workspaceFacts, type WorkspaceFacts } from './workspaceFacts';

/** Hover at an absolute offset of a file; null when the offset is not on a policy's key or value. */
export function policyHover(file: ManifestFile, offset: number, view: WorkspaceView): Hover | null {
  const policy = policyAt(file, offset);
  const schema = policy ? schemaFor(policy) : null;
  if (!policy || !schema) return null;
  const base = policy.source.document.offset;
  const relative = offset - base;
  const at = nodeAt(policy.node, relative);
  // Indentation inside a block map or list, or before a nested block, is not "on" anything.
  if (!at || at.path.length === 0 || relative < at.node.span.start || relative > at.node.span.end) return null;
  if ((at.node.kind === 'map' || at.node.kind === 'seq') && !at.node.flow) return null;
  const markdown = hoverMarkdown(policy, at, schema, view);
  if (!markdown) return null;
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: rangeOf(file, base + at.node.span.start, base + at.node.span.end) };
}

function hoverMarkdown(policy: PolicyResource, at: NodeAtOffset, schema: FieldSchema, view: WorkspaceView): string | null {
  const path = at.path;
  const isSummarySpot = (path.length === 2 && path[0] === 'metadata' && path[1] === 'name') || (path.length === 1 && at.onKey && (path[0] === 'spec' || path[0] === 'specs'));
  if (isSummarySpot) return policySummaryMarkdown(policy, schema, view);

  const selector = selectorAround(schema, path);
  if (selector) {
    const head = selectorHead(policy, at, schema, selector);
    const selection = view.policyModel().selectionAt(policyIdOf(policy), selector.path);
    return selection ? `${head}\n\n${selectionMarkdown(selection, view.policyModel(), workspaceFacts(view))}` : head;
  }

  const field = fieldAt(schema, path);
  if (!field) return null;
  const value = asScalar(at.node);
  if (field.format === 'cilium-entity' && !at.onKey && value && typeof value.value === 'string') {
    const entity = entityMarkdown(value.value, path.includes('fromEntities') ? 'from' : 'to');
    if (entity) return entity;
  }
  return fieldTitleAndDoc(path, field);
}

/** `**\`name\`** · type` for a field, `item of \`name\`` for a list item. */
function fieldTitleAndDoc(path: FieldPath, field: FieldSchema): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const owner = [...path].reverse().find((s): s is string => typeof s === 'string');
    return `**item of ${code(owner ?? 'list')}**\n\n${fieldDocMarkdown(field)}`;
  }
  return fieldHoverMarkdown(String(last), field);
}

interface SelectorSpot {
  /** Path of the selector inside the policy object (what `selectionAt` takes). */
  readonly path: FieldPath;
  readonly schema: FieldSchema;
  /** Steps from the selector down to the hovered node. */
  readonly rest: FieldPath;
}

/**
 * The selector the hovered node belongs to, when hovering the selector itself, its
 * `matchLabels` (or an entry of it) or a `matchExpressions` key: the spots where "what does
 * this match here" is the question.
 */
function selectorAround(schema: FieldSchema, path: FieldPath): SelectorSpot | null {
  for (let length = path.length; length >= 1; length--) {
    const prefix = path.slice(0, length);
    const s = fieldAt(schema, prefix);
    if (!s?.labelSelector) continue;
    const rest = path.slice(length);
    const ok =
      rest.length === 0 ||
      (rest[0] === 'matchLabels' && rest.length <= 2) ||
      (rest[0] === 'matchExpressions' && (rest.length === 1 || (rest.length === 3 && rest[2] === 'key')));
    return ok ? { path: prefix, schema: s, rest } : null;
  }
  return null;
}

function selectorHead(policy: PolicyResource, at: NodeAtOffset, schema: FieldSchema, spot: SelectorSpot): string {
  const dialect = spot.schema.labelSelector ?? 'kubernetes';
  const { rest } = spot;
  if (rest[0] === 'matchLabels' && rest.length === 2) {
    const key = String(rest[1]);
    const value = scalarText(getPath(policy.node, [...spot.path, 'matchLabels', key])) ?? '';
    const special = labelKeyMarkdown(key, dialect);
    const title = `**Label ${code(`${key}: ${value}`)}** — the selected ${selectsNamespaces(spot.path) ? 'namespaces' : 'pods'} must carry it with exactly this value.`;
    return special ? `${title}\n\n${special}` : title;
  }
  if (rest[0] === 'matchExpressions' && rest.length === 3) {
    const key = scalarText(at.node);
    const special = !at.onKey && key ? labelKeyMarkdown(key, dialect) : null;
    const doc = fieldTitleAndDoc([...spot.path, ...rest], fieldAt(schema, [...spot.path, ...rest])!);
    return special ? `${doc}\n\n${special}` : doc;
  }
  const field = fieldAt(schema, [...spot.path, ...rest]) ?? spot.schema;
  return fieldTitleAndDoc([...spot.path, ...rest], field);
}

function selectsNamespaces(selectorPath: FieldPath): boolean {
  return selectorPath[selectorPath.length - 1] === 'namespaceSelector';
}

/** What a selector matches: its reading with implicit scoping, then the workloads with links. */
export function selectionMarkdown(selection: Selection, model: PolicyModel, facts: WorkspaceFacts): string {
  const lines = [`**In this workspace** it matches ${selection.description}:`];
  const links = selection.workloads.map((id) => workloadLink(id, model.findWorkload(id)?.location ?? null, facts));
  if (selection.kind === 'namespaces') {
    lines.push(
      selection.namespaces.length === 0
        ? 'no namespace of these manifests.'
        : `${plural(selection.namespaces.length, 'namespace')} (${selection.namespaces.map(code).join(', ')}), with ${plural(links.length, 'workload')}${links.length ? ':' : '.'}`,
    );
  } else {
    lines.push(links.length === 0 ? 'no workload of these manifests.' : `${plural(links.length, 'workload')}:`);
  }
  return links.length ? `${lines.join(' ')}\n\n${bulletList(links)}` : lines.join(' ');
}

/** The policy as a whole: the engine's summary, the pods it selects (linked) and what it isolates. */
function policySummaryMarkdown(policy: PolicyResource, schema: FieldSchema, view: WorkspaceView): string | null {
  const model = view.policyModel();
  const id = policyIdOf(policy);
  const info = model.policyInfo(id);
  if (!info) return null;
  const facts = workspaceFacts(view);
  const name = id.namespace ? `${id.namespace}/${id.name}` : id.name;
  const parts = [`**${id.kind} ${code(name)}**`, info.summary.join('\n\n')];
  const links = info.selected.map((w) => workloadLink(w, model.findWorkload(w)?.location ?? null, facts));
  parts.push(links.length ? `**Selected pods** (${plural(links.length, 'workload')}):\n\n${bulletList(links)}` : '**Selected pods:** no workload of these manifests.');
  parts.push(isolationText(info.isolates));
  parts.push(docsLink(schema.docsUrl));
  return parts.join('\n\n');
}

function isolationText(isolates: { readonly ingress: boolean; readonly egress: boolean }): string {
  if (isolates.ingress && isolates.egress) {
    return '**Isolates ingress and egress:** the selected pods accept and send only what some policy allows.';
  }
  if (isolates.ingress) return '**Isolates ingress:** the selected pods accept only what some policy allows; this policy does not restrict their egress.';
  if (isolates.egress) return '**Isolates egress:** the selected pods send only what some policy allows; this policy does not restrict their ingress.';
  return '**Isolates nothing:** this policy only adds allowances; it turns on no default-deny.';
}
