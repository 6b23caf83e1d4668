// The "Try" result panel: one webview reused across tries. Strict CSP (default-src 'none', a fresh
// nonce per load for its one script and one style), no remote content, the data only through
// postMessage, colours only from --vscode-* variables. The page reports back when it rendered,
// and asks for its actions (re-run, copy as curl, open the setting the advice names) by message.
// When the rules change after an answer was shown, the page marks it stale. It shows one try, or
// "Try both": the same request's Ingress and Gateway API answers side by side (comparePage.ts).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { requestFromUrl } from './format';
import type { TryBothResult } from './tryCompare';
import type { TryResult } from './tryResult';
import { COMPARE_SCRIPT, COMPARE_STYLE } from './webview/comparePage';
import { PANEL_SCRIPT, PANEL_STYLE } from './webview/panelPage';

/** What the panel shows: one answer, or both sets' answers to the same request. */
export type PanelResult = TryResult | TryBothResult;

/** The command the panel's "Try both" button runs (with the shown request). */
export const TRY_BOTH_COMMAND = 'ingressLab.tryBoth';

export interface Rendered {
  url: string;
  /** The status the page shows (0 when the request failed). */
  status: number;
}

export class ResultPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private pending: PanelResult | undefined;
  private readonly rendered = new vscode.EventEmitter<Rendered>();
  /** Fires when the page has drawn a result (tests wait on it). */
  readonly onDidRender = this.rendered.event;
  /** The last result sent to the page. */
  last: PanelResult | undefined;
  /** The rules changed since the last result was shown. */
  stale = false;
  private rerun: (() => void) | undefined;
  private readonly subs: vscode.Disposable[] = [];

  constructor(onRulesChanged?: vscode.Event<unknown>) {
    if (onRulesChanged) this.subs.push(onRulesChanged(() => this.markStale()));
  }

  show(result: PanelResult, rerun?: () => void): void {
    this.last = result;
    this.stale = false;
    this.rerun = rerun;
    if (!this.panel) this.create();
    this.panel!.title = `${'kind' in result ? 'Try both' : 'Try'}: ${result.url}`;
    this.panel!.reveal(undefined, true);
    if (this.ready) void this.panel!.webview.postMessage({ type: 'result', result });
    else this.pending = result;
  }

  private create(): void {
    const panel = vscode.window.createWebviewPanel('ingressLab.tryResult', 'Try', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false,
    });
    this.panel = panel;
    this.ready = false;
    panel.webview.onDidReceiveMessage((m: { type?: string; url?: string; status?: number }) => {
      if (m.type === 'ready') {
        this.ready = true;
        const data = this.pending ?? this.last;
        this.pending = undefined;
        if (data) void panel.webview.postMessage({ type: 'result', result: data });
        if (this.stale) void panel.webview.postMessage({ type: 'stale' });
      } else if (m.type === 'rendered') {
        this.rendered.fire({ url: String(m.url), status: Number(m.status) });
      } else this.act(m.type);
    });
    // Hidden and shown again, the page reloads (no retained context): it asks for the data again.
    panel.onDidChangeViewState(() => { if (!panel.visible) this.ready = false; });
    panel.onDidDispose(() => { if (this.panel === panel) this.panel = undefined; });
    panel.webview.html = page();
  }

  /** The page's buttons. */
  private act(type: string | undefined): void {
    const last = this.last;
    if (type === 'rerun') this.rerun?.();
    else if (type === 'copyCurl' && last?.curl) {
      void vscode.env.clipboard.writeText(last.curl).then(() => vscode.window.setStatusBarMessage('Ingress Lab: curl command copied', 3000));
    } else if (type === 'openSetting' && last && 'guidanceSetting' in last && last.guidanceSetting) {
      void vscode.commands.executeCommand('workbench.action.openSettings', last.guidanceSetting);
    } else if (type === 'tryBoth' && last) {
      void vscode.commands.executeCommand(TRY_BOTH_COMMAND, requestFromUrl(last.url));
    }
  }

  /** The rules changed: the answer shown may no longer be what the proxy would say. */
  markStale(): void {
    if (!this.last || this.stale) return;
    this.stale = true;
    if (this.panel && this.ready) void this.panel.webview.postMessage({ type: 'stale' });
  }

  dispose(): void {
    this.panel?.dispose();
    this.rendered.dispose();
    for (const s of this.subs) s.dispose();
  }
}

function page(): string {
  const nonce = randomBytes(18).toString('base64');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Try</title>
<style nonce="${nonce}">${PANEL_STYLE}${COMPARE_STYLE}</style>
</head><body><main id="root"><p class="muted">Sending the request…</p></main>
<script nonce="${nonce}">${COMPARE_SCRIPT}</script>
<script nonce="${nonce}">${PANEL_SCRIPT}</script>
</body></html>`;
}
