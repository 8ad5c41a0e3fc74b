/** An in-memory CliIo for running commands in-process, and helpers to make temporary manifest trees. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CliIo } from '../../server/src/cli/io';

export interface CapturedIo {
  readonly io: CliIo;
  out(): string;
  err(): string;
}

export function memoryIo(options: { cwd?: string; stdin?: string; isTTY?: boolean; env?: Record<string, string> } = {}): CapturedIo {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (t) => void (out += t),
      stderr: (t) => void (err += t),
      readStdin: async () => {
        if (options.stdin === undefined) throw new Error('stdin read but none given');
        return options.stdin;
      },
      cwd: options.cwd ?? process.cwd(),
      isTTY: options.isTTY ?? false,
      env: options.env ?? {},
      version: '9.8.7',
    },
    out: () => out,
    err: () => err,
  };
}

/** Writes `files` (relative path → text) under a new temporary folder and returns it. */
export function tempTree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aks-netlens-cli-')));
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(root, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return root;
}

export function removeTree(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** The repository root (tests run from out/test/test/cli or, bundled, from anywhere below it). */
export function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, 'examples', 'aks-lab')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error('repository root not found above the test or the working directory');
}
