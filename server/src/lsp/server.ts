import {
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { BlockTextDocument } from './blockTextDocument';
import { registerFeatures } from './features';
import { errorText, ServerSession } from './session';

/** Entry point: the language server over the transport given on the command line (--stdio, --node-ipc). */
const connection = createConnection(ProposedFeatures.all);
const log = (message: string) => connection.console.log(`[${new Date().toISOString()}] ${message}`);
const session = new ServerSession(connection, log);
/** Open documents, kept in blocks (an edit copies a block, not the file), each version with the edit that made it. */
const documents = new TextDocuments<BlockTextDocument>(BlockTextDocument);

let canPullConfiguration = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  session.setFolders(folders);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      ...registerFeatures.capabilities,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'aks-netlens', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    session.settings.enablePull();
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'aksNetlens' }).catch(() => undefined);
  }
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    void (async () => {
      const current = new Set((await connection.workspace.getWorkspaceFolders())?.map((f) => f.uri) ?? []);
      for (const removed of event.removed) current.delete(removed.uri);
      session.setFolders([...current]);
      await session.indexWorkspace();
    })().catch((e) => log(errorText(e)));
  });
  void session.indexWorkspace();
});

connection.onDidChangeConfiguration(() => session.settingsChanged());

connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes) {
    void session.didChangeWatchedFile(change.uri, change.type === FileChangeType.Deleted).catch((e) => log(errorText(e)));
  }
});

documents.onDidOpen((e) => session.didOpen(e.document));
documents.onDidChangeContent((e) => session.didChange(e.document));
documents.onDidClose((e) => void session.didClose(e.document.uri).catch((err) => log(errorText(err))));

registerFeatures(connection, session, log);

// A failure in one handler must never take the server down.
process.on('uncaughtException', (error) => log(`Uncaught: ${errorText(error)}`));
process.on('unhandledRejection', (error) => log(`Unhandled rejection: ${errorText(error)}`));

documents.listen(connection);
connection.listen();
