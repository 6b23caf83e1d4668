// publishDiagnostics without serializing again what did not change. LSP sends a file's whole
// diagnostics list on every change: at 1,000 Ingresses in one file that is 2,000 diagnostics,
// about 900 kB of JSON, and JSON.stringify of it was most of the server's time per keystroke
// (the lsp bench). publish.ts keeps each chunk's diagnostics as JSON next to the objects
// (`encodedParts`); this writer encoder joins those bytes instead of re-encoding the objects.
// Any other message, or a list without parts, is encoded as the library would.
import {
  PublishDiagnosticsNotification, RAL, type ContentTypeEncoder, type ContentTypeEncoderOptions, type Diagnostic, type Message,
} from 'vscode-languageserver/node';

const utf8 = new TextEncoder();
const COMMA = 0x2c; // ','
/** Stands for the diagnostics list in the message shell; JSON.stringify writes it as `"\u0000…"`, which no real value reads as. */
const MARK = '\u0000diagnostics';
const MARK_JSON = JSON.stringify(MARK);

/** The JSON of each part of a diagnostics list (comma-separated objects, no brackets), by list. */
const partsOf = new WeakMap<readonly Diagnostic[], readonly Uint8Array[]>();

/** Diagnostics as comma-separated JSON objects: one part of a list. */
export function encodePart(diagnostics: readonly Diagnostic[]): Uint8Array {
  return utf8.encode(JSON.stringify(diagnostics).slice(1, -1));
}

/** Remembers that `list` is the concatenation of these parts (in order), each already JSON. */
export function withParts(list: Diagnostic[], parts: readonly Uint8Array[]): Diagnostic[] {
  partsOf.set(list, parts);
  return list;
}

/** `a` followed by `b`, keeping a's encoded parts (b's objects are encoded as one more part). */
export function concatDiagnostics(a: Diagnostic[], b: readonly Diagnostic[]): Diagnostic[] {
  if (b.length === 0) return a;
  const joined = [...a, ...b];
  const parts = partsOf.get(a);
  return parts ? withParts(joined, [...parts, encodePart(b)]) : joined;
}

/** The JSON parts of a publishDiagnostics message's list, when it has them. */
function preEncoded(msg: Message): readonly Uint8Array[] | undefined {
  const m = msg as { method?: unknown; params?: { diagnostics?: unknown } };
  if (m.method !== PublishDiagnosticsNotification.method || !Array.isArray(m.params?.diagnostics)) return undefined;
  return partsOf.get(m.params.diagnostics as Diagnostic[]);
}

/** Where an encoder puts a message: a new array each time, or one reused (see createDiagnosticsJsonEncoder). */
export type Output = (byteLength: number) => Uint8Array;

const fresh: Output = (n) => new Uint8Array(n);

/** The message as JSON bytes: the shell around the list serialized, the list's parts joined as they are. */
export function encodeMessage(msg: Message, output: Output = fresh): Uint8Array {
  const parts = preEncoded(msg);
  if (!parts) return utf8.encode(JSON.stringify(msg));
  const m = msg as unknown as { params: Record<string, unknown> };
  const shell = JSON.stringify({ ...msg, params: { ...m.params, diagnostics: MARK } });
  const at = shell.lastIndexOf(MARK_JSON);
  const head = utf8.encode(`${shell.slice(0, at)}[`);
  const tail = utf8.encode(`]${shell.slice(at + MARK_JSON.length)}`);
  let length = head.byteLength + tail.byteLength;
  for (const p of parts) if (p.byteLength > 0) length += p.byteLength + 1;
  const out = output(length - (length > head.byteLength + tail.byteLength ? 1 : 0));
  out.set(head, 0);
  let n = head.byteLength;
  for (const p of parts) {
    if (p.byteLength === 0) continue;
    if (n > head.byteLength) out[n++] = COMMA;
    out.set(p, n);
    n += p.byteLength;
  }
  out.set(tail, n);
  return out;
}

/**
 * The stdio writer's JSON encoder (UTF-8, the protocol's default charset). It writes into one
 * array it keeps and grows: vscode-jsonrpc's stream writer encodes a message only once the one
 * before has been written (its callback called), so the bytes are never overwritten while in use.
 * A fresh 900 kB array per keystroke cost more (page faults, zeroing) than the copy into it.
 */
export function createDiagnosticsJsonEncoder(): ContentTypeEncoder {
  let buffer = new Uint8Array(1 << 16);
  const reused: Output = (n) => {
    if (buffer.byteLength < n) buffer = new Uint8Array(Math.max(n, buffer.byteLength * 2));
    return buffer.subarray(0, n);
  };
  return {
    name: 'application/json',
    encode: (msg: Message, options: ContentTypeEncoderOptions) => (options.charset === 'utf-8'
      ? Promise.resolve(encodeMessage(msg, reused))
      : RAL().applicationJson.encoder.encode(msg, options)),
  };
}
