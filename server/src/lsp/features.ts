import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import { registerCustomRequests } from './customRequests';
import { languageFeatureCapabilities, registerLanguageFeatures } from './languageFeatures';
import type { ServerSession } from './session';

/**
 * Registers the language features (hover, completion, code actions) and the custom requests of
 * the Network Flows view. Each handler looks up the document and makes one call into
 * server/src/features.
 */
export function registerFeatures(connection: Connection, session: ServerSession, log: (m: string) => void): void {
  registerLanguageFeatures(connection, session, log);
  registerCustomRequests(connection, session, log);
}

/** Capabilities of the features registered above (custom requests need none). */
registerFeatures.capabilities = { ...languageFeatureCapabilities } as ServerCapabilities;
