import { buildPolicyModel } from '../engine/index';
import type { PolicyModel } from '../engine/types';
import type { Resource } from '../k8s/resources';
import { sameItems } from '../sameItems';
import type { WorkspaceView } from '../rules/types';
import type { AnalysisSettings } from '../settings/analysisSettings';
import type { ResourceChange } from '../workspace/manifestFile';
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
        if (!touchesKinds(change, kinds)) list = old;
        else list = replacedInPlace(old, change, kinds) ?? undefined;
        if (list) state.byKinds.set(key, list);
      }
      if (!list) {
        byKind ??= indexByKind(resources);
        const fresh = kinds.length === 1 ? (byKind.get(kinds[0]) ?? []) : mergeKinds(byKind, resources, kinds);
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
      if (old && change && !touchesKindsIn(change, kinds, namespace)) list = old;
      else {
        const byNamespace = (inNamespaces[kinds.join('\u0000')] ??= groupByNamespace(view.ofKinds(kinds)));
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

function touchesKindsIn(change: ResourceChange, kinds: readonly string[], namespace: string): boolean {
  const touches = (r: Resource) => r.namespace === namespace && kinds.includes(r.kind);
  return change.added.some(touches) || change.removed.some(touches);
}

function groupByNamespace(resources: readonly Resource[]): Map<string, Resource[]> {
  const out = new Map<string, Resource[]>();
  for (const r of resources) {
    const list = out.get(r.namespace);
    if (list) list.push(r);
    else out.set(r.namespace, [r]);
  }
  return out;
}

function touchesKinds(change: ResourceChange, kinds: readonly string[]): boolean {
  return change.added.some((r) => kinds.includes(r.kind)) || change.removed.some((r) => kinds.includes(r.kind));
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

/** Each kind's resources in workspace order, in one pass. */
function indexByKind(resources: readonly Resource[]): Map<string, Resource[]> {
  const byKind = new Map<string, Resource[]>();
  for (const r of resources) {
    const list = byKind.get(r.kind);
    if (list) list.push(r);
    else byKind.set(r.kind, [r]);
  }
  return byKind;
}

/** The resources of several kinds in workspace order: a pass over the few kinds asked for. */
function mergeKinds(byKind: Map<string, Resource[]>, resources: readonly Resource[], kinds: readonly string[]): Resource[] {
  const lists = [...new Set(kinds)].map((k) => byKind.get(k) ?? []).filter((l) => l.length > 0);
  if (lists.length <= 1) return [...(lists[0] ?? [])];
  const wanted = new Set(kinds);
  return resources.filter((r) => wanted.has(r.kind));
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
