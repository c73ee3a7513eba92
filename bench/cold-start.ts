/**
 * Cold start of the `npm start` server path: `node --import tsx server/main.ts` (what scripts/start.mjs
 * spawns once the web app is built), timed from spawn until GET /api/v1/health answers 200.
 *   npx tsx bench/cold-start.ts [--runs 3]
 * "first start": a new, empty DATA_DIR each run (creates PGlite, runs the migrations);
 * "restart": the same, existing DATA_DIR again. Temp dirs live under .bench-data/ and are removed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { arg, freePort, percentile } from './db';

const runs = Number(arg('runs', '3'));

async function startOnce(dataDir: string): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL; // the embedded database, as on a first `npm start`
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode != null) throw new Error(`server exited with ${child.exitCode}`);
      if (performance.now() - t0 > 60_000) throw new Error('server not ready after 60 s');
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.status === 200, () => false);
      if (ok) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const loadBefore = loadavg()[0].toFixed(2);
mkdirSync('.bench-data', { recursive: true });
const dirs: string[] = [];
const first: number[] = [];
const again: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join('.bench-data', 'cold-'));
    dirs.push(dir);
    first.push(await startOnce(dir));
    console.error(`first start #${i + 1}: ${first[i].toFixed(0)} ms`);
  }
  for (let i = 0; i < runs; i++) {
    again.push(await startOnce(dirs[0]));
    console.error(`restart #${i + 1} (existing DATA_DIR): ${again[i].toFixed(0)} ms`);
  }
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
const row = (name: string, xs: number[]) =>
  `| ${name} | ${percentile([...xs].sort((a, b) => a - b), 50).toFixed(0)} | ${xs.map((x) => x.toFixed(0)).join(', ')} |`;
console.log(`\nCold start, spawn → GET /api/v1/health 200 (PGlite, NODE_ENV=production, ${runs} runs each)\n`);
console.log('| start | median ms | runs (ms) |');
console.log('|---|---:|---|');
console.log(row('first start (empty DATA_DIR: create PGlite + migrate)', first));
console.log(row('restart (existing DATA_DIR)', again));
console.log(`\n1-min load average: ${loadBefore} at start, ${loadavg()[0].toFixed(2)} at end (${new Date().toISOString()})`);
