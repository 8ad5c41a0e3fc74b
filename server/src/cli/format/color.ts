/** ANSI styles for terminal output; `enabled` false returns the text unchanged. */
const CODES = { red: 31, green: 32, yellow: 33, bold: 1, dim: 2 } as const;

export type Style = keyof typeof CODES;

export function paint(text: string, style: Style, enabled: boolean): string {
  return enabled ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
}
