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
