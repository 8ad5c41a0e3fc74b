/** How report formatters print source positions; the CLI's workspace provides it. */
import type { SourceLocation } from '../engine/types';

/** A printable source position: 1-based line and column. */
export interface PrintedLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface ReportLocations {
  /** File (as printed), 1-based line and column; null for a location outside the inputs. */
  locate(location: SourceLocation | null): PrintedLocation | null;
  /** `file:line:col`, or '' when the location is unknown. */
  where(location: SourceLocation | null): string;
}
