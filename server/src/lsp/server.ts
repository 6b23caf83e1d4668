// startServer(connection, runtime): wires the LSP lifecycle, documents, watched files and
// settings to the Session, and registers the feature handlers. Nothing here does I/O itself.
import {
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType,
  TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { OpenDocuments } from './open-documents';
import { SETTINGS_SECTION, type InitializationOptions } from '../protocol';
import { registerFeatures, COMPLETION_TRIGGERS } from './features';
import type { Runtime } from './runtime';
import { Session } from './session';
import { readSettings } from './settings';

function isYaml(uri: string): boolean {
  return /\.ya?ml$/i.test(uri);
}

export function startServer(connection: Connection, runtime: Runtime): Session {
  const session = new Session(connection, runtime);
  const documents = new OpenDocuments(session);
  let canPullConfig = false;
  let canWatch = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    session.init = init;
    session.folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (session.folders.length === 0 && params.rootUri) session.folders = [params.rootUri];
    canPullConfig = !!params.capabilities.workspace?.configuration;
    canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    session.useSettings(readSettings(init.settings));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'ingress-lab' },
    };
  });

  connection.onInitialized(async () => {
    if (canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    }
    let clusterStarted = false;
    if (canPullConfig) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      clusterStarted = await pullSettings();
    }
    if (!clusterStarted) void session.startCluster();
    await session.indexWorkspace();
  });

  /** Pulls the settings; true when that started the cluster (its settings changed). */
  async function pullSettings(): Promise<boolean> {
    try {
      const raw: unknown = await connection.workspace.getConfiguration(SETTINGS_SECTION);
      return session.applySettings(readSettings(raw ?? session.init.settings));
    } catch (e) {
      runtime.log(`reading settings failed: ${(e as Error)?.message ?? e}`);
      return false;
    }
  }

  connection.onDidChangeConfiguration((p) => {
    const pushed = (p.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
    if (canPullConfig) void pullSettings();
    else if (pushed) session.applySettings(readSettings(pushed));
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const c of changes) {
      if (!isYaml(c.uri)) continue;
      if (c.type === FileChangeType.Deleted) session.deleted(c.uri);
      else void session.reload(c.uri);
    }
  });

  registerFeatures(connection, session);
  documents.listen(connection);
  connection.listen();
  return session;
}
