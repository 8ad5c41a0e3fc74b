import { buildPolicyModel } from '../engine/index';
import type { PolicyModel } from '../engine/types';
import type { WorkspaceView } from '../rules/types';
import type { AnalysisSettings } from '../settings/analysisSettings';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/**
 * The workspace as rules see it, for one index revision and one set of settings. The policy
 * model is compiled on first use and shared by every file checked against this view.
 */
export function createWorkspaceView(index: WorkspaceIndex, settings: AnalysisSettings): WorkspaceView {
  let model: PolicyModel | null = null;
  const resources = index.resources();
  return {
    resources,
    files: index.allFiles(),
    policyModel: () => (model ??= buildPolicyModel(resources, { engine: settings.engine, ciliumMinor: settings.ciliumMinor })),
  };
}

/**
 * Reuses views while the index did not change. Settings are compared by value: every folder
 * and document pulls its own settings object, and equal settings must share one model.
 */
export class WorkspaceViewCache {
  private revision = -1;
  private readonly views = new Map<string, WorkspaceView>();

  get(index: WorkspaceIndex, settings: AnalysisSettings): WorkspaceView {
    if (this.revision !== index.revision) {
      this.views.clear();
      this.revision = index.revision;
    }
    const key = JSON.stringify(settings);
    let view = this.views.get(key);
    if (!view) {
      view = createWorkspaceView(index, settings);
      this.views.set(key, view);
    }
    return view;
  }
}
