/** Helpers for the Ingress rule tests: run one rule, apply one of its fixes and check the result. */
import assert from 'node:assert/strict';
import type { Rule } from '../../../server/src/core/rules/types';
import { readManifestFile } from '../../../server/src/core/workspace/manifestFile';
import { applyFix, checkText, runRules } from '../../support/ruleHarness';

export { yaml } from '../../support/text';

/** Findings of one rule as `L:C-L:C rule-id severity message`. */
export function check(rule: Rule, text: string, extraFiles?: Record<string, string>): string[] {
  return checkText(text, { rules: [rule], extraFiles });
}

/** Titles of the fixes of one finding. */
export function fixTitles(rule: Rule, text: string, finding = 0, extraFiles?: Record<string, string>): string[] {
  const found = runRules(text, { rules: [rule], extraFiles }).findings[finding];
  assert.ok(found, `no finding #${finding}`);
  return (found.fixes ?? []).map((f) => f.title);
}

/**
 * Applies fix `fix` of finding `finding` and returns the new text, after checking that it still
 * parses as YAML without problems.
 */
export function applyRuleFix(rule: Rule, text: string, options: { finding?: number; fix?: number; extraFiles?: Record<string, string> } = {}): string {
  const found = runRules(text, { rules: [rule], extraFiles: options.extraFiles }).findings[options.finding ?? 0];
  assert.ok(found, `no finding #${options.finding ?? 0}`);
  const fix = found.fixes?.[options.fix ?? 0];
  assert.ok(fix, `finding "${found.message}" has no fix #${options.fix ?? 0}`);
  const out = applyFix(text, fix);
  const problems = readManifestFile('file:///fixed.yaml', out).documents.flatMap((d) => d.problems.map((p) => p.message));
  assert.deepEqual(problems, [], `the fixed text does not parse:\n${out}`);
  return out;
}
