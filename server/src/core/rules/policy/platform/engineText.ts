/** How the cluster settings are named in platform messages. */
import type { EnforcingEngine } from '../../../engine/types';

export function engineText(engine: EnforcingEngine): string {
  switch (engine) {
    case 'cilium':
      return 'Cilium (Azure CNI powered by Cilium)';
    case 'azure-npm':
      return 'Azure Network Policy Manager';
    case 'calico':
      return 'Calico';
    case 'none':
      return 'none';
  }
}

export const ENGINE_SETTING = 'aksNetlens.cluster.engine';
export const ACNS_SETTING = 'aksNetlens.cluster.acns';
