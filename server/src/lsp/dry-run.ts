// `ingressLab.cluster.dryRun`: after the local checks, each workspace Ingress whose content
// changed is sent to the API server with dryRun=All (debounced, one run at a time); the
// refusals (Status causes, admission webhook denials) become diagnostics at their field.
// Local diagnostics never wait on it; a failing dry run is reported once until one succeeds.
import type { Diagnostic } from 'vscode-languageserver';
import { nodeAtField, DRY_RUN_RULE_ID } from '../cluster/dry-run';
import type { Finding, Severity } from '../ingress/findings';
import { objectLabel, type KObject } from '../ingress/model';
import { toJson } from '../ingress/source';
import { toDiagnostic, type LinesOf } from './convert';
import type { FileModel } from '../engine/file-model';
import type { Disposable } from './runtime';

/** Quiet time after the last check before changed Ingresses are sent. */
export const DRY_RUN_DEBOUNCE_MS = 300;

export interface DryRunHost {
  /** The API when dry runs are on and the cluster is connected, else undefined. */
  api(): { dryRun(objects: readonly KObject[]): Promise<{ findings: Finding[]; notes: string[] }> } | undefined;
  ingresses(): KObject[];
  severity(): Severity | 'off' | undefined;
  setTimeout(cb: () => void, ms: number): Disposable;
  /** Diagnostics of these files changed: publish them again. */
  republish(uris: string[]): void;
  /** Said once per failing episode (log and a message to the user). */
  report(message: string): void;
  /** Server diagnostics (stderr). */
  log(message: string): void;
}

interface Result {
  /** The object's content when it was sent. */
  sent: string;
  findings: Finding[];
}

const keyOf = (o: KObject) => `${o.uri}\u0000${objectLabel(o)}`;

export class DryRunner {
  private readonly results = new Map<string, Result>();
  private timer: Disposable | undefined;
  private running = false;
  private again = false;
  private failing = false;

  constructor(private readonly host: DryRunHost) {}

  /** Called after each local check: (re)arms the debounce timer. */
  schedule(): void {
    this.timer?.dispose();
    this.timer = this.host.setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, DRY_RUN_DEBOUNCE_MS);
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      await this.runOnce();
    } catch (e) {
      this.host.log(`dry run failed: ${(e as Error)?.stack ?? e}`);
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }

  private async runOnce(): Promise<void> {
    const api = this.host.api();
    if (!api) return this.clear();
    const live = new Map(this.host.ingresses().filter((o) => o.origin === 'workspace').map((o) => [keyOf(o), o]));
    const gone = [...this.results.keys()].filter((k) => !live.has(k));
    const changed: KObject[] = [];
    for (const [key, o] of live) {
      const sent = JSON.stringify([o.namespace, toJson(o.root)]);
      if (this.results.get(key)?.sent === sent) continue;
      this.results.set(key, { sent, findings: this.results.get(key)?.findings ?? [] });
      changed.push(o);
    }
    const touched = new Set(gone.map((k) => k.split('\u0000')[0]!));
    gone.forEach((k) => this.results.delete(k));
    if (changed.length) {
      const { findings, notes } = await api.dryRun(changed);
      for (const o of changed) {
        const r = this.results.get(keyOf(o));
        const mine = findings.filter((f) => f.uri === o.uri && f.object === objectLabel(o));
        if (!r || JSON.stringify(r.findings) === JSON.stringify(mine)) continue;
        r.findings = mine;
        touched.add(o.uri);
      }
      this.noteFailures(notes);
    }
    if (touched.size) this.host.republish([...touched]);
  }

  private noteFailures(notes: string[]): void {
    if (notes.length === 0) this.failing = false;
    else if (!this.failing) {
      this.failing = true;
      this.host.report(`Server-side dry run failed (shown once until one succeeds): ${notes[0]}${notes.length > 1 ? ` (and ${notes.length - 1} more)` : ''}`);
    }
  }

  /** A new connection: every Ingress is sent again at the next run (earlier findings stay until then). */
  resend(): void {
    for (const r of this.results.values()) r.sent = '';
  }

  /** Drops every result (dry runs turned off or the cluster went away). */
  private clear(): void {
    const uris = new Set([...this.results.entries()].filter(([, r]) => r.findings.length).map(([k]) => k.split('\u0000')[0]!));
    this.results.clear();
    this.failing = false;
    if (uris.size) this.host.republish([...uris]);
  }

  /** The dry-run diagnostics of a file's Ingresses, placed at their fields in the current text. */
  diagnostics(file: FileModel, linesOf: LinesOf): Diagnostic[] {
    const severity = this.host.severity();
    if (this.results.size === 0 || severity === 'off') return [];
    const out: Diagnostic[] = [];
    for (const o of file.objects) {
      const r = o.kind === 'Ingress' ? this.results.get(keyOf(o)) : undefined;
      if (!r?.findings.length) continue;
      for (const f of r.findings) {
        const span = nodeAtField(o.root, f.field ?? 'metadata.name').span;
        out.push(toDiagnostic({ ...f, span, severity: severity ?? f.severity }, file.lines, linesOf));
      }
    }
    return out;
  }
}

export { DRY_RUN_RULE_ID };
