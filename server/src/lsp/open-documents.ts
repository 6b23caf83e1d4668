// The documents the editor has open. Each change is applied to the editor's TextDocument (its
// line table is updated incrementally) and handed to the workspace as an edit (old offsets →
// new text), so only the chunks around the edit are parsed again.
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEBOUNCE_MS, type Session } from './session';

function isManifest(uri: string, languageId: string): boolean {
  return languageId === 'yaml' || /\.ya?ml$/i.test(uri);
}

export class OpenDocuments {
  private readonly docs = new Map<string, TextDocument>();

  constructor(private readonly session: Session) {}

  listen(connection: Connection): void {
    const ws = this.session.project;
    connection.onDidOpenTextDocument(({ textDocument: t }) => {
      if (!isManifest(t.uri, t.languageId)) return;
      const doc = TextDocument.create(t.uri, t.languageId, t.version, t.text);
      this.docs.set(t.uri, doc);
      ws.setText(t.uri, doc.getText(), true, doc);
      this.session.schedule(DEBOUNCE_MS);
    });
    connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const doc = this.docs.get(textDocument.uri);
      if (!doc) return;
      for (const change of contentChanges) {
        if ('range' in change) {
          const start = doc.offsetAt(change.range.start);
          const end = doc.offsetAt(change.range.end);
          TextDocument.update(doc, [change], textDocument.version);
          ws.applyEdit(doc.uri, start, end, change.text, doc.getText(), doc);
        } else {
          TextDocument.update(doc, [change], textDocument.version);
          ws.setText(doc.uri, doc.getText(), true, doc);
        }
      }
      this.session.schedule(DEBOUNCE_MS);
    });
    connection.onDidCloseTextDocument(({ textDocument }) => {
      this.docs.delete(textDocument.uri);
      const file = ws.file(textDocument.uri);
      if (!file) return;
      file.open = false;
      if (this.session.inWorkspace(textDocument.uri)) void this.session.reload(textDocument.uri);
      else {
        ws.remove(textDocument.uri);
        this.session.schedule(DEBOUNCE_MS);
      }
    });
  }
}
