/**
 * NetworkPolicy conformance against np-guard/netpol-analyzer's expected connectivity lists
 * (test/conformance/netpol-analyzer, see its README.md): per scenario, one model (engine cilium)
 * built from every file of `manifests/`, every case of cases.json asked with canReach.
 *
 * Cases whose workload comes from Pod manifests are asked twice: by the owner's name and by
 * one pod's own name (`fromPod` / `toPod`), which must give the same verdict.
 *
 * KNOWN_FAILURES lists the cases expected to fail (none today), so both a regression and an
 * improvement make this test fail.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildPolicyModel } from '../../server/src/core/engine/index';
import type { Endpoint, PolicyModel } from '../../server/src/core/engine/types';
import type { Protocol } from '../../server/src/core/k8s/resources';
import { readFolder, repoRoot } from '../engine/helpers';

interface Case {
  readonly kind: 'internal' | 'external';
  readonly from: string;
  readonly to: string;
  readonly fromPod?: string;
  readonly toPod?: string;
  readonly port: number | null;
  readonly protocol: Protocol | null;
  readonly expect: 'allowed' | 'denied';
  readonly check: string;
  readonly source: string;
}

/** `scenario: from → to port/protocol (check)` of every case known to fail. */
const KNOWN_FAILURES: readonly string[] = [];

const ROOT = join(repoRoot(), 'test', 'conformance', 'netpol-analyzer');
const scenarios = readdirSync(ROOT)
  .filter((d) => existsSync(join(ROOT, d, 'cases.json')))
  .sort();

interface Tally {
  internal: [number, number];
  external: [number, number];
}
const summary = new Map<string, Tally>();

function endpoint(text: string): Endpoint {
  return text.startsWith('ip:') ? { type: 'ip', address: text.slice(3) } : { type: 'workload', id: text };
}

function describeCase(scenario: string, c: Case, from: string, to: string): string {
  const traffic = c.port === null ? 'any' : `${c.protocol} ${c.port}`;
  return `${scenario}: ${from} → ${to} ${traffic} (${c.check}, expect ${c.expect})`;
}

function answer(model: PolicyModel, c: Case, from: string, to: string): boolean {
  return model.canReach({ from: endpoint(from), to: endpoint(to), ...(c.port === null ? {} : { port: c.port, protocol: c.protocol ?? 'TCP' }) }).allowed;
}

describe('netpol-analyzer conformance (engine cilium)', () => {
  test('the scenarios are there', () => {
    assert.ok(scenarios.length >= 19, `found ${scenarios.length} scenarios in ${ROOT}`);
  });

  for (const scenario of scenarios) {
    test(scenario, () => {
      const model = buildPolicyModel(readFolder(join(ROOT, scenario, 'manifests')), { engine: 'cilium', ciliumMinor: 17 });
      const cases = JSON.parse(readFileSync(join(ROOT, scenario, 'cases.json'), 'utf8')) as Case[];
      const tally: Tally = { internal: [0, 0], external: [0, 0] };
      const failures: string[] = [];
      for (const c of cases) {
        const expected = c.expect === 'allowed';
        const asked: [string, string][] = [[c.from, c.to]];
        if (c.fromPod || c.toPod) asked.push([c.fromPod ?? c.from, c.toPod ?? c.to]);
        let ok = true;
        for (const [from, to] of asked) {
          if (answer(model, c, from, to) !== expected) {
            ok = false;
            failures.push(describeCase(scenario, c, from, to));
          }
        }
        tally[c.kind][1]++;
        if (ok) tally[c.kind][0]++;
      }
      summary.set(scenario, tally);
      assert.deepEqual(
        failures,
        KNOWN_FAILURES.filter((f) => f.startsWith(`${scenario}: `)),
      );
    });
  }

  after(() => {
    const rows = [...summary].map(([name, t]) => [name, `${t.internal[0]}/${t.internal[1]}`, `${t.external[0]}/${t.external[1]}`]);
    const widths = [0, 1, 2].map((i) => Math.max(...[['scenario', 'internal', 'external'], ...rows].map((r) => r[i].length)));
    const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ');
    const total = [...summary.values()].reduce((acc, t) => [acc[0] + t.internal[0], acc[1] + t.internal[1], acc[2] + t.external[0], acc[3] + t.external[1]], [0, 0, 0, 0]);
    console.log(['', line(['scenario', 'internal', 'external']), ...rows.map(line), line(['total', `${total[0]}/${total[1]}`, `${total[2]}/${total[3]}`])].join('\n'));
  });
});
