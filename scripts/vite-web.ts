/**
 * Build steps of the web app beyond Vite's defaults, for a workshop guest on a weak link (docs/architecture.md,
 * "Delivery on a weak link"):
 * - joinEntry: after the app's build, a second build of web/join.html — the participant pages — with
 *   React replaced by Preact (preact/compat): the guest's phone loads ~10 KB of framework instead of ~110 KB.
 *   In `vite` dev, /join and /join/<code> are answered with join.html too (with React there).
 * - precompress: every file of the output from 1 KB on is written beside itself as .br (brotli 11) and .gz
 *   (gzip 9) once, so the server sends the smallest form without compressing per request.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';
import { precompress } from './precompress';

/** React's module names → Preact's compat layer (exact names only: `react-router` stays what it is). */
export const preactAliases = [
  { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react$/, replacement: 'preact/compat' },
];

export const isJoinPath = (url: string) => /^\/join(\/[^.]*)?(\?.*)?$/.test(url);

export function joinEntry(outDir: string): Plugin {
  let failed = false;
  return {
    name: 'rf-join-entry',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && isJoinPath(req.url)) req.url = '/join.html';
        next();
      });
    },
    buildEnd(err) {
      failed = Boolean(err);
    },
    async closeBundle() {
      if (failed) return;
      await build({
        configFile: false,
        root: resolve('web'),
        logLevel: 'warn',
        plugins: [react()],
        resolve: { alias: preactAliases },
        build: { outDir, emptyOutDir: false, sourcemap: false, rollupOptions: { input: { join: resolve('web/join.html') } } },
      });
      precompress(outDir);
    },
  };
}
