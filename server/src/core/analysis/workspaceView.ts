import { buildPolicyModel } from '../engine/index';
import type { PolicyModel } from '../engine/types';
import type { Resource, ResourceChange } from '../k8s/resources';
import { groupBy, sameItems } from '../lists';
import type { WorkspaceView } from '../rules/types';
import type { AnalysisSettings } from '../settings/analysisSettings';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** What a view hands on to the view of the next revision, so unchanged parts are not recomputed. */
interface ViewState {
  readonly revision: number;
  readonly byKinds: Map<string, readonly Resource[]>;
  model: PolicyModel | null;
  /** The latest model compiled for an earlier view (this view's until it compiles its own). */
  readonly lastModel: { readonly model: PolicyModel; readonly revision: number } | null;
}

/**
 * The workspace as rules see it, for one index revision and one set of settings. The policy
 * model is compiled on first use and shared by every file checked against this view. Given the
 * view of an earlier revision, it reuses that revision's model when the model's inputs did not
 * change, and its `ofKinds` arrays when they hold the same resources (so memos keyed by them hold).
 */
export function createWorkspaceView(index: WorkspaceIndex, settings: AnalysisSettings, previous: WorkspaceView | null = null): WorkspaceView {
  const before = previous ? states.get(previous) : undefined;
  const lastModel = before?.model ? { model: before.model, revision: before.revision } : (before?.lastModel ?? null);
  const state: ViewState = { revision: index.revision, byKinds: new Map(), model: null, lastModel };
  const changeSinceModel = lastModel ? index.changeSince(lastModel.revision) : null;
  // The resources added and removed since the previous view, when the index knows them.
  const change = before ? index.changeSince(before.revision) : null;
  const resources = index.resources();
  let uris: string[] | null = null;
  let byKind: Map<string, Resource[]> | null = null;
  const inNamespaces: Record<string, Map<string, Resource[]>> = {};
  const view: WorkspaceView = {
    resources,
    files: index.allFiles(),
    get uris() {
      return (uris ??= index.uris().sort());
    },
    ofKinds(kinds) {
      const key = kinds.join('\u0000');
      let list = state.byKinds.get(key);
      const old = before?.byKinds.get(key);
      if (!list && old && change) {
        if (!touches(change, kinds)) list = old;
        else list = replacedInPlace(old, change, kinds) ?? undefined;
        if (list) state.byKinds.set(key, list);
      }
      if (!list) {
        byKind ??= groupBy(resources, (r) => r.kind);
        const fresh = kinds.length === 1 ? (byKind.get(kinds[0]) ?? []) : resources.filter((r) => kinds.includes(r.kind));
        list = old && sameItems(old, fresh) ? old : fresh;
        state.byKinds.set(key, list);
      }
      return list;
    },
    ofKindsIn(kinds, namespace) {
      const key = `${kinds.join('\u0000')}@${namespace}`;
      let list = state.byKinds.get(key);
      if (list) return list;
      const old = before?.byKinds.get(key);
      if (old && change && !touches(change, kinds, namespace)) list = old;
      else {
        const byNamespace = (inNamespaces[kinds.join('\u0000')] ??= groupBy(view.ofKinds(kinds), (r) => r.namespace));
        const fresh = byNamespace.get(namespace) ?? [];
        list = old && sameItems(old, fresh) ? old : fresh;
      }
      state.byKinds.set(key, list);
      return list;
    },
    policyModel: () =>
      (state.model ??= buildPolicyModel(resources, { engine: settings.engine, ciliumMinor: settings.ciliumMinor }, lastModel?.model ?? null, changeSinceModel ?? undefined)),
  };
  states.set(view, state);
  return view;
}

const states = new WeakMap<WorkspaceView, ViewState>();

/** Whether the change added or removed resources of these kinds (in this namespace, if given). */
function touches(change: ResourceChange, kinds: readonly string[], namespace?: string): boolean {
  const hit = (r: Resource) => kinds.includes(r.kind) && (namespace === undefined || r.namespace === namespace);
  return change.added.some(hit) || change.removed.some(hit);
}

/**
 * The list after an edit that replaced resources in place (the same kinds, at the same document
 * positions of the same file, as typing inside one object does); null for any other change.
 */
function replacedInPlace(list: readonly Resource[], change: ResourceChange, kinds: readonly string[]): Resource[] | null {
  const { added, removed } = change;
  if (added.length !== removed.length) return null;
  let out: Resource[] | null = null;
  for (let i = 0; i < added.length; i++) {
    const a = added[i];
    const r = removed[i];
    if (a.kind !== r.kind || a.source.uri !== r.source.uri || a.source.document.index !== r.source.document.index || a.source.listIndex !== r.source.listIndex) return null;
    if (!kinds.includes(a.kind)) continue;
    out ??= [...list];
    const at = out.indexOf(r);
    if (at < 0) return null;
    out[at] = a;
  }
  return out;
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
