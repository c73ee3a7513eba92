import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;
/** Below this, compression saves less than a network packet (the server's threshold for answers too). */
const MIN_BYTES = 1024;

/**
 * Writes <file>.br (brotli 11) and <file>.gz (gzip 9) beside each compressible file of `dir` from 1 KB on,
 * once at build time: @fastify/static (preCompressed) then sends the smallest form the browser accepts
 * without compressing anything per request.
 */
export function precompress(dir: string) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      precompress(p);
      continue;
    }
    if (!COMPRESSIBLE.test(e.name) || statSync(p).size < MIN_BYTES) continue;
    const raw = readFileSync(p);
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length) writeFileSync(`${p}.br`, br);
    if (gz.length < raw.length) writeFileSync(`${p}.gz`, gz);
  }
}
