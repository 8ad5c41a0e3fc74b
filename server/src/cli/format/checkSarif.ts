import type { Severity } from '../../core/problems';
import type { PrintedFinding } from './checkReport';

export interface SarifRuleInfo {
  readonly id: string;
  readonly title: string;
  readonly docs: string;
  readonly defaultSeverity: Severity;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, the rules that fired (with their docs as help),
 * results with 1-based regions and repository-relative artifact URIs.
 */
export function formatCheckSarif(findings: readonly PrintedFinding[], rules: readonly SarifRuleInfo[], version: string): string {
  const used = [...new Set(findings.map((f) => f.code))].sort();
  const ruleIndex = new Map(used.map((id, i) => [id, i]));
  const byId = new Map(rules.map((r) => [r.id, r]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aks-netlens',
            version,
            informationUri: 'https://github.com/aks-netlens/aks-netlens',
            rules: used.map((id) => {
              const rule = byId.get(id);
              return {
                id,
                name: id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
                shortDescription: { text: rule?.title ?? id },
                fullDescription: { text: rule?.title ?? id },
                help: { text: rule?.docs ?? id, markdown: rule?.docs ?? id },
                defaultConfiguration: { level: LEVEL[rule?.defaultSeverity ?? 'warning'] },
              };
            }),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: ruleIndex.get(f.code),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: sarifUri(f.file) },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** Relative paths with forward slashes, as code scanning expects; stdin stays as printed. */
function sarifUri(file: string): string {
  return file.split('\\').join('/').replace(/^\.\//, '');
}
