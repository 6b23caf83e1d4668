// Plain JSON requests to the API server through @kubernetes/client-node's own authentication
// (applySecurityAuthentication: tokens, client certificates, exec plugins, OIDC) and TLS
// dispatcher, with a time-out. Objects come back as plain JSON, exactly as the server sent them.
import { HttpMethod, RequestContext, type KubeConfig } from '@kubernetes/client-node';
import { fetch } from 'undici';
import { networkMessage } from './net-errors';

export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  query?: Record<string, string | undefined>;
  body?: unknown;
  timeoutMs?: number;
}

export const CREDENTIALS_FAILED = 'the kubeconfig user\'s credential plugin or auth provider failed (run kubectl with this context to see why)';

/** The kubeconfig's user could not produce credentials (exec plugin, OIDC refresh). */
export class CredentialError extends Error {}

/** A request that did not get an HTTP answer (refused, reset, DNS, TLS, time-out). */
export class TransportError extends Error {
  constructor(message: string, readonly timedOut: boolean) {
    super(message);
  }
}

/** The request context for a path: URL with query, credentials applied (CredentialError when they fail). */
async function authenticated(kc: KubeConfig, path: string, opts: RequestOptions): Promise<RequestContext> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new TransportError('no current cluster in kubeconfig', false);
  const url = new URL(cluster.server.replace(/\/$/, '') + path);
  for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
  const ctx = new RequestContext(url.toString(), HttpMethod[opts.method ?? 'GET']);
  try {
    await kc.applySecurityAuthentication(ctx);
  } catch {
    // An exec plugin or OIDC refresh failed. Its error text can carry the plugin's own output
    // (tokens included), so none of it is repeated.
    throw new CredentialError(CREDENTIALS_FAILED);
  }
  return ctx;
}

export async function apiRequest(kc: KubeConfig, path: string, opts: RequestOptions = {}): Promise<ApiResponse> {
  const ctx = await authenticated(kc, path, opts);
  const headers = ctx.getHeaders();
  headers.accept = 'application/json';
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const timeoutMs = opts.timeoutMs ?? 15_000;
  try {
    const res = await fetch(ctx.getUrl(), {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      dispatcher: ctx.getDispatcher(),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text (e.g. a proxy's HTML error page)
    }
    return { status: res.status, body };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError') throw new TransportError(`no answer within ${timeoutMs / 1000}s`, true);
    const code = err.cause?.code;
    throw new TransportError(code ? networkMessage(code) : err.cause?.message ?? err.message, false);
  }
}

/** The `message` of a Kubernetes Status body, or the HTTP status text. */
export function statusMessage(res: ApiResponse): string {
  const b = res.body as { message?: unknown } | undefined;
  return typeof b?.message === 'string' ? b.message : `HTTP ${res.status}`;
}
