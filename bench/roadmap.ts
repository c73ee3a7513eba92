/**
 * Roadmap and responsibility matrix benchmark: 10,000 measures in 40 departments.
 *   npx tsx bench/roadmap.ts [--db pglite|postgres] [--n 10000] [--duration 10] [--web <built web dir>]
 *
 * Fresh database (PGlite under .bench-data/, or the database rf_bench_roadmap on local PostgreSQL, so
 * other benchmarks on rf_bench are not disturbed) → migrations → N briefs (bench/generate.ts: the demo
 * municipality with its 10 departments, ~68 % of the briefs with planned start and end) → 30 more
 * departments, leads spread over all 40, 0–2 informed departments per measure, one milestone for every
 * dated measure (a second for every third), and ~N/4 finish-to-start dependencies, each on a
 * lower-numbered measure (so the set is acyclic, as the API would keep it) →
 * buildApp on 127.0.0.1:<free port>, login as admin, every endpoint checked for plausible content, then
 * measured with bench/load.ts in a child process (2 s warm-up, --duration s with 10 connections, ≥ 3 s
 * with one connection; exact per-request percentiles).
 * With --web (a `vite build` output), the app also serves the web app and Debian's Chromium opens the
 * matrix and the roadmap 5 times each: time from navigation until the matrix's 50 × 40 cells (or the
 * timeline) are on screen, median and worst.
 * Markdown on stdout (progress on stderr); temp data removed; exit 1 on any error or non-2xx answer.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app';
import type { Config } from '../server/config';
import type { Db } from '../server/db/client';
import { arg, freshDb, freePort } from './db';
import { ADMIN, generate } from './generate';

const kind = arg('db', 'pglite') as 'pglite' | 'postgres';
const n = Number(arg('n', '10000'));
const duration = Number(arg('duration', '10'));
const CONNECTIONS = 10;
const WARMUP = 2;
const ALONE = 3;
const DEPARTMENTS = 40;
const webDir = arg('web', '');



/** 40 departments, leads spread over all of them, informed departments, milestones and dependencies. */
async function coordinationData(db: Db, municipalityId: string) {
  await db.tx(async (t) => {
    for (let i = 1; i <= DEPARTMENTS - 10; i++) {
      await t.query('INSERT INTO department (municipality_id, name, short_name) VALUES ($1, $2, $3)', [municipalityId, `Fachbereich ${i}`, `FB${i}`]);
    }
    // deterministic spread by brief number: lead = department (number mod 40), informed 0–2 others
    await t.query(
      `WITH d AS (SELECT array_agg(id ORDER BY name) AS ids FROM department WHERE municipality_id = $1)
       UPDATE measure m SET
         lead_department_id = d.ids[1 + m.number % ${DEPARTMENTS}],
         partner_department_ids = array_remove(m.partner_department_ids, d.ids[1 + m.number % ${DEPARTMENTS}]),
         informed_department_ids = (CASE WHEN m.number % 3 = 0 THEN ARRAY[]::uuid[] ELSE ARRAY[d.ids[1 + (m.number * 7 + 3) % ${DEPARTMENTS}]] END)
           || (CASE WHEN m.number % 5 = 0 THEN ARRAY[d.ids[1 + (m.number * 11 + 5) % ${DEPARTMENTS}]] ELSE ARRAY[]::uuid[] END)
       FROM d WHERE m.municipality_id = $1`,
      [municipalityId],
    );
    // ~3 % without a lead, as in a real list before the responsibilities are clarified
    await t.query('UPDATE measure SET lead_department_id = NULL WHERE municipality_id = $1 AND number % 37 = 0', [municipalityId]);
    await t.query(
      `INSERT INTO milestone (municipality_id, measure_id, title, due_on, done)
       SELECT municipality_id, id, 'Beschluss im Ausschuss', planned_start + (planned_end - planned_start) / 3, number % 2 = 0
       FROM measure WHERE municipality_id = $1 AND planned_start IS NOT NULL AND planned_end IS NOT NULL`,
      [municipalityId],
    );
    await t.query(
      `INSERT INTO milestone (municipality_id, measure_id, title, due_on)
       SELECT municipality_id, id, 'Fertigstellung', planned_end
       FROM measure WHERE municipality_id = $1 AND planned_start IS NOT NULL AND planned_end IS NOT NULL AND number % 3 = 0`,
      [municipalityId],
    );
    // every 4th brief waits for one with a lower number (acyclic by construction)
    await t.query(
      `INSERT INTO measure_dependency (municipality_id, measure_id, depends_on_id)
       SELECT a.municipality_id, a.id, b.id FROM measure a
       JOIN measure b ON b.municipality_id = a.municipality_id AND b.number = greatest(1, a.number - 1 - (a.number * 13) % 400)
       WHERE a.municipality_id = $1 AND a.number % 4 = 0 AND a.number > 1`,
      [municipalityId],
    );
  });
  await db.exec('VACUUM ANALYZE');
  const [c] = await db.query<{ departments: number; dated: number; milestones: number; dependencies: number; nolead: number }>(
    `SELECT (SELECT count(*)::int FROM department WHERE municipality_id = $1) AS departments,
            (SELECT count(*)::int FROM measure WHERE municipality_id = $1 AND planned_start IS NOT NULL AND planned_end IS NOT NULL) AS dated,
            (SELECT count(*)::int FROM milestone WHERE municipality_id = $1) AS milestones,
            (SELECT count(*)::int FROM measure_dependency WHERE municipality_id = $1) AS dependencies,
            (SELECT count(*)::int FROM measure WHERE municipality_id = $1 AND lead_department_id IS NULL) AS nolead`,
    [municipalityId],
  );
  return c;
}

