/** Markdown pieces shared by policy hover and completion documentation. */
import type { FieldSchema } from '../../core/schema/index';
import { code, docsLink } from '../../core/text/markdown';
import type { SourceLocation } from '../../core/engine/types';
import type { WorkspaceFacts } from './workspaceFacts';

export { code, docsLink };


/** How a field's type reads in a hover title. */
export function typeLabel(schema: FieldSchema): string {
  if (schema.labelSelector) return 'label selector';
  switch (schema.type) {
    case 'object':
      return 'object';
    case 'array':
      return schema.items && schema.items.type !== 'object' && schema.items.type !== 'array' ? `list of ${typeLabel(schema.items)}` : 'list';
    case 'map':
      return 'map of text';
    case 'string':
      return 'text';
    case 'integer':
      return 'number';
    case 'boolean':
      return 'true/false';
    case 'intOrString':
      return 'number or text';
    default:
      return 'any value';
  }
}


/** The schema's documentation of a field: what it is, its values, since when, and the docs link. */
export function fieldDocMarkdown(schema: FieldSchema): string {
  const parts = [schema.doc];
  if (schema.enum?.length) parts.push(`Values: ${schema.enum.map(code).join(', ')}.`);
  if (schema.since) parts.push(`Since ${schema.since.startsWith('k8s') ? `Kubernetes ${schema.since.slice(4)}` : `Cilium ${schema.since}`}.`);
  parts.push(docsLink(schema.docsUrl));
  return parts.join('\n\n');
}

/** Hover text of a field: `**name** · type` and its documentation. */
export function fieldHoverMarkdown(name: string | null, schema: FieldSchema): string {
  const title = name === null ? `**${typeLabel(schema)}**` : `**${code(name)}** · ${typeLabel(schema)}`;
  return `${title}\n\n${fieldDocMarkdown(schema)}`;
}

const MAX_LISTED = 10;

/** `[backend/payment-service](file:///…/payment-service.yaml#L5)`; a plain name when it has no file here. */
export function workloadLink(id: string, location: SourceLocation | null, facts: WorkspaceFacts): string {
  const file = location ? facts.fileOf(location.uri) : undefined;
  if (!location || !file) return `${code(id)} (not in these manifests)`;
  const line = file.lines.positionAt(location.start).line + 1;
  return `[${escapeLinkText(id)}](${linkTarget(location.uri)}#L${line})`;
}

/** A bulleted list, cut after ten with the number left out. */
export function bulletList(entries: readonly string[]): string {
  const shown = entries.slice(0, MAX_LISTED).map((e) => `- ${e}`);
  if (entries.length > MAX_LISTED) shown.push(`- … and ${entries.length - MAX_LISTED} more`);
  return shown.join('\n');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, (c) => `\\${c}`);
}

/** Parentheses and spaces would end or break a Markdown link target. */
function linkTarget(uri: string): string {
  return uri.replace(/[() ]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : '%20'));
}
