/** The structural rules (schema, NetworkPolicy and Cilium validity checks), for tests and tools that want just these. */
import type { Rule } from '../types';
import { badEnumRule } from './badEnum';
import { denyWithL7OrFqdnRule } from './denyWithL7OrFqdn';
import { dnsRuleOnIngressRule } from './dnsRuleOnIngress';
import { dnsRulePortRule } from './dnsRulePort';
import { emptyPeerRule } from './emptyPeer';
import { endPortRule } from './endPort';
import { exceptOutsideCidrRule } from './exceptOutsideCidr';
import { icmpsWithToPortsRule } from './icmpsWithToPorts';
import { invalidCidrRule } from './invalidCidr';
import { invalidFqdnRule } from './invalidFqdn';
import { invalidHttpRegexRule } from './invalidHttpRegex';
import { ipBlockWithSelectorRule } from './ipBlockWithSelector';
import { l7OnNonTcpRule } from './l7OnNonTcp';
import { missingRequiredRule } from './missingRequired';
import { missingDocumentSeparatorRule } from './missingDocumentSeparator';
import { mixedL3Rule } from './mixedL3';
import { noRuleSectionsRule } from './noRuleSections';
import { selectorInvalidLabelRule } from './selectorInvalidLabel';
import { selectorOperatorValuesRule } from './selectorOperatorValues';
import { subjectSelectorRule } from './subjectSelector';
import { tooManyPortsRule } from './tooManyPorts';
import { unknownEntityRule } from './unknownEntity';
import { unknownFieldRule } from './unknownField';
import { wrongTypeRule } from './wrongType';

export const STRUCTURE_RULES: readonly Rule[] = [
  missingDocumentSeparatorRule,
  unknownFieldRule,
  wrongTypeRule,
  badEnumRule,
  missingRequiredRule,
  emptyPeerRule,
  ipBlockWithSelectorRule,
  exceptOutsideCidrRule,
  invalidCidrRule,
  endPortRule,
  selectorOperatorValuesRule,
  selectorInvalidLabelRule,
  mixedL3Rule,
  icmpsWithToPortsRule,
  subjectSelectorRule,
  noRuleSectionsRule,
  unknownEntityRule,
  l7OnNonTcpRule,
  dnsRuleOnIngressRule,
  dnsRulePortRule,
  invalidHttpRegexRule,
  invalidFqdnRule,
  tooManyPortsRule,
  denyWithL7OrFqdnRule,
];
