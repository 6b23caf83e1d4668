// The status bar item that shows what the server says about the cluster (ingressLab/clusterStatus),
// once, instead of a diagnostic on every line. Clicking it opens the output channel.
import * as vscode from 'vscode';
import type { ClusterStatusParams } from '../../server/src/protocol';
import { clusterLook, statusText, statusTooltip } from './format';

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
    this.item.tooltip = new vscode.MarkdownString(statusTooltip(status));
    const { warn } = clusterLook(status.state);
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
