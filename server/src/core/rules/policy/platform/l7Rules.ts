/** HTTP and Kafka rule lists (`toPorts[].rules.http` / `.kafka`) of a Cilium policy, with their keys. */
import { asMap, get, getPair, items, type YPair } from '../../../yaml/nodes';
import { ruleMaps, type PolicyResource } from '../common';

export function l7RulePairs(policy: PolicyResource): YPair[] {
  const out: YPair[] = [];
  for (const { map } of ruleMaps(policy)) {
    for (const section of ['ingress', 'egress']) {
      for (const rule of items(get(map, section))) {
        for (const portRule of items(get(rule, 'toPorts'))) {
          const rules = asMap(get(portRule, 'rules'));
          for (const key of ['http', 'kafka']) {
            const pair = getPair(rules, key);
            if (pair && items(pair.value).length > 0) out.push(pair);
          }
        }
      }
    }
  }
  return out;
}
