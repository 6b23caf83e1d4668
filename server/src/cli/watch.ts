// Watches the files and folders a command was given and calls back once per burst of
// changes (editors write a file in several steps).
import { watch, statSync, type FSWatcher } from 'node:fs';

export function watchPaths(paths: readonly string[], onChange: () => void, debounceMs = 100): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const watchers: FSWatcher[] = [];
  for (const p of paths.length ? paths : ['.']) {
    const recursive = statSync(p).isDirectory();
    const w = watch(p, { recursive, persistent: true }, fire);
    w.on('error', fire);
    watchers.push(w);
  }
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
