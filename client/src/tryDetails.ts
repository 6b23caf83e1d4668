// The Try panel's details around one answer, in words: the curl line that repeats the request
// against the same proxy listener, what to say when HTTPS cannot work for a host, and when the
// lens's own rule is not the one that gets its request. Pure: no 'vscode'.
import type { ExplainRouteParams, ExplainRouteResult, TryRouteArgs } from '../../server/src/protocol';

/** A shell word: kept as is when safe, else single-quoted. */
function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * `curl` for the request through the proxy: the URL keeps the host as the lens wrote it (so Host
 * and SNI are the same), and --connect-to sends it to the proxy's listener; HTTPS trusts the
 * proxy's local CA only.
 */
export function curlCommand(req: ExplainRouteParams, port: number, caPath?: string, headers: Record<string, string> = {}): string {
  const scheme = req.https ? 'https' : 'http';
  const words = ['curl', '-i', '--connect-to', `${req.host}:${req.https ? 443 : 80}:127.0.0.1:${port}`];
  if (req.https && caPath) words.push('--cacert', caPath);
  for (const [k, v] of Object.entries(headers)) words.push('-H', `${k}: ${v}`);
  words.push(`${scheme}://${req.host}${req.path}`);
  return words.map(shellWord).join(' ');
}

/** Why an HTTPS try cannot work for a host no Ingress lists under `tls`, and what to do instead. */
export function noTlsMessage(req: ExplainRouteParams): string {
  return `The proxy has no certificate for ${req.host}: no Ingress lists it under spec.tls[].hosts, so the proxy (like a controller) does not serve it over HTTPS. Try http://${req.host}${req.path}, or add ${req.host} to an Ingress's tls hosts.`;
}

/**
 * When the lens's own path is not the rule that gets its request: which one does, said first.
 * `written`: the path as the YAML has it (the lens's URL adds a missing leading "/").
 */
export function lensRuleLoses(args: TryRouteArgs | undefined, explain: ExplainRouteResult, written?: string): string | undefined {
  if (!args || args.isDefaultBackend) return undefined;
  const r = explain.route;
  const at = (l: { uri: string; range: { start: { line: number } } }) => `${l.uri}#${l.range.start.line}`;
  if (r && at(r.location) === at(args.location)) return undefined;
  if (written !== undefined && !written.startsWith('/')) {
    return `This lens's own rule never gets a request: its path "${written}" does not start with "/" (the API server refuses such an Ingress, and no request path matches it). ${r ? `${r.pathType || '(no pathType)'} ${r.path} of Ingress ${r.namespace}/${r.ingress} gets ${args.path} instead.` : ''}`.trim();
  }
  const mine = `${args.pathType} ${args.path} of Ingress ${args.namespace}/${args.ingress}`;
  const winner = r ? `${r.pathType || '(no pathType)'} ${r.path} of Ingress ${r.namespace}/${r.ingress} gets it` : `${explain.decision.replace(/^\d{3}\s*(→\s*)?/, '') || 'nothing routes it'}`;
  return `This lens's own rule, ${mine}, does not get this request: ${winner}. The trace below says why.`;
}
