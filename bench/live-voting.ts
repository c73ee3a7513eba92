/**
 * Live dot voting under a crowd: N phones join a workshop by code, keep their event streams open, and
 * place their dots within a few seconds while the projector shows the live tally.
 *   npx tsx bench/live-voting.ts [--db pglite|postgres] [--participants 500] [--dots 3] [--seconds 10]
 *
 * Fresh database (PGlite under .bench-data/, or the database rf_bench_live on local PostgreSQL) →
 * migrations → runSetup + a coordinator account → buildApp on 127.0.0.1:<free port> → as coordinator:
 * a workshop and an open round over 10 options (dots = --dots, cumulation up to 2, results live) →
 * the crowd (bench/live/client.ts, a child process): joins, N participant streams + the projector
 * stream, every dot at a uniformly random moment within --seconds, each a POST with a fresh dotId.
 *
 * Measured: ack = POST sent → 200 received. Projector = for the k-th acknowledged dot (in ack order),
 * the first projector snapshot received at or after its send time with totalDots ≥ k, minus its send
 * time (the tally only grows here: nobody takes dots back). Checked: GET /rounds/:id/results totalDots
 * = 200 acks = participants × dots = SELECT count(*) FROM dot; zero errors. Exits 1 when not exact,
 * 2 on the hard stop (--seconds + 60 s after start).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../server/app';
import type { Config } from '../server/config';
import { openPostgres, type Db } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { runSetup } from '../server/modules/auth/setup.service';
import { arg, freshDb, percentile, PG_SERVER } from './db';
import type { Job, Report } from './live/client';

const kind = arg('db', 'pglite') as 'pglite' | 'postgres';
const participants = Number(arg('participants', '500'));
const dotsEach = Number(arg('dots', '3'));
const seconds = Number(arg('seconds', '10'));
const OPTIONS = 10;
const MAX_PER_ITEM = 2;
if (!['pglite', 'postgres'].includes(kind) || !(participants >= 1) || !(dotsEach >= 1 && dotsEach <= OPTIONS * MAX_PER_ITEM) || !(seconds > 0)) {
  throw new Error('usage: bench/live-voting.ts [--db pglite|postgres] [--participants ≥1] [--dots 1..20] [--seconds s]');
}
const ADMIN = { email: 'admin@musterstadt.example', password: 'benchmark-passwort-1' };
const COORDINATOR = { email: 'moderation@musterstadt.example', password: 'benchmark-passwort-2' };

// bench/db.ts's freshDb('postgres') owns rf_bench; this benchmark uses its own database.
const PG_LIVE = 'postgres://postgres@127.0.0.1:5432/rf_bench_live';
async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: PG_SERVER });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
async function freshLiveDb(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  if (kind === 'pglite') return freshDb('pglite');
  await adminQuery('DROP DATABASE IF EXISTS rf_bench_live WITH (FORCE)');
  await adminQuery('CREATE DATABASE rf_bench_live');
  const db = await openPostgres(PG_LIVE); // the pool size of `npm start` with DATABASE_URL (10)
  await migrate(db);
  const cleanup = async () => {
    await db.close();
    // pg's pool.end() resolves before its sockets are gone; let them go before FORCE would cut them.
    await new Promise((r) => setTimeout(r, 300));
    await adminQuery('DROP DATABASE IF EXISTS rf_bench_live WITH (FORCE)');
  };
  return { db, cleanup };
}

const started = Date.now();
const loadBefore = loadavg()[0].toFixed(2);
let app: Awaited<ReturnType<typeof buildApp>> | undefined;
let cleanup: (() => Promise<void>) | undefined;
let child: ChildProcess | undefined;
let stopping: Promise<void> | undefined;
let hardStopped = false;
/** Ends the crowd, the streams and the app, and removes the database; once, however often it is called. */
function shutdown() {
  return (stopping ??= (async () => {
    if (child && child.exitCode == null) child.kill('SIGKILL');
    app?.server.closeAllConnections();
    await app?.close().catch((err) => console.error('closing the app:', err));
    await cleanup?.().catch((err) => console.error('cleaning up:', err));
  })());
}
const hardStop = setTimeout(() => {
  hardStopped = true;
  console.error(`hard stop: not finished ${seconds + 60} s after start`);
  setTimeout(() => process.exit(2), 15_000).unref();
  void shutdown().finally(() => process.exit(2));
}, (seconds + 60) * 1000);

async function http(base: string, method: string, path: string, cookie: string | null, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, setCookie: res.headers.getSetCookie() };
}
function expectStatus(r: { status: number; json: unknown }, status: number, what: string) {
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
  return r.json;
}
async function login(base: string, who: { email: string; password: string }) {
  const r = await http(base, 'POST', '/auth/login', null, who);
  expectStatus(r, 200, `login ${who.email}`);
  return r.setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('rf_session='))!;
}

