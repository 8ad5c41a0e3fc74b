/** Options and steps shared by the commands that read manifests and compile a model. */
import type { EngineSettings } from '../../core/engine/types';
import { DEFAULT_ENGINE_SETTINGS } from '../../core/engine/types';
import { CILIUM_VERSIONS, ENGINES } from '../engineChoices';
import { choice, type OptionSpec, type ParsedArgs } from '../args';
import { UsageError } from '../exitCodes';
import { readInputs, STDIN_DISPLAY } from '../readInputs';
import { CliWorkspace } from '../workspace';
import type { CommandContext } from './types';

export const ENGINE_OPTIONS: readonly OptionSpec[] = [
  { name: 'engine', takesValue: true },
  { name: 'cilium-version', takesValue: true },
];

export const ENGINE_HELP = `  --engine ENGINE          which dataplane enforces policies (AKS --network-policy):
                           cilium (default), azure-npm, calico or none
  --cilium-version V       Cilium version modelled: ${CILIUM_VERSIONS.join(', ')} (default 1.${DEFAULT_ENGINE_SETTINGS.ciliumMinor})`;

export const PATH_HELP = `PATH is a manifest file, a folder (searched for *.yaml, *.yml and *.json, skipping
node_modules and .git), or - for stdin. Files that are not Kubernetes manifests are ignored.`;

export function engineSettings(args: ParsedArgs): EngineSettings {
  const engine = choice(args, 'engine', ENGINES, DEFAULT_ENGINE_SETTINGS.engine);
  const version = choice(args, 'cilium-version', CILIUM_VERSIONS, `1.${DEFAULT_ENGINE_SETTINGS.ciliumMinor}` as (typeof CILIUM_VERSIONS)[number]);
  return { engine, ciliumMinor: Number(version.slice(2)) };
}

/**
 * Reads the PATHs into a workspace and prints what was wrong in them as warnings on stderr
 * (parse errors do not stop the command; only unreadable paths do).
 */
export async function loadWorkspace(paths: readonly string[], ctx: CommandContext): Promise<CliWorkspace> {
  if (paths.length === 0) throw new UsageError('no PATH given: name manifest files or folders, or - for stdin');
  const { inputs, warnings } = await readInputs(paths, ctx.io);
  const ws = new CliWorkspace(inputs);
  for (const line of [...warnings, ...ws.warnings]) ctx.io.stderr(`${line}\n`);
  if (ws.resources().length === 0) {
    ctx.io.stderr(`warning: no Kubernetes objects found in ${paths.map((p) => (p === '-' ? STDIN_DISPLAY : p)).join(' ')}\n`);
  }
  return ws;
}
