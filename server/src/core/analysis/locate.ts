import type { SourceLocation } from '../engine/types';
import type { Resource } from '../k8s/resources';
import type { Span, YNode, YPair } from '../yaml/nodes';

/** Absolute location of a node of a resource (its spans are relative to the resource's document). */
export function locate(resource: Resource, node: YNode | YPair | Span): SourceLocation {
  const span = 'span' in node ? node.span : node;
  const offset = resource.source.document.offset;
  return { uri: resource.source.uri, start: offset + span.start, end: offset + span.end };
}

/** Location of a pair's key: where "unknown field" and similar findings belong. */
export function locateKey(resource: Resource, pair: YPair): SourceLocation {
  return locate(resource, pair.key.span);
}

/** A node's span cut at the end of its first line: a multi-line entry is marked by its first line only. */
export function headSpan(resource: Resource, node: YNode): Span {
  const text = resource.source.document.text;
  const newline = text.indexOf('\n', node.span.start);
  let end = Math.min(node.span.end, newline < 0 ? text.length : newline);
  while (end > node.span.start && /\s/.test(text[end - 1])) end--;
  return { start: node.span.start, end: Math.max(end, node.span.start) };
}
