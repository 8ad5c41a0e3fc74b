/**
 * The policy engine: compiles NetworkPolicy, CiliumNetworkPolicy and
 * CiliumClusterwideNetworkPolicy objects once, then answers reachability questions.
 * Pure: no I/O.
 */
import type { Resource } from '../k8s/resources';
import { CompiledModel } from './model';
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings, type PolicyModel } from './types';

export * from './types';

/**
 * Compiles the policies of `resources` for the given engine (default: Cilium 1.17). With
 * `previous` (the model of an earlier version of the workspace), returns `previous` itself when
 * nothing it was compiled from changed — an edit to a Service or an Ingress keeps the model.
 * `change` (what was added and removed since `previous`) makes that check cheap.
 */
export function buildPolicyModel(resources: readonly Resource[], settings?: Partial<EngineSettings>, previous: PolicyModel | null = null, change?: { readonly added: readonly Resource[]; readonly removed: readonly Resource[] }): PolicyModel {
  // Told what changed since `previous`: when none of it reaches the model, no need to compare.
  if (change && previous instanceof CompiledModel && sameSettings(previous.settings, settings) && previous.unaffectedBy(change.added, change.removed)) return previous;
  return CompiledModel.reuseOrBuild(previous, resources, settings);
}

function sameSettings(a: EngineSettings, b: Partial<EngineSettings> = {}): boolean {
  const wanted = { ...DEFAULT_ENGINE_SETTINGS, ...b };
  return a.engine === wanted.engine && a.ciliumMinor === wanted.ciliumMinor;
}
