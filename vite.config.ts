import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { joinEntry } from './scripts/vite-web';

// The web app lives in web/ and is built to dist/web, which the server serves in production.
// WEB_OUT_DIR builds elsewhere (with WEB_DIR for the server), so parallel test runs keep their own copy.
const outDir = process.env.WEB_OUT_DIR ? resolve(process.env.WEB_OUT_DIR) : fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root: 'web',
  // joinEntry: the participant pages as their own light build (web/join.html), then every file precompressed.
  plugins: [react(), joinEntry(outDir)],
  build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { port: 5173, proxy: { '/api/v1': 'http://127.0.0.1:3000' } },
});
