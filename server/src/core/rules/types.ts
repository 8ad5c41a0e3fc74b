import type { PolicyModel, SourceLocation } from '../engine/types';
import type { Resource } from '../k8s/resources';
import type { Severity } from '../problems';
import type { AnalysisSettings } from '../settings/analysisSettings';
import type { ManifestFile } from '../workspace/manifestFile';

/** A text edit with absolute offsets in one file. */
export interface TextEditAt {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A quick-fix: edits to apply, or a new file to create (and open). */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEditAt[];
  readonly createFile?: { readonly uri: string; readonly text: string };
  /** The fix VS Code applies with "Auto Fix" (at most one per finding). */
  readonly preferred?: boolean;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location: SourceLocation;
  readonly related?: readonly { readonly location: SourceLocation; readonly message: string }[];
  readonly fixes?: readonly Fix[];
  /** Shown faded (`unnecessary`) or struck through (`deprecated`) by editors. */
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

/**
 * What a rule sees of the whole workspace; the model is built on first use and shared. A rule's
 * findings are re-computed after an edit only when what it read here changed, so read narrowly:
 * `ofKinds` rather than `resources`, `uris` rather than `files`.
 */
export interface WorkspaceView {
  /** Every resource (a rule reading it runs again after any edit). */
  readonly resources: readonly Resource[];
  /** Every file (for the editor's features; rules use `uris`). */
  readonly files: readonly ManifestFile[];
  /** URIs of the workspace's files, sorted. */
  readonly uris: readonly string[];
  /** The resources of these kinds, in workspace order (the same array for the same kinds, within a view). */
  ofKinds(kinds: readonly string[]): readonly Resource[];
  /**
   * The resources of these kinds in one namespace. Tracked per document: an edit in another
   * namespace does not re-run the rule. So call it where it is needed, do not keep what it
   * returns in a memo that answers for other documents.
   */
  ofKindsIn(kinds: readonly string[], namespace: string): readonly Resource[];
  /** The policy model; the same object as long as nothing it is compiled from changes. */
  policyModel(): PolicyModel;
}

export interface RuleContext {
  readonly file: ManifestFile;
  readonly workspace: WorkspaceView;
  readonly settings: AnalysisSettings;
  /** Reports a finding; severity defaults to the rule's default (settings may override it later). */
  report(finding: Omit<Finding, 'ruleId' | 'severity'> & { readonly severity?: Severity }): void;
}

/**
 * One check. A rule is one small module: its id, default severity, title and documentation
 * live beside its `check`, and the docs text is what hover, the CLI and the README show.
 */
export interface Rule {
  /** `netpol/<name>`, `cilium/<name>`, `ingress/<name>`, `agic/<name>`, `approuting/<name>`, `yaml/<name>`. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly title: string;
  /** Markdown: what it means, why it matters, how to fix (one place for the text). */
  readonly docs: string;
  /** Resource kinds the rule looks at; `check` is called once per such resource of the file. */
  readonly kinds: readonly string[];
  check(resource: Resource, context: RuleContext): void;
}
