// What the server needs from its host, injected by the start-up file (main.ts for Node):
// reading files, finding the workspace's YAML files, timers, a clock, a log and the live
// cluster. Handlers
// never touch node:fs or the global timers themselves, so tests can run them in memory.

export interface Disposable {
  dispose(): void;
}

import type { ClusterSource } from './cluster-source';

export interface Runtime {
  /** Connects to the live cluster of a kubeconfig context ('' for the current one). */
  cluster(context: string): ClusterSource;
  /** The text of a file: URI, undefined when it cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
  /** The .yaml/.yml files under a folder URI (dependency and VCS folders skipped). */
  findYamlFiles(folderUri: string): Promise<string[]>;
  setTimeout(callback: () => void, ms: number): Disposable;
  now(): Date;
  /** Diagnostics about the server itself: goes to stderr, never to the protocol stream. */
  log(message: string): void;
}
