// "Preview as Gateway API": the Ingresses of a YAML document converted by the language server
// (ingressLab/convertToGateway) and shown beside it as a read-only `ingress-lab-gateway:`
// document, regenerated whenever the server reports that routes changed. Also offered as a
// code action on an Ingress.
//
// Its diagnostics (each request routed differently, on the HTTPRoute match that answers it; what
// has no equivalent, on the route it concerns) come in the same answer as its text and go into
// a DiagnosticCollection of the client's. Not published by the server: the preview is a virtual
// document whose text the client composes (a comment block above the server's YAML) and the
// server never has, so only the client knows its line numbers; and text and diagnostics from one
// answer can never be out of step.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ConvertToGatewayRequest, GATEWAY_PREVIEW_SCHEME, type RoutesChangedParams } from '../../server/src/protocol';
import { previewParts, shiftDiagnostics } from './gatewaySummary';

export const PREVIEW_GATEWAY_COMMAND = 'ingressLab.previewGatewayApi';

/** The preview of a source document: its path with `.gateway-api.yaml` (so the language is YAML), the source URI as query. */
export function previewUri(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: GATEWAY_PREVIEW_SCHEME, path: `${source.path.replace(/\.ya?ml$/i, '')}.gateway-api.yaml`, query: source.toString() });
}

export class GatewayPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('ingress-lab-gateway');

  constructor(private readonly client: LanguageClient, routesChanged: vscode.Event<RoutesChangedParams>) {
    this.subscriptions = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(GATEWAY_PREVIEW_SCHEME, this),
      vscode.languages.registerCodeActionsProvider([{ language: 'yaml', scheme: 'file' }, { language: 'yaml', scheme: 'untitled' }],
        { provideCodeActions: (doc, range) => previewAction(doc, range) }, { providedCodeActionKinds: [PREVIEW_KIND] }),
      routesChanged(() => this.refresh()),
      this.diagnostics,
      vscode.workspace.onDidCloseTextDocument((d) => { if (d.uri.scheme === GATEWAY_PREVIEW_SCHEME) this.diagnostics.delete(d.uri); }),
    ];
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const source = vscode.Uri.parse(uri.query);
    const name = source.path.split('/').pop() ?? source.path;
    try {
      const result = await this.client.sendRequest(ConvertToGatewayRequest, { uri: this.client.code2ProtocolConverter.asUri(source) }, token);
      const { header, yaml } = previewParts(name, result);
      this.diagnostics.set(uri, await this.client.protocol2CodeConverter.asDiagnostics(shiftDiagnostics(result.diagnostics, header.length)));
      return [...header, yaml].join('\n');
    } catch (e) {
      this.diagnostics.delete(uri);
      return `# Gateway API preview of ${name}: the language server could not convert it (${(e as Error)?.message ?? e}).\n`;
    }
  }

  /** Opens (or regenerates) the preview of a document beside it; the active editor's when no URI is given. */
  async open(resource?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
    const source = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
    if (!source || source.scheme === GATEWAY_PREVIEW_SCHEME) {
      void vscode.window.showInformationMessage('Open a YAML file with an Ingress to preview it as Gateway API.');
      return undefined;
    }
    const uri = previewUri(source);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }

  /** Regenerates every open preview (the server has just re-checked the changed documents). */
  refresh(): void {
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === GATEWAY_PREVIEW_SCHEME) this.changed.fire(doc.uri);
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }
}

const PREVIEW_KIND = vscode.CodeActionKind.Refactor.append('gatewayApi');

/** The YAML document (between `---` lines) around a line: is it an Ingress? */
function inIngress(doc: vscode.TextDocument, line: number): boolean {
  const isSeparator = (l: number) => /^---\s*$/.test(doc.lineAt(l).text);
  let start = line;
  while (start > 0 && !isSeparator(start)) start--;
  let end = line;
  while (end < doc.lineCount - 1 && !isSeparator(end + 1)) end++;
  const text = doc.getText(new vscode.Range(start, 0, end, doc.lineAt(end).text.length));
  return /^kind:\s*["']?Ingress["']?\s*(#.*)?$/m.test(text);
}

function previewAction(doc: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
  if (!inIngress(doc, range.start.line)) return [];
  const action = new vscode.CodeAction('Preview as Gateway API', PREVIEW_KIND);
  action.command = { command: PREVIEW_GATEWAY_COMMAND, title: 'Preview as Gateway API', arguments: [doc.uri] };
  return [action];
}
