import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS } from './common';
import { locateInValue } from './edits';
import { ingressPaths, ingressOwner } from './model';

/** Characters that only mean something in a regular expression. */
const REGEX_CHARS = /[()[\]{}^$|+?\\]/;

/** What AGIC cannot do with a path, or null: the message and the offending range. */
export function agicPathProblem(path: string, pathType: string | null): { message: string; start: number; end: number } | null {
  const dotStar = path.indexOf('.*');
  const regex = REGEX_CHARS.exec(path);
  const first = Math.min(dotStar < 0 ? Infinity : dotStar, regex ? regex.index : Infinity);
  if (first !== Infinity) {
    const isDotStar = first === dotStar;
    const literal = path.slice(0, first);
    const prefix = literal.slice(0, literal.lastIndexOf('/') + 1) || '/';
    const what = isDotStar ? '".*" is a regular expression' : `"${path[first]}" is regular-expression syntax`;
    return {
      message: `AGIC has no regex paths: ${what}, but Application Gateway path patterns only allow a trailing "*", so this path cannot match as intended. Write a prefix, e.g. "${prefix}" with pathType Prefix.`,
      start: first,
      end: first + (isDotStar ? 2 : 1),
    };
  }
  const star = path.indexOf('*');
  if (star >= 0 && star < path.length - 1) {
    return {
      message: 'Application Gateway allows "*" only at the end of a path pattern; AGIC has no wildcards inside a path.',
      start: star,
      end: star + 1,
    };
  }
  if (star === path.length - 1 && pathType === 'Exact') {
    return {
      message: 'With pathType Exact, AGIC strips the trailing "*", so this matches only the exact path. Use pathType Prefix (or ImplementationSpecific to keep the "*").',
      start: star,
      end: star + 1,
    };
  }
  return null;
}

/** Paths on an AGIC Ingress that Application Gateway path patterns cannot express. */
export const agicPathPattern: Rule = {
  id: 'agic/path-pattern',
  defaultSeverity: 'warning',
  title: 'Path AGIC cannot express',
  docs: [
    'Application Gateway path patterns start with `/` and allow `*` only at the end; there are no regular expressions. AGIC (≥ 1.5.1) maps pathType `Exact` by stripping a trailing `*`, `Prefix` by appending `*`, and passes `ImplementationSpecific` paths unchanged.',
    '',
    'So an NGINX-style regex path (`/api/(.*)`, `/v[0-9]+/`) or a `*` in the middle is accepted by Kubernetes but never matches as intended on AGIC, and ingress-nginx rewrite/regex annotations have no effect there.',
    '',
    'Fix: write a plain prefix with pathType `Prefix`; to change the path sent to the pods use `appgw.ingress.kubernetes.io/backend-path-prefix`.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress) return;
    if (ingressOwner(ingress, ctx.workspace).controller !== 'agic') return;
    for (const p of ingressPaths(ingress)) {
      if (!p.path || typeof p.path.value !== 'string') continue;
      const problem = agicPathProblem(p.path.value, typeof p.pathType?.value === 'string' ? p.pathType.value : null);
      if (problem) ctx.report({ message: problem.message, location: locateInValue(ingress, p.path, problem.start, problem.end) });
    }
  },
};
