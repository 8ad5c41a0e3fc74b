import { canReachCommand } from './canReach';
import { checkCommand } from './check';
import { rulesCommand } from './rules';
import { flowsCommand } from './flows';
import type { Command } from './types';
import { verifyCommand } from './verify';

/** Every command, in the order the general help lists them. A new command is one module plus one line here. */
export const COMMANDS: readonly Command[] = [canReachCommand, flowsCommand, verifyCommand, checkCommand, rulesCommand];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
