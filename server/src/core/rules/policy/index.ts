/** The policy rules that look at meaning (DNS, FQDN, selectors, default deny) and at the platform (engine, ACNS, Cilium version), in listing order. */
import type { Rule } from '../types';
import { denyOnlyEnablesDefaultDenyRule } from './denyOnlyEnablesDefaultDeny';
import { dnsAllowlistBlocksClusterNamesRule } from './dnsAllowlistBlocksClusterNames';
import { dnsBlockedRule } from './dnsBlocked';
import { dnsPatternMissesFqdnRule } from './dnsPatternMissesFqdn';
import { duplicateNameRule } from './duplicateName';
import { egressWithoutPolicyTypesRule } from './egressWithoutPolicyTypes';
import { emptyEgressListRule } from './emptyEgressList';
import { emptyRuleMeaningRule } from './emptyRuleMeaning';
import { fqdnEntryRedundantRule } from './fqdnEntryRedundant';
import { fqdnPatternWithoutWildcardRule } from './fqdnPatternWithoutWildcard';
import { fqdnWithoutDnsRuleRule } from './fqdnWithoutDnsRule';
import { namespaceCustomLabelRule } from './namespaceCustomLabel';
import { namespaceWithoutDefaultDenyRule } from './namespaceWithoutDefaultDeny';
import { oneSidedAllowRule } from './oneSidedAllow';
import { orPeersRule } from './orPeers';
import { calicoKindUnsupportedRule } from './platform/calicoKindUnsupported';
import { calicoOnCiliumRule } from './platform/calicoOnCilium';
import { ciliumPolicyWithoutCiliumRule } from './platform/ciliumPolicyWithoutCilium';
import { endPortOnCilium116Rule } from './platform/endPortOnCilium116';
import { fqdnNeedsAcnsRule } from './platform/fqdnNeedsAcns';
import { ipBlockMatchesPodsRule } from './platform/ipBlockMatchesPods';
import { l7InCcnpRule } from './platform/l7InCcnp';
import { l7NeedsAcnsRule } from './platform/l7NeedsAcns';
import { selectorMatchesNothingRule } from './selectorMatchesNothing';
import { unknownNamedPortRule } from './unknownNamedPort';

export const POLICY_RULES: readonly Rule[] = [
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
