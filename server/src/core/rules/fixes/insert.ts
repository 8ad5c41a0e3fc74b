/**
 * Edits that add YAML to an existing document without touching what is already written:
 * new text goes after the last line that holds content (trailing comments on that line stay
 * with it, comment lines after it stay after it) and is indented like its neighbours.
 */
import type { Resource } from '../../k8s/resources';
import type { Span, YMap, YPair, YSeq } from '../../yaml/nodes';
import type { TextEditAt } from '../types';
import { renderEntryLines, renderFlow, renderItemLines, type YamlMap, type YamlValue } from './emit';
import { detectStyle, type YamlStyle } from './style';

/** The indentation style of the document holding `resource`. */
export function styleOf(resource: Resource): YamlStyle {
  return detectStyle(resource.source.document.text);
}

/** An edit at document-relative offsets of the resource's document. */
export function editAt(resource: Resource, start: number, end: number, newText: string): TextEditAt {
  const offset = resource.source.document.offset;
  return { uri: resource.source.uri, start: offset + start, end: offset + end, newText };
}

/** The line break the text uses (`\r\n` in Windows files), so inserted lines match it. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Column of a document-relative offset. */
export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * End of the last line inside `span` that holds YAML content (not blank, not only a comment):
 * the offset of that line's newline (or of the text's end). Inserting `\n…` there puts new text
 * right below the content, whatever comments follow.
 */
export function contentLineEnd(text: string, span: Span): number {
  let lineStart = span.start;
  let best = -1;
  while (lineStart < span.end) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    // The first line may start mid-line (after `- ` or `key: `): count it as content.
    const line = text.slice(lineStart, lineEnd).trim();
    if (lineStart === span.start || (line !== '' && !line.startsWith('#'))) best = lineEnd;
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  const end = best < 0 ? span.end : best;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

/** Adds `item` at the end of a list (block: a new `- ` line at the items' column; flow: `, item`). */
export function appendItemEdit(resource: Resource, seq: YSeq, item: YamlValue, style: YamlStyle = styleOf(resource)): TextEditAt {
  return appendItemsEdit(resource, seq, [item], style);
}

/** Adds several items at the end of a list, in one edit. */
export function appendItemsEdit(resource: Resource, seq: YSeq, newItems: readonly YamlValue[], style: YamlStyle = styleOf(resource)): TextEditAt {
  const text = resource.source.document.text;
  if (seq.flow) {
    const flow = newItems.map(renderFlow).join(', ');
    const last = seq.items[seq.items.length - 1];
    if (last) return editAt(resource, last.span.end, last.span.end, `, ${flow}`);
    return editAt(resource, seq.span.start + 1, seq.span.start + 1, flow);
  }
  const column = columnOf(text, seq.span.start);
  const at = contentLineEnd(text, seq.items[seq.items.length - 1]?.span ?? seq.span);
  const lines = newItems.flatMap((item) => renderItemLines(item, column, style));
  const eol = eolOf(text);
  return editAt(resource, at, at, `${eol}${lines.join(eol)}`);
}

/** Adds `key: value` to a map after `after` (default: its last entry), written like the map. */
export function addEntryEdit(resource: Resource, map: YMap, key: string, value: YamlValue, after?: YPair, style: YamlStyle = styleOf(resource)): TextEditAt {
  const text = resource.source.document.text;
  const anchor = after ?? map.pairs[map.pairs.length - 1];
  if (map.flow || !anchor) {
    if (anchor) return editAt(resource, anchor.span.end, anchor.span.end, `, ${key}: ${renderFlow(value)}`);
    return editAt(resource, map.span.start, map.span.end, renderFlow({ [key]: value } as YamlMap));
  }
  const column = columnOf(text, map.pairs[0].key.span.start);
  const at = contentLineEnd(text, anchor.span);
  const eol = eolOf(text);
  return editAt(resource, at, at, `${eol}${renderEntryLines(key, value, column, style).join(eol)}`);
}

/** Appends a new YAML document (`---` then `docText`) at the end of a file. */
export function appendDocumentEdit(uri: string, fileText: string, docText: string): TextEditAt {
  const end = fileText.length;
  const eol = eolOf(fileText);
  const sep = end === 0 ? '' : fileText.endsWith('\n') ? `---${eol}` : `${eol}---${eol}`;
  const body = (docText.endsWith('\n') ? docText : `${docText}\n`).replace(/\r?\n/g, eol);
  return { uri, start: end, end, newText: `${sep}${body}` };
}
