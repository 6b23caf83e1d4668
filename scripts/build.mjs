// Builds every bundle with esbuild: the extension client, the language server, the CLI,
// and the tests (one .cjs per test file). Usage: node scripts/build.mjs [--minify] [--watch]
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync, chmodSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const minify = process.argv.includes('--minify');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  sourcemap: minify ? false : 'linked',
  minify,
  logLevel: 'warning',
  absWorkingDir: root,
  define: { INGRESS_LAB_VERSION: JSON.stringify(version) }, // `ingress-lab --version`, SARIF's tool version
};

/** Files under dir whose names end with suffix, recursively. */
function walk(dir, suffix) {
  if (!existsSync(join(root, dir))) return [];
  const out = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out.push(...walk(rel, suffix));
    else if (name.endsWith(suffix)) out.push(rel);
  }
  return out;
}

const bundles = [
  { entry: 'client/src/extension.ts', out: 'dist/client/extension.js' },
  { entry: 'server/src/lsp/main.ts', out: 'dist/server/server.js' },
  { entry: 'server/src/cli/main.ts', out: 'dist/cli/ingress-lab.js', banner: '#!/usr/bin/env node' },
].filter((b) => existsSync(join(root, b.entry)));

const testEntries = [
  ...walk('server/test', '.test.ts'),
  ...walk('client/test', '.ts'),
  // Benchmarks: top-level bench/*.ts only; bench/support/ holds their shared helpers.
  ...walk('bench', '.ts').filter((e) => !/[\\/]support[\\/]/.test(e)),
];

const builds = bundles.map((b) => ({
  ...common,
  entryPoints: [b.entry],
  outfile: b.out,
  banner: b.banner ? { js: b.banner } : undefined,
}));
if (testEntries.length > 0) {
  builds.push({
    ...common,
    external: [...common.external, 'mocha'], // the extension-host test runner loads mocha from node_modules
    sourcemap: 'inline',
    minify: false,
    entryPoints: Object.fromEntries(
      testEntries.map((e) => [relative('.', e).replace(/\.ts$/, ''), e]),
    ),
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
  });
}

// Stale test bundles would still run after their source is gone: start from empty folders.
for (const dir of ['out/server', 'out/client', 'out/bench', 'dist']) rmSync(join(root, dir), { recursive: true, force: true });

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
  console.log('watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  if (existsSync(join(root, 'dist/cli/ingress-lab.js'))) chmodSync(join(root, 'dist/cli/ingress-lab.js'), 0o755);
}
