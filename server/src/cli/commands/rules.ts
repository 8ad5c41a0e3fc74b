import { SKIPPED_RULE_ID, SYNTAX_RULE_ID } from '../../core/analysis/checkFile';
import { ALL_RULES } from '../../core/rules/index';
import { suggestClosest } from '../../core/text/didYouMean';
import { choice } from '../args';
import { EXIT, InputError } from '../exitCodes';
import type { Command } from './types';

const FORMATS = ['text', 'md'] as const;

/** The rules as `check` and the editor apply them; the Markdown table is the README's. */
export function rulesTable(): string {
  const rows = ALL_RULES.map((r) => `| \`${r.id}\` | ${r.defaultSeverity} | ${r.title.replace(/\|/g, '\\|')} |`);
  return ['| rule | default severity | what it finds |', '|---|---|---|', ...rows].join('\n') + '\n';
}

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list the checks, or print the documentation of one',
  usage: 'aks-netlens rules [ID] [--format text|md]',
  help: `Without ID: every check with its default severity and what it finds (--format md: a Markdown
table). With ID: the check's documentation — what it means, why it matters, how to fix it.
Severities can be changed per check with "aksNetlens.rules" in VS Code or --rule in check.

Examples:
  aks-netlens rules
  aks-netlens rules policy/dns-blocked`,
  options: [{ name: 'format', takesValue: true }],
  async run(args, ctx) {
    const format = choice(args, 'format', FORMATS, 'text');
    const id = args.positionals[0];
    if (id === undefined) {
      if (format === 'md') ctx.io.stdout(rulesTable());
      else {
        const width = Math.max(...ALL_RULES.map((r) => r.id.length));
        for (const r of ALL_RULES) ctx.io.stdout(`${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(11)}  ${r.title}\n`);
        ctx.io.stdout(`${SYNTAX_RULE_ID.padEnd(width)}  ${'error'.padEnd(11)}  YAML syntax error (the rest of the file is still checked)\n`);
        ctx.io.stdout(`${SKIPPED_RULE_ID.padEnd(width)}  ${'information'.padEnd(11)}  File not analysed (Helm template, binary, over the size limit)\n`);
      }
      return EXIT.ok;
    }
    const rule = ALL_RULES.find((r) => r.id === id);
    if (!rule) {
      const close = suggestClosest(id, ALL_RULES.map((r) => r.id));
      throw new InputError(`unknown rule '${id}'${close ? `; did you mean ${close}?` : ''} (aks-netlens rules lists them)`);
    }
    ctx.io.stdout(`${rule.id} (${rule.defaultSeverity}): ${rule.title}\n\n${rule.docs.trim()}\n`);
    return EXIT.ok;
  },
};
