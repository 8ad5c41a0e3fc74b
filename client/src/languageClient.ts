import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/protocol/protocol';
import { yamlCoexistence } from './yamlCoexistence';

/** Documents the server analyses: YAML and JSON files on disk and unsaved editors. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'file', language: 'json' },
];

/** Creates the client for the bundled server (server/out/server.js), over Node IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  let restarts = 0;
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json}'),
    },
    middleware: yamlCoexistence,
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationFailedHandler: (error) => {
      output.appendLine(`The AKS Netlens server failed to start: ${String(error)}`);
      output.show(true);
      return false;
    },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      // Restart a crashed server a few times, then stop and say so instead of looping.
      closed: () => {
        restarts++;
        if (restarts <= 4) return { action: CloseAction.Restart };
        output.show(true);
        return { action: CloseAction.DoNotRestart, message: 'The AKS Netlens server stopped 5 times; see the "AKS Netlens" output.' };
      },
    },
  };
  return new LanguageClient('aksNetlens', 'AKS Netlens', serverOptions, clientOptions);
}
