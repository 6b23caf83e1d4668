// A backend names a Service port by number or by name; EndpointSlices and `--map` keys may
// use the other. These read the Service (workspace or cluster) to translate. No I/O.
import type { ObjectStore } from '../ingress/store';
import type { PortAliases } from './local-map';
import type { PortNameOf } from './pods';
import type { ServiceTarget } from './upstream';

function servicePort(store: ObjectStore, t: ServiceTarget) {
  const [svc] = store.find('Service', t.namespace, t.service);
  if (!svc) return { known: false as const };
  const port = svc.ports.find((p) => (typeof t.port === 'number' ? p.port === t.port : p.name === t.port));
  return { known: true as const, port };
}

/** Port aliases and port names from the Services in `store()` (read on every call: it may be replaced). */
export function servicePorts(store: () => ObjectStore): { aliases: PortAliases; portNameOf: PortNameOf } {
  return {
    aliases: (t) => {
      const { port } = servicePort(store(), t);
      if (!port) return [];
      return typeof t.port === 'number' ? (port.name ? [port.name] : []) : port.port !== undefined ? [port.port] : [];
    },
    portNameOf: (t) => {
      const s = servicePort(store(), t);
      if (!s.known) return typeof t.port === 'string' ? t.port : '';
      return s.port ? s.port.name ?? '' : undefined;
    },
  };
}
