/**
 * The policy engine: compiles NetworkPolicy, CiliumNetworkPolicy and
 * CiliumClusterwideNetworkPolicy objects once, then answers reachability questions.
 * Pure: no I/O.
 */
import type { Resource, ResourceChange } from '../k8s/resources';
import { CompiledModel } from './model';
import type { EngineSettings, PolicyModel } from './types';

export * from './types';

/**
 * Compiles the policies of `resources` for the given engine (default: Cilium 1.17). With
 * `previous` (the model of an earlier version of the workspace), returns `previous` itself when
 * nothing it was compiled from changed — an edit to a Service or an Ingress keeps the model.
 * `change` (what was added and removed since `previous`) makes that check cheap.
 */
export function buildPolicyModel(resources: readonly Resource[], settings?: Partial<EngineSettings>, previous: PolicyModel | null = null, change?: ResourceChange): PolicyModel {
  return CompiledModel.reuseOrBuild(previous, resources, settings, change);
}
