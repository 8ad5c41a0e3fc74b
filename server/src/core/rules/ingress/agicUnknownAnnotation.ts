import { locateKey } from '../../analysis/locate';
import { AGIC_PREFIX, findAgicAnnotation, suggestAgicAnnotation } from '../../ingress/agicAnnotations';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS } from './common';
import { renameKey } from './edits';
import { annotationEntries, ingressOwner } from './model';

/** An `appgw.ingress.kubernetes.io/*` key AGIC never reads; typos are silently ignored. */
export const agicUnknownAnnotation: Rule = {
  id: 'agic/unknown-annotation',
  defaultSeverity: 'warning',
  title: 'Unknown AGIC annotation',
  docs: [
    'AGIC reads a fixed set of `appgw.ingress.kubernetes.io/*` annotations (pkg/annotations/ingress_annotations.go). Any other key under that prefix — usually a typo — is ignored without a warning, so the setting silently keeps its default.',
    '',
    'A known trap: MS Learn spells `health-probe-status-code`, but AGIC reads only the plural `health-probe-status-codes`.',
    '',
    'Fix: use the suggested key (quick-fix), or remove the annotation.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress) return;
    const owner = ingressOwner(ingress, ctx.workspace).controller;
    if (owner === 'app-routing' || owner === 'agc') return; // ingress/foreign-annotation says they have no effect
    for (const entry of annotationEntries(ingress)) {
      if (!entry.key.startsWith(AGIC_PREFIX) || findAgicAnnotation(entry.key)) continue;
      const suggestion = suggestAgicAnnotation(entry.key);
      const why = suggestion?.reason === 'known-misspelling' ? ' (MS Learn spells it this way, but the AGIC code reads only the other spelling)' : '';
      ctx.report({
        message: `AGIC does not read ${entry.key}${suggestion ? `; did you mean ${suggestion.key}?${why}` : '.'} The annotation is ignored.`,
        location: locateKey(ingress, entry.pair),
        fixes: suggestion ? [{ title: `Rename to ${suggestion.key}`, edits: [renameKey(ingress, entry.pair, suggestion.key)], preferred: true }] : undefined,
      });
    }
  },
};
