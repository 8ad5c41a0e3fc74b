/** The Ingress under a position of a file, and the YAML node there. */
import type { IngressResource } from '../../core/k8s/resources';
import { asIngress } from '../../core/rules/ingress/common';
import type { ManifestFile } from '../../core/workspace/manifestFile';
import { nodeAt, type NodeAtOffset } from '../../core/yaml/nodes';

export interface IngressAt {
  readonly ingress: IngressResource;
  /** The innermost node at the offset within the Ingress, with the path to it (relative to the Ingress object). */
  readonly at: NodeAtOffset | null;
}

/** The Ingress whose object contains `offset` (absolute), or null. */
export function ingressAt(file: ManifestFile, offset: number): IngressAt | null {
  for (const resource of file.resources) {
    const ingress = asIngress(resource);
    if (!ingress) continue;
    const doc = ingress.source.document;
    const relative = offset - doc.offset;
    const span = ingress.source.listIndex === undefined ? { start: 0, end: doc.text.length } : ingress.node.span;
    if (relative < span.start || relative > span.end) continue;
    return { ingress, at: nodeAt(ingress.node, relative) };
  }
  return null;
}
