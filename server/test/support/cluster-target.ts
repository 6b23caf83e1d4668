// The cluster the cluster tests run against, behind one setup API: the API stand-in by
// default, or a real cluster when INGRESS_LAB_TEST_KUBECONFIG names a kubeconfig (fixtures
// then go into a scratch namespace, and everything created is removed afterwards).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig, KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { fixturePath } from '../helpers/fixtures';
import { K8sStandIn } from './k8s-standin/server';
import { STANDIN_RESOURCES } from './k8s-standin/resources';
import type { Obj } from './k8s-standin/store';

export interface ClusterTarget {
  readonly kind: 'stand-in' | 'real';
  /** A kubeconfig file whose current context points at the target. */
  readonly kubeconfigPath: string;
  readonly context: string;
  /** Namespace holding the fixtures (and the context's namespace). */
  readonly namespace: string;
  /** The stand-in, for fault injection; undefined on a real cluster. */
  readonly standIn?: K8sStandIn;
  apply(objects: Obj[]): Promise<void>;
  remove(kind: string, name: string): Promise<void>;
  close(): Promise<void>;
}

export function readFixtureObjects(...parts: string[]): Obj[] {
  const text = readFileSync(fixturePath(...parts), 'utf8');
  return parseAllDocuments(text).map((d) => d.toJSON() as Obj).filter((o) => o?.kind);
}

function withNamespace(o: Obj, namespace: string): Obj {
  const namespaced = STANDIN_RESOURCES.find((r) => r.kind === o.kind)?.namespaced ?? true;
  return { ...o, metadata: { ...o.metadata, namespace: namespaced ? namespace : undefined } };
}

class StandInTarget implements ClusterTarget {
  readonly kind = 'stand-in';
  readonly context = 'standin';
  readonly namespace = 'ingress-lab-test';
  private readonly dir = mkdtempSync(join(tmpdir(), 'ilab-standin-'));
  readonly kubeconfigPath = join(this.dir, 'kubeconfig');

  constructor(readonly standIn: K8sStandIn) {
    writeFileSync(this.kubeconfigPath, standIn.kubeconfig({ context: this.context, namespace: this.namespace }));
  }

  async apply(objects: Obj[]): Promise<void> {
    for (const o of objects) {
      const res = STANDIN_RESOURCES.find((r) => r.kind === o.kind);
      if (!res) throw new Error(`stand-in does not serve ${o.kind}`);
      const obj = withNamespace(o, this.namespace);
      if (o.kind === 'Pod') obj.status = { phase: 'Running' };
      this.standIn.store.upsert(res.plural, obj);
    }
  }

  async remove(kind: string, name: string): Promise<void> {
    const res = STANDIN_RESOURCES.find((r) => r.kind === kind)!;
    this.standIn.store.delete(res.plural, res.namespaced ? this.namespace : undefined, name);
  }

  async close(): Promise<void> {
    await this.standIn.stop();
    this.standIn.portForward.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

class RealTarget implements ClusterTarget {
  readonly kind = 'real';
  readonly namespace = `ingress-lab-test-${Date.now().toString(36)}`;
  private readonly kc = new KubeConfig();
  private readonly api: KubernetesObjectApi;
  private readonly clusterScoped: KubernetesObject[] = [];
  readonly context: string;

  constructor(readonly kubeconfigPath: string) {
    this.kc.loadFromFile(kubeconfigPath);
    this.context = this.kc.getCurrentContext();
    this.api = KubernetesObjectApi.makeApiClient(this.kc);
  }

  async init(): Promise<void> {
    await this.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: this.namespace } });
  }

  async apply(objects: Obj[]): Promise<void> {
    for (const o of objects) {
      const obj = withNamespace(o, this.namespace) as KubernetesObject;
      try {
        await this.api.create(obj);
      } catch (e) {
        if ((e as { code?: number }).code !== 409) throw e;
        await this.api.replace(obj);
      }
      if (!obj.metadata?.namespace) this.clusterScoped.push(obj);
    }
  }

  async remove(kind: string, name: string): Promise<void> {
    const apiVersion = STANDIN_RESOURCES.find((r) => r.kind === kind)!;
    const namespaced = apiVersion.namespaced;
    await this.api.delete({ apiVersion: apiVersion.group ? `${apiVersion.group}/${apiVersion.version}` : 'v1', kind, metadata: { name, namespace: namespaced ? this.namespace : undefined } });
  }

  async close(): Promise<void> {
    for (const o of this.clusterScoped) await this.api.delete(o).catch(() => undefined);
    await this.api.delete({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: this.namespace } }).catch(() => undefined);
  }
}

/** The real-cluster target on the cluster a kubeconfig's current context names. */
export async function openRealTarget(kubeconfigPath: string): Promise<ClusterTarget> {
  const t = new RealTarget(kubeconfigPath);
  await t.init();
  return t;
}

/** Opens the target for a test file: a fresh stand-in, or the real cluster named by the environment. */
export async function openTarget(): Promise<ClusterTarget> {
  const real = process.env.INGRESS_LAB_TEST_KUBECONFIG;
  if (real) return openRealTarget(real);
  const standIn = new K8sStandIn();
  await standIn.start();
  return new StandInTarget(standIn);
}

/** Resolves when check() holds, re-checking on each change signal; rejects after timeoutMs. */
export function waitFor(subscribe: (cb: () => void) => () => void, check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const off = subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}
