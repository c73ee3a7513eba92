import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import type { FastifyStaticOptions, SetHeadersResponse } from '@fastify/static';

/**
 * Delivery for a weak link (a workshop room's Wi-Fi; docs/architecture.md "Delivery on a weak link").
 *
 * Answers of the API and pages are compressed per request — brotli at quality 4 (smaller than gzip for
 * about its CPU; 11 costs ~30× more), gzip for clients without brotli — from 1 KB on. Event streams are
 * never buffered by it: the live hub writes them to the socket itself (reply.hijack), past every onSend hook.
 * The built web app's files are compressed once at build time (scripts/vite-web.ts, brotli 11 and gzip 9)
 * and sent as they are; a file that already carries a Content-Encoding is left alone here.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built web app's files: `/assets/*` carry a content hash in their names, so a browser keeps them for
 * good; everything else (index.html, join.html) is checked on every load (`no-cache` still lets the
 * browser revalidate by ETag), so a new build is picked up at once.
 */
export function webStaticOptions(webDir: string): FastifyStaticOptions {
  const assets = `${sep}assets${sep}`;
  return {
    root: webDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res: SetHeadersResponse, path: string) => {
      res.setHeader('cache-control', path.includes(assets) ? IMMUTABLE : 'no-cache');
      res.setHeader('vary', 'accept-encoding');
    },
  };
}

/**
 * The page for a client-side route: the participant pages (/join, /join/<code>) have their own light entry
 * (join.html, Preact, no app code), every other path the app's index.html.
 */
export function pageFor(path: string, webDir: string): string {
  return /^\/join(\/|$)/.test(path) && existsSync(join(webDir, 'join.html')) ? 'join.html' : 'index.html';
}
