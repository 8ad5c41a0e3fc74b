import type { EngineSettings, PolicyModel } from '../../core/engine/types';
import type { Resource } from '../../core/k8s/resources';
import type { OptionSpec, ParsedArgs } from '../args';
import type { CliIo } from '../io';

/** Compiles resources into a model (the engine's `buildPolicyModel`; tests may pass another). */
export type ModelBuilder = (resources: readonly Resource[], settings: EngineSettings) => PolicyModel;

export interface CommandContext {
  readonly io: CliIo;
  readonly buildModel: ModelBuilder;
}

/** One CLI command: its texts, its options, and what it does. Registered in commands/index.ts. */
export interface Command {
  readonly name: string;
  /** One line for the general help. */
  readonly summary: string;
  /** The synopsis, printed after a usage error. */
  readonly usage: string;
  /** The full `--help` text (after the usage). */
  readonly help: string;
  readonly options: readonly OptionSpec[];
  /** Returns the exit code; throws UsageError / InputError for bad arguments or inputs. */
  run(args: ParsedArgs, ctx: CommandContext): Promise<number>;
}
