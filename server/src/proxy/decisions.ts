// The proxy's routing decisions, remembered per (host, path) for one route table, and the
// controller profile's action per (scheme, host, target) when the profile says nothing else
// decides it (no canary): the matchers write a full trace for every lookup, and a proxy under
// load (or a person pressing Try again) asks the same few questions over and over. A new
// table starts empty caches, so a reload is seen by the very next request. Bounded: at most
// MAX entries each, and long requests are decided without being remembered.
import type { RouteTable } from '../ingress/routing/index';
import type { ControllerProfile } from '../ingress/routing/profiles/types';
import { profileAction, type ControllerAction, type ControllerRequest } from './controller-action';
import { decide, type Decision } from './decide';

const MAX = 1024;
const MAX_KEY = 512;

export class DecisionCache {
  private readonly decisions = new Map<string, Decision>();
  private readonly actions = new Map<string, ControllerAction>();
  private actionsOf: ControllerProfile | undefined;

  constructor(readonly table: RouteTable) {}

  decide(host: string, path: string): Decision {
    if (host.length + path.length > MAX_KEY) return decide(this.table, host, path);
    const key = `${host} ${path}`; // node:http refuses a space in a Host value and in a request-target
    let d = this.decisions.get(key);
    if (!d) remember(this.decisions, key, (d = decide(this.table, host, path)));
    return d;
  }

  /** What the profile does with req (controller-action.ts); shared, not to be changed by the caller. */
  action(profile: ControllerProfile | undefined, req: ControllerRequest): ControllerAction {
    if (!profile || profile.id === 'spec-only') return NONE;
    if (profile !== this.actionsOf) {
      this.actions.clear(); // remembered for one profile only
      this.actionsOf = profile;
    }
    const key = `${req.scheme} ${req.host} ${req.url}`;
    const known = key.length <= MAX_KEY ? this.actions.get(key) : undefined;
    if (known) return known;
    const { action, reusable } = profileAction(profile, this.table, req);
    if (reusable && key.length <= MAX_KEY) remember(this.actions, key, action);
    return action;
  }
}

const NONE: ControllerAction = Object.freeze({});

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  if (map.size >= MAX) map.delete(map.keys().next().value!);
  map.set(key, value);
}
