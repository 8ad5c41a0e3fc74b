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

/** Reuses the view while neither the index nor the settings changed. */
export class WorkspaceViewCache {
  private cached: { revision: number; settings: AnalysisSettings; view: WorkspaceView } | null = null;

  get(index: WorkspaceIndex, settings: AnalysisSettings): WorkspaceView {
    if (this.cached && this.cached.revision === index.revision && this.cached.settings === settings) return this.cached.view;
    const view = createWorkspaceView(index, settings);
    this.cached = { revision: index.revision, settings, view };
    return view;
  }
}
