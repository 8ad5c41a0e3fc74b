import { suggestClosest } from '../core/text/didYouMean';
import { parseArgs } from './args';
import { COMMANDS, findCommand } from './commands/index';
import type { ModelBuilder } from './commands/types';
import { EXIT, InputError, UsageError } from './exitCodes';
import { commandHelp, generalHelp, usageHint } from './help';
import type { CliIo } from './io';

/**
 * Runs one CLI invocation with the given model builder and returns the exit code. Everything
 * the command prints goes through `io`; nothing here exits the process.
 */
export async function runCliWith(argv: readonly string[], io: CliIo, buildModel: ModelBuilder): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(generalHelp());
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(generalHelp());
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    io.stdout(`aks-netlens ${io.version}\n`);
    return EXIT.ok;
  }
  if (first === 'help') return help(rest, io);
  const command = findCommand(first);
  if (!command) {
    const close = suggestClosest(first, COMMANDS.map((c) => c.name));
    io.stderr(`aks-netlens: unknown command '${first}'${close ? ` (did you mean ${close}?)` : ''}\n`);
    io.stderr(generalHelp());
    return EXIT.usage;
  }
  try {
    const args = parseArgs(rest, command.options);
    if (args.help) {
      io.stdout(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(args, { io, buildModel });
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`aks-netlens ${command.name}: ${e.message}\n${usageHint(command)}`);
      return EXIT.usage;
    }
    if (e instanceof InputError) {
      io.stderr(`aks-netlens ${command.name}: ${e.message}\n${e.details.map((d) => `${d}\n`).join('')}`);
      return EXIT.usage;
    }
    io.stderr(`aks-netlens ${command.name}: internal error, please report it: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.internal;
  }
}

function help(args: readonly string[], io: CliIo): number {
  if (args.length === 0) {
    io.stdout(generalHelp());
    return EXIT.ok;
  }
  const command = findCommand(args[0]);
  if (!command) {
    io.stderr(`aks-netlens help: unknown command '${args[0]}'\n${generalHelp()}`);
    return EXIT.usage;
  }
  io.stdout(commandHelp(command));
  return EXIT.ok;
}
