/**
 * Helpers for the policy rule tests: run one rule, apply one of its fixes, and check that the
 * result parses and no longer triggers the rule.
 */
import assert from 'node:assert/strict';
import type { Fix, Rule } from '../../../server/src/core/rules/types';
import type { AnalysisSettings } from '../../../server/src/core/settings/analysisSettings';
import { readManifestFile } from '../../../server/src/core/workspace/manifestFile';
import { applyFix, checkText, runRules } from '../../support/ruleHarness';

export interface Options {
  readonly settings?: Partial<AnalysisSettings>;
  readonly extraFiles?: Readonly<Record<string, string>>;
}

export function findings(rule: Rule, text: string, options: Options = {}): string[] {
  return checkText(text, { rules: [rule], ...options });
}

/** The fixes of the rule's findings, in finding order. */
export function fixes(rule: Rule, text: string, options: Options = {}): Fix[] {
  return runRules(text, { rules: [rule], ...options }).findings.flatMap((f) => f.fixes ?? []);
}

/**
 * Applies the fix titled `title`, asserts the result parses without errors and that the rule
 * no longer reports anything; returns the fixed text for the caller to compare.
 */
export function applyAndRecheck(rule: Rule, text: string, title: string, options: Options = {}): string {
  const all = fixes(rule, text, options);
  const fix = all.find((f) => f.title === title);
  assert.ok(fix, `no fix titled "${title}"; offered: ${all.map((f) => f.title).join(' | ')}`);
  const fixed = applyFix(text, fix);
  assertParses(fixed);
  assert.deepEqual(findings(rule, fixed, options), [], 'the finding is still reported after the fix');
  return fixed;
}

export function assertParses(text: string): void {
  const file = readManifestFile('file:///test/fixed.yaml', text);
  const problems = file.documents.flatMap((d) => d.problems.filter((p) => p.severity === 'error').map((p) => p.message));
  assert.deepEqual(problems, [], 'the fixed text has YAML errors');
}
