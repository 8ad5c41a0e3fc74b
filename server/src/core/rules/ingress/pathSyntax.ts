import { locate, locateKey } from '../../analysis/locate';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS } from './common';
import { locateInValue, replaceNode, sameStyle } from './edits';
import { ingressPaths } from './model';

const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'An' : 'A';
}

/** What the API server says about a path, as offsets in it (ValidateIngressCreate's path checks). */
export function pathDefects(path: string, pathType: string): { message: string; start: number; end: number }[] {
  const out: { message: string; start: number; end: number }[] = [];
  const strict = pathType === 'Exact' || pathType === 'Prefix';
  if (!strict && (pathType !== 'ImplementationSpecific' || path.length === 0)) return out;
  if (!path.startsWith('/')) {
    out.push({ message: `The path must be absolute (start with "/"); the API server rejects this Ingress.`, start: 0, end: Math.max(1, Math.min(path.length, 1)) });
  }
  if (!strict) return out;
  for (const seq of INVALID_SEQUENCES) {
    for (let i = path.indexOf(seq); i >= 0; i = path.indexOf(seq, i + 1)) {
      out.push({ message: `${article(pathType)} ${pathType} path must not contain "${seq}"; the API server rejects this Ingress.`, start: i, end: i + seq.length });
    }
  }
  for (const suffix of INVALID_SUFFIXES) {
    if (path.endsWith(suffix)) {
      out.push({ message: `${article(pathType)} ${pathType} path cannot end with "${suffix}"; the API server rejects this Ingress.`, start: path.length - suffix.length, end: path.length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Paths the API server rejects: not absolute, or with `//`, `/./`, `/../`, `%2f` (Exact/Prefix). */
export const ingressPathSyntax: Rule = {
  id: 'ingress/path-syntax',
  defaultSeverity: 'error',
  title: 'Invalid Ingress path',
  docs: [
    'The API server checks paths when an Ingress is created:',
    '',
    '- every non-empty path must start with `/` (for `Exact` and `Prefix` an empty path is rejected too);',
    '- `Exact` and `Prefix` paths must not contain `//`, `/./`, `/../`, `%2f` or `%2F`, nor end with `/..` or `/.`.',
    '',
    'Regular expressions are allowed only with `ImplementationSpecific` and only where the controller supports them (ingress-nginx with `use-regex`; never AGIC).',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress || ingress.apiVersion !== 'networking.k8s.io/v1') return;
    for (const p of ingressPaths(ingress)) {
      const pathType = typeof p.pathType?.value === 'string' ? p.pathType.value : null;
      if (!pathType) continue;
      const text = p.path && p.path.value !== null ? String(p.path.value) : '';
      if (!p.path || text.length === 0) {
        if (pathType !== 'Exact' && pathType !== 'Prefix') continue;
        const anchor = p.pathPair ?? p.pathTypePair;
        if (!anchor) continue;
        ctx.report({ message: `${article(pathType)} ${pathType} path is required and must start with "/"; the API server rejects this Ingress.`, location: p.path ? locate(ingress, p.path) : locateKey(ingress, anchor) });
        continue;
      }
      for (const defect of pathDefects(text, pathType)) {
        const prefixFix = defect.start === 0 && !text.startsWith('/');
        ctx.report({
          message: defect.message,
          location: locateInValue(ingress, p.path, defect.start, defect.end),
          fixes: prefixFix ? [{ title: `Change to "/${text}"`, edits: [replaceNode(ingress, p.path, sameStyle(ingress, p.path, `/${text}`))], preferred: true }] : undefined,
        });
      }
    }
  },
};
