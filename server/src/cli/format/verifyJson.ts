import { countResults, type VerifyReport } from './verifyReport';

/** `{"passed","failed","results":[{"index","allowed","expect","pass"}]}`, plus `error` on entries that could not be asked. */
export function formatVerifyJson(report: VerifyReport): string {
  const { passed, failed } = countResults(report);
  const json = {
    passed,
    failed,
    results: report.results.map((r) => ({
      index: r.expectation.index,
      allowed: r.verdict ? r.verdict.allowed : null,
      expect: r.expectation.expect,
      pass: r.pass,
      ...(r.error ? { error: r.error } : {}),
    })),
  };
  return JSON.stringify(json, null, 2) + '\n';
}
