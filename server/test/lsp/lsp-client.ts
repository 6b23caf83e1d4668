// A minimal LSP client for tests: starts dist/server/server.js as a separate process over
// stdio, answers the server's configuration/registration requests, and lets tests wait on
// publishDiagnostics events (never on sleeps).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  PublishDiagnosticsNotification, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidChangeWatchedFilesNotification,
  ShutdownRequest, ExitNotification, type FileEvent,
  ConfigurationRequest, RegistrationRequest,
  type ProtocolConnection, type Diagnostic, type PublishDiagnosticsParams, type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers/fixtures';

export interface TestClientOptions {
  /** The server command line (default: the built Ingress Lab server over stdio). */
  command?: string[];
  /** Answers workspace/configuration per section (default: `settings` for every item). */
  configuration?: (section: string | undefined) => unknown;
  folder?: string;
  /** Extra environment for the server process (e.g. KUBECONFIG). */
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  clusterSnapshot?: string;
}

export class TestClient {
  readonly conn: ProtocolConnection;
  readonly proc: ChildProcess;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** The document of every publishDiagnostics notification received so far, in order. */
  readonly published: string[] = [];
  stderr = '';
  private waiters: { uri: string; pred: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  private publishWaiters: (() => void)[] = [];
  private noteWaiters: { method: string; pred: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  private versions = new Map<string, number>();
  settings: Record<string, unknown>;
  notifications: { method: string; params: unknown }[] = [];

  constructor(private readonly opts: TestClientOptions = {}) {
    this.settings = opts.settings ?? {};
    const command = opts.command ?? [join(repoRoot(), 'dist/server/server.js'), '--stdio'];
    this.proc = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
    this.proc.stderr!.on('data', (b: Buffer) => { this.stderr += b.toString(); });
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.published.push(p.uri);
      this.publishWaiters.splice(0).forEach((w) => w());
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || !w.pred(p.diagnostics)) return true;
        w.resolve(p.diagnostics);
        return false;
      });
    });
    for (const method of ['ingressLab/clusterStatus', 'ingressLab/routesChanged']) {
      this.conn.onNotification(method, (params: unknown) => {
        this.notifications.push({ method, params });
        this.noteWaiters = this.noteWaiters.filter((w) => {
          if (w.method !== method || !w.pred(params)) return true;
          w.resolve(params);
          return false;
        });
      });
    }
    this.conn.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (opts.configuration ? opts.configuration(i.section) : this.settings)));
    this.conn.onRequest(RegistrationRequest.type, () => undefined);
    this.conn.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const folder = this.opts.folder ? pathToFileURL(this.opts.folder).href : null;
    const result = await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: folder ? [{ uri: folder, name: 'ws' }] : null,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown'] } },
      },
      initializationOptions: { clusterSnapshot: this.opts.clusterSnapshot, settings: this.settings },
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Resolves with the next published diagnostics of uri that satisfy pred (or the current ones). */
  waitFor(uri: string, pred: (d: Diagnostic[]) => boolean = () => true, current = false): Promise<Diagnostic[]> {
    const now = this.diagnostics.get(uri);
    if (current && now && pred(now)) return Promise.resolve(now);
    return new Promise((resolve) => this.waiters.push({ uri, pred, resolve }));
  }

  /** Resolves at the next publishDiagnostics, for any document. */
  nextPublish(): Promise<void> {
    return new Promise((resolve) => this.publishWaiters.push(resolve));
  }

  /** Resolves with the first notification of method (already received or next) that satisfies pred. */
  waitForNotification<T>(method: string, pred: (p: T) => boolean = () => true): Promise<T> {
    const seen = this.notifications.find((n) => n.method === method && pred(n.params as T));
    if (seen) return Promise.resolve(seen.params as T);
    return new Promise((resolve) => this.noteWaiters.push({ method, pred: pred as (p: unknown) => boolean, resolve: resolve as (p: unknown) => void }));
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  /** Replaces [start,end) (line/character pairs) with text. */
  async edit(uri: string, start: [number, number], end: [number, number], text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: start[0], character: start[1] }, end: { line: end[0], character: end[1] } }, text }],
    });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** workspace/didChangeWatchedFiles, as the editor's file watcher sends it. */
  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async stop(): Promise<void> {
    try {
      await this.conn.sendRequest(ShutdownRequest.type);
      await this.conn.sendNotification(ExitNotification.type);
    } catch { /* already gone */ }
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) resolve();
      else this.proc.once('exit', () => resolve());
    });
    this.conn.dispose();
  }
}

/** Text with a `|` cursor marker → the text without it and the marker's line/character. */
export function cursor(textWithBar: string): { text: string; position: { line: number; character: number } } {
  const i = textWithBar.indexOf('|');
  const before = textWithBar.slice(0, i);
  const lines = before.split('\n');
  return { text: before + textWithBar.slice(i + 1), position: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
}
