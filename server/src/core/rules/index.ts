import type { Rule } from './types';
import { INGRESS_RULES } from './ingress/index';
import { POLICY_RULES } from './policy/index';
import { STRUCTURE_RULES } from './structure/index';

/**
 * Every rule, in the order their findings are listed. Add a rule: create its module under its
 * group, add it to the group's index.ts, add a test under test/rules/.
 */
export const ALL_RULES: readonly Rule[] = [...STRUCTURE_RULES, ...INGRESS_RULES, ...POLICY_RULES];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
