import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exceptOutsideCidrRule } from '../../../server/src/core/rules/structure/exceptOutsideCidr';
import { checkText } from '../../support/ruleHarness';
import { yaml } from '../../support/text';

const rules = [exceptOutsideCidrRule];

describe('netpol/except-outside-cidr', () => {
  test('NetworkPolicy: except must be a strict subset of cidr', () => {
    const text = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        podSelector: {}
        egress:
          - to:
              - ipBlock:
                  cidr: 172.17.0.0/16
                  except:
                    - 172.17.1.0/24
                    - 172.18.1.0/24
                    - 172.17.0.0/16
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '12:17-12:30 netpol/except-outside-cidr error In this ipBlock, except "172.18.1.0/24" is outside cidr "172.17.0.0/16": it must be a strict subset of cidr, so the API server rejects the policy.',
      '13:17-13:30 netpol/except-outside-cidr error In this ipBlock, except "172.17.0.0/16" covers the whole cidr "172.17.0.0/16": it must be a strict subset of cidr, so the API server rejects the policy.',
    ]);
  });

  test('Cilium: except must lie inside cidr (equal is allowed)', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        endpointSelector: {}
        egressDeny:
          - toCIDRSet:
              - cidr: 10.0.0.0/8
                except: [10.0.0.0/8, 192.168.0.0/16]
    `;
    assert.deepEqual(checkText(text, { rules }), [
      '9:32-9:46 netpol/except-outside-cidr error In this CIDR set, except "192.168.0.0/16" is not inside cidr "10.0.0.0/8", so Cilium rejects the rule: fix the range or drop the exception.',
    ]);
  });

  test('exceptions inside their cidr pass', () => {
    const text = yaml`
      apiVersion: cilium.io/v2
      kind: CiliumClusterwideNetworkPolicy
      metadata: {name: egress}
      spec:
        endpointSelector: {}
        egress:
          - toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.96.0.0/12]}]
    `;
    assert.deepEqual(checkText(text, { rules }), []);
  });
});
