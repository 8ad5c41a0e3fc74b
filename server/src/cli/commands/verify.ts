import type { EnforcingEngine, PolicyModel } from '../../core/engine/types';
import { choice } from '../args';
import { EXIT, InputError, UsageError } from '../exitCodes';
import { parseExpectations, type Expectation } from '../expectations';
import { formatVerifyJson } from '../format/verifyJson';
import type { VerifyResult } from '../format/verifyReport';
import { formatVerifyText } from '../format/verifyText';
import { useColor } from '../io';
import { QueryError, resolveQuestion } from '../../core/engine/query';
import { readTextInput } from '../readInputs';
import { ENGINE_HELP, ENGINE_OPTIONS, engineSettings, loadWorkspace, PATH_HELP } from './shared';
import type { Command } from './types';

const FORMATS = ['text', 'json'] as const;
const MAX_ERRORS_SHOWN = 20;

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check a list of expected verdicts (allowed/denied) against the policies',
  usage: `aks-netlens verify EXPECTATIONS.json|.yaml [--engine cilium|azure-npm|calico|none] [--cilium-version V]
                   [--format text|json] PATH...`,
  help: `Asks every question of EXPECTATIONS and compares the verdict with the expected one. Prints
each failure with its explanation, then a last line "N passed, M failed".

EXPECTATIONS is a JSON array or a YAML list of objects:
  from      FROM as in can-reach: <namespace>/<workload>, ip:<address> or world
  to        TO as in can-reach (also fqdn:<name>)
  port      destination port; absent or null: is any traffic at all allowed?
  protocol  TCP (default), UDP or SCTP
  http      "METHOD /path" (optional)
  engine    cilium, azure-npm, calico or none (optional; default --engine)
  expect    allowed or denied
Other fields are ignored. An unknown workload fails its expectation.

Options:
${ENGINE_HELP}
  --format F               text (default) or json ({"passed","failed","results":[...]})

${PATH_HELP}

Exit status: 0 all passed, 1 some failed, 2 bad usage, a malformed EXPECTATIONS or unreadable PATH.

Examples:
  aks-netlens verify examples/aks-lab/expectations.yaml examples/aks-lab
  aks-netlens verify examples/aks-lab/expectations.yaml --engine azure-npm --format json examples/aks-lab`,
  options: [{ name: 'format', takesValue: true }, ...ENGINE_OPTIONS],
  async run(args, ctx) {
    const format = choice(args, 'format', FORMATS, 'text');
    const settings = engineSettings(args);
    const [expectationsPath, ...paths] = args.positionals;
    if (expectationsPath === undefined) throw new UsageError('EXPECTATIONS is required');
    if (expectationsPath === '-' && paths.includes('-')) throw new UsageError('stdin (-) can hold the expectations or the manifests, not both');
    const file = await readTextInput(expectationsPath, ctx.io);
    const parsed = parseExpectations(file.text, file.display);
    if (!parsed.ok) {
      const shown = parsed.errors.slice(0, MAX_ERRORS_SHOWN);
      if (parsed.errors.length > shown.length) shown.push(`... and ${parsed.errors.length - shown.length} more`);
      throw new InputError(`${file.display} is not a valid expectations file`, shown);
    }
    const ws = await loadWorkspace(paths, ctx);
    // One compiled model per engine the expectations ask about.
    const models = new Map<EnforcingEngine, PolicyModel>();
    const modelFor = (engine: EnforcingEngine) => {
      let model = models.get(engine);
      if (!model) models.set(engine, (model = ctx.buildModel(ws.resources(), { ...settings, engine })));
      return model;
    };
    const results = parsed.expectations.map((e) => check(e, modelFor(e.engine ?? settings.engine)));
    const report = { file: file.display, results };
    ctx.io.stdout(format === 'json' ? formatVerifyJson(report) : formatVerifyText(report, ws, useColor(ctx.io)));
    return results.every((r) => r.pass) ? EXIT.ok : EXIT.failed;
  },
};

function check(expectation: Expectation, model: PolicyModel): VerifyResult {
  try {
    const query = resolveQuestion(expectation.words, model);
    const verdict = model.canReach(query);
    return { expectation, query, verdict, error: null, pass: verdict.allowed === (expectation.expect === 'allowed') };
  } catch (e) {
    if (!(e instanceof QueryError)) throw e;
    return { expectation, query: null, verdict: null, error: e.message, pass: false };
  }
}
