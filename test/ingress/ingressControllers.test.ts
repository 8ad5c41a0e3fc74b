import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AGC_INGRESS_CLASS,
  AGIC_CONTROLLER,
  AGIC_INGRESS_CLASS,
  APP_ROUTING_DEFAULT_CLASS,
  APP_ROUTING_DEFAULT_CONTROLLER,
  decideIngressOwner,
  type IngressClassInfo,
  type IngressOwner,
  type OwnerInput,
} from '../../server/src/core/ingress/ingressControllers';

const AGIC_CLASS: IngressClassInfo = { name: AGIC_INGRESS_CLASS, controller: AGIC_CONTROLLER, isDefault: false };
const APP_ROUTING_CLASS: IngressClassInfo = {
  name: APP_ROUTING_DEFAULT_CLASS,
  controller: APP_ROUTING_DEFAULT_CONTROLLER,
  isDefault: false,
};
const INTERNAL_CLASS: IngressClassInfo = {
  name: 'nginx-internal',
  controller: 'approuting.kubernetes.azure.com/nginx-internal',
  isDefault: false,
};

function input(partial: Partial<OwnerInput>): OwnerInput {
  return { ingressClasses: [], nginxIngressControllers: [], ...partial };
}

type Case = [string, OwnerInput, Pick<IngressOwner, 'controller' | 'via' | 'className'>, RegExp[]];

const cases: Case[] = [
  ['AGIC annotation', input({ classAnnotation: AGIC_CONTROLLER }), { controller: 'agic', via: 'annotation', className: AGIC_CONTROLLER }, []],
  [
    'AGIC class with its IngressClass',
    input({ ingressClassName: AGIC_INGRESS_CLASS, ingressClasses: [AGIC_CLASS] }),
    { controller: 'agic', via: 'ingressClassName', className: AGIC_INGRESS_CLASS },
    [],
  ],
  [
    'AGIC class without a known IngressClass',
    input({ ingressClassName: AGIC_INGRESS_CLASS }),
    { controller: 'agic', via: 'ingressClassName', className: AGIC_INGRESS_CLASS },
    [/needs the IngressClass "azure-application-gateway"/],
  ],
  [
    'custom AGIC class name',
    input({ ingressClassName: 'agic-private', ingressClasses: [{ name: 'agic-private', controller: AGIC_CONTROLLER, isDefault: false }] }),
    { controller: 'agic', via: 'ingressClassName', className: 'agic-private' },
    [/kubernetes\.ingressClassResource\.name/],
  ],
  [
    'app routing default class',
    input({ ingressClassName: APP_ROUTING_DEFAULT_CLASS }),
    { controller: 'app-routing', via: 'ingressClassName', className: APP_ROUTING_DEFAULT_CLASS },
    [],
  ],
  [
    'class of an extra NginxIngressController',
    input({ ingressClassName: 'nginx-internal', nginxIngressControllers: [{ name: 'nginx-internal', ingressClassName: 'nginx-internal' }] }),
    { controller: 'app-routing', via: 'ingressClassName', className: 'nginx-internal' },
    [],
  ],
  [
    'app routing IngressClass without its NginxIngressController',
    input({ ingressClassName: 'nginx-internal', ingressClasses: [INTERNAL_CLASS] }),
    { controller: 'app-routing', via: 'ingressClassName', className: 'nginx-internal' },
    [/no NginxIngressController with ingressClassName "nginx-internal"/],
  ],
  ['AGC', input({ ingressClassName: AGC_INGRESS_CLASS }), { controller: 'agc', via: 'ingressClassName', className: AGC_INGRESS_CLASS }, []],
  [
    'both set: AGIC annotation wins, API server and app routing notes',
    input({ classAnnotation: AGIC_CONTROLLER, ingressClassName: APP_ROUTING_DEFAULT_CLASS }),
    { controller: 'agic', via: 'annotation', className: AGIC_CONTROLLER },
    [/API server rejects creating/, /ignores spec\.ingressClassName/, /treats this Ingress as its own too/],
  ],
  [
    'foreign annotation beats the AGIC class',
    input({ classAnnotation: 'nginx', ingressClassName: AGIC_INGRESS_CLASS, ingressClasses: [AGIC_CLASS] }),
    { controller: 'none', via: 'annotation', className: 'nginx' },
    [/API server rejects creating/, /AGIC ignores this Ingress/],
  ],
  [
    'foreign annotation with an app routing class',
    input({ classAnnotation: 'nginx', ingressClassName: APP_ROUTING_DEFAULT_CLASS }),
    { controller: 'app-routing', via: 'ingressClassName', className: APP_ROUTING_DEFAULT_CLASS },
    [/API server rejects creating/],
  ],
  [
    'app routing class only as annotation',
    input({ classAnnotation: APP_ROUTING_DEFAULT_CLASS }),
    { controller: 'unknown', via: 'annotation', className: APP_ROUTING_DEFAULT_CLASS },
    [/decides only from spec\.ingressClassName/],
  ],
  [
    'no class, AGIC is the default',
    input({ ingressClasses: [{ ...AGIC_CLASS, isDefault: true }] }),
    { controller: 'agic', via: 'default-class', className: AGIC_INGRESS_CLASS },
    [/fills in the default IngressClass "azure-application-gateway"/],
  ],
  [
    'no class, app routing is the default',
    input({ ingressClasses: [AGIC_CLASS, { ...APP_ROUTING_CLASS, isDefault: true }] }),
    { controller: 'app-routing', via: 'default-class', className: APP_ROUTING_DEFAULT_CLASS },
    [/default IngressClass/],
  ],
  ['no class, no default', input({ ingressClasses: [AGIC_CLASS] }), { controller: 'none', via: null, className: null }, [/no IngressClass is marked default/]],
  [
    'two defaults',
    input({ ingressClasses: [{ ...AGIC_CLASS, isDefault: true }, { ...APP_ROUTING_CLASS, isDefault: true }] }),
    { controller: 'none', via: null, className: null },
    [/Several IngressClasses are marked default/],
  ],
  [
    'another controller',
    input({ ingressClassName: 'traefik', ingressClasses: [{ name: 'traefik', controller: 'traefik.io/ingress-controller', isDefault: false }] }),
    { controller: 'unknown', via: 'ingressClassName', className: 'traefik' },
    [/controller "traefik\.io\/ingress-controller"/],
  ],
  ['unknown class name', input({ ingressClassName: 'nginx' }), { controller: 'unknown', via: 'ingressClassName', className: 'nginx' }, [/No IngressClass named "nginx"/]],
  ['empty strings count as unset', input({ ingressClassName: '', classAnnotation: ' ' }), { controller: 'none', via: null, className: null }, [/Neither/]],
];

describe('decideIngressOwner', () => {
  for (const [name, given, expected, notes] of cases) {
    test(name, () => {
      const owner = decideIngressOwner(given);
      assert.deepEqual({ controller: owner.controller, via: owner.via, className: owner.className }, expected);
      assert.equal(owner.notes.length, notes.length, owner.notes.join('\n'));
      notes.forEach((pattern, i) => assert.match(owner.notes[i], pattern));
    });
  }
});
