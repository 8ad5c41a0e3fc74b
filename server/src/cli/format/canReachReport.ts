import type { ReachQuery, ReachVerdict } from '../../core/engine/types';

/** A can-reach question with the engine's answer: what the can-reach formats render. */
export interface CanReachReport {
  readonly query: ReachQuery;
  readonly verdict: ReachVerdict;
}
