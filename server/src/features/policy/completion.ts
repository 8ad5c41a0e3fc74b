/**
 * Completion for NetworkPolicy, CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy
 * documents: keys valid at the cursor (with their docs), enum values, entities, label keys and
 * values from the workspace, namespace names, named ports of the pods a rule talks about, DNS
 * names used in `toFQDNs`, and whole-rule snippets in `ingress:` / `egress:` lists.
 */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type Command, type CompletionItem, type Range, type TextEdit } from 'vscode-languageserver-types';
import { CILIUM_ENTITIES } from '../../core/cilium/labelKeys';
import { scalarText } from '../../core/rules/fixes/emit';
import { detectStyle, type YamlStyle } from '../../core/rules/fixes/style';
import type { WorkspaceView } from '../../core/rules/types';
import { fieldAt, fieldNames, type FieldPath, type FieldSchema } from '../../core/schema/index';
import type { ManifestFile } from '../../core/workspace/manifestFile';
import { getPath, items, scalarText as nodeText } from '../../core/yaml/nodes';
import { rangeOf } from '../positions';
import { policyCursor, schemaAtCursor, siblingKeys, type PolicyCursor } from './completionContext';
import { candidateItems, labelKeyCandidates, labelValueCandidates, selectorRole, type SelectorRole } from './labelCompletion';
import { fieldDocMarkdown, typeLabel } from './markdown';
import { namedPortCandidates, toFqdnNames } from './peers';
import { ruleSnippets, snippetPreview, snippetText } from './ruleSnippets';
import { workspaceFacts, type WorkspaceFacts } from './workspaceFacts';

/** Asks the editor to open completion again after a key is inserted, for its value. */
const RETRIGGER: Command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

/**
 * VRRP and IGMP are Cilium protocols without ports, behind a non-default agent flag (1.18+);
 * completion happens inside a `ports` entry, which needs a port.
 */
const PORTLESS_PROTOCOLS = new Set(['VRRP', 'IGMP']);

/** Completion items at an absolute offset; [] when the cursor is not somewhere this knows. */
export function policyCompletions(file: ManifestFile, offset: number, view: WorkspaceView): CompletionItem[] {
  const c = policyCursor(file, offset);
  if (!c) return [];
  const { container, value } = schemaAtCursor(c);
  if (!container) return [];
  const ctx = new Ctx(c, view);
  // After `key:`: the value's candidates.
  if (c.cursor.key !== null) return value ? valueItems(ctx, container, value, c.cursor.key) : [];
  // A key of an object (rules after `- ` also get whole-rule snippets), or a label key of `matchLabels`.
  if (container.type === 'object') return [...keyItems(ctx, container), ...ruleSnippetItems(ctx, true)];
  if (container.type === 'map') return labelKeyItems(ctx);
  // A new line under a list's key, no `- ` yet: whole items.
  if (container.type === 'array') return [...newItemValues(ctx, container), ...ruleSnippetItems(ctx, false)];
  // After `- ` in a list of scalars.
  return scalarItemValues(ctx, container);
}

/** Shared per-request state: the cursor, the workspace, and how edits are made. */
class Ctx {
  readonly facts: WorkspaceFacts;
  constructor(
    readonly c: PolicyCursor,
    readonly view: WorkspaceView,
  ) {
    this.facts = workspaceFacts(view);
  }

  private range: Range | null = null;

  edit(newText: string): TextEdit {
    this.range ??= rangeOf(this.c.file, this.c.cursor.replaceStart, this.c.cursor.replaceEnd);
    return { range: this.range, newText };
  }

  /** Column of the key being typed. */
  get column(): number {
    const { file, cursor } = this.c;
    return cursor.replaceStart - (file.text.lastIndexOf('\n', cursor.replaceStart - 1) + 1);
  }

  /** Whether the line already has `:` after the key being replaced (then only the key is replaced). */
  get colonFollows(): boolean {
    return this.c.file.text[this.c.cursor.replaceEnd] === ':';
  }

  get style(): YamlStyle {
    return detectStyle(this.c.documentText);
  }

  /** A value as YAML text: plain when safe, JSON-quoted otherwise or when the user opened a quote. */
  valueText(value: string): string {
    return this.c.cursor.quoted ? JSON.stringify(value) : scalarText(value);
  }

  valueFilter(value: string): string {
    return this.c.cursor.quoted ? JSON.stringify(value) : value;
  }
}

