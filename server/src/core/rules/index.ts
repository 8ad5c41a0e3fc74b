import type { Rule } from './types';
import { unknownFieldRule } from './structure/unknownField';
import { wrongTypeRule } from './structure/wrongType';
import { badEnumRule } from './structure/badEnum';
import { missingRequiredRule } from './structure/missingRequired';
import { emptyPeerRule } from './structure/emptyPeer';
import { ipBlockWithSelectorRule } from './structure/ipBlockWithSelector';
import { exceptOutsideCidrRule } from './structure/exceptOutsideCidr';
import { invalidCidrRule } from './structure/invalidCidr';
import { endPortRule } from './structure/endPort';
import { selectorOperatorValuesRule } from './structure/selectorOperatorValues';
import { selectorInvalidLabelRule } from './structure/selectorInvalidLabel';
import { mixedL3Rule } from './structure/mixedL3';
import { icmpsWithToPortsRule } from './structure/icmpsWithToPorts';
import { subjectSelectorRule } from './structure/subjectSelector';
import { noRuleSectionsRule } from './structure/noRuleSections';
import { unknownEntityRule } from './structure/unknownEntity';
import { l7OnNonTcpRule } from './structure/l7OnNonTcp';
import { dnsRuleOnIngressRule } from './structure/dnsRuleOnIngress';
import { dnsRulePortRule } from './structure/dnsRulePort';
import { invalidHttpRegexRule } from './structure/invalidHttpRegex';
import { invalidFqdnRule } from './structure/invalidFqdn';
import { tooManyPortsRule } from './structure/tooManyPorts';
import { denyWithL7OrFqdnRule } from './structure/denyWithL7OrFqdn';
import { ingressClassConflict } from './ingress/classConflict';
import { ingressLegacyClassAnnotation } from './ingress/legacyClassAnnotation';
import { ingressUnknownClass } from './ingress/unknownClass';
import { ingressForeignAnnotation } from './ingress/foreignAnnotation';
import { ingressAnnotationNotString } from './ingress/annotationNotString';
import { agicUnknownAnnotation } from './ingress/agicUnknownAnnotation';
import { agicInvalidValue } from './ingress/agicInvalidValue';
import { agicSslCertificateIgnored } from './ingress/agicSslCertificateIgnored';
import { agicBackendProtocolPort } from './ingress/agicBackendProtocolPort';
import { agicPathPattern } from './ingress/agicPathPattern';
import { appRoutingKeyVaultUri } from './ingress/keyVaultUri';
import { appRoutingKeyVaultVersionPinned } from './ingress/keyVaultVersionPinned';
import { appRoutingTlsSecretName } from './ingress/tlsSecretName';
import { appRoutingTlsMissing } from './ingress/tlsMissing';
import { appRoutingNginxRetirement } from './ingress/nginxRetirement';
import { appRoutingNginxUnknownAnnotation } from './ingress/nginxUnknownAnnotation';
import { appRoutingNginxInvalidValue } from './ingress/nginxInvalidValue';
import { appRoutingNginxBlockedWord } from './ingress/nginxBlockedWord';
import { ingressBackendService } from './ingress/backendService';
import { ingressPathType } from './ingress/pathType';
import { ingressPathSyntax } from './ingress/pathSyntax';
import { ingressHostSyntax } from './ingress/hostSyntax';
import { ingressTlsHostNotCovered } from './ingress/tlsHostNotCovered';

import { dnsBlockedRule } from './policy/dnsBlocked';
import { fqdnWithoutDnsRuleRule } from './policy/fqdnWithoutDnsRule';
import { dnsPatternMissesFqdnRule } from './policy/dnsPatternMissesFqdn';
import { dnsAllowlistBlocksClusterNamesRule } from './policy/dnsAllowlistBlocksClusterNames';
import { egressWithoutPolicyTypesRule } from './policy/egressWithoutPolicyTypes';
import { emptyEgressListRule } from './policy/emptyEgressList';
import { emptyRuleMeaningRule } from './policy/emptyRuleMeaning';
import { orPeersRule } from './policy/orPeers';
import { selectorMatchesNothingRule } from './policy/selectorMatchesNothing';
import { namespaceCustomLabelRule } from './policy/namespaceCustomLabel';
import { unknownNamedPortRule } from './policy/unknownNamedPort';
import { oneSidedAllowRule } from './policy/oneSidedAllow';
import { namespaceWithoutDefaultDenyRule } from './policy/namespaceWithoutDefaultDeny';
import { duplicateNameRule } from './policy/duplicateName';
import { denyOnlyEnablesDefaultDenyRule } from './policy/denyOnlyEnablesDefaultDeny';
import { fqdnPatternWithoutWildcardRule } from './policy/fqdnPatternWithoutWildcard';
import { fqdnEntryRedundantRule } from './policy/fqdnEntryRedundant';
import { ciliumPolicyWithoutCiliumRule } from './policy/platform/ciliumPolicyWithoutCilium';
import { calicoOnCiliumRule } from './policy/platform/calicoOnCilium';
import { calicoKindUnsupportedRule } from './policy/platform/calicoKindUnsupported';
import { fqdnNeedsAcnsRule } from './policy/platform/fqdnNeedsAcns';
import { l7NeedsAcnsRule } from './policy/platform/l7NeedsAcns';
import { l7InCcnpRule } from './policy/platform/l7InCcnp';
import { endPortOnCilium116Rule } from './policy/platform/endPortOnCilium116';
import { ipBlockMatchesPodsRule } from './policy/platform/ipBlockMatchesPods';
/**
 * Every rule, in the order their findings are listed. Add a rule: create its module, import
 * it here, add a test under test/rules/.
 */
export const ALL_RULES: readonly Rule[] = [
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
  ingressClassConflict,
  ingressLegacyClassAnnotation,
  ingressUnknownClass,
  ingressForeignAnnotation,
  ingressAnnotationNotString,
  agicUnknownAnnotation,
  agicInvalidValue,
  agicSslCertificateIgnored,
  agicBackendProtocolPort,
  agicPathPattern,
  appRoutingKeyVaultUri,
  appRoutingKeyVaultVersionPinned,
  appRoutingTlsSecretName,
  appRoutingTlsMissing,
  appRoutingNginxRetirement,
  appRoutingNginxUnknownAnnotation,
  appRoutingNginxInvalidValue,
  appRoutingNginxBlockedWord,
  ingressBackendService,
  ingressPathType,
  ingressPathSyntax,
  ingressHostSyntax,
  ingressTlsHostNotCovered,
  dnsBlockedRule,
  fqdnWithoutDnsRuleRule,
  dnsPatternMissesFqdnRule,
  dnsAllowlistBlocksClusterNamesRule,
  egressWithoutPolicyTypesRule,
  emptyEgressListRule,
  emptyRuleMeaningRule,
  orPeersRule,
  selectorMatchesNothingRule,
  namespaceCustomLabelRule,
  unknownNamedPortRule,
  oneSidedAllowRule,
  namespaceWithoutDefaultDenyRule,
  duplicateNameRule,
  denyOnlyEnablesDefaultDenyRule,
  fqdnPatternWithoutWildcardRule,
  fqdnEntryRedundantRule,
  ciliumPolicyWithoutCiliumRule,
  calicoOnCiliumRule,
  calicoKindUnsupportedRule,
  fqdnNeedsAcnsRule,
  l7NeedsAcnsRule,
  l7InCcnpRule,
  endPortOnCilium116Rule,
  ipBlockMatchesPodsRule,
];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