/**
 * Who used the machine's CPU while the dots came in (Linux /proc; clock ticks of 1/100 s): this
 * process (the server), the crowd, PostgreSQL's processes, and everything else — other work on a
 * shared machine shows up here instead of silently in the latencies.
 */
interface CpuSample { wall: number; busy: number; server: number; postgres: number }
function cpuSample(): CpuSample {
  let busy = NaN;
  let postgres = 0;
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    busy = (f.reduce((a, b) => a + b, 0) - f[3] - f[4]) / 100; // all but idle and iowait
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (comm !== 'postgres') continue;
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        postgres += (Number(rest[11]) + Number(rest[12])) / 100; // utime, stime
      } catch { /* gone meanwhile */ }
    }
  } catch { /* not Linux */ }
  const u = process.cpuUsage();
  return { wall: performance.now() / 1000, busy, server: (u.user + u.system) / 1e6, postgres };
}
const cpuWindow: CpuSample[] = [];

function crowd(job: Job): Promise<Report> {
  return new Promise((resolve, reject) => {
    child = fork(fileURLToPath(new URL('./live/client.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] });
    child.on('message', (m: { phase: string; ok?: boolean; report?: Report; error?: string }) => {
      if (m.phase === 'voting-start' || m.phase === 'voting-end') cpuWindow.push(cpuSample());
      else if (m.phase === 'done' && m.ok) resolve(m.report!);
      else if (m.phase === 'done') reject(new Error(`crowd: ${m.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`crowd exited with ${code} before reporting`)));
    child.send(job);
  });
}

let exact = false;
try {
  const fresh = await freshLiveDb();
  const db = fresh.db;
  cleanup = fresh.cleanup;
  await runSetup(db, { municipalityName: 'Musterstadt', adminName: 'Benchmark Admin', adminEmail: ADMIN.email, password: ADMIN.password, demoData: false });
  const config: Config = {
    port: 0, host: '127.0.0.1', dataDir: '/nonexistent', databaseUrl: kind === 'postgres' ? PG_LIVE : undefined, sessionSecret: randomBytes(32).toString('hex'),
    sessionDays: 1, logLevel: 'silent', production: true, maxUploadBytes: 10 * 1024 * 1024, webDir: undefined,
    // every simulated phone connects from 127.0.0.1: the per-client join limit (JOIN_LIMIT) would stop the crowd
    joinLimit: 100_000,
  };
  app = await buildApp(config, db, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}/api/v1`;

  const admin = await login(base, ADMIN);
  expectStatus(await http(base, 'POST', '/users', admin, { name: 'Moderation', role: 'coordinator', ...COORDINATOR }), 201, 'create coordinator');
  const coordinator = await login(base, COORDINATOR);
  const workshop = expectStatus(
    await http(base, 'POST', '/workshops', coordinator, { title: 'Bürgerforum Innenstadt', kind: 'strategy', startsOn: '2026-11-21' }), 201, 'create workshop',
  ) as { id: string; joinCode: string };
  const options = ['Marktplatz beleben', 'Radwege', 'Grün in der Altstadt', 'Jugendtreff', 'Parken', 'Barrierefreiheit', 'Leerstand nutzen', 'ÖPNV-Takt', 'Sitzbänke', 'Stadtfest'];
  const round = expectStatus(
    await http(base, 'POST', `/workshops/${workshop.id}/rounds`, coordinator, {
      title: 'Was zuerst?', subject: 'options', options: options.slice(0, OPTIONS),
      rules: { dotsPerParticipant: dotsEach, allowCumulation: true, maxDotsPerItem: Math.min(MAX_PER_ITEM, dotsEach), resultsVisibility: 'live' },
    }), 201, 'create round',
  ) as { id: string; items: { id: string }[] };
  expectStatus(await http(base, 'POST', `/rounds/${round.id}/open`, coordinator), 200, 'open round');
  console.error(`${kind}: app on ${base}, workshop ${workshop.joinCode}, round ${round.id} open (${Date.now() - started} ms since start)`);

  const report = await crowd({
    base, coordinatorCookie: coordinator, roundId: round.id, code: workshop.joinCode, itemIds: round.items.map((i) => i.id),
    maxPerItem: Math.min(MAX_PER_ITEM, dotsEach), participants, dots: dotsEach, seconds, seed: 21112026,
  });
  await new Promise<void>((r) => (child!.exitCode != null ? r() : child!.once('exit', () => r())));

  // Acknowledgements
  const ok = report.dots.filter((d) => d.status === 200).sort((a, b) => a.ack - b.ack);
  const bad = report.dots.filter((d) => d.status !== 200);
  const acks = ok.map((d) => d.ack - d.send).sort((a, b) => a - b);
  // Projector: k-th ack ↔ first snapshot at/after its send time with totalDots ≥ k.
  const snaps = report.snapshots;
  const proj: number[] = [];
  let missing = 0;
  ok.forEach((d, i) => {
    const s = snaps.find((x) => x.t >= d.send && x.totalDots >= i + 1);
    if (s) proj.push(s.t - d.send);
    else missing++;
  });
  proj.sort((a, b) => a - b);
  const during = snaps.filter((s) => s.t >= report.votingStart);

  // The tally, three ways
  const results = expectStatus(await http(base, 'GET', `/rounds/${round.id}/results`, coordinator), 200, 'results') as { totalDots: number; voters: number };
  const [{ n: dbCount }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM dot WHERE round_id = $1', [round.id]);
  const expected = participants * dotsEach;
  exact = bad.length === 0 && ok.length === expected && results.totalDots === expected && dbCount === expected;

  const pe = report.participantEvents;
  const resultsPer = pe.map((x) => x.results).sort((a, b) => a - b);
  const sawFinal = pe.filter((x) => x.maxTotal === expected).length;
  const errorKinds = new Map<string, number>();
  for (const d of bad) errorKinds.set(`${d.status || 'network'} ${d.error ?? ''}`.slice(0, 120), (errorKinds.get(`${d.status || 'network'} ${d.error ?? ''}`.slice(0, 120)) ?? 0) + 1);

  let cpuLine = '';
  if (cpuWindow.length === 2) {
    const [a, b] = cpuWindow;
    const wall = b.wall - a.wall;
    const server = b.server - a.server;
    const crowdS = report.crowdCpuMs / 1000;
    const pgS = b.postgres - a.postgres;
    const busy = b.busy - a.busy;
    cpuLine = `CPU-seconds while voting (${wall.toFixed(1)} s × ${cpus().length} cores = ${(wall * cpus().length).toFixed(1)} available): ` +
      `server ${server.toFixed(1)}, crowd ${crowdS.toFixed(1)}, PostgreSQL ${pgS.toFixed(1)}, other processes ${Math.max(0, busy - server - crowdS - pgS).toFixed(1)} (machine busy ${busy.toFixed(1)})`;
    const others = busy - server - crowdS - pgS;
    if (others > 0.1 * wall * cpus().length) cpuLine += `\n\n⚠ Other processes took ${((others / (wall * cpus().length)) * 100).toFixed(0)} % of the machine while voting: these latencies are inflated; run again on a quiet machine.`;
  }
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
  const p = (xs: number[]) => `${f(percentile(xs, 50))} / ${f(percentile(xs, 95))} / ${f(percentile(xs, 99))}`;
  console.error(JSON.stringify({
    joinMs: Math.round(report.joinMs), streamsMs: Math.round(report.streamsMs), ackMax: acks.at(-1), projectorMax: proj.at(-1), projectorMissing: missing,
    snapshotsDuringVoting: during.length, lastAckAfterStartMs: Math.round(report.lastAck - report.votingStart), waitedForFinalMs: Math.round(report.waitedForFinalMs),
    results: { totalDots: results.totalDots, voters: results.voters }, dbCount, errors: Object.fromEntries(errorKinds),
  }));
  console.log(`\n**${kind}**, ${participants} participants × ${dotsEach} dots over ${seconds} s, ${OPTIONS} options (cumulation ≤ ${Math.min(MAX_PER_ITEM, dotsEach)}), results live; ${participants} participant streams + 1 projector stream open; latencies in ms\n`);
  console.log('| db | participants | dots acked / expected | errors | ack p50 / p95 / p99 | projector p50 / p95 / p99 | projector snapshots during voting | final tally exact |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  console.log(`| ${kind} | ${participants} | ${ok.length} / ${expected} | ${bad.length} | ${p(acks)} | ${p(proj)}${missing ? ` (${missing} never shown)` : ''} | ${during.length} | ${exact ? 'yes' : 'no'} (results ${results.totalDots}, DB ${dbCount}) |`);
  console.log(`\nack max ${f(acks.at(-1) ?? NaN)} ms, projector max ${f(proj.at(-1) ?? NaN)} ms; join phase ${(report.joinMs / 1000).toFixed(1)} s (${participants} joins, 20 at a time), streams open ${(report.streamsMs / 1000).toFixed(1)} s; ` +
    `participant streams: ${resultsPer[0]}–${resultsPer.at(-1)} \`results\` events each during voting (median ${percentile(resultsPer, 50)}), ${sawFinal}/${participants} saw the final total, ${pe.filter((x) => x.ended).length} ended early; ` +
    `1-min load average ${loadBefore} at start, ${loadavg()[0].toFixed(2)} at end; ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version} (${new Date().toISOString()})`);
  if (cpuLine) console.log(`\n${cpuLine}`);
  if (bad.length) console.log(`\nerrors: ${JSON.stringify(Object.fromEntries(errorKinds))}`);
} catch (err) {
  console.error(err);
} finally {
  await shutdown();
  clearTimeout(hardStop);
}
process.exit(hardStopped ? 2 : exact ? 0 : 1);
