import { checkFile, SKIPPED_RULE_ID, SYNTAX_RULE_ID, severityRank } from '../../core/analysis/checkFile';
import { createWorkspaceView } from '../../core/analysis/workspaceView';
import type { Severity } from '../../core/problems';
import { ALL_RULES } from '../../core/rules/index';
import type { Finding } from '../../core/rules/types';
import { sanitizeSettings, type AcnsLevel } from '../../core/settings/analysisSettings';
import { choice } from '../args';
import { EXIT, UsageError } from '../exitCodes';
import { formatCheckJson } from '../format/checkJson';
import { printFindings } from '../format/checkReport';
import { formatCheckSarif, type SarifRuleInfo } from '../format/checkSarif';
import { formatCheckText } from '../format/checkText';
import { useColor } from '../io';
import { readInputs } from '../readInputs';
import { CliWorkspace } from '../workspace';
import { ENGINE_HELP, ENGINE_OPTIONS, engineSettings, PATH_HELP } from './shared';
import type { Command } from './types';

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON = ['error', 'warning', 'information', 'hint'] as const;
const ACNS = ['unknown', 'none', 'fqdn', 'l7'] as const;

const BUILT_IN_RULES: readonly SarifRuleInfo[] = [
  { id: SYNTAX_RULE_ID, title: 'YAML syntax error', docs: 'The file is not valid YAML at this place; the rest of the file is still checked.', defaultSeverity: 'error' },
  { id: SKIPPED_RULE_ID, title: 'File not analysed', docs: 'Helm templates, binary files and files over the size limit are skipped.', defaultSeverity: 'information' },
];

export const checkCommand: Command = {
  name: 'check',
  summary: "report the editor's diagnostics for manifests (text, JSON or SARIF)",
  usage: `aks-netlens check [--format text|json|sarif] [--fail-on error|warning|information|hint]
                  [--engine ENGINE] [--cilium-version V] [--acns unknown|none|fqdn|l7]
                  [--rule ID=SEVERITY|off]... PATH...`,
  help: `Checks every Kubernetes manifest in PATH with the same rules as the editor: what the API
server would reject (error), what it accepts but silently does not work (warning), what
depends on the cluster (information), and teaching notes (hint).

Options:
  --format F               text (default: file:line:col: severity rule: message), json, or
                           sarif (SARIF 2.1.0, for GitHub code scanning)
  --fail-on S              exit 1 when a finding is at least this severe (default error)
${ENGINE_HELP}
  --acns LEVEL             Advanced Container Networking Services security level of the
                           cluster: unknown (default), none, fqdn or l7
  --rule ID=SEVERITY       override a rule's severity (error, warning, information, hint)
                           or turn it off; may be repeated

${PATH_HELP}

Examples:
  aks-netlens check examples/
  aks-netlens check --format sarif --fail-on warning manifests/ > results.sarif
  aks-netlens check --rule approuting/nginx-retirement=off ingress.yaml`,
  options: [
    { name: 'format', takesValue: true },
    { name: 'fail-on', takesValue: true },
    { name: 'acns', takesValue: true },
    { name: 'rule', takesValue: true, repeatable: true },
    ...ENGINE_OPTIONS,
  ],
  async run(args, ctx) {
    const format = choice(args, 'format', FORMATS, 'text');
    const failOn: Severity = choice(args, 'fail-on', FAIL_ON, 'error');
    const acns: AcnsLevel = choice(args, 'acns', ACNS, 'unknown');
    const engine = engineSettings(args);
    const rules: Record<string, string> = {};
    for (const entry of args.repeated?.get('rule') ?? []) {
      const m = /^([^=]+)=(error|warning|information|hint|off)$/.exec(entry);
      if (!m) throw new UsageError(`--rule takes ID=SEVERITY with SEVERITY one of error, warning, information, hint, off (got '${entry}')`);
      rules[m[1]] = m[2];
    }
    const settings = sanitizeSettings({ cluster: { engine: engine.engine, acns, ciliumVersion: `1.${engine.ciliumMinor}` }, rules });
    if (args.positionals.length === 0) throw new UsageError('no PATH given: name manifest files or folders, or - for stdin');
    const { inputs, warnings } = await readInputs(args.positionals, ctx.io);
    for (const line of warnings) ctx.io.stderr(`${line}\n`);
    const ws = new CliWorkspace(inputs);
    const view = createWorkspaceView(ws.index, settings);
    const findings: Finding[] = [];
    for (const file of ws.index.allFiles().sort((a, b) => a.uri.localeCompare(b.uri))) {
      findings.push(
        ...checkFile(file, view, settings, {
          onRuleError: (rule, resource, error) => ctx.io.stderr(`warning: rule ${rule.id} failed on ${resource.kind} ${resource.name}: ${String(error)}\n`),
        }),
      );
    }
    const printed = printFindings(findings, ws);
    if (format === 'json') ctx.io.stdout(formatCheckJson(printed));
    else if (format === 'sarif') ctx.io.stdout(formatCheckSarif(printed, [...BUILT_IN_RULES, ...ALL_RULES], ctx.io.version));
    else ctx.io.stdout(formatCheckText(printed, useColor(ctx.io)));
    const threshold = severityRank(failOn);
    return printed.some((f) => severityRank(f.severity) <= threshold) ? EXIT.failed : EXIT.ok;
  },
};
