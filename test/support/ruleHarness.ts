/**
 * Runs rules over a manifest text the way the language server does (a WorkspaceIndex, a
 * WorkspaceView, checkFile) and renders findings as `L:C-L:C rule-id severity message` lines
 * (1-based), so rule tests read like what a user sees.
 */
import { checkFile } from '../../server/src/core/analysis/checkFile';
import { createWorkspaceView } from '../../server/src/core/analysis/workspaceView';
import type { Finding, Fix, Rule } from '../../server/src/core/rules/types';
import { DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings } from '../../server/src/core/settings/analysisSettings';
import type { ManifestFile } from '../../server/src/core/workspace/manifestFile';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { rangeText } from './text';

export const INPUT_URI = 'file:///test/input.yaml';

export interface CheckTextOptions {
  /** Rules to run (default: every rule). */
  readonly rules?: readonly Rule[];
  readonly settings?: Partial<AnalysisSettings>;
  /** Other workspace files, by URI, for rules that look across files. */
  readonly extraFiles?: Readonly<Record<string, string>>;
}

export interface CheckResult {
  readonly file: ManifestFile;
  readonly findings: Finding[];
  /** Findings rendered as `L:C-L:C rule-id severity message`. */
  readonly lines: string[];
}

export function runRules(text: string, options: CheckTextOptions = {}): CheckResult {
  const settings: AnalysisSettings = { ...DEFAULT_ANALYSIS_SETTINGS, ...options.settings };
  const index = new WorkspaceIndex();
  for (const [uri, extra] of Object.entries(options.extraFiles ?? {})) index.set(uri, extra);
  const file = index.set(INPUT_URI, text);
  const view = createWorkspaceView(index, settings);
  const findings = checkFile(file, view, settings, {
    rules: options.rules,
    onRuleError: (rule, _resource, error) => {
      throw new Error(`rule ${rule.id} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
  });
  return { file, findings, lines: findings.map((f) => renderFinding(text, f)) };
}

/** Findings of `text` as `L:C-L:C rule-id severity message` strings. */
export function checkText(text: string, options: CheckTextOptions = {}): string[] {
  return runRules(text, options).lines;
}

export function renderFinding(text: string, f: Finding): string {
  return `${rangeText(text, f.location.start, f.location.end)} ${f.ruleId} ${f.severity} ${f.message}`;
}

/** The fixes offered for the findings of `text`, in finding order. */
export function fixesOf(text: string, options: CheckTextOptions = {}): Fix[] {
  return runRules(text, options).findings.flatMap((f) => f.fixes ?? []);
}

/** A fix applied, and the text checked again: its YAML problems (`rules: []`) and the findings left. */
export function recheckAfterFix(text: string, fix: Fix, options: CheckTextOptions = {}): { text: string; syntax: string[]; findings: string[] } {
  const fixed = applyFix(text, fix);
  return { text: fixed, syntax: checkText(fixed, { ...options, rules: [] }), findings: checkText(fixed, options) };
}

/** The text after applying a fix's edits to the input file (edits must not overlap). */
export function applyFix(text: string, fix: Fix): string {
  const edits = fix.edits.filter((e) => e.uri === INPUT_URI).sort((a, b) => b.start - a.start);
  let out = text;
  let previousStart = Number.POSITIVE_INFINITY;
  for (const e of edits) {
    if (e.end > previousStart) throw new Error(`overlapping edits in fix "${fix.title}"`);
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    previousStart = e.start;
  }
  return out;
}
