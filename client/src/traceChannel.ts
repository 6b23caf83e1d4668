// vscode-languageclient 11 traces the protocol only when its trace channel's log level is Trace,
// which users cannot tell from a setting. This channel makes `ingressLab.trace.server` the switch:
// it reports log level Trace while the setting is not "off" and writes trace lines to the
// extension's output channel, so the trace is where users look and nothing else is needed.
import * as vscode from 'vscode';

const SETTING = 'ingressLab.trace.server';

function traceEnabled(): boolean {
  return vscode.workspace.getConfiguration().get<string>(SETTING, 'off') !== 'off';
}

export class TraceChannel implements vscode.LogOutputChannel {
  private readonly levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  readonly onDidChangeLogLevel = this.levelChanged.event;
  private readonly watcher: vscode.Disposable;
  private enabled = traceEnabled();

  constructor(private readonly out: vscode.LogOutputChannel) {
    this.watcher = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SETTING)) return;
      this.enabled = traceEnabled();
      this.levelChanged.fire(this.logLevel);
    });
  }

  get name(): string { return this.out.name; }
  get logLevel(): vscode.LogLevel { return this.enabled ? vscode.LogLevel.Trace : vscode.LogLevel.Info; }

  trace(message: string): void { if (this.enabled) this.out.info(`[trace] ${message}`); }
  debug(message: string, ...args: unknown[]): void { this.out.debug(message, ...args); }
  info(message: string, ...args: unknown[]): void { this.out.info(message, ...args); }
  warn(message: string, ...args: unknown[]): void { this.out.warn(message, ...args); }
  error(error: string | Error, ...args: unknown[]): void { this.out.error(error, ...args); }
  append(value: string): void { this.out.append(value); }
  appendLine(value: string): void { this.out.appendLine(value); }
  replace(value: string): void { this.out.replace(value); }
  clear(): void { this.out.clear(); }
  show(preserveFocus?: boolean): void;
  show(column?: vscode.ViewColumn, preserveFocus?: boolean): void;
  show(a?: boolean | vscode.ViewColumn, b?: boolean): void {
    this.out.show(typeof a === 'boolean' ? a : b);
  }
  hide(): void { this.out.hide(); }
  dispose(): void {
    this.watcher.dispose();
    this.levelChanged.dispose();
  }
}
