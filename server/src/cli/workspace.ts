import type { SourceLocation } from '../core/engine/types';
import type { Resource } from '../core/k8s/resources';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import type { PrintedLocation, ReportLocations } from '../core/report/locations';
import type { InputText } from './readInputs';

export type { PrintedLocation } from '../core/report/locations';

/** The inputs read into one workspace, with what is needed to print positions in them. */
export class CliWorkspace implements ReportLocations {
  readonly index = new WorkspaceIndex();
  private readonly displays = new Map<string, string>();
  /** Problems found while reading, as `file:line:col: warning: message` lines. */
  readonly warnings: string[] = [];

  constructor(inputs: readonly InputText[]) {
    for (const input of inputs) {
      this.displays.set(input.uri, input.display);
      const file = this.index.set(input.uri, input.text);
      // Non-Kubernetes files found by walking (CI configs, package.json...) are ignored quietly.
      if (!file.isKubernetes && !input.explicit) continue;
      for (const p of file.problems) this.warnings.push(this.warning(input.uri, p.start, p.message));
      for (const doc of file.documents) {
        for (const p of doc.problems) this.warnings.push(this.warning(input.uri, doc.offset + p.span.start, p.message));
      }
    }
  }

  resources(): Resource[] {
    return this.index.resources();
  }

  /** File (as printed), 1-based line and column of an offset; null for a file not in the workspace. */
  locate(location: SourceLocation | null): PrintedLocation | null {
    if (!location) return null;
    const file = this.index.get(location.uri);
    if (!file) return null;
    const pos = file.lines.positionAt(location.start);
    return { file: this.displays.get(location.uri) ?? location.uri, line: pos.line + 1, column: pos.character + 1 };
  }

  /** `file:line:col`, or '' when the location is unknown. */
  where(location: SourceLocation | null): string {
    const at = this.locate(location);
    return at ? `${at.file}:${at.line}:${at.column}` : '';
  }

  private warning(uri: string, offset: number, message: string): string {
    return `${this.where({ uri, start: offset, end: offset })}: warning: ${message}`;
  }
}
