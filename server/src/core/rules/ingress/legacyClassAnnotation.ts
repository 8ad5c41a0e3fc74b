import { locateKey } from '../../analysis/locate';
import {
  AGIC_CONTROLLER,
  AGIC_INGRESS_CLASS,
  APP_ROUTING_DEFAULT_CLASS,
  INGRESS_CLASS_ANNOTATION,
} from '../../ingress/ingressControllers';
import type { IngressResource } from '../../k8s/resources';
import { asMap, getPair, getPath, scalarText } from '../../yaml/nodes';
import type { Fix, Rule, TextEditAt } from '../types';
import { asIngress, INGRESS_KINDS, KEYVAULT_URI_ANNOTATION } from './common';
import { deletePairLines, insertFirstPair, isPlainSafe, quoted } from './edits';
import { annotation, annotationsMap, classNamePair, CONTROLLER_KINDS, controllersIn } from './model';

/** The IngressClass name that stands for a legacy annotation value (AGIC's controller name maps to its class). */
export function classNameForAnnotation(value: string): string {
  return value === AGIC_CONTROLLER ? AGIC_INGRESS_CLASS : value;
}

/**
 * The deprecated `kubernetes.io/ingress.class` annotation: a teaching note with a fix that moves
 * it to `spec.ingressClassName`. Application routing never reads the annotation, so with a Key
 * Vault certificate annotation it is a warning: the operator would not manage the Ingress.
 */
export const ingressLegacyClassAnnotation: Rule = {
  id: 'ingress/legacy-class-annotation',
  defaultSeverity: 'hint',
  title: 'Deprecated kubernetes.io/ingress.class annotation',
  docs: [
    'The `kubernetes.io/ingress.class` annotation is deprecated since Kubernetes 1.18; `spec.ingressClassName` names an IngressClass object instead.',
    '',
    '- AGIC still honours the annotation (value `azure/application-gateway`); the matching class is `azure-application-gateway`, the IngressClass its Helm chart creates.',
    '- The application routing operator reads **only** `spec.ingressClassName`. With just the annotation it does not treat the Ingress as managed, so a `kubernetes.azure.com/tls-cert-keyvault-uri` certificate is never synced: that case is a warning.',
    '',
    'The quick-fix removes the annotation and adds `ingressClassName` under `spec`, keeping the file\'s indentation.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress) return;
    const entry = annotation(ingress, INGRESS_CLASS_ANNOTATION);
    if (!entry || entry.text === null || entry.text.trim() === '') return;
    const classPair = classNamePair(ingress);
    const className = scalarText(classPair?.value);
    if (className !== null && className !== entry.text) return; // ingress/class-conflict reports it
    const map = annotationsMap(ingress);
    const parent = getPair(asMap(getPath(ingress.node, ['metadata'])), 'annotations');
    const removal = map ? deletePairLines(ingress, map, entry.pair, parent) : null;

    if (className !== null) {
      ctx.report({
        message: `${INGRESS_CLASS_ANNOTATION} repeats spec.ingressClassName "${className}"; the annotation is deprecated. Remove it.`,
        location: locateKey(ingress, entry.pair),
        tags: ['deprecated'],
        fixes: removal ? [{ title: `Remove the redundant ${INGRESS_CLASS_ANNOTATION} annotation`, edits: [removal], preferred: true }] : undefined,
      });
      return;
    }

    const target = classNameForAnnotation(entry.text);
    const { nginxIngressControllers } = controllersIn(ctx.workspace.ofKinds(CONTROLLER_KINDS));
    const appRouting = target === APP_ROUTING_DEFAULT_CLASS || nginxIngressControllers.some((n) => n.ingressClassName === target);
    const keyVault = annotation(ingress, KEYVAULT_URI_ANNOTATION) !== null;
    let message = `${INGRESS_CLASS_ANNOTATION} is deprecated: use spec.ingressClassName: ${target}.`;
    if (entry.text === AGIC_CONTROLLER) {
      message += ` AGIC still honours the annotation; "${AGIC_INGRESS_CLASS}" is the IngressClass its Helm chart creates for it.`;
    } else if (appRouting) {
      message += ' Application routing reads only spec.ingressClassName, so it does not manage this Ingress' +
        (keyVault ? ': the Key Vault certificate is never synced.' : ' (no Key Vault certificates, no DNS records).');
    }
    ctx.report({
      message,
      severity: appRouting && keyVault ? 'warning' : undefined,
      location: locateKey(ingress, entry.pair),
      tags: appRouting && keyVault ? undefined : ['deprecated'],
      fixes: convertFix(ingress, removal, target),
    });
  },
};

function convertFix(ingress: IngressResource, removal: TextEditAt | null, target: string): Fix[] | undefined {
  const spec = asMap(ingress.spec);
  if (!removal || !spec) return undefined;
  const value = isPlainSafe(target) ? target : quoted(target);
  const insert = insertFirstPair(ingress, spec, `ingressClassName: ${value}`);
  if (!insert) return undefined;
  return [{ title: `Replace the annotation with spec.ingressClassName: ${target}`, edits: [removal, insert], preferred: true }];
}
