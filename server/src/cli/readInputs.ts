/**
 * The CLI's only file-system code: reads the PATH arguments (files, folders walked recursively,
 * `-` for stdin), the expectations file of `verify`, and the package version. Never touches
 * the network.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DEFAULT_MAX_FILE_SIZE } from '../core/workspace/manifestFile';
import { InputError } from './exitCodes';

/** One text to analyse. */
export interface InputText {
  /** `file://` URI, or `stdin:` for standard input. */
  readonly uri: string;
  /** The name printed in messages: relative to the cwd when under it, else absolute. */
  readonly display: string;
  readonly text: string;
  /** Named on the command line (not found by walking a folder): its problems are always reported. */
  readonly explicit: boolean;
}

export interface ReadResult {
  readonly inputs: InputText[];
  /** Files passed over while walking, with the reason (too large...). */
  readonly warnings: string[];
}

export const STDIN_URI = 'stdin:';
export const STDIN_DISPLAY = '<stdin>';

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface ReadContext {
  readonly cwd: string;
  readonly readStdin: () => Promise<string>;
}

/**
 * Reads every input named by `paths`. A path that does not exist or cannot be read is an
 * InputError (the only fatal input problem); files found by walking folders that cannot be
 * read become warnings.
 */
export async function readInputs(paths: readonly string[], ctx: ReadContext): Promise<ReadResult> {
  const inputs: InputText[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  let stdinRead = false;
  for (const arg of paths) {
    if (arg === '-') {
      if (stdinRead) continue;
      stdinRead = true;
      inputs.push({ uri: STDIN_URI, display: STDIN_DISPLAY, text: stripBom(await ctx.readStdin()), explicit: true });
      continue;
    }
    const absolute = path.resolve(ctx.cwd, arg);
    const stat = await fs.stat(absolute).catch((e: NodeJS.ErrnoException) => {
      throw new InputError(`cannot read '${arg}': ${describeError(e)}`);
    });
    if (stat.isDirectory()) {
      const root = await fs.realpath(absolute);
      await walk(absolute, root, ctx.cwd, inputs, warnings, seen, new Set([root]));
    } else {
      const real = await fs.realpath(absolute);
      if (seen.has(real)) continue;
      seen.add(real);
      const result = await readOne(absolute, stat.size, ctx.cwd, true);
      if (typeof result === 'string') throw new InputError(`cannot read '${arg}': ${result}`);
      if (result) inputs.push(result);
      else warnings.push(tooLarge(displayPath(absolute, ctx.cwd), stat.size));
    }
  }
  return { inputs, warnings };
}

async function walk(
  dir: string,
  root: string,
  cwd: string,
  inputs: InputText[],
  warnings: string[],
  seen: Set<string>,
  visitedDirs: Set<string>,
): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    warnings.push(`${displayPath(dir, cwd)}: warning: folder not read: ${describeError(e as NodeJS.ErrnoException)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let real = full;
    if (entry.isSymbolicLink()) {
      // Links are followed only while they stay inside the folder given on the command line.
      const target = await fs.realpath(full).catch(() => null);
      if (!target || !isInside(target, root)) continue;
      const stat = await fs.stat(target).catch(() => null);
      if (!stat) continue;
      real = target;
      isDir = stat.isDirectory();
      isFile = stat.isFile();
    }
    if (isDir) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      const realDir = real === full ? await fs.realpath(full).catch(() => full) : real;
      if (visitedDirs.has(realDir)) continue;
      visitedDirs.add(realDir);
      await walk(full, root, cwd, inputs, warnings, seen, visitedDirs);
    } else if (isFile && MANIFEST_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
      if (seen.has(real)) continue;
      seen.add(real);
      const stat = await fs.stat(full).catch(() => null);
      const result = stat ? await readOne(full, stat.size, cwd, false) : 'not found';
      if (typeof result === 'string') warnings.push(`${displayPath(full, cwd)}: warning: file not read: ${result}`);
      else if (result) inputs.push(result);
      else warnings.push(tooLarge(displayPath(full, cwd), stat!.size));
    }
  }
}

/** The file's text, null when it is over the size limit, or the reason it could not be read. */
async function readOne(file: string, size: number, cwd: string, explicit: boolean): Promise<InputText | null | string> {
  // Checked before reading: a huge file is never loaded into memory.
  if (size > DEFAULT_MAX_FILE_SIZE) return null;
  try {
    const text = stripBom(await fs.readFile(file, 'utf8'));
    return { uri: pathToFileURL(file).href, display: displayPath(file, cwd), text, explicit };
  } catch (e) {
    return describeError(e as NodeJS.ErrnoException);
  }
}

function tooLarge(display: string, size: number): string {
  return `${display}: warning: file not analysed: ${(size / (1024 * 1024)).toFixed(1)} MB is over the ${DEFAULT_MAX_FILE_SIZE / (1024 * 1024)} MB limit`;
}

/** Reads the expectations file of `verify` (or stdin for `-`). */
export async function readTextInput(arg: string, ctx: ReadContext): Promise<InputText> {
  if (arg === '-') return { uri: STDIN_URI, display: STDIN_DISPLAY, text: stripBom(await ctx.readStdin()), explicit: true };
  const absolute = path.resolve(ctx.cwd, arg);
  try {
    const stat = await fs.stat(absolute);
    if (stat.isDirectory()) throw new InputError(`cannot read '${arg}': it is a folder, not a file`);
    const result = await readOne(absolute, stat.size, ctx.cwd, true);
    if (result === null) throw new InputError(tooLarge(arg, stat.size));
    if (typeof result === 'string') throw new InputError(`cannot read '${arg}': ${result}`);
    return result;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read '${arg}': ${describeError(e as NodeJS.ErrnoException)}`);
  }
}

/** The version in the package.json nearest above `dir` named aks-netlens (the bundle ships inside the package). */
export async function readOwnVersion(dir: string): Promise<string> {
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      const pkg = JSON.parse(await fs.readFile(path.join(current, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'aks-netlens' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // No readable package.json here: keep going up.
    }
    if (path.dirname(current) === current) return 'unknown';
  }
}

/** Relative to the cwd when the file is under it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !escapes(rel) ? rel : file;
}

function isInside(target: string, root: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || !escapes(rel);
}

/** Whether a relative path leaves its base folder (`../x`), or is absolute (another drive). */
function escapes(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describeError(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return e.message;
  }
}
