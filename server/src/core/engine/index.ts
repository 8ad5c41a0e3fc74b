/**
 * The policy engine: compiles NetworkPolicy, CiliumNetworkPolicy and
 * CiliumClusterwideNetworkPolicy objects once, then answers reachability questions.
 * Pure: no I/O.
 */
import type { Resource } from '../k8s/resources';
import { CompiledModel } from './model';
import type { EngineSettings, PolicyModel } from './types';

export * from './types';

/** Compiles the policies of `resources` for the given engine (default: Cilium 1.17). */
export function buildPolicyModel(resources: readonly Resource[], settings?: Partial<EngineSettings>): PolicyModel {
  return new CompiledModel(resources, settings);
}
