import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, test } from 'node:test';
import { completionsAt } from '../../../server/src/features/completion';
import { hoverAt } from '../../../server/src/features/hover';
import { atCursor } from './support';

/**
 * One file of 2,000 documents: 50 namespaces, 950 Deployments, 500 NetworkPolicies and 500
 * CiliumNetworkPolicies. CNP number 250 holds the three cursors: on a selector key (hover), in
 * its value (label values) and on a blank line of its spec (keys).
 */
function bigFile(): { text: string; hover: number; value: number; key: number } {
  const docs: string[] = [];
  for (let n = 0; n < 50; n++) docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-${n}\n  labels:\n    team: team-${n % 5}`);
  for (let i = 0; i < 950; i++) {
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\n  namespace: ns-${i % 50}\nspec:\n  selector:\n    matchLabels:\n      app: app-${i}\n  template:\n    metadata:\n      labels:\n        app: app-${i}\n        tier: tier-${i % 3}\n    spec:\n      containers:\n        - name: main\n          image: nginx:1.27\n          ports:\n            - name: http\n              containerPort: 8080`,
    );
  }
  for (let i = 0; i < 500; i++) {
    docs.push(
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np-${i}\n  namespace: ns-${i % 50}\nspec:\n  podSelector:\n    matchLabels:\n      app: app-${i}\n  policyTypes:\n    - Ingress\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              team: team-${i % 5}\n          podSelector:\n            matchLabels:\n              tier: tier-${i % 3}\n      ports:\n        - protocol: TCP\n          port: http`,
    );
  }
  for (let i = 0; i < 500; i++) {
    const cursors = i === 250;
    docs.push(
      `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: cnp-${i}\n  namespace: ns-${(i + 1) % 50}\nspec:\n  endpointSelector:\n    matchLabels:\n      ${cursors ? 'ap$Hp: app-$V' : 'app: app-'}${i + 1}\n  egress:\n    - toEndpoints:\n        - matchLabels:\n            "k8s:io.kubernetes.pod.namespace": kube-system\n            k8s-app: kube-dns\n      toPorts:\n        - ports:\n            - port: "53"\n              protocol: ANY\n          rules:\n            dns:\n              - matchName: "svc-${i}.example.com"\n    - toFQDNs:\n        - matchName: "svc-${i}.example.com"\n      toPorts:\n        - ports:\n            - port: "443"\n              protocol: TCP${cursors ? '\n  $K' : ''}`,
    );
  }
  let text = docs.join('\n---\n') + '\n';
  const take = (marker: string) => {
    const at = text.indexOf(marker);
    text = text.slice(0, at) + text.slice(at + marker.length);
    return at;
  };
  // Markers in text order, so taking one does not move the next.
  const hover = take('$H');
  const value = take('$V');
  const key = take('$K');
  return { text, hover, value, key };
}

/** Median time of `runs` calls after one warm-up call (which compiles the model once per view). */
function medianMs(fn: () => unknown, runs = 7): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

describe('hover and completion on a 2,000-document file (times are reported, not asserted: bench/ checks the targets)', () => {
  const big = bigFile();
  // Parsed once: `$0` at the hover spot; the other cursors are offsets in the same text.
  const { file, view } = atCursor(big.text.slice(0, big.hover) + '$0' + big.text.slice(big.hover));

  test('hover on a selector in a 2,000-document file names the matched workload', (t) => {
    assert.equal(file.documents.length, 2000);
    let value = '';
    const ms = medianMs(() => (value = JSON.stringify(hoverAt(file, big.hover, view))));
    assert.match(value, /it matches pods with app=app-251 in namespace ns-1 .*1 workload/);
    t.diagnostic(`hover: ${ms.toFixed(2)} ms`);
    // Timing is reported, never asserted: bench/ measures it against the targets.
  });

  test('completion of label values and of keys in a 2,000-document file', (t) => {
    let labels: string[] = [];
    const valueMs = medianMs(() => (labels = completionsAt(file, big.value, view).map((i) => i.label)));
    assert.equal(labels.length, 950);
    const keyMs = medianMs(() => (labels = completionsAt(file, big.key, view).map((i) => i.label)));
    assert.deepEqual(labels, ['nodeSelector', 'ingress', 'ingressDeny', 'egressDeny', 'labels', 'description', 'enableDefaultDeny', 'log']);
    t.diagnostic(`completion: values ${valueMs.toFixed(2)} ms, keys ${keyMs.toFixed(2)} ms`);
  });
});