function keyItems(ctx: Ctx, schema: FieldSchema): CompletionItem[] {
  const present = siblingKeys(ctx.c.file.text, ctx.c.offset, ctx.column);
  const { indent, indentSequences } = ctx.style;
  const column = ctx.column;
  return fieldNames(schema)
    .filter((name) => !present.has(name))
    .map((name, i) => {
      const field = schema.fields![name];
      let text = `${name}: `;
      if (ctx.colonFollows) text = name;
      else if (field.type === 'object' || field.type === 'map') text = `${name}:\n${' '.repeat(column + indent)}`;
      else if (field.type === 'array') text = `${name}:\n${' '.repeat(column + (indentSequences ? indent : 0))}- `;
      const valued = field.enum !== undefined || field.type === 'boolean' || field.format === 'k8s-port' || field.format === 'cilium-port';
      return {
        label: name,
        kind: CompletionItemKind.Property,
        detail: typeLabel(field),
        documentation: { kind: MarkupKind.Markdown, value: fieldDocMarkdown(field) },
        sortText: String(i).padStart(3, '0'),
        textEdit: ctx.edit(text),
        insertTextFormat: InsertTextFormat.PlainText,
        insertTextMode: InsertTextMode.asIs,
        ...(valued && !ctx.colonFollows ? { command: RETRIGGER } : {}),
      };
    });
}

/** The selector whose `matchLabels` (or a `matchExpressions` entry) holds the cursor, with its role. */
function selectorOf(ctx: Ctx, containerSteps: number): { path: FieldPath; role: SelectorRole; dialect: 'kubernetes' | 'cilium' } | null {
  const path = ctx.c.schemaPath.slice(0, ctx.c.schemaPath.length - containerSteps);
  const schema = fieldAt(ctx.c.root, path);
  const role = schema?.labelSelector ? selectorRole(ctx.c.kind, path) : null;
  return role && schema?.labelSelector ? { path, role, dialect: schema.labelSelector } : null;
}

