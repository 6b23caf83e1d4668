// `ingress-lab route`: placeholder until its issue lands; says so and exits 2.
import type { CliIO } from './io';

export const ROUTE_USAGE = 'usage: ingress-lab route (not built yet)';

export async function runRoute(_argv: string[], io: CliIO): Promise<number> {
  io.err('ingress-lab route: not built yet');
  return 2;
}
