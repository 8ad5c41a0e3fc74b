import { buildPolicyModel } from '../engine/index';
import type { PolicyModel } from '../engine/types';
import type { Resource } from '../k8s/resources';
import type { WorkspaceView } from '../rules/types';
import type { AnalysisSettings } from '../settings/analysisSettings';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** What a view hands on to the view of the next revision, so unchanged parts are not recomputed. */
interface ViewState {
  readonly byKinds: Map<string, readonly Resource[]>;
  model: PolicyModel | null;
}

/**
 * The workspace as rules see it, for one index revision and one set of settings. The policy
 * model is compiled on first use and shared by every file checked against this view. Given the
 * view of an earlier revision, it reuses that revision's model when the model's inputs did not
 * change, and its `ofKinds` arrays when they hold the same resources (so memos keyed by them hold).
 */
export function createWorkspaceView(index: WorkspaceIndex, settings: AnalysisSettings, previous: WorkspaceView | null = null): WorkspaceView {
  const before = previous ? states.get(previous) : undefined;
  const state: ViewState = { byKinds: new Map(), model: null };
  const resources = index.resources();
  let uris: string[] | null = null;
  const view: WorkspaceView = {
    resources,
    files: index.allFiles(),
    get uris() {
      return (uris ??= index.uris().sort());
    },
    ofKinds(kinds) {
      const key = kinds.join('\u0000');
      let list = state.byKinds.get(key);
      if (!list) {
        const wanted = new Set(kinds);
        const fresh = resources.filter((r) => wanted.has(r.kind));
        const old = before?.byKinds.get(key);
        list = old && sameItems(old, fresh) ? old : fresh;
        state.byKinds.set(key, list);
      }
      return list;
    },
    policyModel: () => (state.model ??= buildPolicyModel(resources, { engine: settings.engine, ciliumMinor: settings.ciliumMinor }, before?.model ?? null)),
  };
  states.set(view, state);
  return view;
}

const states = new WeakMap<WorkspaceView, ViewState>();

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Reuses views while the index did not change. Settings are compared by value: every folder
 * and document pulls its own settings object, and equal settings must share one model. A new
 * revision's view starts from the previous revision's view of the same settings.
 */
export class WorkspaceViewCache {
  private revision = -1;
  private views = new Map<string, WorkspaceView>();
  private previous = new Map<string, WorkspaceView>();

  get(index: WorkspaceIndex, settings: AnalysisSettings): WorkspaceView {
    if (this.revision !== index.revision) {
      for (const [key, view] of this.views) this.previous.set(key, view);
      this.views = new Map();
      this.revision = index.revision;
    }
    const key = JSON.stringify(settings);
    let view = this.views.get(key);
    if (!view) {
      view = createWorkspaceView(index, settings, this.previous.get(key) ?? null);
      this.views.set(key, view);
      this.previous.delete(key);
    }
    return view;
  }
}