function labelKeyItems(ctx: Ctx): CompletionItem[] {
  if (ctx.c.schemaPath[ctx.c.schemaPath.length - 1] !== 'matchLabels') return [];
  const selector = selectorOf(ctx, 1);
  if (!selector) return [];
  const present = siblingKeys(ctx.c.file.text, ctx.c.offset, ctx.column);
  const typedQuote = /^["']/.test(ctx.c.cursor.prefix);
  return candidateItems(labelKeyCandidates(selector.role, ctx.facts, present), (k) => k.key, CompletionItemKind.Field, (k) => {
    const key = typedQuote ? JSON.stringify(k.key) : scalarText(k.key);
    return {
      textEdit: ctx.edit(ctx.colonFollows ? key : `${key}: `),
      filterText: typedQuote ? JSON.stringify(k.key) : k.key,
      ...(ctx.colonFollows ? {} : { command: RETRIGGER }),
    };
  });
}

function labelValueItems(ctx: Ctx, role: SelectorRole, key: string): CompletionItem[] {
  return candidateItems(labelValueCandidates(role, key, ctx.facts), (v) => v.value, CompletionItemKind.Value, (v) => ({
    textEdit: ctx.edit(ctx.valueText(v.value)),
    filterText: ctx.valueFilter(v.value),
  }));
}

function valueItems(ctx: Ctx, container: FieldSchema, value: FieldSchema, key: string): CompletionItem[] {
  const last = ctx.c.schemaPath[ctx.c.schemaPath.length - 1];
  if (container.type === 'map' && last === 'matchLabels') {
    const selector = selectorOf(ctx, 1);
    return selector ? labelValueItems(ctx, selector.role, key) : [];
  }
  if (key === 'key' && ctx.c.schemaPath[ctx.c.schemaPath.length - 2] === 'matchExpressions') {
    const selector = selectorOf(ctx, 2);
    if (!selector) return [];
    return candidateItems(labelKeyCandidates(selector.role, ctx.facts, new Set()), (k) => k.key, CompletionItemKind.Field, (k) => ({
      textEdit: ctx.edit(ctx.valueText(k.key)),
      filterText: ctx.valueFilter(k.key),
    }));
  }
  if (value.format === 'k8s-port' || value.format === 'cilium-port') return portItems(ctx, value.format === 'cilium-port');
  if ((key === 'matchName' || key === 'matchPattern') && ctx.c.schemaPath.includes('dns')) return dnsNameItems(ctx);
  return enumItems(ctx, value, (v) => ctx.valueText(v));
}

/** Enum values, booleans and entities of a scalar field. */
function enumItems(ctx: Ctx, schema: FieldSchema, text: (value: string) => string): CompletionItem[] {
  let values: { value: string; detail?: string }[] = [];
  if (schema.format === 'cilium-entity') values = CILIUM_ENTITIES.filter((e) => e.inCrdEnum).map((e) => ({ value: e.name, detail: e.meaning }));
  else if (schema.enum) values = schema.enum.filter((v) => !PORTLESS_PROTOCOLS.has(v)).map((value) => ({ value }));
  else if (schema.type === 'boolean') values = [{ value: 'true' }, { value: 'false' }];
  const doc = { kind: MarkupKind.Markdown, value: fieldDocMarkdown(schema) };
  return values.map((v, i) => ({
    label: v.value,
    kind: CompletionItemKind.EnumMember,
    detail: v.detail,
    documentation: doc,
    sortText: String(i).padStart(3, '0'),
    filterText: ctx.valueFilter(v.value),
    // Booleans are written plain: a quoted "true" is text, not a boolean.
    textEdit: ctx.edit(schema.type === 'boolean' ? v.value : text(v.value)),
  }));
}

/** After `- ` in a list of scalars: enum values and entities, or label values in `matchExpressions[].values`. */
function scalarItemValues(ctx: Ctx, schema: FieldSchema): CompletionItem[] {
  const path = ctx.c.schemaPath;
  if (path[path.length - 2] === 'values' && path[path.length - 4] === 'matchExpressions') {
    const selector = selectorOf(ctx, 4);
    const expression = ctx.c.policy && ctx.c.treePath.length >= path.length - 2 ? getPath(ctx.c.policy.node, ctx.c.treePath.slice(0, path.length - 2)) : null;
    const key = nodeText(getPath(expression, ['key']));
    return selector && key ? labelValueItems(ctx, selector.role, key) : [];
  }
  const present = new Set(existingItems(ctx));
  return enumItems(ctx, schema, (v) => ctx.valueText(v)).filter((i) => !present.has(i.label));
}

/** On a new line under `key:` of a scalar list: `- value` items. */
function newItemValues(ctx: Ctx, schema: FieldSchema): CompletionItem[] {
  const item = schema.items;
  if (!item || item.type === 'object' || item.type === 'array') return [];
  const present = new Set(existingItems(ctx, true));
  return enumItems(ctx, item, (v) => `- ${scalarText(v)}`)
    .filter((i) => !present.has(i.label))
    .map((i) => ({ ...i, filterText: `- ${i.label}` }));
}

/** Values already in the list the cursor is in (or, with `own`, in the list under the cursor's key). */
function existingItems(ctx: Ctx, own = false): string[] {
  const { policy, treePath, treeComplete } = ctx.c;
  if (!policy || !treeComplete) return [];
  const listPath = own ? treePath : treePath.slice(0, -1);
  return items(getPath(policy.node, listPath))
    .map((n) => nodeText(n))
    .filter((v): v is string => v !== null);
}

function portItems(ctx: Ctx, cilium: boolean): CompletionItem[] {
  const { policy, treePath } = ctx.c;
  if (!policy) return [];
  const candidates = namedPortCandidates(policy, treePath, ctx.view, ctx.facts);
  return candidates.map((p, i) => {
    const text = typeof p.port === 'number' ? (cilium ? JSON.stringify(String(p.port)) : String(p.port)) : ctx.valueText(p.port);
    return {
      label: String(p.port),
      kind: typeof p.port === 'number' ? CompletionItemKind.Value : CompletionItemKind.Constant,
      detail: p.detail,
      documentation: p.documentation ? { kind: MarkupKind.Markdown, value: p.documentation } : undefined,
      sortText: String(i).padStart(3, '0'),
      filterText: ctx.c.cursor.quoted || (cilium && typeof p.port === 'number') ? JSON.stringify(String(p.port)) : String(p.port),
      textEdit: ctx.edit(ctx.c.cursor.quoted ? JSON.stringify(String(p.port)) : text),
    };
  });
}

function dnsNameItems(ctx: Ctx): CompletionItem[] {
  return toFqdnNames(ctx.c.policy, ctx.view).map((n, i) => ({
    label: n.name,
    kind: CompletionItemKind.Value,
    detail: n.detail,
    sortText: String(i).padStart(3, '0'),
    filterText: ctx.valueFilter(n.name),
    textEdit: ctx.edit(ctx.valueText(n.name)),
  }));
}

/** Whole rules, in an `ingress` / `egress` list: on a new line under the key, or after a typed `- `. */
function ruleSnippetItems(ctx: Ctx, dashTyped: boolean): CompletionItem[] {
  const path = ctx.c.schemaPath;
  const list = dashTyped ? path[path.length - 2] : path[path.length - 1];
  if (list !== 'ingress' && list !== 'egress') return [];
  // The rule lists of the policy's rule (`spec` or an item of `specs`), not any other `ingress` key.
  const at = dashTyped ? path.length - 2 : path.length - 1;
  if (!(path[at - 1] === 'spec' || path[at - 2] === 'specs')) return [];
  // Only at the start of a new, still empty rule.
  if (dashTyped && siblingKeys(ctx.c.file.text, ctx.c.offset, ctx.column).size > 0) return [];
  const style = ctx.style;
  const dashColumn = dashTyped ? ctx.column - 2 : ctx.column;
  const namespace = ctx.c.policy?.namespace ?? '';
  return ruleSnippets(ctx.c.kind, list, ctx.facts, namespace).map((s, i) => ({
    label: s.label,
    kind: CompletionItemKind.Snippet,
    detail: `${list} rule`,
    documentation: { kind: MarkupKind.Markdown, value: `${s.why}\n\n\`\`\`yaml\n${snippetPreview(s, style)}\n\`\`\`` },
    sortText: `z${i}`,
    filterText: `${Object.keys(s.items[0])[0]} ${s.label}`,
    textEdit: ctx.edit(snippetText(s, dashColumn, style, dashTyped)),
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
  }));
}
