import type { ReachQuery, ReachVerdict } from '../../core/engine/types';
import type { Expectation } from '../expectations';

/** One expectation checked: the verdict, or the error that kept it from being asked. */
export interface VerifyResult {
  readonly expectation: Expectation;
  readonly query: ReachQuery | null;
  readonly verdict: ReachVerdict | null;
  /** Why the question could not be asked (an unknown workload); the expectation then fails. */
  readonly error: string | null;
  readonly pass: boolean;
}

export interface VerifyReport {
  /** The expectations file as printed. */
  readonly file: string;
  readonly results: readonly VerifyResult[];
}

export function countResults(report: VerifyReport): { passed: number; failed: number } {
  const passed = report.results.filter((r) => r.pass).length;
  return { passed, failed: report.results.length - passed };
}
