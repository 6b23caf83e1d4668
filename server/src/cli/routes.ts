// `ingress-lab routes`: placeholder until its issue lands; says so and exits 2.
import type { CliIO } from './io';

export const ROUTES_USAGE = 'usage: ingress-lab routes (not built yet)';

export async function runRoutes(_argv: string[], io: CliIO): Promise<number> {
  io.err('ingress-lab routes: not built yet');
  return 2;
}
