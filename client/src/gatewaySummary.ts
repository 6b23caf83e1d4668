// The text of the Gateway API preview: a YAML comment block that says what could not be
// converted and how many requests route differently (the first few listed), then the HTTPRoutes.
// Pure (no vscode), so unit tests read it.
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import type { ConvertToGatewayResult } from '../../server/src/protocol';

/** Differences listed in the comment block; the rest are counted. */
export const LISTED_DIFFERENCES = 5;

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

function notesBlock(r: ConvertToGatewayResult): string[] {
  if (!r.notes.length) return ['# Everything converted: no Ingress reports a change or a missing equivalent.'];
  return ['# Not converted, or converted with a change:', ...r.notes.map((n) => `#   ${n.ingress}: ${n.severity}: ${oneLine(n.message)}`)];
}

function differencesBlock(r: ConvertToGatewayResult): string[] {
  const head = `# ${r.differences.length} of ${r.checked} checked requests route differently (Ingress with the ${r.profile.split(' ')[0]} profile vs these HTTPRoutes)`;
  if (!r.differences.length) return [`${head}.`];
  const listed = r.differences.slice(0, LISTED_DIFFERENCES).map((d) =>
    `#   ${d.request}\n#     Ingress: ${d.ingress} · Gateway API: ${d.gateway} · ${oneLine(d.why)}`);
  const rest = r.differences.length - listed.length;
  return [`${head}:`, ...listed, ...(rest > 0 ? [`#   … and ${rest} more: \`ingress-lab convert --to gateway-api --check\` lists them all.`] : [])];
}

/** The comment block above the YAML, one line per element (one line when there is nothing to convert), and the YAML. */
export function previewParts(sourceName: string, r: ConvertToGatewayResult): { header: string[]; yaml: string } {
  if (!r.yaml) return { header: [`# Gateway API preview of ${sourceName}: no Ingress to convert.`], yaml: '' };
  const header = [
    `# Gateway API preview of ${sourceName} (read-only; follows the Ingresses as they change)`,
    `# Controller profile: ${r.profile}`,
    ...notesBlock(r),
    ...differencesBlock(r),
  ];
  // One element per line: the YAML's diagnostics are shifted by header.length.
  return { header: header.join('\n').split('\n'), yaml: r.yaml };
}

export function previewText(sourceName: string, r: ConvertToGatewayResult): string {
  const { header, yaml } = previewParts(sourceName, r);
  return [...header, yaml].join('\n');
}

/** The server's diagnostics (ranges in the YAML) moved down by the lines of the comment block above it. */
export function shiftDiagnostics(diagnostics: readonly Diagnostic[], lines: number): Diagnostic[] {
  const at = (p: Position): Position => ({ line: p.line + lines, character: p.character });
  return diagnostics.map((d) => ({ ...d, range: { start: at(d.range.start), end: at(d.range.end) } }));
}
