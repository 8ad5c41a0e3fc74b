import type { RuleRef } from '../../core/engine/types';
import { ruleName } from '../../core/report/labels';
import { markdownLinkTarget, type Locator } from './locations';

/** Escapes the characters Markdown would read as formatting (`*.stripe.com` stays literal). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.replace(/\r?\n/g, ' ')}${fence}`;
}

/** How the Markdown reports link to sources: locations, and the workspace root links start from. */
export interface MarkdownLinks {
  readonly locate: Locator;
  /** URI of the first workspace folder, or null. */
  readonly root: string | null;
}

/** A rule as a link to where it is written; outside the workspace root, its path and line as text. */
export function ruleLink(rule: RuleRef, links: MarkdownLinks): string {
  const location = links.locate(rule.location);
  const label = escapeMarkdown(ruleName(rule));
  if (!location) return label;
  const line = location.range.start.line + 1;
  const target = markdownLinkTarget(location, links.root);
  if (target) return `[${label}](<${target}>) (line ${line})`;
  return `${label} (${escapeMarkdown(readableUri(location.uri))}:${line})`;
}

function readableUri(uri: string): string {
  try {
    return decodeURIComponent(uri.replace(/^file:\/\//, ''));
  } catch {
    return uri;
  }
}
