import { locate, locateKey } from '../../analysis/locate';
import { AGIC_CONTROLLER, INGRESS_CLASS_ANNOTATION } from '../../ingress/ingressControllers';
import { asMap, getPair, getPath, scalarText } from '../../yaml/nodes';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS } from './common';
import { deletePairLines } from './edits';
import { annotation, annotationsMap, classNamePair } from './model';

/**
 * `kubernetes.io/ingress.class` and `spec.ingressClassName` with different values: the API server
 * refuses to create the Ingress (ValidateIngressCreate; before Kubernetes 1.27 it refused any
 * combination, equal values included).
 */
export const ingressClassConflict: Rule = {
  id: 'ingress/class-conflict',
  defaultSeverity: 'error',
  title: 'Class annotation and spec.ingressClassName disagree',
  docs: [
    'The Ingress sets both the legacy `kubernetes.io/ingress.class` annotation and `spec.ingressClassName`, with different values.',
    '',
    'The API server rejects **creating** such an Ingress ("must match `ingressClassName` when both are specified"; before Kubernetes 1.27 both could not be set at all). An Ingress that was created earlier and then updated is not re-checked, and then the controllers disagree about who owns it: AGIC reads the annotation first and ignores `spec.ingressClassName`, while the application routing operator reads only `spec.ingressClassName`.',
    '',
    'Fix: keep `spec.ingressClassName` and remove the annotation. For AGIC the class is `azure-application-gateway`, for application routing `webapprouting.kubernetes.azure.com`.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress) return;
    const entry = annotation(ingress, INGRESS_CLASS_ANNOTATION);
    const classPair = classNamePair(ingress);
    const className = scalarText(classPair?.value);
    if (!entry || entry.text === null || !classPair || className === null || entry.text === className) return;
    const agicNote =
      entry.text === AGIC_CONTROLLER
        ? ` AGIC honours the annotation first, so it would claim this Ingress and ignore spec.ingressClassName "${className}".`
        : ' AGIC honours the annotation first and ignores spec.ingressClassName.';
    const map = annotationsMap(ingress);
    const parent = getPair(asMap(getPath(ingress.node, ['metadata'])), 'annotations');
    const removal = map ? deletePairLines(ingress, map, entry.pair, parent) : null;
    ctx.report({
      message: `${INGRESS_CLASS_ANNOTATION} "${entry.text}" differs from spec.ingressClassName "${className}": the API server rejects creating this Ingress.${agicNote} Remove the annotation and keep spec.ingressClassName.`,
      location: locateKey(ingress, entry.pair),
      related: [{ location: locate(ingress, classPair), message: 'spec.ingressClassName is set here' }],
      fixes: removal ? [{ title: `Remove the ${INGRESS_CLASS_ANNOTATION} annotation (keep spec.ingressClassName: ${className})`, edits: [removal], preferred: true }] : undefined,
    });
  },
};
