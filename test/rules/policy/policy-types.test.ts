import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { egressWithoutPolicyTypesRule } from '../../../server/src/core/rules/policy/egressWithoutPolicyTypes';
import { emptyEgressListRule } from '../../../server/src/core/rules/policy/emptyEgressList';
import { yaml } from '../../support/text';
import { WEB, workloads } from './fixtures';
import { applyAndRecheck, findings } from './support';

const extraFiles = workloads(WEB);

describe('policy/egress-without-policytypes', () => {
  const rule = egressWithoutPolicyTypesRule;
  const text = yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: web-egress
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: web # the web tier
      egress:
        - to:
            - ipBlock:
                cidr: 203.0.113.0/24
  `;

  test('egress rules, no policyTypes, no ingress: warning on `egress` naming the pods', () => {
    assert.deepEqual(findings(rule, text, { extraFiles }), [
      '10:3-10:9 policy/egress-without-policytypes warning Without policyTypes this policy also denies all ingress to shop/web: policyTypes defaults to [Ingress, Egress] when egress rules are present, and there are no ingress rules. List the directions it should govern.',
    ]);
  });

  test('fix 1 (preferred): restrict only egress', () => {
    assert.equal(
      applyAndRecheck(rule, text, 'Restrict only egress: add policyTypes [Egress]', { extraFiles }),
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web-egress
          namespace: shop
        spec:
          podSelector:
            matchLabels:
              app: web # the web tier
          policyTypes:
            - Egress
          egress:
            - to:
                - ipBlock:
                    cidr: 203.0.113.0/24
      `,
    );
  });

  test('fix 2: keep the current behaviour, written out', () => {
    assert.equal(
      applyAndRecheck(rule, text, 'Keep denying ingress too: add policyTypes [Ingress, Egress]', { extraFiles }),
      text.replace('  egress:\n', '  policyTypes:\n    - Ingress\n    - Egress\n  egress:\n'),
    );
  });

  test('`policyTypes: []` counts as absent; the fix fills the list', () => {
    const empty = text.replace('  egress:\n', '  policyTypes: []\n  egress:\n');
    assert.equal(findings(rule, empty, { extraFiles }).length, 1);
    assert.equal(applyAndRecheck(rule, empty, 'Restrict only egress: add policyTypes [Egress]', { extraFiles }), text.replace('  egress:\n', '  policyTypes: [Egress]\n  egress:\n'));
  });

  test('clean: policyTypes written, ingress written, or ingress already denied by another policy', () => {
    assert.deepEqual(findings(rule, text.replace('  egress:\n', '  policyTypes: [Egress]\n  egress:\n'), { extraFiles }), []);
    assert.deepEqual(findings(rule, text.replace('  egress:\n', '  ingress: []\n  egress:\n'), { extraFiles }), []);
    const denyIngress = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: deny-ingress, namespace: shop}
      spec: {podSelector: {}, policyTypes: [Ingress]}
    `;
    assert.deepEqual(findings(rule, `${text}---\n${denyIngress}`, { extraFiles }), []);
  });
});

describe('policy/empty-egress-list', () => {
  const rule = emptyEgressListRule;
  const text = yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: deny-all
      namespace: shop
    spec:
      podSelector: {}
      egress: []
  `;

  test('`egress: []` without policyTypes: information; the fix lists both directions', () => {
    assert.deepEqual(findings(rule, text), [
      '8:3-8:9 policy/empty-egress-list information `egress: []` restricts nothing: without policyTypes an empty list counts as no egress rules, so policyTypes defaults to [Ingress] and egress stays open. To deny all egress, list Egress in policyTypes.',
    ]);
    assert.equal(
      applyAndRecheck(rule, text, 'Deny all egress: add policyTypes [Ingress, Egress]'),
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-all
          namespace: shop
        spec:
          podSelector: {}
          policyTypes:
            - Ingress
            - Egress
          egress: []
      `,
    );
  });

  test('clean: with policyTypes, or with egress rules', () => {
    assert.deepEqual(findings(rule, text.replace('  egress: []', '  policyTypes: [Ingress, Egress]\n  egress: []')), []);
    assert.deepEqual(findings(rule, text.replace('  egress: []', '  egress: [{}]')), []);
  });
});
