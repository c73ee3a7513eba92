/**
 * Synergy finder benchmark: N briefs (bench/generate.ts: Musterstadt + bulk briefs) whose lead departments
 * are spread over 40 departments (the demo's 10 plus 30 more), then
 *   1. the first list request of a department (builds the in-memory index: load + index),
 *   2. autocannon on GET /synergies?department=<one of the 40> (10 connections, exact p50/p95/p99),
 *   3. single requests of the municipality-wide list and of "in my districts".
 * Own database names (rf_bench_synergy, .bench-data/synergy-*), so it can run beside other benchmarks.
 *
 *   npx tsx bench/synergy.ts [--db pglite|postgres] [--n 10000] [--duration 10]
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app';
import type { Config } from '../server/config';
import { arg, freshDb, freePort, percentile } from './db';
import { ADMIN, generate } from './generate';

const kind = arg('db', 'pglite');
const n = Number(arg('n', '10000'));
const duration = Number(arg('duration', '10'));
const DEPARTMENTS = 40;
if (!['pglite', 'postgres'].includes(kind) || !(n >= 43) || !(duration > 0)) throw new Error('usage: bench/synergy.ts [--db pglite|postgres] [--n ≥43] [--duration s]');



function load(job: object): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./load.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] });
    child.once('message', (m) => resolve(m as Record<string, number>));
    child.once('error', reject);
    child.once('exit', (code) => code && reject(new Error(`load generator exited with ${code}`)));
    child.send(job);
  });
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const load1 = () => loadavg()[0].toFixed(2);
console.error(`load average before: ${load1()} (${cpus().length} cores)`);
const { db, cleanup } = await freshDb(kind as 'pglite' | 'postgres', 'rf_bench_synergy');
let app: Awaited<ReturnType<typeof buildApp>> | undefined;
try {
  // PostgreSQL gets VACUUM ANALYZE (what autovacuum reaches soon after); PGlite has no autovacuum.
  const g = await generate(db, n, 42, kind === 'postgres' ? 'vacuum' : 'none');
  const mid = g.municipalityId;
  for (let i = 1; i <= DEPARTMENTS - 10; i++) await db.query('INSERT INTO department (municipality_id, name) VALUES ($1, $2)', [mid, `Fachbereich ${i}`]);
  const depts = (await db.query<{ id: string }>('SELECT id FROM department WHERE municipality_id = $1 ORDER BY name', [mid])).map((d) => d.id);
  // every brief gets one of the 40 departments as lead (round robin by number), as one statement
  await db.query(
    `UPDATE measure m SET lead_department_id = ($2::uuid[])[1 + (m.number % ${DEPARTMENTS})], version = version + 1 WHERE m.municipality_id = $1`,
    [mid, depts],
  );
  const [{ per }] = await db.query<{ per: number }>('SELECT count(*) AS per FROM measure WHERE municipality_id = $1 AND lead_department_id = $2', [mid, depts[7]]);
  console.error(`${kind}: ${g.total} briefs, ${depts.length} departments (≈${per} led by the benchmarked one)`);

  const config: Config = {
    port: 0, host: '127.0.0.1', dataDir: '/nonexistent', databaseUrl: undefined, sessionSecret: randomBytes(32).toString('hex'),
    sessionDays: 1, logLevel: 'silent', production: true, maxUploadBytes: 10 * 1024 * 1024, webDir: undefined,
  };
  app = await buildApp(config, db, { logger: false });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}/api/v1`;
  const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('rf_session='))!;
  const timed = async (path: string) => {
    const t = performance.now();
    const r = await fetch(base + path, { headers: { cookie } });
    const body = await r.json();
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - t, body };
  };

  const listPath = `/synergies?department=${depts[7]}&minScore=30&pageSize=20`;
  const cold = await timed(listPath);
  console.error(`first request (builds the index from scratch): ${ms(cold.ms)}; ${cold.body.total} pairs ≥ 30 for the department, best ${cold.body.items[0]?.score}`);
  const warm: number[] = [];
  for (let i = 0; i < 20; i++) warm.push((await timed(listPath)).ms);
  warm.sort((a, b) => a - b);
  const m = await load({ url: base + listPath, drainUrl: `${base}/auth/me`, cookie, connections: 10, duration, warmup: 2, alone: 3 });
  const page5 = await timed(listPath.replace('pageSize=20', 'pageSize=20&page=5'));
  const dismissedList = await timed(`/synergies?department=${depts[7]}&status=dismissed`);
  const all50: number[] = [];
  let allTotal = 0;
  for (let i = 0; i < 3; i++) {
    const r = await timed('/synergies?minScore=50&pageSize=20');
    all50.push(r.ms);
    allTotal = r.body.total;
  }
  const near = await timed(`/synergies/in-my-districts?department=${depts[7]}`);
  // one brief edited through the API: the next list rebuilds the index, splitting only that brief's text again
  const [edit] = await db.query<{ id: string; version: number }>('SELECT id, version FROM measure WHERE municipality_id = $1 AND lead_department_id = $2 LIMIT 1', [mid, depts[7]]);
  const patched = await fetch(`${base}/measures/${edit.id}`, { method: 'PATCH', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ version: edit.version, description: 'Neue Beschreibung mit Spielplatz und Radweg' }) });
  if (patched.status !== 200) throw new Error(`edit failed: ${patched.status}`);
  const afterEdit = await timed(listPath);
  console.log(`\n### ${kind}, ${g.total} briefs, ${depts.length} departments — load average ${load1()} after (${cpus().length} cores, shared)\n`);
  console.log('| request | p50 | p95 | p99 | req/s | note |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| department list, 10 connections, ${duration} s | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${m.rps.toFixed(0)} | ${m.requests} requests, ${m.errors} errors, ${m.non2xx} non-2xx |`);
  console.log(`| department list, one at a time | ${ms(m.alone)} | ${ms(m.aloneP95)} | – | – | ${m.aloneRequests} requests |`);
  console.log(`| department list, 20 sequential (in-process fetch) | ${ms(percentile(warm, 50))} | ${ms(percentile(warm, 95))} | – | – | |`);
  console.log(`| first request (index build from scratch) | ${ms(cold.ms)} | | | | ${cold.body.total} pairs ≥ 30 |`);
  console.log(`| first request after editing one brief (index rebuild, one text re-split) | ${ms(afterEdit.ms)} | | | | |`);
  console.log(`| department list, page 5 | ${ms(page5.ms)} | | | | |`);
  console.log(`| dismissed pairs of the department | ${ms(dismissedList.ms)} | | | | |`);
  console.log(`| municipality-wide list, min score 50 (3 runs, median) | ${ms([...all50].sort((a, b) => a - b)[1])} | | | | ${allTotal} pairs |`);
  console.log(`| in my districts | ${ms(near.ms)} | | | | ${near.body.districts.length} districts |`);
} finally {
  await app?.close();
  await cleanup();
}
