import type { SourceLocation } from '../engine/types';
import type { Finding, WorkspaceView } from '../rules/types';
import { locationIn, type YamlDocument } from '../yaml/parseYaml';
import type { ManifestFile } from './manifestFile';

/**
 * Findings of one document as computed, with every location anchored to the document it points
 * into: its offsets are computed on read from that document's offset, so the findings stay
 * right when edits elsewhere move documents (documents keep their objects, see moveDocument).
 */
export interface AnchoredFindings {
  readonly findings: readonly Finding[];
  /** How many locations point into other documents than the finding's own. */
  readonly anchoredElsewhere: number;
  /** Whether every other document pointed into is still in its file (same object at its index). */
  anchorsHold(view: WorkspaceView): boolean;
}

/** Anchors findings just computed for `doc` of `file`, against the files of `view`. */
export function anchorFindings(computed: readonly Finding[], doc: YamlDocument, file: ManifestFile, view: WorkspaceView): AnchoredFindings {
  if (computed.length === 0) return NO_FINDINGS;
  const base = doc.offset;
  const end = base + doc.text.length;
  const foreign: { uri: string; document: YamlDocument }[] = [];
  const anchor = (l: SourceLocation): SourceLocation => {
    if (l.uri === file.uri && l.start >= base && l.end <= end) return anchored(l.uri, doc, l.start - base, l.end - base);
    const target = l.uri === file.uri ? file : filesOf(view).get(l.uri);
    const document = target?.documentAt(l.start) ?? null;
    // Outside the workspace (a file a fix creates): it does not move.
    if (!document) return { uri: l.uri, start: l.start, end: l.end };
    foreign.push({ uri: l.uri, document });
    return anchored(l.uri, document, l.start - document.offset, l.end - document.offset);
  };
  const findings = computed.map((f) => ({
    ...f,
    location: anchor(f.location),
    ...(f.related ? { related: f.related.map((r) => ({ ...r, location: anchor(r.location) })) } : {}),
    ...(f.fixes ? { fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => Object.assign(anchor(e), { newText: e.newText })) })) } : {}),
  }));
  return {
    findings,
    anchoredElsewhere: foreign.length,
    anchorsHold(current) {
      const files = filesOf(current);
      return foreign.every((a) => files.get(a.uri)?.documents[a.document.index] === a.document);
    },
  };
}

/** Nothing found: shared by every such result. */
export const NO_FINDINGS: AnchoredFindings = { findings: [], anchoredElsewhere: 0, anchorsHold: () => true };

/** A location `start`–`end` characters into `document`, wherever the document now is. */
function anchored(uri: string, document: YamlDocument, start: number, end: number): SourceLocation {
  const location = locationIn(uri, document, start, end);
  anchors.set(location, document);
  return location;
}

const anchors = new WeakMap<SourceLocation, YamlDocument>();

/**
 * The document a location is anchored to, if it is: what it says about that document's text
 * holds as long as the document object lives (its text never changes), wherever it moved.
 */
export function anchorOf(location: SourceLocation): YamlDocument | undefined {
  return anchors.get(location);
}

const filesByView = new WeakMap<WorkspaceView, Map<string, ManifestFile>>();

function filesOf(view: WorkspaceView): Map<string, ManifestFile> {
  let map = filesByView.get(view);
  if (!map) filesByView.set(view, (map = new Map(view.files.map((f) => [f.uri, f]))));
  return map;
}
