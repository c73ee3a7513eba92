// The server as one ES module for `npm start` (dist/server/main.mjs): Node loads one file instead of ~300
// TypeScript modules through tsx's loader, which took ~0.6 s of every restart (docs/benchmarks.md, "restart").
// npm packages stay external (node_modules); only the app's own code is bundled. `npm run dev` and the
// tests still run the TypeScript sources through tsx / vitest.
//
// Files the server reads next to its own module (import.meta.url) are placed next to the bundle:
// ASSETS below. server/bundle-assets.test.ts fails when a source file starts reading another one.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const OUT_DIR = 'dist/server';
export const ENTRY = join(OUT_DIR, 'main.mjs');

/** Source file (relative to the repository) → where the bundle looks for it (relative to OUT_DIR). */
export const ASSETS = {
  'server/db/migrations': 'migrations', // server/db/migrate.ts
  'server/modules/auth/common-passwords.txt': 'common-passwords.txt', // server/modules/auth/passwords.ts
};
/** Worker threads are their own entry points: source → output name (server/modules/measures/documents/xlsx-in-worker.ts). */
export const WORKERS = { 'server/modules/measures/documents/xlsx-worker.ts': 'xlsx-worker' };

const SOURCES = ['server', 'contract', 'domain'];

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

/** True when the bundle is missing or older than any source file (a pull, an edit). */
export function serverBundleStale() {
  return !existsSync(ENTRY) || statSync(ENTRY).mtimeMs < Math.max(...SOURCES.map(newest));
}

export async function buildServer(outDir = OUT_DIR) {
  const { build } = await import('esbuild');
  // Built beside and then moved in place, so that an instance starting at the same moment (several on one
  // PostgreSQL) never loads a half-written bundle.
  const dir = `${outDir}.building-${process.pid}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [from, to] of Object.entries(ASSETS)) cpSync(from, join(dir, to), { recursive: true });
  await build({
    entryPoints: [{ in: 'server/main.ts', out: 'main' }, ...Object.entries(WORKERS).map(([src, out]) => ({ in: src, out }))],
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  rmSync(outDir, { recursive: true, force: true });
  renameSync(dir, outDir);
}

// `node scripts/build-server.mjs`: build now.
if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
