import type { Endpoint, PolicyModel, ReachQuery, ReachVerdict, SideVerdict } from '../../core/engine/types';
import { endpointText, policyName, uniqueRules } from '../../core/report/labels';
import { describeTraffic, parseHttp, parsePort, parseProtocol, QueryError, resolveQuestion, type QuestionWords } from '../../core/engine/query';
import type { CanReachParams, CanReachResult } from '../../protocol/protocol';
import { escapeMarkdown, ruleLink, type MarkdownLinks } from './markdown';
import { ruleDto } from './flowsResult';

/**
 * Answers "can FROM reach TO?" in the CLI's words (`ns/name`, `ip:x`, `world`, `fqdn:x`): the
 * engine's verdict with its explanation, the rules involved and a Markdown report. A question
 * that cannot be asked (unknown workload, bad port) comes back with `error` set.
 */
export function answerCanReach(model: PolicyModel, params: CanReachParams, links: MarkdownLinks): CanReachResult {
  let query: ReachQuery;
  try {
    query = resolveQuestion(questionWords(params), model);
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    const question = `${params.from} → ${params.to}`;
    return { allowed: false, question, markdown: `# Cannot answer: ${escapeMarkdown(question)}\n\n${escapeMarkdown(error.message)}\n`, explanation: [], suggestion: null, notes: [], rules: [], error: error.message };
  }
  const verdict = model.canReach(query);
  const question = `${endpointText(query.from)} → ${endpointText(query.to)} ${describeTraffic(query)}`;
  const rules = uniqueRules([...verdict.egress.allowedBy, ...verdict.egress.deniedBy, ...verdict.ingress.allowedBy, ...verdict.ingress.deniedBy]);
  return {
    allowed: verdict.allowed,
    question,
    markdown: reachMarkdown(question, query, verdict, links),
    explanation: verdict.explanation,
    suggestion: verdict.suggestion,
    notes: verdict.notes,
    rules: rules.map((r) => ruleDto(r, links.locate)),
  };
}

function questionWords(params: CanReachParams): QuestionWords {
  return {
    from: params.from.trim(),
    to: params.to.trim(),
    ...(params.port !== undefined ? { port: parsePort(params.port) } : {}),
    ...(params.protocol ? { protocol: parseProtocol(params.protocol) } : {}),
    ...(params.http ? { http: parseHttp(params.http) } : {}),
  };
}

function reachMarkdown(question: string, query: ReachQuery, verdict: ReachVerdict, links: MarkdownLinks): string {
  const lines = [`# ${verdict.allowed ? 'Allowed' : 'Denied'}: ${escapeMarkdown(question)}`, ''];
  for (const sentence of verdict.explanation) lines.push(`- ${escapeMarkdown(sentence)}`);
  lines.push('', ...sideMarkdown('Egress', query.from, verdict.egress, links), '', ...sideMarkdown('Ingress', query.to, verdict.ingress, links));
  if (!verdict.allowed && verdict.suggestion) lines.push('', '## What would allow it', '', escapeMarkdown(verdict.suggestion));
  if (verdict.notes.length > 0) lines.push('', '## Notes', '', ...verdict.notes.map((n) => `- ${escapeMarkdown(n)}`));
  return lines.join('\n') + '\n';
}

function sideMarkdown(title: 'Egress' | 'Ingress', endpoint: Endpoint, side: SideVerdict, links: MarkdownLinks): string[] {
  const lines = [`## ${title} of ${escapeMarkdown(endpointText(endpoint))}: ${side.allowed ? 'allowed' : 'denied'}`, ''];
  if (endpoint.type !== 'workload') lines.push('Not a pod: no policy applies on this side.');
  else if (!side.isolated) lines.push('No policy isolates it in this direction: everything is allowed.');
  else lines.push(`Isolated by ${side.isolatedBy.map((p) => escapeMarkdown(policyName(p))).join(', ')}.`);
  for (const rule of side.allowedBy) lines.push(`- allowed by ${ruleLink(rule, links)}`);
  for (const rule of side.deniedBy) lines.push(`- denied by ${ruleLink(rule, links)}`);
  return lines;
}
