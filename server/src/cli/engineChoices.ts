import type { EnforcingEngine } from '../core/engine/types';

/** Values of `--engine` and of an expectation's `engine` (AKS `--network-policy` dataplanes). */
export const ENGINES: readonly EnforcingEngine[] = ['cilium', 'azure-npm', 'calico', 'none'];

/** Values of `--cilium-version`: the Cilium minors the engine models. */
export const CILIUM_VERSIONS = ['1.16', '1.17', '1.18', '1.19'] as const;
