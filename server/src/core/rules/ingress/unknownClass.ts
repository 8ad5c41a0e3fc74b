import { locate, locateKey } from '../../analysis/locate';
import {
  AGC_INGRESS_CLASS,
  AGIC_INGRESS_CLASS,
  APP_ROUTING_DEFAULT_CLASS,
  INGRESS_CLASS_ANNOTATION,
} from '../../ingress/ingressControllers';
import { suggestClosest } from '../../text/didYouMean';
import { asMap, getPair, scalarText } from '../../yaml/nodes';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS } from './common';
import { replaceNode, sameStyle } from './edits';
import { annotation, classNamePair, CONTROLLER_KINDS, controllersIn, ingressOwner } from './model';

/** Class names this tool knows: the Azure controllers' and those of the workspace's IngressClass/NginxIngressController objects. */
export function knownClassNames(resources: Parameters<typeof controllersIn>[0]): string[] {
  const { ingressClasses, nginxIngressControllers } = controllersIn(resources);
  const names = [APP_ROUTING_DEFAULT_CLASS, AGIC_INGRESS_CLASS, AGC_INGRESS_CLASS, ...ingressClasses.map((c) => c.name), ...nginxIngressControllers.map((n) => n.ingressClassName)];
  return [...new Set(names)];
}

/**
 * An Ingress whose class no known controller serves. Information, not a warning: the class may
 * exist in the cluster (an IngressClass not kept in this workspace).
 */
export const ingressUnknownClass: Rule = {
  id: 'ingress/unknown-class',
  defaultSeverity: 'information',
  title: 'No known controller serves this Ingress class',
  docs: [
    'Which controller serves an Ingress is decided by `spec.ingressClassName` (or, when it is missing, by the IngressClass marked `ingressclass.kubernetes.io/is-default-class: "true"`).',
    '',
    'aks-netlens knows the classes of the Azure controllers — `azure-application-gateway` (AGIC), `webapprouting.kubernetes.azure.com` (application routing), `azure-alb-external` (Application Gateway for Containers) — and the IngressClass and NginxIngressController objects in the workspace. Any other class is reported as information: it may exist in the cluster, but nothing in the workspace says which controller (if any) serves it, and an Ingress nobody serves is silently ignored.',
    '',
    'Fix: set `spec.ingressClassName` to the class of your controller, or add its IngressClass manifest to the workspace.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress) return;
    const classPair = classNamePair(ingress);
    const className = scalarText(classPair?.value);
    const legacy = annotation(ingress, INGRESS_CLASS_ANNOTATION)?.text ?? null;
    // The annotation rules explain an annotation alone or one that disagrees with the class.
    if (legacy !== null && legacy.trim() !== '' && legacy !== className) return;
    const owner = ingressOwner(ingress, ctx.workspace);
    const note = owner.notes[owner.notes.length - 1] ?? '';
    if (owner.controller === 'unknown' && owner.via === 'ingressClassName' && classPair?.value && className !== null) {
      const suggestion = suggestClosest(className, knownClassNames(ctx.workspace.ofKinds(CONTROLLER_KINDS)));
      ctx.report({
        message: suggestion ? `${note} Did you mean "${suggestion}"?` : note,
        location: locate(ingress, classPair.value),
        fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [replaceNode(ingress, classPair.value, sameStyle(ingress, classPair.value, suggestion))], preferred: true }] : undefined,
      });
      return;
    }
    if ((owner.controller === 'unknown' && owner.via === 'default-class') || (owner.controller === 'none' && owner.via === null)) {
      const specPair = getPair(asMap(ingress.node), 'spec') ?? getPair(asMap(ingress.node), 'kind');
      if (!specPair) return;
      ctx.report({ message: `${owner.notes.join(' ')} Only the workspace was checked: a default IngressClass in the cluster would decide.`, location: locateKey(ingress, specPair) });
    }
  },
};
