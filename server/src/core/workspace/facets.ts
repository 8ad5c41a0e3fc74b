import type { WorkspaceView } from '../rules/types';
import { sameItems } from '../lists';
import type { ManifestFile } from './manifestFile';

/**
 * A part of the workspace a rule read: `all` (every resource), `files`, `uris`, `model` (the
 * policy model), `kinds:<Kind,...>` (the resources of some kinds), `kinds:<Kind,...>@<namespace>`
 * (those in one namespace: a scoped facet, tracked per document), or `file` (the rest of the
 * rule's own file).
 */
export type Facet = string;

export const OWN_FILE: Facet = 'file';

/** Scoped facets are read where needed, so what a rule read on one document is all it depends on. */
export function isScoped(facet: Facet): boolean {
  return facet.includes('@');
}

/**
 * Everything one rule was seen reading, on any document (a rule may read the workspace once
 * into a per-view memo and answer other documents from it), with when that last changed.
 */
export class RuleReads {
  readonly facets = new Set<Facet>();
  /** Memo of `FacetLog.changedSince`: as of `revision`, with `size` facets, last changed at `changedAt`. */
  revision = -1;
  size = 0;
  changedAt = -1;
}

interface FacetState {
  value: unknown;
  /** The revision `value` was taken at. */
  comparedAt: number;
  /** The last revision at which the value was seen to differ from the one before. */
  changedAt: number;
}

/**
 * When each facet last changed, found by comparing its value at each revision it is asked about
 * with the value at the previous one: the same resource objects in the same order, the same
 * model object, the same file object. Values are taken lazily, so a facet nobody depends on
 * costs nothing (and the model is not compiled to answer for rules that do not read it).
 */
export class FacetLog {
  private readonly states = new Map<Facet, FacetState>();
  private readonly fileStates = new Map<string, FacetState>();

  /** Notes the version of a file being checked at `revision`. */
  observeFile(file: ManifestFile, revision: number): void {
    this.compare(this.fileStates, file.uri, () => file, revision);
  }

  /** Records the value of a facet a rule just read at `revision`. */
  record(facet: Facet, file: ManifestFile, view: WorkspaceView, revision: number): void {
    if (facet === OWN_FILE) this.observeFile(file, revision);
    else this.compare(this.states, facet, () => valueOf(view, facet), revision);
  }

  /** Whether anything a rule read (`reads`) changed after revision `since` (as of `revision`). */
  changedSince(reads: RuleReads, since: number, file: ManifestFile, view: WorkspaceView, revision: number): boolean {
    if (reads.revision !== revision || reads.size !== reads.facets.size) {
      let changedAt = -1;
      for (const facet of reads.facets) {
        if (facet === OWN_FILE) continue;
        changedAt = Math.max(changedAt, this.compare(this.states, facet, () => valueOf(view, facet), revision));
      }
      reads.revision = revision;
      reads.size = reads.facets.size;
      reads.changedAt = changedAt;
    }
    if (reads.changedAt > since) return true;
    return reads.facets.has(OWN_FILE) && this.compare(this.fileStates, file.uri, () => file, revision) > since;
  }

  /** Whether one facet changed after revision `since` (as of `revision`). */
  changedAfter(facet: Facet, since: number, view: WorkspaceView, revision: number): boolean {
    return this.compare(this.states, facet, () => valueOf(view, facet), revision) > since;
  }

  /** Brings a facet up to `revision`; returns when it last changed. */
  private compare(states: Map<string, FacetState>, key: string, value: () => unknown, revision: number): number {
    const state = states.get(key);
    if (!state) {
      states.set(key, { value: value(), comparedAt: revision, changedAt: revision });
      return revision;
    }
    if (state.comparedAt !== revision) {
      const now = value();
      if (!same(now, state.value)) {
        state.value = now;
        state.changedAt = revision;
      }
      state.comparedAt = revision;
    }
    return state.changedAt;
  }
}

function valueOf(view: WorkspaceView, facet: Facet): unknown {
  if (facet === 'all') return view.resources;
  if (facet === 'files') return view.files;
  if (facet === 'uris') return view.uris;
  if (facet === 'model') return view.policyModel();
  if (facet.startsWith('kinds:')) {
    const [kinds, namespace] = facet.slice('kinds:'.length).split('@');
    return namespace === undefined ? view.ofKinds(kinds.split(',')) : view.ofKindsIn(kinds.split(','), namespace);
  }
  return null;
}

/** Facet values are lists of resources (compared item by item) or single objects (the model). */
function same(a: unknown, b: unknown): boolean {
  return a === b || (Array.isArray(a) && Array.isArray(b) && sameItems(a, b));
}
