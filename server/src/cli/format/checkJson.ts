import type { PrintedFinding } from './checkReport';

/** `{"diagnostics":[{file,line,column,endLine,endColumn,severity,code,message}]}` with 1-based positions. */
export function formatCheckJson(findings: readonly PrintedFinding[]): string {
  const diagnostics = findings.map(({ file, line, column, endLine, endColumn, severity, code, message }) => ({ file, line, column, endLine, endColumn, severity, code, message }));
  return JSON.stringify({ diagnostics }, null, 2) + '\n';
}
