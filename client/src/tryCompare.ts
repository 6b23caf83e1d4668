// "Try both": one request sent through the proxy twice, routed by the Ingresses (with their
// controller profile) and by the Gateway API set (X-Ingress-Lab-As), and the two answers
// compared row by row: status, who answered (pod or mapped URL), the redirect's Location, the
// path and Host the backend was sent, and the rule that answered (always different: shown,
// not compared). Pure: no 'vscode'.
import { AS_HEADER, type RouteSetId } from '../../server/src/proxy/route-sets';
import { UPSTREAM_HOST_HEADER, UPSTREAM_PATH_HEADER } from '../../server/src/proxy/explain';
import type { TryResponse } from './tryRequest';

export interface TrySide {
  set: RouteSetId;
  /** "Ingress (ingress-nginx profile)", "Gateway API (converted + workspace HTTPRoutes)". */
  title: string;
  response?: TryResponse;
  /** The request failed before any answer. */
  error?: string;
}

export interface CompareRow {
  name: string;
  ingress: string;
  gateway: string;
  /** Whether the row counts towards "same" (the rule names always differ). */
  compared: boolean;
  same: boolean;
}

export interface TryBothResult {
  kind: 'both';
  url: string;
  via: string;
  at?: string;
  ingress: TrySide;
  gateway: TrySide;
  rows: CompareRow[];
  /** The compared rows that differ ("status", "redirect Location"); empty when both answered the same. */
  differences: string[];
  /** compareSummary's line. */
  summary: string;
  /** The Gateway API request from a terminal (the Ingress one is the same without the header). */
  curl?: string;
}

export const SET_HEADERS: Record<RouteSetId, Record<string, string>> = {
  ingress: { [AS_HEADER]: 'ingress' },
  'gateway-api': { [AS_HEADER]: 'gateway-api' },
};

function header(r: TryResponse | undefined, name: string): string | undefined {
  return r?.headers.find(([k]) => k.toLowerCase() === name)?.[1];
}

/** A Location as a URL would resolve it (so "https://h" and "https://h/" are the same place). */
function location(r: TryResponse | undefined): string {
  const l = header(r, 'location');
  if (!l) return '';
  return URL.canParse(l) ? new URL(l).href : l;
}

type Cell = (s: TrySide) => string;

const ROWS: [name: string, cell: Cell, compared: boolean][] = [
  ['status', (s) => (s.response ? `${s.response.status} ${s.response.statusText}`.trim() : `failed: ${s.error ?? '?'}`), true],
  ['answered by', (s) => s.response?.upstream ?? (s.response ? 'the proxy itself' : ''), true],
  ['redirect Location', (s) => location(s.response), true],
  ['path sent upstream', (s) => header(s.response, UPSTREAM_PATH_HEADER) ?? '', true],
  ['Host sent upstream', (s) => header(s.response, UPSTREAM_HOST_HEADER) ?? '', true],
  ['rule', (s) => s.response?.rule ?? '(none)', false],
  ['reason', (s) => s.response?.reason ?? '', false],
];

export function compareTries(base: Pick<TryBothResult, 'url' | 'via' | 'at' | 'curl'>, ingress: TrySide, gateway: TrySide): TryBothResult {
  const rows = ROWS.map(([name, cell, compared]): CompareRow => {
    const [i, g] = [cell(ingress), cell(gateway)];
    return { name, ingress: i, gateway: g, compared, same: i === g };
  }).filter((r) => r.ingress !== '' || r.gateway !== '');
  const differences = rows.filter((r) => r.compared && !r.same).map((r) => r.name);
  return { kind: 'both', ...base, ingress, gateway, rows, differences, summary: compareSummary(rows, differences) };
}

/** One line for the panel's head and the log: "same" and the shared answer, or what differs. */
export function compareSummary(rows: readonly CompareRow[], differences: readonly string[]): string {
  if (differences.length) return `Different: the answers differ in ${differences.join(', ')}.`;
  const [status, by] = rows;
  return `Same: both answer ${status?.ingress ?? '?'}${by && by.ingress !== 'the proxy itself' ? ` from ${by.ingress}` : ''}.`;
}
