/**
 * Prioritisation benchmark: a large scoring round, in process (no HTTP), on a fresh database.
 *   npx tsx bench/priorities.ts [--db pglite|postgres] [--measures 200] [--raters 20] [--runs 30]
 *
 * Builds one municipality with --raters members and --measures briefs, the default criteria (6), one
 * round with everyone as rater and ~95 % of all scores given (measures × 6 × raters rows), then times:
 *  (a) domain/scoring.ts `scoreRound` on the loaded scores (pure computation),
 *  (b) the service `getRound` as a rater before the reveal (own scores, divergences hidden),
 *  (c) the service `getRound` as a reader after the reveal (all scores and the ranking), and (c1) the
 *      one query that loads all scores of the round,
 *  (d) one rater saving the six scores of one measure (`saveScores`, one transaction),
 *  (e) one decision over all measures (`decide`: ranking, per-measure lock, update, audit, item), once.
 * Markdown on stdout. PostgreSQL uses its own database rf_bench_priorities (dropped afterwards).
 */
import { cpus, loadavg } from 'node:os';
import type { Actor } from '../server/plugins/actor';
import { arg, freshDb, percentile } from './db';
import { getCriteria } from '../server/modules/priorities/criteria.service';
import { allScores, changeStatus, createRound, getRound, roundRow } from '../server/modules/priorities/rounds.service';
import { saveScores } from '../server/modules/priorities/scores.service';
import { decide } from '../server/modules/priorities/decisions.service';
import { scoreRound } from '../domain/scoring';

const kind = arg('db', 'pglite') as 'pglite' | 'postgres';
const MEASURES = Number(arg('measures', '200'));
const RATERS = Number(arg('raters', '20'));
const RUNS = Number(arg('runs', '30'));



async function time<T>(runs: number, fn: (i: number) => Promise<T>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

const fmt = (ms: number[]) => `${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 95).toFixed(1)} | ${ms[ms.length - 1].toFixed(1)}`;

async function main() {
  const { db, cleanup } = await freshDb(kind, 'rf_bench_priorities');
  try {
    process.stderr.write(`setting up ${MEASURES} measures × 6 criteria × ${RATERS} raters on ${kind} …\n`);
    const [{ id: municipalityId }] = await db.query<{ id: string }>("INSERT INTO municipality (name) VALUES ('Benchstadt') RETURNING id");
    const users: string[] = [];
    for (let i = 0; i < RATERS; i++) {
      const [{ id }] = await db.query<{ id: string }>('INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id', [`rater${i}@bench.example`, `Rater ${i}`, 'x']);
      await db.query('INSERT INTO membership (municipality_id, user_id, role) VALUES ($1, $2, $3)', [municipalityId, id, i === 0 ? 'coordinator' : 'department']);
      users.push(id);
    }
    await db.query(
      `INSERT INTO measure (municipality_id, number, title) SELECT $1, n, 'Maßnahme ' || n FROM generate_series(1, $2::int) n`,
      [municipalityId, MEASURES],
    );
    const measureIds = (await db.query<{ id: string }>('SELECT id FROM measure WHERE municipality_id = $1 ORDER BY number', [municipalityId])).map((r) => r.id);
    const actor = (i: number, role: Actor['role'] = i === 0 ? 'coordinator' : 'department'): Actor =>
      ({ userId: users[i], userName: `Rater ${i}`, municipalityId, role, departmentId: null, sessionHash: '' });
    const coordinator = actor(0);
    const { criteria } = await getCriteria(db, municipalityId);
    const round = await createRound(db, coordinator, { name: 'Bench', measureIds, raterIds: users });
    // ~95 % of all scores, deterministic values, inserted set-wise (the setup is not what is measured)
    await db.query(
      `INSERT INTO priority_score (municipality_id, round_id, measure_id, criterion_id, rater_id, value)
       SELECT $1, $2, m, c, r, 1 + (abs(hashtext(m::text || c::text || r::text)) % 5)
       FROM unnest($3::uuid[]) m, unnest($4::uuid[]) c, unnest($5::uuid[]) r
       WHERE abs(hashtext(r::text || m::text)) % 100 >= 5`,
      [municipalityId, round.id, measureIds, criteria.map((c) => c.id), users],
    );
    const scores = await allScores(db, municipalityId, round.id);
    process.stderr.write(`${scores.length} scores\n`);
    const r = await roundRow(db, municipalityId, round.id);

    const rows: [string, number[]][] = [];
    rows.push(['(a) scoreRound (domain, in memory)', await time(RUNS, async () => scoreRound({ criteria: r.criteria, measureIds, raterIds: users, scores }))]);
    rows.push(['(b) getRound as a rater, before the reveal', await time(RUNS, async (i) => getRound(db, actor(1 + (i % (RATERS - 1))), round.id))]);
    rows.push(['(d) saveScores: one measure, six scores', await time(RUNS, async (i) =>
      saveScores(db, actor(1 + (i % (RATERS - 1))), round.id, criteria.map((c) => ({ measureId: measureIds[i % MEASURES], criterionId: c.id, value: 1 + (i % 5), comment: '' }))))]);
    const revealed = await changeStatus(db, coordinator, round.id, round.version, 'revealed');
    const reader = { ...actor(1), role: 'reader' as const };
    rows.push(['(c1) of which: loading all scores (one query)', await time(RUNS, async () => allScores(db, municipalityId, round.id))]);
    rows.push(['(c) getRound as a reader, after the reveal', await time(RUNS, async () => getRound(db, reader, round.id))]);
    const items = revealed.measures.map((m, i) => ({ measureId: m.id, priority: (['A', 'B', 'C'] as const)[i % 3], horizon: 'medium' as const, version: m.version }));
    rows.push([`(e) decide over all ${MEASURES} measures (once)`, await time(1, async () => decide(db, coordinator, round.id, { body: 'Stadtrat', decidedOn: '2026-11-22', note: '', items }))]);

    const [l1, l5] = loadavg();
    console.log(`### Prioritisation: ${MEASURES} measures × ${criteria.length} criteria × ${RATERS} raters (${scores.length} scores), ${kind}\n`);
    console.log(`\`npx tsx bench/priorities.ts --db ${kind} --measures ${MEASURES} --raters ${RATERS} --runs ${RUNS}\` — ${cpus().length} CPUs, load average ${l1.toFixed(1)} / ${l5.toFixed(1)} (1 / 5 min) at the end: the machine was shared.\n`);
    console.log('| operation | p50 ms | p95 ms | max ms |');
    console.log('|---|---|---|---|');
    for (const [name, ms] of rows) console.log(`| ${name} | ${fmt(ms)} |`);
  } finally {
    await cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
