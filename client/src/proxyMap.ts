// `ingressLab.proxy.map`: `{ "ns/service:port": "http://127.0.0.1:3000" }` → the proxy engine's
// local mappings. Each bad entry is skipped with a message naming the setting and the key; the
// engine's checks apply (loopback http:// only). Pure: no 'vscode' import.
import { MappingError, mappingOf, type LocalMapping } from '../../server/src/proxy/index';

export const MAP_SETTING = 'ingressLab.proxy.map';

export interface ProxyMap {
  mappings: LocalMapping[];
  errors: string[];
}

export function parseProxyMap(value: unknown): ProxyMap {
  const out: ProxyMap = { mappings: [], errors: [] };
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    out.errors.push(`${MAP_SETTING} must be an object like { "shop/web:80": "http://127.0.0.1:3000" }`);
    return out;
  }
  for (const [key, url] of Object.entries(value as Record<string, unknown>)) {
    if (typeof url !== 'string') {
      out.errors.push(`${MAP_SETTING} "${key}": the value must be a URL string like "http://127.0.0.1:3000"`);
      continue;
    }
    try {
      out.mappings.push(mappingOf(key, url));
    } catch (e) {
      if (!(e instanceof MappingError)) throw e;
      out.errors.push(`${MAP_SETTING} "${key}": ${e.message}`);
    }
  }
  return out;
}

export const OPEN_SETTINGS = 'Open Settings';
export const SHOW_OUTPUT = 'Show Output';

/** What warnRefused needs from the window (injected: this file does not import 'vscode'). */
export interface WarningUi {
  warn(message: string, ...actions: string[]): PromiseLike<string | undefined>;
  /** Opens the Settings editor at ingressLab.proxy.map. */
  openSettings(): unknown;
  showOutput(): unknown;
}

/** The refused entries in one warning (the first, and how many more), with buttons to the setting and to the output. */
export async function warnRefused(errors: readonly string[], ui: WarningUi): Promise<string | undefined> {
  if (errors.length === 0) return undefined;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more: see the output)` : '';
  const choice = await ui.warn(`${errors[0]}${more}`, OPEN_SETTINGS, SHOW_OUTPUT);
  if (choice === OPEN_SETTINGS) await ui.openSettings();
  else if (choice === SHOW_OUTPUT) await ui.showOutput();
  return choice;
}