/** Page load in the browser: navigation until the matrix (2,000 selects) or the timeline is drawn. */
async function browserTimes(origin: string) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const lines: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${origin}/login`);
    await page.getByLabel('E-Mail').fill(ADMIN.email);
    await page.getByLabel('Passwort', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    for (const [name, path, ready] of [
      ['matrix page (50 measures × 40 departments, 2,000 cells)', '/responsibility', 'table.matrix-table tbody tr:nth-child(50) td:last-child'],
      ['roadmap page (timeline of 100 measures)', '/roadmap', 'svg.timeline-svg'],
      ['roadmap grouped by district, table view', '/roadmap?group=district&view=table', 'table.roadmap-table'],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        await page.goto('about:blank');
        const t = performance.now();
        await page.goto(origin + path);
        await page.locator(ready).waitFor({ state: 'attached', timeout: 60_000 });
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      lines.push(`| ${name} | ${times[2].toFixed(0)} | ${times[4].toFixed(0)} |`);
    }
  } finally {
    await browser.close();
  }
  return ['Browser (Chromium, 1400 × 1000, full page load incl. session check and data), ms:', '', '| page | median of 5 | worst |', '|---|---:|---:|', ...lines].join('\n');
}

function load(job: Record<string, unknown>): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./load.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] });
    child.once('message', (m) => resolve(m as Record<string, number>));
    child.once('error', reject);
    child.once('exit', (code) => code && reject(new Error(`load generator exited with ${code}`)));
    child.send(job);
  });
}

const load1 = () => loadavg()[0].toFixed(2);
const loadBefore = load1();
const { db, cleanup } = await freshDb(kind as 'pglite' | 'postgres', 'rf_bench_roadmap');
let app: Awaited<ReturnType<typeof buildApp>> | undefined;
let failed = false;
try {
  const g = await generate(db, n, 42, 'vacuum');
  const c = await coordinationData(db, g.municipalityId);
  console.error(`${kind}: ${g.total} briefs, ${JSON.stringify(c)}`);
  const config: Config = {
    port: 0, host: '127.0.0.1', dataDir: '/nonexistent', databaseUrl: undefined, sessionSecret: randomBytes(32).toString('hex'),
    sessionDays: 1, logLevel: 'silent', production: true, maxUploadBytes: 10 * 1024 * 1024, webDir: webDir || undefined,
    smtpUrl: undefined, mailFrom: 'Roter Faden <no-reply@localhost>', reminderDays: [14, 3], publicUrl: undefined,
  };
  app = await buildApp(config, db, { logger: false });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}/api/v1`;
  const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((x) => x.split(';')[0]).find((x) => x.startsWith('rf_session='))!;
  const district = g.districtIds[0];
  const [{ id: dept }] = await db.query<{ id: string }>('SELECT id FROM department WHERE municipality_id = $1 ORDER BY name LIMIT 1', [g.municipalityId]);

  const deepPage = Math.max(1, Math.floor(c.dated / 200)); // halfway through the dated measures
  type Body = Record<string, unknown> & { items?: unknown[]; total?: number };
  const pageOk = (min: number) => (b: Body) => (Array.isArray(b.items) && b.items.length >= min ? null : `expected ≥ ${min} items, got ${b.items?.length}`);
  const endpoints: { name: string; path: string; check: (b: Body) => string | null; binary?: boolean }[] = [
    { name: 'roadmap, page 1 (100 dated measures with milestones, dependencies, checks)', path: '/roadmap', check: pageOk(100) },
    { name: `roadmap grouped by district, page ${deepPage}`, path: `/roadmap?group=district&page=${deepPage}`, check: pageOk(100) },
    { name: 'roadmap filtered (district + status planning), grouped by department', path: `/roadmap?district=${district}&status=planning&group=department`, check: pageOk(10) },
    { name: 'roadmap PDF of one district and status (all its dated measures)', path: `/roadmap/export.pdf?district=${district}&status=planning&group=department`, check: () => null, binary: true },
    { name: 'matrix, page 1 (50 measures × 40 departments)', path: '/responsibility', check: pageOk(50) },
    { name: 'matrix filtered (district), page 3', path: `/responsibility?district=${district}&page=3`, check: pageOk(50) },
    { name: 'load per department (all 10,000 measures)', path: '/responsibility/load', check: (b) => (Array.isArray(b) && b.length === DEPARTMENTS ? null : 'expected 40 departments') },
    { name: 'measures without a lead (first 20)', path: '/responsibility?noLead=true&pageSize=20', check: pageOk(20) },
    { name: 'matrix of one department (its column, page 1)', path: `/responsibility?department=${dept}`, check: pageOk(50) },
  ];
  const rows: string[] = [];
  for (const e of endpoints) {
    const r = await fetch(base + e.path, { headers: { cookie } });
    const body = e.binary ? ({} as Body) : ((await r.json()) as Body);
    if (e.binary) {
      const buf = Buffer.from(await r.arrayBuffer());
      if (buf.subarray(0, 5).toString() !== '%PDF-') throw new Error(`${e.name}: not a PDF`);
    }
    const problem = r.status !== 200 ? `status ${r.status}` : e.check(body);
    if (problem) throw new Error(`${e.name}: ${problem} (${JSON.stringify(body).slice(0, 300)})`);
    const note = typeof body.total === 'number' ? ` — ${body.total} matches` : '';
    console.error(`checked ${e.path}: 200${note}; measuring …`);
    const m = await load({ url: base + e.path, drainUrl: `${base}/auth/me`, cookie, connections: CONNECTIONS, duration, warmup: WARMUP, alone: ALONE });
    if (m.errors || m.non2xx) failed = true;
    const ms = (v: number | null) => (v == null ? '–' : v.toFixed(1));
    rows.push(`| ${e.name}${note} | ${ms(m.alone)} / ${ms(m.aloneP95)} | ${m.rps.toFixed(1)} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${m.errors} / ${m.non2xx} |`);
  }
  console.log(`\n**${kind}**, ${g.total} measures, ${c.departments} departments, ${c.dated} dated, ${c.milestones} milestones, ${c.dependencies} dependencies, ${c.nolead} without a lead; ${cpus().length} CPUs. "alone" = 1 connection for ${ALONE} s; the rest: ${CONNECTIONS} connections for ${duration} s per endpoint after ${WARMUP} s warm-up (latencies in ms)\n`);
  console.log('| endpoint | alone p50 / p95 | requests/s | p50 | p95 | p99 | errors / non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
  if (webDir) console.log(`\n${await browserTimes(`http://127.0.0.1:${port}`)}`);
  console.log(`\n1-min load average: ${loadBefore} at start, ${load1()} at end (${new Date().toISOString()})`);
} catch (err) {
  failed = true;
  console.error(err);
} finally {
  await app?.close();
  await cleanup();
}
process.exit(failed ? 1 : 0);
