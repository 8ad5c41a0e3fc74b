import type { Range } from 'vscode-languageserver-types';
import type { SourceLocation } from '../core/engine/types';
import type { ManifestFile } from '../core/workspace/manifestFile';

/** LSP range of absolute offsets in a file. */
export function rangeOf(file: ManifestFile, start: number, end: number): Range {
  return { start: file.lines.positionAt(start), end: file.lines.positionAt(end) };
}

export function rangeOfLocation(file: ManifestFile, location: SourceLocation): Range {
  return rangeOf(file, location.start, location.end);
}
