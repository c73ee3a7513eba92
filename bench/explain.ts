/**
 * EXPLAIN ANALYZE of the exact SQL the list service sends for the benchmark's requests.
 *   npx tsx bench/explain.ts [--db pglite|postgres] [--n 10000] [--only list|sanierung|strasse]
 *                            [--set "enable_seqscan = off"] [--try "<SQL>"]
 * The SQL is captured by calling listMeasures with a recording Db, then explained on the real one.
 * `--set` explains a second time with that planner setting (SET LOCAL, inside one transaction);
 * `--try` runs the given SQL (e.g. a candidate index) and explains a second time.
 */
import type { Db } from '../server/db/client';
import { listMeasures } from '../server/modules/measures/measures.service';
import { MeasureQuery } from '../contract/measures';
import { generate } from './generate';
import { arg, freshDb } from './db';

const kind = arg('db', 'pglite') as 'pglite' | 'postgres';
const n = Number(arg('n', '10000'));
const only = arg('only', '');
const trySql = arg('try', '');
const setting = arg('set', '');

async function captured(db: Db, municipalityId: string, query: Record<string, unknown>) {
  const seen: { sql: string; params: unknown[] }[] = [];
  const recorder = { ...db, query: async (sql: string, params: unknown[] = []) => (seen.push({ sql, params }), db.query(sql, params)) } as Db;
  await listMeasures(recorder, municipalityId, MeasureQuery.parse(query));
  return seen[0];
}

async function explain(db: Db, label: string, q: { sql: string; params: unknown[] }, set = '') {
  const { wall, plan } = await db.tx(async (t) => {
    if (set) await t.query(`SET LOCAL ${set}`);
    for (let i = 0; i < 3; i++) await t.query(q.sql, q.params); // warm caches
    const t0 = performance.now();
    await t.query(q.sql, q.params);
    const wall = performance.now() - t0;
    return { wall, plan: await t.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params) };
  });
  console.log(`\n### ${kind}: ${label} — one execution ${wall.toFixed(1)} ms through the Db layer\n`);
  console.log('```\n' + plan.map((r) => r['QUERY PLAN']).join('\n') + '\n```');
}

const { db, cleanup } = await freshDb(kind);
try {
  const g = await generate(db, n);
  const cases: [string, Record<string, unknown>][] = [
    ['list', { district: g.districtIds[0], status: 'brief,planning', sort: '-cost', page: '2' }],
    ['sanierung', { q: 'Sanierung' }],
    ['strasse', { q: 'Strasse' }],
  ];
  for (const [name, query] of cases.filter(([c]) => !only || c === only)) {
    const q = await captured(db, g.municipalityId, query);
    if (name === cases[0][0] || only) console.log(`\nSQL (${name}):\n\`\`\`sql\n${q.sql.replace(/\s+/g, ' ')}\n\`\`\``);
    await explain(db, `${name} ${new URLSearchParams(query as Record<string, string>)}`, q);
    if (setting) await explain(db, `${name} with SET ${setting}`, q, setting);
    if (trySql) {
      await db.exec(trySql);
      await db.exec('ANALYZE measure');
      await explain(db, `${name} after: ${trySql}`, await captured(db, g.municipalityId, query));
    }
  }
} finally {
  await cleanup();
}
