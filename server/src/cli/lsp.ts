// `ingress-lab lsp`: placeholder until its issue lands; says so and exits 2.
import type { CliIO } from './io';

export const LSP_USAGE = 'usage: ingress-lab lsp (not built yet)';

export async function runLsp(_argv: string[], io: CliIO): Promise<number> {
  io.err('ingress-lab lsp: not built yet');
  return 2;
}
