import { buildPolicyModel } from '../core/engine/index';
import { runCliWith } from './app';
import type { CliIo } from './io';

/** Runs one CLI invocation against the real policy engine; returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  return runCliWith(argv, io, buildPolicyModel);
}
