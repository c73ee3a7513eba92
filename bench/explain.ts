/**
 * EXPLAIN ANALYZE of the exact SQL the list service sends for the benchmark's list and searches.
 *   npx tsx bench/explain.ts [--db pglite|postgres] [--n 10000] [--only list|sanierung|strasse|typo]
 *                            [--maintenance vacuum|analyze|none] [--set "enable_seqscan = off"]
 * The SQL is captured by calling queryMeasurePage (the list query without the result cache) with a
 * recording Db, then timed (median of 9) and explained on the real one. `--set` explains again with
 * that planner setting (SET LOCAL).
 */
import type { Db } from '../server/db/client';
import { queryMeasurePage } from '../server/modules/measures/measures.service';
import { MeasureQuery } from '../contract/measures';
import { generate, type Maintenance } from './generate';
import { arg, freshDb } from './db';

const kind = arg('db', 'pglite') as 'pglite' | 'postgres';
const n = Number(arg('n', '10000'));
const only = arg('only', '');
const setting = arg('set', '');
const maintenance = arg('maintenance', 'vacuum') as Maintenance;
type Sql = { sql: string; params: unknown[] };
type Row = { total: number; title: string };

async function captured(db: Db, municipalityId: string, query: MeasureQuery): Promise<Sql> {
  const seen: Sql[] = [];
  const recorder = { ...db, query: async (sql: string, params: unknown[] = []) => (seen.push({ sql, params }), db.query(sql, params)) } as Db;
  await queryMeasurePage(recorder, municipalityId, query);
  return seen[0];
}

async function explain(db: Db, label: string, q: Sql, set = ''): Promise<Row | undefined> {
  const { times, rows, plan } = await db.tx(async (t) => {
    if (set) await t.query(`SET LOCAL ${set}`);
    const times: number[] = [];
    let rows: Row[] = [];
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      rows = await t.query<Row>(q.sql, q.params);
      if (i >= 3) times.push(performance.now() - t0); // the first 3 warm the caches
    }
    return { times: times.sort((a, b) => a - b), rows, plan: await t.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params) };
  });
  console.log(`\n### ${kind}: ${label} — median ${times[4].toFixed(1)} ms per query through the Db layer; total ${rows[0]?.total ?? 0}, first: ${rows[0]?.title ?? '–'}\n`);
  console.log('```\n' + plan.map((r) => r['QUERY PLAN']).join('\n') + '\n```');
  return rows[0];
}

const { db, cleanup } = await freshDb(kind);
try {
  const g = await generate(db, n, 42, maintenance);
  const cases: [string, Record<string, string>][] = [
    ['list', { district: g.districtIds[0], status: 'brief,planning', sort: '-cost', page: '2' }],
    ['sanierung', { q: 'Sanierung' }],
    ['strasse', { q: 'Strasse' }],
    ['typo', { q: 'Schulhofsanirung' }],
  ].filter(([c]) => !only || c === only) as [string, Record<string, string>][];
  for (const [name, query] of cases) {
    const q = await captured(db, g.municipalityId, MeasureQuery.parse(query));
    console.log(`\nSQL (${name}):\n\`\`\`sql\n${q.sql.replace(/\s+/g, ' ')}\n\`\`\``);
    await explain(db, `${name} ${new URLSearchParams(query)}`, q);
    if (setting) await explain(db, `${name} with SET ${setting}`, q, setting);
  }
} finally {
  await cleanup();
}
