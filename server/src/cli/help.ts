import { COMMANDS } from './commands/index';
import type { Command } from './commands/types';

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const commands = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `aks-netlens: check and explain Kubernetes, Cilium and AKS network policies from the command line

Usage:
  aks-netlens COMMAND [options] PATH...
  aks-netlens help COMMAND
  aks-netlens --help | --version

Commands:
${commands}

Run 'aks-netlens help COMMAND' for a command's options and examples.
`;
}

export function commandHelp(command: Command): string {
  return `Usage: ${command.usage}\n\n${command.help}\n`;
}

/** What follows a usage error: the command's synopsis and where to read more. */
export function usageHint(command: Command): string {
  return `usage: ${command.usage}\nRun 'aks-netlens help ${command.name}' for details.\n`;
}
