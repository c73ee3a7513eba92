// `npm start`: builds the web app and the server bundle when missing or older than their sources, then starts the server.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer, ENTRY as SERVER_ENTRY, serverBundleStale } from './build-server.mjs';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

// WEB_DIR names a build of the web app made elsewhere (served as it is); otherwise dist/web is kept current.
const built = 'dist/web/index.html';
if (!process.env.WEB_DIR && (!existsSync(built) || statSync(built).mtimeMs < Math.max(newest('web'), newest('contract'), newest('domain')))) {
  console.log('Building the web app (once) …');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
// The server runs as one prebuilt module (scripts/build-server.mjs), rebuilt when a source is newer.
if (serverBundleStale()) {
  console.log('Building the server (once) …');
  await buildServer();
}
// In this process (no second Node to start): the server handles SIGINT/SIGTERM and exits itself.
process.env.NODE_ENV ??= 'production';
await import(pathToFileURL(resolve(SERVER_ENTRY)).href);
