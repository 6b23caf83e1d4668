// Family conflict/: routing analysis across all Ingresses in scope (workspace and live),
// using the same matcher as `ingress-lab route` (server/src/ingress/routing).
import type { Rule } from '../rule';
import { duplicateRoute } from './duplicate-route';
import { hostWithoutTls } from './host-without-tls';
import { shadowedPath } from './shadowed-path';
import { tlsHostUnused } from './tls-host-unused';

export const CONFLICT_RULES: readonly Rule[] = [duplicateRoute, shadowedPath, tlsHostUnused, hostWithoutTls];
