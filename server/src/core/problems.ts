export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A problem found while reading a file (parse errors, skipped files), with absolute offsets in the file. */
export interface FileProblem {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}
