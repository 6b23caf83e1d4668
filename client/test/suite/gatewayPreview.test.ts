// "Preview as Gateway API" in a real VS Code: the command opens the Ingress's conversion beside
// it as a read-only `ingress-lab-gateway:` YAML document, with a comment block saying what was
// not converted and which requests route differently, and regenerates it as the Ingress changes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { rewriteCase } from '../../../server/test/helpers/gateway-cases';
import { activateExtension, codeOf, openFixture, waitForEvent } from '../helpers';

const PREVIEW = 'ingressLab.previewGatewayApi';

/** The visible preview of a source document. */
function previewEditor(source: vscode.Uri): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'ingress-lab-gateway' && e.document.uri.query === source.toString());
}

/** The preview's text once it satisfies `ready` (it is regenerated when the server re-checks). */
function previewText(source: vscode.Uri, ready: (text: string) => boolean): Promise<string> {
  const probe = () => {
    const text = previewEditor(source)?.document.getText();
    return text !== undefined && ready(text) ? text : undefined;
  };
  const changed = (listener: (e: unknown) => unknown) => vscode.Disposable.from(
    vscode.window.onDidChangeVisibleTextEditors(listener), vscode.workspace.onDidChangeTextDocument(listener));
  return waitForEvent('the Gateway API preview', changed, probe).catch((e: Error) => {
    const visible = vscode.window.visibleTextEditors.map((v) => v.document.uri.toString()).join(', ');
    throw new Error(`${e.message} of ${source.toString()}; visible: ${visible}; its text:\n${previewEditor(source)?.document.getText()}`);
  });
}

/** The preview's gateway/route-differs diagnostics once one satisfies `ready`. */
function differsOn(preview: vscode.Uri, ready: (d: vscode.Diagnostic) => boolean): Promise<vscode.Diagnostic[]> {
  return waitForEvent('a gateway/route-differs diagnostic on the preview', vscode.languages.onDidChangeDiagnostics, () => {
    const all = vscode.languages.getDiagnostics(preview).filter((d) => codeOf(d) === 'gateway/route-differs');
    return all.some(ready) ? all : undefined;
  });
}

suite('Gateway API preview', () => {
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('the command opens the Ingress as HTTPRoutes beside it, read-only, with the summary; a code action offers it', async () => {
    await activateExtension();
    const source = await openFixture('routes.yaml');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', source.document.uri, new vscode.Range(1, 0, 1, 0));
    assert.ok(actions.some((a) => a.title === 'Preview as Gateway API' && a.command?.command === PREVIEW), actions.map((a) => a.title).join(', '));
    await vscode.commands.executeCommand(PREVIEW);
    const text = await previewText(source.document.uri, (t) => t.includes('kind: HTTPRoute'));
    const preview = previewEditor(source.document.uri)!;
    assert.equal(preview.document.languageId, 'yaml');
    assert.ok((preview.viewColumn ?? 0) > (source.viewColumn ?? 0), `beside the Ingress (${preview.viewColumn} vs ${source.viewColumn})`);
    assert.notEqual(vscode.workspace.fs.isWritableFileSystem('ingress-lab-gateway'), true);
    assert.match(text, /^# Gateway API preview of routes\.yaml \(read-only/);
    assert.match(text, /^# \d+ of \d+ checked requests route differently/m);
    assert.match(text, /hostnames:\n\s+- shop\.example\.com/);
    assert.match(text, /value: \/catalog/);
    assert.match(text, /name: catalog\n\s+port: 8080/);
  });

  test('a rewrite-target with capture groups is listed as a difference, and the preview follows edits', async () => {
    await activateExtension();
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: rewriteCase('rewrite.example.com') });
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand(PREVIEW, doc.uri);
    const text = await previewText(doc.uri, (t) => t.includes('rewrite.example.com'));
    assert.match(text, /^# Controller profile: ingress-nginx /m);
    assert.match(text, /^# {3}shop\/api: warning: .*rewrite-target/m);
    assert.match(text, /^# [1-9]\d* of \d+ checked requests route differently .*:$/m);
    assert.match(text, /^# {3}http:\/\/rewrite\.example\.com\/API\/X\n# {5}Ingress: shop\/api:8080/m);
    const at = doc.getText().lastIndexOf('name: web\n'); // the Service of Ingress web
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'name: web'.length)), 'name: storefront'));
    await previewText(doc.uri, (t) => /name: storefront\n\s+port: 8080/.test(t));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('each request routed differently is a warning on the preview\'s HTTPRoute match, pointing at the Ingress path, and follows edits', async () => {
    await activateExtension();
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: rewriteCase('diag.example.com') });
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand(PREVIEW, doc.uri);
    await previewText(doc.uri, (t) => t.includes('diag.example.com'));
    const preview = previewEditor(doc.uri)!.document;
    const upper = (d: vscode.Diagnostic) => d.message.startsWith('http://diag.example.com/API/X is routed differently: Ingress (ingress-nginx) → shop/api:8080');
    const found = (await differsOn(preview.uri, upper)).find(upper)!;
    assert.equal(found.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(found.message, /Gateway API → shop\/web:8080/);
    assert.equal(preview.lineAt(found.range.start.line).text.trim(), '- path:', `on the match: ${preview.getText(found.range)}`);
    const related = found.relatedInformation?.[0];
    assert.equal(related?.location.uri.toString(), doc.uri.toString());
    assert.match(doc.lineAt(related!.location.range.start.line).text, /path: \/api\(\/\|\$\)\(\.\*\)/);
    const info = vscode.languages.getDiagnostics(preview.uri).find((d) => codeOf(d) === 'gateway/not-converted' && /rewrite-target/.test(d.message));
    assert.equal(info?.severity, vscode.DiagnosticSeverity.Information);
    const at = doc.getText().lastIndexOf('name: web\n');
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'name: web'.length)), 'name: storefront'));
    await differsOn(preview.uri, (d) => upper(d) && /Gateway API → shop\/storefront:8080/.test(d.message));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
