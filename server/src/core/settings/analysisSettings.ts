import type { Severity } from '../problems';
import type { EnforcingEngine } from '../engine/types';

/** Advanced Container Networking Services security level of the cluster (`--acns-advanced-networkpolicies`). */
export type AcnsLevel = 'unknown' | 'none' | 'fqdn' | 'l7';

export type RuleSetting = Severity | 'off';

/** Everything the analysis needs to know about the cluster and the user's preferences. */
export interface AnalysisSettings {
  readonly engine: EnforcingEngine;
  /** Cilium minor version, e.g. 17 for 1.17. */
  readonly ciliumMinor: number;
  readonly acns: AcnsLevel;
  /** Per-rule severity overrides, or 'off'. Keyed by rule id (`netpol/dns-blocked`). */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Files larger than this many bytes are not analysed. */
  readonly maxFileSize: number;
}

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = {
  engine: 'cilium',
  ciliumMinor: 17,
  acns: 'unknown',
  rules: {},
  maxFileSize: 20 * 1024 * 1024,
};

const ENGINES: readonly EnforcingEngine[] = ['cilium', 'azure-npm', 'calico', 'none'];
const ACNS: readonly AcnsLevel[] = ['unknown', 'none', 'fqdn', 'l7'];
const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Turns untrusted input (VS Code settings, CLI flags) into complete settings; bad values fall back to defaults. */
export function sanitizeSettings(input: unknown): AnalysisSettings {
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const cluster = (raw.cluster && typeof raw.cluster === 'object' ? raw.cluster : raw) as Record<string, unknown>;
  const engine = ENGINES.includes(cluster.engine as EnforcingEngine) ? (cluster.engine as EnforcingEngine) : DEFAULT_ANALYSIS_SETTINGS.engine;
  const acns = ACNS.includes(cluster.acns as AcnsLevel) ? (cluster.acns as AcnsLevel) : DEFAULT_ANALYSIS_SETTINGS.acns;
  const ciliumMinor = parseCiliumMinor(cluster.ciliumVersion) ?? DEFAULT_ANALYSIS_SETTINGS.ciliumMinor;
  const rules: Record<string, RuleSetting> = {};
  if (raw.rules && typeof raw.rules === 'object') {
    for (const [id, value] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (RULE_SETTINGS.includes(value as RuleSetting)) rules[id] = value as RuleSetting;
    }
  }
  const maxFileSize = typeof raw.maxFileSize === 'number' && raw.maxFileSize > 0 ? raw.maxFileSize : DEFAULT_ANALYSIS_SETTINGS.maxFileSize;
  return { engine, acns, ciliumMinor, rules, maxFileSize };
}

/** `1.16`, `1.17.9`, `v1.18` → 16, 17, 18; anything else → null. */
export function parseCiliumMinor(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^v?1\.(\d{1,2})(?:\.\d+)?$/.exec(value.trim());
  return m ? Number(m[1]) : null;
}
