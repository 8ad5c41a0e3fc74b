import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { matchesAnyGlob } from '../core/text/glob';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export function isManifestPath(p: string): boolean {
  return MANIFEST_EXTENSIONS.has(path.extname(p).toLowerCase());
}

/** Manifest files under a folder (skipping node_modules, .git and excluded paths); symlinks are not followed. */
export async function listManifestFiles(root: string, exclude: readonly RegExp[], limit = 50_000): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  while (pending.length && found.length < limit) {
    const dir = pending.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (matchesAnyGlob(relative, exclude)) continue;
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && isManifestPath(entry.name)) found.push(full);
    }
  }
  return found.sort();
}

/**
 * Reads a file as UTF-8 text; invalid bytes become U+FFFD, which the model reports as not text.
 * Null when unreadable or over `maxBytes` (a huge file is reported only if the user opens it).
 */
export async function readText(file: string, maxBytes: number): Promise<string | null> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > maxBytes) return null;
    const buffer = await fs.readFile(file);
    return new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  } catch {
    return null;
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}
