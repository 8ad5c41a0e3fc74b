import type { SourceLocation } from '../engine/types';
import type { Finding, WorkspaceView } from '../rules/types';
import type { YamlDocument } from '../yaml/parseYaml';
import type { ManifestFile } from './manifestFile';

/** A place in another document than the finding's own, kept relative to that document. */
interface ForeignAnchor {
  readonly uri: string;
  readonly document: YamlDocument;
  readonly start: number;
  readonly end: number;
}

/** How one location of a finding follows edits: with its own document, with another, or not at all. */
type Anchor = 'own' | ForeignAnchor | null;

/**
 * Findings of one document as computed, with each location anchored to the document it points
 * into, so they can be handed out again after edits moved documents (`placeFindings`).
 */
export interface AnchoredFindings {
  readonly findings: readonly Finding[];
  /** Offset of the finding's own document when they were computed. */
  readonly base: number;
  /** Per finding, the anchor of each location (`locationsOf` order); null when all are `own`. */
  readonly anchors: readonly (readonly Anchor[] | null)[];
  /** How many locations point into other documents. */
  readonly anchoredElsewhere: number;
  /** Whether every document pointed into is still where it was (same object at its index in its file). */
  anchorsHold(view: WorkspaceView): boolean;
}

/** Anchors findings just computed for `doc` of `file`, against the files of `view`. */
export function anchorFindings(findings: readonly Finding[], doc: YamlDocument, file: ManifestFile, view: WorkspaceView): AnchoredFindings {
  const base = doc.offset;
  const end = base + doc.text.length;
  const foreign: ForeignAnchor[] = [];
  const anchors = findings.map((f) => {
    const list = locationsOf(f).map((l): Anchor => {
      if (l.uri === file.uri && l.start >= base && l.end <= end) return 'own';
      const target = l.uri === file.uri ? file : filesOf(view).get(l.uri);
      const document = target ? documentAt(target, l.start) : null;
      if (!document) return null;
      const anchor = { uri: l.uri, document, start: l.start - document.offset, end: l.end - document.offset };
      foreign.push(anchor);
      return anchor;
    });
    return list.every((a) => a === 'own') ? null : list;
  });
  return {
    findings,
    base,
    anchors,
    anchoredElsewhere: foreign.length,
    anchorsHold(current) {
      const files = filesOf(current);
      return foreign.every((a) => files.get(a.uri)?.documents[a.document.index] === a.document);
    },
  };
}

/** Appends the findings of `doc` to `out`, at the current places of the documents they point into. */
export function placeFindings(found: AnchoredFindings, doc: YamlDocument, out: Finding[]): void {
  const delta = doc.offset - found.base;
  if (delta === 0 && found.anchoredElsewhere === 0) {
    for (const f of found.findings) out.push(f);
    return;
  }
  found.findings.forEach((f, i) => {
    const anchors = found.anchors[i];
    const moved = locationsOf(f).map((l, j) => {
      const a = anchors ? anchors[j] : 'own';
      if (a === 'own') return delta === 0 ? l : { ...l, start: l.start + delta, end: l.end + delta };
      if (a === null) return l;
      const start = a.document.offset + a.start;
      return start === l.start ? l : { ...l, start, end: a.document.offset + a.end };
    });
    out.push(withLocations(f, moved));
  });
}

/** Every location of a finding: where it is, its related places, its fix edits. */
function locationsOf(f: Finding): SourceLocation[] {
  const out: SourceLocation[] = [f.location];
  for (const r of f.related ?? []) out.push(r.location);
  for (const fix of f.fixes ?? []) for (const e of fix.edits) out.push(e);
  return out;
}

/** The finding with its locations replaced (in `locationsOf` order). */
function withLocations(f: Finding, locations: readonly SourceLocation[]): Finding {
  let i = 0;
  const next = () => locations[i++];
  const location = next();
  const related = f.related?.map((r) => ({ ...r, location: next() }));
  const fixes = f.fixes?.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, ...pick(next()) })) }));
  return { ...f, location, ...(related ? { related } : {}), ...(fixes ? { fixes } : {}) };
}

function pick(l: SourceLocation): { uri: string; start: number; end: number } {
  return { uri: l.uri, start: l.start, end: l.end };
}

/** The document of `file` that holds `offset` (the last one starting at or before it). */
function documentAt(file: ManifestFile, offset: number): YamlDocument | null {
  const docs = file.documents;
  let lo = 0;
  let hi = docs.length - 1;
  let found: YamlDocument | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid].offset <= offset) {
      found = docs[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

const filesByView = new WeakMap<WorkspaceView, Map<string, ManifestFile>>();

function filesOf(view: WorkspaceView): Map<string, ManifestFile> {
  let map = filesByView.get(view);
  if (!map) filesByView.set(view, (map = new Map(view.files.map((f) => [f.uri, f]))));
  return map;
}
