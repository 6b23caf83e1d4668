// The status bar item that shows what the server says about the cluster (ingressLab/clusterStatus),
// once, instead of a diagnostic on every line. Clicking it opens the output channel.
import * as vscode from 'vscode';
import type { ClusterState, ClusterStatusParams } from '../../server/src/protocol';

const look: Record<ClusterState, { icon: string; label: string; warn: boolean }> = {
  disabled: { icon: 'circle-slash', label: 'no cluster', warn: false },
  connecting: { icon: 'sync~spin', label: 'connecting', warn: false },
  connected: { icon: 'cloud', label: 'connected', warn: false },
  unreachable: { icon: 'debug-disconnect', label: 'unreachable', warn: true },
  forbidden: { icon: 'lock', label: 'forbidden', warn: true },
};

/** The status bar text for a status: `$(cloud) kind-dev` when connected, else the state. */
export function statusText(status: ClusterStatusParams): string {
  const l = look[status.state] ?? { icon: 'question', label: status.state };
  const what = status.state === 'connected' && status.source ? status.source : l.label;
  return `$(${l.icon}) Ingress: ${what}`;
}

export class ClusterStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ingressLab.clusterStatus', vscode.StatusBarAlignment.Left, 10);
  private readonly changed = new vscode.EventEmitter<ClusterStatusParams>();
  /** Fires after the item shows a new status. */
  readonly onDidChange = this.changed.event;
  private last: ClusterStatusParams | undefined;

  constructor(showOutputCommand: string) {
    this.item.name = 'Ingress Lab: Cluster';
    this.item.command = showOutputCommand;
    this.item.text = '$(sync~spin) Ingress: starting';
    this.item.show();
  }

  get current(): ClusterStatusParams | undefined { return this.last; }

  show(status: ClusterStatusParams): void {
    this.last = status;
    this.item.text = statusText(status);
    const source = status.source ? `\n\nSource: ${status.source}` : '';
    this.item.tooltip = new vscode.MarkdownString(`**Ingress Lab cluster: ${status.state}**\n\n${status.message}${source}`);
    const warn = look[status.state]?.warn ?? false;
    this.item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.changed.fire(status);
  }

  /** When the server is not running, say so rather than showing a stale cluster state. */
  showStopped(reason: string): void {
    this.item.text = '$(error) Ingress: server stopped';
    this.item.tooltip = reason;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  dispose(): void {
    this.item.dispose();
    this.changed.dispose();
  }
}
