/**
 * Cilium `toPorts` entries (C14) and their L7 rules (C15): ports as strings or names, protocol
 * ANY by default, endPort ranges, and HTTP / DNS / Kafka rules.
 */
import type { FqdnMatcher } from '../cilium/fqdnPattern';
import type { Protocol } from '../k8s/resources';
import { PROTOCOLS } from '../net/ports';
import { asMap, get, items, scalarText, stringMap, stringValue, type YNode } from '../yaml/nodes';
import type { HttpRule, L7Rules, PortEntry } from './compiled';

/** C14/C15: one `toPorts` entry → port entries with its L7 rules. */
export function compilePortRule(node: YNode, isDeny: boolean, notes: Set<string>): PortEntry[] {
  const l7 = isDeny ? null : compileL7(get(node, 'rules'), notes);
  const portList = items(get(node, 'ports'));
  if (portList.length === 0) return [{ protocols: PROTOCOLS, port: null, endPort: null, l7 }];
  const out: PortEntry[] = [];
  for (const p of portList) {
    const protoText = scalarText(get(p, 'protocol'));
    let protocols: readonly Protocol[];
    if (protoText === null || protoText === 'ANY') protocols = PROTOCOLS;
    else if (protoText === 'TCP' || protoText === 'UDP' || protoText === 'SCTP') protocols = [protoText];
    else continue; // ICMP and extended protocols say nothing about TCP/UDP/SCTP ports.
    const portText = scalarText(get(p, 'port'));
    let port: number | string | null = null;
    if (portText !== null && portText !== '' && portText !== '0') port = /^\d+$/.test(portText) ? Number(portText) : portText;
    const endText = scalarText(get(p, 'endPort'));
    const endPort = endText !== null && /^\d+$/.test(endText) && typeof port === 'number' ? Number(endText) : null;
    out.push({ protocols, port, endPort, l7 });
  }
  return out;
}

function compileL7(node: YNode | null, notes: Set<string>): L7Rules | null {
  const map = asMap(node);
  if (!map) return null;
  // An empty rule list is no L7 rule at all (Cilium L7Rules.IsEmpty): plain L4.
  const http = items(get(map, 'http'));
  if (http.length > 0) {
    notes.add('C15: HTTP rules are enforced by an L7 proxy; on AKS they need Advanced Container Networking Services with L7 policies, and are not supported in CCNP.');
    return { kind: 'http', rules: http.map(httpRule) };
  }
  if (items(get(map, 'dns')).length > 0) {
    const matchers: FqdnMatcher[] = [];
    for (const d of items(get(map, 'dns'))) {
      const name = stringValue(get(d, 'matchName'));
      const pattern = stringValue(get(d, 'matchPattern'));
      if (name) matchers.push({ kind: 'name', value: name });
      if (pattern) matchers.push({ kind: 'pattern', value: pattern });
    }
    return { kind: 'dns', matchers };
  }
  if (items(get(map, 'kafka')).length > 0) {
    return { kind: 'kafka', texts: items(get(map, 'kafka')).map((k) => kafkaText(k)) };
  }
  const proto = scalarText(get(map, 'l7proto'));
  if (proto) return { kind: 'other', texts: [proto] };
  return null;
}

function httpRule(node: YNode): HttpRule {
  const headers: { name: string; value: string | null }[] = [];
  // Cilium turns `headers: ["X-Key: value"]` into an exact match and `["X-Key"]` into "present".
  for (const h of items(get(node, 'headers'))) {
    const text = scalarText(h);
    if (!text) continue;
    const space = text.indexOf(' ');
    if (space < 0) headers.push({ name: text.replace(/:$/, ''), value: null });
    else headers.push({ name: text.slice(0, space).replace(/:$/, ''), value: text.slice(space + 1).trim() });
  }
  for (const m of items(get(node, 'headerMatches'))) {
    const name = scalarText(get(m, 'name'));
    // A mismatch action (LOG, ADD, ...) keeps the rule matching; only the default fails it.
    if (!name || scalarText(get(m, 'mismatch'))) continue;
    headers.push({ name, value: scalarText(get(m, 'value')) });
  }
  return {
    method: nonEmpty(scalarText(get(node, 'method'))),
    path: nonEmpty(scalarText(get(node, 'path'))),
    host: nonEmpty(scalarText(get(node, 'host'))),
    headers,
  };
}

function kafkaText(node: YNode): string {
  const fields = stringMap(node);
  return Object.keys(fields)
    .map((k) => `${k}=${fields[k]}`)
    .join(' ');
}

function nonEmpty(s: string | null): string | null {
  return s === null || s === '' ? null : s;
}

