import { choice, type ParsedArgs } from '../args';
import { EXIT, InputError, UsageError } from '../exitCodes';
import { formatCanReachJson } from '../format/canReachJson';
import { formatCanReachText } from '../format/canReachText';
import { useColor } from '../io';
import { checkQuestion, parseEndpoint, parseHttp, parsePort, parseProtocol, QueryError, resolveQuestion, type QuestionWords } from '../../core/engine/query';
import { ENGINE_HELP, ENGINE_OPTIONS, engineSettings, loadWorkspace, PATH_HELP } from './shared';
import type { Command } from './types';

const FORMATS = ['text', 'json'] as const;

export const canReachCommand: Command = {
  name: 'can-reach',
  summary: 'may FROM open a connection to TO? (exit 0 allowed, 1 denied)',
  usage: `aks-netlens can-reach FROM TO [--port N] [--protocol TCP|UDP|SCTP] [--http "METHOD /path"]
                      [--engine cilium|azure-npm|calico|none] [--cilium-version 1.16|1.17|1.18|1.19]
                      [--format text|json] PATH...`,
  help: `Says whether the policies in PATH let FROM open a connection to TO, and why: the sender's
egress and the receiver's ingress must both allow it. Prints the rules that decide, as
file:line:col, and when denied a change that would allow it.

FROM and TO:
  <namespace>/<workload>   a Deployment, StatefulSet, DaemonSet, Job, CronJob or Pod
  ip:<address>             an address outside the cluster
  world                    anywhere outside the cluster
  fqdn:<name>              (TO only) a domain name, as toFQDNs rules match it

Options:
  --port N                 the destination port; without it: is any traffic at all allowed?
  --protocol P             TCP (default), UDP or SCTP
  --http "METHOD /path"    an HTTP request, checked against L7 rules (needs --port)
${ENGINE_HELP}
  --format F               text (default) or json

${PATH_HELP}

Exit status: 0 allowed, 1 denied, 2 bad usage, unknown workload or unreadable PATH.

Examples:
  aks-netlens can-reach frontend/web-frontend backend/payment-service --port 8080 examples/aks-lab
  aks-netlens can-reach frontend/web-frontend backend/payment-service --port 9090 examples/aks-lab
  aks-netlens can-reach backend/payment-service fqdn:api.stripe.com --port 443 examples/aks-lab
  aks-netlens can-reach backend/payment-service frontend/web-frontend --format json examples/aks-lab`,
  options: [
    { name: 'port', takesValue: true },
    { name: 'protocol', takesValue: true },
    { name: 'http', takesValue: true },
    { name: 'format', takesValue: true },
    ...ENGINE_OPTIONS,
  ],
  async run(args, ctx) {
    const format = choice(args, 'format', FORMATS, 'text');
    const settings = engineSettings(args);
    if (args.positionals.length < 2) throw new UsageError('FROM and TO are required');
    const words = questionWords(args);
    const ws = await loadWorkspace(args.positionals.slice(2), ctx);
    const model = ctx.buildModel(ws.resources(), settings);
    let query;
    try {
      query = resolveQuestion(words, model);
    } catch (e) {
      throw e instanceof QueryError ? new InputError(e.message) : e;
    }
    const verdict = model.canReach(query);
    const report = { query, verdict };
    ctx.io.stdout(format === 'json' ? formatCanReachJson(report, ws) : formatCanReachText(report, ws, useColor(ctx.io)));
    return verdict.allowed ? EXIT.ok : EXIT.failed;
  },
};

/** FROM, TO and the traffic options, checked before any file is read. */
function questionWords(args: ParsedArgs): QuestionWords {
  const [from, to] = args.positionals;
  try {
    parseEndpoint(from, 'FROM');
    parseEndpoint(to, 'TO');
    const port = args.options.get('port');
    const protocol = args.options.get('protocol');
    const http = args.options.get('http');
    const words: QuestionWords = {
      from,
      to,
      ...(port !== undefined ? { port: parsePort(port) } : {}),
      ...(protocol !== undefined ? { protocol: parseProtocol(protocol) } : {}),
      ...(http !== undefined ? { http: parseHttp(http) } : {}),
    };
    checkQuestion(words);
    return words;
  } catch (e) {
    throw e instanceof QueryError ? new UsageError(e.message) : e;
  }
}
