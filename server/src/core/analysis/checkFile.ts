import type { Resource } from '../k8s/resources';
import type { Severity } from '../problems';
import { ALL_RULES } from '../rules/index';
import type { Finding, Rule, RuleContext, WorkspaceView } from '../rules/types';
import type { AnalysisSettings } from '../settings/analysisSettings';
import type { ManifestFile } from '../workspace/manifestFile';
import type { YamlDocument } from '../yaml/parseYaml';

/** Ids of the findings that come from reading the file rather than from a rule module. */
export const SYNTAX_RULE_ID = 'yaml/syntax';
export const SKIPPED_RULE_ID = 'yaml/skipped';

export interface CheckOptions {
  readonly rules?: readonly Rule[];
  /** Called when a rule throws; the rule's findings for that resource are dropped, nothing else. */
  readonly onRuleError?: (rule: Rule, resource: Resource, error: unknown) => void;
}

/**
 * All findings for one file: why it was skipped, YAML syntax errors, then every rule over every
 * resource of the file. Sorted by position. A rule that throws costs only its own findings.
 */
export function checkFile(file: ManifestFile, workspace: WorkspaceView, settings: AnalysisSettings, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const push = (f: Finding) => {
    const setting = settings.rules[f.ruleId];
    if (setting === 'off') return;
    findings.push(setting ? { ...f, severity: setting } : f);
  };
  for (const p of file.problems) {
    push({ ruleId: SKIPPED_RULE_ID, severity: p.severity, message: p.message, location: { uri: file.uri, start: p.start, end: p.end } });
  }
  if (!file.isKubernetes) return findings;
  for (const doc of file.documents) {
    if (doc.problems.length === 0) continue;
    const mergedObjects = repeatsObjectKeys(doc);
    for (const p of doc.problems) {
      // Two objects run together: yaml/missing-document-separator says it once, with a fix,
      // instead of one duplicate-key error per repeated top-level key.
      if (mergedObjects && p.code === 'yaml-duplicate-key' && isTopLevelKey(doc, p.span.start)) continue;
      const start = doc.offset + p.span.start;
      const end = Math.min(file.textLength, Math.max(start, doc.offset + p.span.end));
      push({ ruleId: SYNTAX_RULE_ID, severity: p.severity, message: p.message, location: { uri: file.uri, start: Math.min(start, end), end } });
    }
  }
  const rules = options.rules ?? ALL_RULES;
  // One context for all rules: `report` files under the rule running now. A rule's findings are
  // kept only once it returns, so a rule that throws costs only its own.
  let running: Rule | null = null;
  const collected: Finding[] = [];
  const context: RuleContext = {
    file,
    workspace,
    settings,
    report: (f) => {
      if (running) collected.push({ ...f, ruleId: running.id, severity: f.severity ?? running.defaultSeverity });
    },
  };
  for (const resource of file.resources) {
    for (const rule of rules) {
      if (!rule.kinds.includes(resource.kind) && !rule.kinds.includes('*')) continue;
      if (settings.rules[rule.id] === 'off') continue;
      collected.length = 0;
      running = rule;
      try {
        rule.check(resource, context);
      } catch (error) {
        options.onRuleError?.(rule, resource, error);
        continue;
      } finally {
        running = null;
      }
      for (const f of collected) push(f);
    }
  }
  return findings.sort((a, b) => a.location.start - b.location.start || a.location.end - b.location.end || a.ruleId.localeCompare(b.ruleId));
}

/** Whether the document's top-level map repeats `apiVersion` or `kind` (two objects without `---`). */
function repeatsObjectKeys(doc: YamlDocument): boolean {
  const root = doc.root;
  if (!root || root.kind !== 'map') return false;
  const keys = root.pairs.map((p) => p.keyText).filter((k) => k === 'apiVersion' || k === 'kind');
  return new Set(keys).size < keys.length;
}

function isTopLevelKey(doc: YamlDocument, offset: number): boolean {
  return doc.root?.kind === 'map' && doc.root.pairs.some((p) => p.key.span.start === offset);
}

export function severityRank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : s === 'information' ? 2 : 3;
}
