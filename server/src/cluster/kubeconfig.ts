// Loads kubeconfig the way kubectl does: the files in KUBECONFIG (path-list; missing files
// skipped; the first file to set a name or the current context wins), else ~/.kube/config.
// Picks the current context or a named one and its namespace. Authentication itself (tokens,
// client certificates, exec plugins, OIDC...) is left to @kubernetes/client-node.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterStatus } from './status';

export interface KubeconfigOptions {
  /** Environment to read KUBECONFIG from (default process.env). */
  env?: Record<string, string | undefined>;
  /** Home folder for ~/.kube/config (default os.homedir()). */
  home?: string;
  /** Context to use instead of current-context. */
  context?: string;
}

export interface LoadedKubeconfig {
  kc: KubeConfig;
  files: string[];
  context: string;
  server: string;
  /** The context's namespace, `default` when it names none. */
  namespace: string;
}

export type KubeconfigResult = { ok: true; config: LoadedKubeconfig } | { ok: false; status: ClusterStatus };

export function kubeconfigFiles(opts: KubeconfigOptions = {}): string[] {
  const env = opts.env ?? process.env;
  if (env.KUBECONFIG) return env.KUBECONFIG.split(delimiter).filter((f) => f && existsSync(f));
  const file = join(opts.home ?? homedir(), '.kube', 'config');
  return existsSync(file) ? [file] : [];
}

function readFiles(files: string[]): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(files[0]!);
  for (const file of files.slice(1)) {
    const more = new KubeConfig();
    more.loadFromFile(file);
    if (!kc.currentContext) kc.currentContext = more.currentContext;
    for (const c of more.clusters) if (!kc.getCluster(c.name)) kc.addCluster(c);
    for (const u of more.users) if (!kc.getUser(u.name)) kc.addUser(u);
    for (const c of more.contexts) if (!kc.getContextObject(c.name)) kc.addContext(c);
  }
  return kc;
}

const bad = (message: string): KubeconfigResult => ({ ok: false, status: { state: 'bad-kubeconfig', message } });

export function loadKubeconfig(opts: KubeconfigOptions = {}): KubeconfigResult {
  const files = kubeconfigFiles(opts);
  if (files.length === 0) {
    const where = (opts.env ?? process.env).KUBECONFIG ? 'the files in KUBECONFIG' : '~/.kube/config';
    return { ok: false, status: { state: 'no-kubeconfig', message: `no kubeconfig found (looked for ${where})` } };
  }
  let kc: KubeConfig;
  try {
    kc = readFiles(files);
  } catch (e) {
    // Parser messages name fields and positions, never values, so they are safe to show.
    return bad(`kubeconfig ${files.join(', ')} cannot be read: ${firstLine((e as Error).message)}`);
  }
  const name = opts.context ?? kc.currentContext;
  if (!name) return bad(`kubeconfig ${files.join(', ')} sets no current-context; choose one with --context`);
  const ctx = kc.getContextObject(name);
  if (!ctx) return bad(`context "${name}" not found in kubeconfig (${kc.contexts.map((c) => c.name).join(', ') || 'no contexts'})`);
  kc.setCurrentContext(name);
  const cluster = kc.getCluster(ctx.cluster);
  if (!cluster) return bad(`context "${name}" names cluster "${ctx.cluster}", which the kubeconfig does not define`);
  if (ctx.user && !kc.getUser(ctx.user)) return bad(`context "${name}" names user "${ctx.user}", which the kubeconfig does not define`);
  return { ok: true, config: { kc, files, context: name, server: displayServer(cluster.server), namespace: ctx.namespace || 'default' } };
}

/** The server URL for messages: any user:password@ in it is dropped. */
export function displayServer(server: string): string {
  try {
    const u = new URL(server);
    if (!u.username && !u.password) return server;
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return server.replace(/\/\/[^@/]*@/, '//');
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 200);
}
