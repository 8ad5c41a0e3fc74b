/** The CLI's exit codes, in one place. */
export const EXIT = {
  /** can-reach: allowed; verify: every expectation met; other commands: success. */
  ok: 0,
  /** can-reach: denied; verify: at least one expectation failed. */
  failed: 1,
  /** Bad usage, an unknown workload, or an input that cannot be read. */
  usage: 2,
  /** A defect in aks-netlens itself (an exception nobody expected); kept apart from "denied". */
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Wrong arguments: printed as one line followed by the command's usage. */
export class UsageError extends Error {}

/**
 * Arguments that are well-formed but name something that does not exist or cannot be read
 * (a missing file, an unknown workload): printed as is, without the usage.
 */
export class InputError extends Error {
  constructor(
    message: string,
    /** Lines printed after the message as they are, e.g. `file:line:col: error: ...` per problem. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}
