import type { SourceLocation } from '../../core/engine/types';
import type { ManifestFile } from '../../core/workspace/manifestFile';
import type { LocationDto } from '../../protocol/protocol';

/** Turns engine locations (absolute offsets) into protocol locations (line/character). */
export type Locator = (location: SourceLocation | null) => LocationDto | null;

/** A locator over the files a host holds; a location in a file it no longer holds becomes null. */
export function createLocator(fileOf: (uri: string) => ManifestFile | undefined): Locator {
  return (location) => {
    if (!location) return null;
    const file = fileOf(location.uri);
    if (!file) return null;
    return { uri: location.uri, range: { start: file.lines.positionAt(location.start), end: file.lines.positionAt(location.end) } };
  };
}

/**
 * A Markdown link target for a location: the path from the workspace root, `/policies/a.yaml#L12,5`.
 * VS Code's Markdown preview resolves such paths against the first workspace folder, also for
 * an unsaved document, and opens the file at that line and column; it refuses `file:` links.
 * Null for a file outside the root (or without one).
 */
export function markdownLinkTarget(location: LocationDto, root: string | null): string | null {
  if (!root) return null;
  const base = root.endsWith('/') ? root : `${root}/`;
  if (!location.uri.startsWith(base)) return null;
  const { line, character } = location.range.start;
  return `/${location.uri.slice(base.length)}#L${line + 1},${character + 1}`;
}
