// Messages a person meets (issue 10): the warning about a refused ingressLab.proxy.map entry
// carries buttons to the setting and to the output, and "Restart Language Server" says when the
// server is back. The window's message functions are wrapped to see what the user would see and
// to press a button; the real ones run again after each test.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { RESTARTED_MESSAGE } from '../../src/languageClient';
import { MAP_SETTING } from '../../src/proxyMap';
import { activateExtension, waitForEvent } from '../helpers';

type Shown = { message: string; items: string[]; state?: State };
type MessageFn = 'showWarningMessage' | 'showInformationMessage';

/** Replaces a window message function for the duration of a test; answers with `press`. */
function recordMessages(fn: MessageFn, press: string | undefined, also?: () => Partial<Shown>) {
  const shown: Shown[] = [];
  const changed = new vscode.EventEmitter<void>();
  const window = vscode.window as unknown as Record<MessageFn, unknown>;
  const real = window[fn];
  window[fn] = (message: string, ...items: unknown[]) => {
    shown.push({ message, items: items.filter((i): i is string => typeof i === 'string'), ...also?.() });
    changed.fire();
    return Promise.resolve(press);
  };
  assert.notEqual(window[fn], real, `vscode.window.${fn} can be wrapped in this extension host`);
  return { shown, changed: changed.event, restore: () => { window[fn] = real; changed.dispose(); } };
}

suite('messages', () => {
  test('a refused ingressLab.proxy.map entry: a warning naming it, with Open Settings and Show Output; Open Settings opens the Settings editor', async () => {
    const api = await activateExtension();
    await api.proxy.ensureStarted();
    const rec = recordMessages('showWarningMessage', 'Open Settings');
    try {
      await vscode.workspace.getConfiguration('ingressLab').update('proxy.map', { 'shop/web:80': 'http://10.0.0.7:8080' }, vscode.ConfigurationTarget.Global);
      const warning = await waitForEvent('the refused-entry warning', rec.changed, () => rec.shown.find((s) => s.message.includes(MAP_SETTING)));
      assert.match(warning.message, /^ingressLab\.proxy\.map "shop\/web:80": /);
      assert.deepEqual(warning.items, ['Open Settings', 'Show Output']);
      const settingsOpen = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.label === 'Settings') || undefined;
      await waitForEvent('the Settings editor', vscode.window.tabGroups.onDidChangeTabs, settingsOpen);
    } finally {
      rec.restore();
      await vscode.workspace.getConfiguration('ingressLab').update('proxy.map', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('"Restart Language Server" says when the server is running again', async () => {
    const api = await activateExtension();
    const rec = recordMessages('showInformationMessage', undefined, () => ({ state: api.client.state }));
    try {
      await vscode.commands.executeCommand('ingressLab.restartServer');
      const back = await waitForEvent('the restarted message', rec.changed, () => rec.shown.find((s) => s.message.startsWith(RESTARTED_MESSAGE)));
      assert.match(back.message, /^The Ingress Lab language server is running again\. \(\d+\.\d s\)$/);
      assert.equal(back.state, State.Running, 'said once the server runs, not before');
    } finally {
      rec.restore();
    }
  });
});
