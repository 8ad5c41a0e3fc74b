import { locate, locateKey } from '../../analysis/locate';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS } from './common';
import { appendPairs, insertAfterPair, replaceNode, sameStyle } from './edits';
import { ingressPaths } from './model';

export const PATH_TYPES: readonly string[] = ['Exact', 'Prefix', 'ImplementationSpecific'];

/** `pathType` is required in networking.k8s.io/v1 and must be one of three values. */
export const ingressPathType: Rule = {
  id: 'ingress/path-type',
  defaultSeverity: 'error',
  title: 'pathType missing or invalid',
  docs: [
    'In `networking.k8s.io/v1` every path needs `pathType` ("pathType must be specified"), one of:',
    '',
    '- `Prefix` — matches the path and everything below it, element by element (`/foo` matches `/foo/bar`, not `/foobar`);',
    '- `Exact` — only this path;',
    '- `ImplementationSpecific` — up to the controller (AGIC: the path as an Application Gateway pattern, `*` at the end for a prefix).',
    '',
    'The values are case-sensitive. The API server rejects the Ingress otherwise.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress || ingress.apiVersion !== 'networking.k8s.io/v1') return; // v1beta1 defaulted it
    for (const p of ingressPaths(ingress)) {
      if (!p.pathTypePair) {
        const anchor = p.pathPair ?? p.item.pairs[0];
        if (!anchor) continue;
        const fixes = ['Prefix', 'ImplementationSpecific'].flatMap((value, i) => {
          const line = `pathType: ${value}`;
          const edit = p.pathPair ? insertAfterPair(ingress, p.item, p.pathPair, line) : appendPairs(ingress, p.item, [line]);
          return edit ? [{ title: `Add pathType: ${value}`, edits: [edit], preferred: i === 0 }] : [];
        });
        ctx.report({
          message: 'pathType is required (Prefix, Exact or ImplementationSpecific): the API server rejects this Ingress.',
          location: locateKey(ingress, anchor),
          fixes,
        });
        continue;
      }
      const value = p.pathType?.value;
      if (typeof value === 'string' && PATH_TYPES.includes(value)) continue;
      const node = p.pathType ?? p.pathTypePair.key;
      const text = value === null || value === undefined ? '' : String(value);
      const close = PATH_TYPES.find((t) => t.toLowerCase() === text.toLowerCase().replace(/[-_ ]/g, ''));
      ctx.report({
        message: `pathType "${text}" is not supported: use Prefix, Exact or ImplementationSpecific (case-sensitive)${close ? `; did you mean ${close}?` : '.'} The API server rejects this Ingress.`,
        location: locate(ingress, node),
        fixes: close && p.pathType ? [{ title: `Change to ${close}`, edits: [replaceNode(ingress, p.pathType, sameStyle(ingress, p.pathType, close))], preferred: true }] : undefined,
      });
    }
  },
};
