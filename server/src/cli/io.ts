/**
 * Everything the CLI touches outside itself, injected so tests run commands in-process:
 * output streams, stdin, the working directory and the terminal facts that decide colour.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of stdin; called only when an input is `-`. */
  readonly readStdin: () => Promise<string>;
  /** Absolute directory that relative PATHs resolve against and printed file names are relative to. */
  readonly cwd: string;
  /** Whether stdout is a terminal (colour is used only then, and only without NO_COLOR). */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The package version printed by `--version`. */
  readonly version: string;
}

/** Colour is for people at a terminal; NO_COLOR (any non-empty value, see no-color.org) turns it off. */
export function useColor(io: CliIo): boolean {
  const noColor = io.env.NO_COLOR;
  return io.isTTY && (noColor === undefined || noColor === '');
}
