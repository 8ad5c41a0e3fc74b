import type { PolicyModel } from '../../core/engine/types';
import { isWorkload } from '../../core/k8s/resources';
import type { ManifestFile } from '../../core/workspace/manifestFile';

/**
 * The id of the workload whose manifest holds the offset (for "follow the cursor"), or null.
 * A Pod with a controller owner belongs to its owner's workload; the model resolves that.
 */
export function workloadAt(file: ManifestFile, offset: number, model: PolicyModel): string | null {
  for (const resource of file.resources) {
    if (!isWorkload(resource)) continue;
    const start = resource.source.document.offset + resource.node.span.start;
    const end = resource.source.document.offset + resource.node.span.end;
    if (offset < start || offset > end) continue;
    const byLocation = model.workloads.find((w) => w.location?.uri === file.uri && w.location.start >= start && w.location.end <= end);
    return byLocation?.id ?? model.findWorkload(`${resource.namespace}/${resource.name}`)?.id ?? null;
  }
  return null;
}
