import { suggestClosest } from '../core/text/didYouMean';
import { UsageError } from './exitCodes';

/** An option a command accepts: `--name VALUE` (or `--name=VALUE`), or a bare flag. */
export interface OptionSpec {
  readonly name: string;
  readonly takesValue: boolean;
  /** Collect every occurrence (in `ParsedArgs.repeated`) instead of keeping the last. */
  readonly repeatable?: boolean;
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  /** Option values by name (the last one wins when repeated); flags map to 'true'. */
  readonly options: ReadonlyMap<string, string>;
  /** Every value of each repeatable option, in order. */
  readonly repeated?: ReadonlyMap<string, readonly string[]>;
  readonly help: boolean;
}

/**
 * Splits a command's arguments into options and positionals. `-` is a positional (stdin);
 * `--` ends the options. `-h`/`--help` anywhere asks for the command's help.
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = byName.get(name);
    if (!spec) {
      const close = suggestClosest(name, [...byName.keys()]);
      throw new UsageError(`unknown option --${name}${close ? ` (did you mean --${close}?)` : ''}`);
    }
    if (!spec.takesValue) {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      options.set(name, 'true');
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    if (value === undefined || value === '') throw new UsageError(`option --${name} needs a value`);
    options.set(name, value);
    if (spec.repeatable) repeated.set(name, [...(repeated.get(name) ?? []), value]);
  }
  return { positionals, options, repeated, help };
}

/** The value of an option that must be one of `allowed` (compared as written). */
export function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const value = args.options.get(name);
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
}
