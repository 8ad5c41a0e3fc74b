import { locate, locateKey } from '../../analysis/locate';
import { asMap, getPair } from '../../yaml/nodes';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS } from './common';
import { classNamePair, ingressOwner } from './model';

export const NGINX_RETIREMENT_RULE_ID = 'approuting/nginx-retirement';

/** One notice per application routing Ingress: its NGINX is past upstream maintenance. */
export const appRoutingNginxRetirement: Rule = {
  id: NGINX_RETIREMENT_RULE_ID,
  defaultSeverity: 'information',
  title: 'Application routing NGINX is being retired',
  docs: [
    'The application routing add-on serves Ingresses with ingress-nginx. Kubernetes SIG Network and the Security Response Committee announced the retirement of Ingress NGINX on 2025-11-12: upstream maintenance ends in **March 2026**. AKS provides critical security patches for the add-on\'s NGINX resources only through **November 2026** and standardizes on the Gateway API.',
    '',
    'Plan the migration to the Gateway API: the application routing Gateway API implementation, Application Gateway for Containers, or Istio (ingress gateway or Gateway API). See https://learn.microsoft.com/azure/aks/app-routing and https://www.kubernetes.dev/blog/2025/11/12/ingress-nginx-retirement/.',
    '',
    'To silence this notice, set in VS Code settings:',
    '',
    '```json',
    '"aksNetlens.rules": { "approuting/nginx-retirement": "off" }',
    '```',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress) return;
    const owner = ingressOwner(ingress, ctx.workspace);
    if (owner.controller !== 'app-routing') return;
    const classPair = classNamePair(ingress);
    const anchor = classPair?.value ? locate(ingress, classPair.value) : locateKey(ingress, getPair(asMap(ingress.node), 'spec') ?? ingress.node.pairs[0]);
    ctx.report({
      message:
        'Application routing serves this Ingress with ingress-nginx, whose upstream maintenance ends in March 2026; AKS patches it for critical security issues only through November 2026. Plan the move to the Gateway API (application routing Gateway API, Application Gateway for Containers or Istio). Silence with "aksNetlens.rules": {"approuting/nginx-retirement": "off"}.',
      location: anchor,
    });
  },
};
