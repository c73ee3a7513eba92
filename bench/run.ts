/**
 * HTTP benchmark of the list, the search and the detail of briefs against the real app.
 *   npx tsx bench/run.ts [--db pglite|postgres] [--n 10000] [--duration 10] [--maintenance vacuum|analyze|none] [--cache on|off]
 * `--cache off` switches the list/search result cache off (server/db/versioned-cache.ts), so
 * every request runs the list query: the cost of a first or a changed list.
 * Fresh database → migrations → N briefs (bench/generate.ts) → buildApp on 127.0.0.1:<free port> →
 * login as admin → for each endpoint: check the answer, 2 s warm-up, `--duration` s with 10
 * connections, then 3 s with one connection (autocannon in a child process, bench/load.ts) →
 * Markdown table on stdout (progress on stderr). Cleans up after itself; exit code 1 on any error.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app';
import { resultCacheSettings } from '../server/db/versioned-cache';
import type { Config } from '../server/config';
import { ADMIN, generate, type Maintenance } from './generate';
import { arg, freePort, freshDb } from './db';

const kind = arg('db', 'pglite') as 'pglite' | 'postgres';
const n = Number(arg('n', '10000'));
const duration = Number(arg('duration', '10'));
const maintenance = arg('maintenance', 'vacuum') as Maintenance;
const cache = arg('cache', 'on');
const CONNECTIONS = 10;
const WARMUP = 2;
const ALONE = 3;
if (!['pglite', 'postgres'].includes(kind) || !(n >= 43) || !(duration > 0) || !['vacuum', 'analyze', 'none'].includes(maintenance) || !['on', 'off'].includes(cache)) {
  throw new Error('usage: bench/run.ts [--db pglite|postgres] [--n ≥43] [--duration s] [--maintenance vacuum|analyze|none] [--cache on|off]');
}

type Page = { items: { id: string; number: number; status: string; districtIds: string[]; costCents: number | null }[]; total: number };
interface Endpoint { name: string; path: string; check: (body: any) => string | null } // eslint-disable-line @typescript-eslint/no-explicit-any

function load(job: object): Promise<Record<string, number | null>> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./load.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] });
    child.once('message', (m) => resolve(m as Record<string, number>));
    child.once('error', reject);
    child.once('exit', (code) => code && reject(new Error(`load generator exited with ${code}`)));
    child.send(job);
  });
}

resultCacheSettings.enabled = cache === 'on';
const load1 = () => loadavg()[0].toFixed(2);
const loadBefore = load1();
const { db, cleanup } = await freshDb(kind);
let app: Awaited<ReturnType<typeof buildApp>> | undefined;
let failed = false;
try {
  const g = await generate(db, n, 42, maintenance);
  console.error(`${kind}: ${g.total} briefs (setup with demo data ${g.ms.setup} ms, bulk insert + ${maintenance} ${g.ms.bulk} ms)`);
  const config: Config = {
    port: 0, host: '127.0.0.1', dataDir: '/nonexistent', databaseUrl: undefined, sessionSecret: randomBytes(32).toString('hex'),
    sessionDays: 1, logLevel: 'silent', production: true, maxUploadBytes: 10 * 1024 * 1024, webDir: undefined,
  };
  app = await buildApp(config, db, { logger: false });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}/api/v1`;

  const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('rf_session='))!;

  const district = g.districtIds[0];
  const [{ id: detailId }] = await db.query<{ id: string }>('SELECT id FROM measure WHERE municipality_id = $1 AND number = $2', [g.municipalityId, Math.ceil(n / 2)]);
  const searchCheck = (p: Page) => (p.total > 0 && p.items.length > 0 ? null : 'no hits');
  const endpoints: Endpoint[] = [
    {
      name: 'filtered list (district + 2 statuses, sort -cost, page 2)',
      path: `/measures?district=${district}&status=brief,planning&sort=-cost&page=2`,
      check: (p: Page) => {
        if (p.total <= 25 || p.items.length !== Math.min(25, p.total - 25)) return `expected page 2 to hold items 26–50, got ${p.items.length} of ${p.total}`;
        if (!p.items.every((i) => i.districtIds.includes(district) && ['brief', 'planning'].includes(i.status))) return 'item outside the filter';
        const costs = p.items.map((i) => i.costCents ?? -1);
        return costs.every((c, k) => k === 0 || c <= costs[k - 1]) ? null : 'not sorted by cost descending';
      },
    },
    { name: 'full-text search q=Sanierung', path: '/measures?q=Sanierung', check: searchCheck },
    { name: 'trigram/compound search q=Strasse', path: '/measures?q=Strasse', check: searchCheck },
    { name: 'brief detail', path: `/measures/${detailId}`, check: (m: { id: string }) => (m.id === detailId ? null : 'wrong brief') },
  ];

  const rows: string[] = [];
  for (const e of endpoints) {
    const r = await fetch(base + e.path, { headers: { cookie } });
    const body = await r.json();
    const problem = r.status !== 200 ? `status ${r.status}` : e.check(body);
    if (problem) throw new Error(`${e.name}: ${problem} (${JSON.stringify(body).slice(0, 300)})`);
    const note = 'total' in body ? ` — ${body.total} matches` : '';
    console.error(`checked ${e.path}: 200${note}; measuring ${WARMUP} s warm-up + ${duration} s + ${ALONE} s alone …`);
    const m = await load({ url: base + e.path, drainUrl: `${base}/auth/me`, cookie, connections: CONNECTIONS, duration, warmup: WARMUP, alone: ALONE });
    console.error(JSON.stringify(m));
    if (m.errors || m.non2xx) failed = true;
    const ms = (v: number | null) => (v == null ? '–' : v.toFixed(1));
    rows.push(`| ${e.name}${note} | ${ms(m.alone)} / ${ms(m.aloneP95)} | ${m.rps!.toFixed(1)} | ${m.requests} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${m.errors} / ${m.non2xx} |`);
  }
  console.log(`\n**${kind}**, ${g.total} briefs, after-insert maintenance: ${maintenance}, list cache ${cache}; "alone" = 1 connection for ${ALONE} s (at least 3 requests); the rest: ${CONNECTIONS} connections for ${duration} s per endpoint after ${WARMUP} s warm-up (latencies in ms; "requests" = completed in the measured ${duration} s)\n`);
  console.log('| endpoint | alone p50 / p95 | requests/s | requests | p50 | p95 | p99 | errors / non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
  console.log(`\n1-min load average: ${loadBefore} at start, ${load1()} at end (${new Date().toISOString()})`);
} catch (err) {
  failed = true;
  console.error(err);
} finally {
  await app?.close();
  await cleanup();
}
process.exit(failed ? 1 : 0);
