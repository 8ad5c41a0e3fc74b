/**
 * Hover for Ingress documents: annotation keys (what they do, type, default, allowed values,
 * since, docs), the Key Vault certificate URI (its parts and the command that attaches the vault)
 * and the ingress class (which controller serves the Ingress, and why).
 */
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import {
  AGC_INGRESS_CLASS,
  AGIC_CONTROLLER,
  AGIC_INGRESS_CLASS,
  APP_ROUTING_DEFAULT_CLASS,
  APP_ROUTING_DEFAULT_CONTROLLER,
  INGRESS_CLASS_ANNOTATION,
} from '../../core/ingress/ingressControllers';
import { attachVaultCommand, describeKeyVaultUri, parseKeyVaultUri } from '../../core/ingress/keyVaultUri';
import type { IngressResource } from '../../core/k8s/resources';
import { CONTROLLER_LABEL, KEYVAULT_URI_ANNOTATION } from '../../core/rules/ingress/common';
import { controllersIn, keyVaultSecretName, ownerOf } from '../../core/rules/ingress/model';
import type { WorkspaceView } from '../../core/rules/types';
import type { ManifestFile } from '../../core/workspace/manifestFile';
import { asScalar, type YNode } from '../../core/yaml/nodes';
import { rangeOf } from '../positions';
import { annotationMarkdown, code } from './annotationDocs';
import { ingressAt } from './ingressAt';

/** Hover at an absolute offset of a file, or null when the offset is not on something Ingress-specific. */
export function ingressHover(file: ManifestFile, offset: number, view: WorkspaceView): Hover | null {
  const found = ingressAt(file, offset);
  if (!found?.at) return null;
  const { ingress, at } = found;
  const hover = (markdown: string | null, node: YNode): Hover | null => {
    if (!markdown) return null;
    const base = ingress.source.document.offset;
    return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: rangeOf(file, base + node.span.start, base + node.span.end) };
  };
  const path = at.path;
  if (path.length === 3 && path[0] === 'metadata' && path[1] === 'annotations') {
    const key = String(path[2]);
    const value = asScalar(at.node);
    if (!at.onKey && key === KEYVAULT_URI_ANNOTATION && value && typeof value.value === 'string') {
      return hover(keyVaultMarkdown(ingress, value.value), at.node);
    }
    if (!at.onKey && key === INGRESS_CLASS_ANNOTATION) return hover(classMarkdown(ingress, view), at.node);
    return hover(annotationMarkdown(key), at.node);
  }
  if (path.length === 2 && path[0] === 'spec' && path[1] === 'ingressClassName') {
    return hover(classMarkdown(ingress, view), at.node);
  }
  return null;
}

/** The parts of a Key Vault certificate URI and how to let the add-on read the vault. */
export function keyVaultMarkdown(ingress: IngressResource, uri: string): string {
  const parsed = parseKeyVaultUri(uri);
  const lines = [`**Key Vault certificate** (${code(KEYVAULT_URI_ANNOTATION)})`, ''];
  for (const line of describeKeyVaultUri(parsed.parts)) lines.push(`- ${line}`);
  const problems = parsed.defects.filter((d) => d.severity !== 'information').length;
  if (problems) lines.push('', `${problems} problem${problems === 1 ? '' : 's'} in this URI: see the diagnostics.`);
  if (ingress.name) {
    const secret = keyVaultSecretName(ingress.name);
    lines.push('', `The add-on syncs it into the TLS Secret ${code(secret)}: \`spec.tls[].secretName\` must be \`${secret}\`.`);
  }
  lines.push('', 'Let application routing read the vault:', '', '```sh', attachVaultCommand(parsed.parts.vaultName?.value ?? ''), '```');
  return lines.join('\n');
}

/** Which controller serves the Ingress, decided the way the controllers decide it. */
export function classMarkdown(ingress: IngressResource, view: WorkspaceView): string {
  const owner = ownerOf(ingress, view.resources);
  const lines = [`**Ingress class ${owner.className ? code(owner.className) : '(none)'}** — served by ${CONTROLLER_LABEL[owner.controller]}`, ''];
  if (owner.via === 'annotation') lines.push(`Decided by the legacy ${code(INGRESS_CLASS_ANNOTATION)} annotation, which AGIC reads before \`spec.ingressClassName\`.`);
  else if (owner.via === 'ingressClassName') lines.push('Decided by `spec.ingressClassName`.');
  else if (owner.via === 'default-class') lines.push('No class is set: the IngressClass marked default decides.');
  const why = controllerExplanation(owner.controller, owner.className, view);
  if (why) lines.push('', why);
  for (const note of owner.notes) lines.push('', note);
  return lines.join('\n');
}

function controllerExplanation(controller: string, className: string | null, view: WorkspaceView): string | null {
  const { ingressClasses, nginxIngressControllers } = controllersIn(view.resources);
  const nic = nginxIngressControllers.find((n) => n.ingressClassName === className);
  const ingressClass = ingressClasses.find((c) => c.name === className);
  switch (controller) {
    case 'app-routing':
      return (
        (nic
          ? `The class of the NginxIngressController ${code(nic.name)} (application routing add-on, controller \`approuting.kubernetes.azure.com/${nic.name}\`).`
          : `The application routing add-on creates the IngressClass ${code(APP_ROUTING_DEFAULT_CLASS)} (controller ${code(APP_ROUTING_DEFAULT_CONTROLLER)}) for its default NGINX, the Service \`nginx\` in namespace \`app-routing-system\`.`) +
        ' Its ingress-nginx is past upstream maintenance (March 2026) and patched by AKS only through November 2026: plan the move to the Gateway API.'
      );
    case 'agic':
      return `AGIC claims Ingresses with the annotation value ${code(AGIC_CONTROLLER)} or the IngressClass ${code(AGIC_INGRESS_CLASS)} (controller ${code(AGIC_CONTROLLER)}), and programs the Application Gateway from them.`;
    case 'agc':
      return `Application Gateway for Containers serves the class ${code(AGC_INGRESS_CLASS)}; its annotations use the prefix \`alb.networking.azure.io/\`.`;
    case 'unknown':
      return ingressClass ? `IngressClass ${code(ingressClass.name)} names the controller ${code(ingressClass.controller)}.` : null;
    default:
      return null;
  }
}
