import type { Connection } from 'vscode-languageserver/node';
import { sanitizeSettings, type AnalysisSettings } from '../core/settings/analysisSettings';
import { globToRegExp } from '../core/text/glob';
import { SETTINGS_SECTION } from '../protocol/protocol';

export interface ServerSettings {
  readonly analysis: AnalysisSettings;
  readonly exclude: readonly RegExp[];
}

const DEFAULTS: ServerSettings = { analysis: sanitizeSettings({}), exclude: [] };

/**
 * Settings pulled from the client per resource (workspace folder or document) and cached until
 * the client says they changed. Clients that cannot be asked get the defaults.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private canPull = false;

  constructor(private readonly connection: Connection) {}

  enablePull(): void {
    this.canPull = true;
  }

  clear(): void {
    this.cache.clear();
  }

  get(scopeUri: string | undefined): Promise<ServerSettings> {
    if (!this.canPull) return Promise.resolve(DEFAULTS);
    const key = scopeUri ?? '';
    const cached = this.cache.get(key);
    if (cached) return cached;
    const pending: Promise<ServerSettings> = this.connection.workspace
      .getConfiguration({ scopeUri, section: SETTINGS_SECTION })
      .then(fromClient, () => DEFAULTS);
    this.cache.set(key, pending);
    return pending;
  }
}

export function fromClient(raw: unknown): ServerSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const exclude = Array.isArray(section.exclude) ? section.exclude.filter((g): g is string => typeof g === 'string' && g.length > 0) : [];
  return {
    analysis: sanitizeSettings(section),
    exclude: exclude.map(globToRegExp),
  };
}

/** Stable key of analysis settings, so equal settings share one compiled model. */
export function settingsKey(s: AnalysisSettings): string {
  return JSON.stringify(s);
}
