/**
 * Benchmark data: one municipality with N briefs. The real setup flow (`runSetup` with the demo data)
 * creates Musterstadt with its districts, departments, goals, action fields, dimensions and 43 briefs;
 * the remaining N − 43 briefs are bulk-inserted with `INSERT … SELECT … FROM unnest(…)` in batches.
 * The search trigger fills `search`, `search_text` and `search_words` (+ the vocabulary) as for any other insert.
 *
 * As a script (`npx tsx bench/generate.ts [--n 10000]`) it fills an in-memory PGlite and prints
 * how many briefs each benchmark search finds.
 */
import type { Db } from '../server/db/client';
import { runSetup } from '../server/modules/auth/setup.service';
import { BUILDINGS, DESC, EXTERNAL, GOAL, GROUPS, NEED, ORIGINS, PLACES, SERVICES, STREETS, TAGS, TOPICS } from './words';

export const ADMIN = { email: 'admin@musterstadt.example', password: 'benchmark-passwort-1' };

/** Deterministic PRNG (mulberry32), so every run gets the same data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Postgres array literal ({"a","b"}) for passing arrays of arrays through unnest(text[]). */
const pgArray = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const STATUS: [string, number][] = [['idea', 20], ['brief', 25], ['prioritised', 15], ['planning', 15], ['implementation', 12], ['done', 8], ['on_hold', 5]];

export interface Generated { municipalityId: string; districtIds: string[]; total: number; ms: { setup: number; bulk: number } }

/**
 * What runs after the bulk insert: `vacuum` = VACUUM ANALYZE, the state PostgreSQL's autovacuum
 * reaches on its own shortly after (planner statistics, GIN pending lists merged, visibility map);
 * `analyze` = ANALYZE only; `none` = nothing, the state PGlite stays in (it has no autovacuum and
 * the app runs no maintenance).
 */
export type Maintenance = 'vacuum' | 'analyze' | 'none';

export async function generate(db: Db, n = 10_000, seed = 42, after: Maintenance | { analyze: boolean } = 'vacuum'): Promise<Generated> {
  const maintenance: Maintenance = typeof after === 'string' ? after : after.analyze ? 'analyze' : 'none'; // object form: older callers
  const t0 = Date.now();
  const { municipalityId } = await runSetup(db, {
    municipalityName: 'Musterstadt', adminName: 'Benchmark Admin', adminEmail: ADMIN.email, password: ADMIN.password, demoData: true,
  });
  const t1 = Date.now();
  const ids = async (table: string, order = 'position') =>
    (await db.query<{ id: string }>(`SELECT id FROM ${table} WHERE municipality_id = $1 ORDER BY ${order}, id`, [municipalityId])).map((r) => r.id);
  const districts = await ids('district', 'name');
  const departments = await ids('department', 'name');
  const goals = await ids('goal');
  const fields = await ids('action_field');
  const dimensions = await ids('dimension');
  const [{ max }] = await db.query<{ max: number }>('SELECT max(number) AS max FROM measure WHERE municipality_id = $1', [municipalityId]);

  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const some = <T>(xs: T[], lo: number, hi: number) => [...xs].sort(() => r() - 0.5).slice(0, int(lo, hi));
  const weighted = <T>(xs: [T, number][]) => {
    let x = r() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of xs) if ((x -= w) < 0) return v;
    return xs[0][0];
  };
  const districtNames = ['Altstadt', 'Neustadt', 'Südstadt', 'Bahnhofsviertel', 'Gartenstadt', 'Industriegebiet Nord', 'Wallendorf', 'Kötzschen'];
  const fill = (tpl: string) => {
    const [b, bg] = pick(BUILDINGS);
    const [p, pg] = pick(PLACES);
    const [d, d2] = some(districtNames, 2, 2);
    const v: Record<string, string> = { b, bg, p, pg, d, d2, s: pick(STREETS), sv: pick(SERVICES), g: pick(GROUPS), n: String(int(2, 9)), y: String(int(2019, 2031)) };
    return cap(tpl.replace(/\{(\w+)\}/g, (_, k: string) => v[k]));
  };
  const sentences = (pool: string[], lo: number, hi: number) => some(pool, lo, hi).map(fill);

  const COLS = 'number title need goal description district_ids lead_department_id partner_department_ids external_actors target_groups cost_cents horizon planned_start planned_end status goal_ids action_field_ids dimension_ids origin tags created_at'.split(' ');
  const CAST: Record<string, string> = {
    number: 'int', district_ids: 'uuid[]', lead_department_id: 'uuid', partner_department_ids: 'uuid[]', cost_cents: 'bigint',
    planned_start: 'date', planned_end: 'date', goal_ids: 'uuid[]', action_field_ids: 'uuid[]', dimension_ids: 'uuid[]', tags: 'text[]', created_at: 'timestamptz',
  };
  // "prioritised" needs a class (domain/measure-state.ts, checked by the database): A, B, C in turn
  const sql = `INSERT INTO measure (municipality_id, ${COLS.join(', ')}, updated_at, priority)
    SELECT $1, ${COLS.map((c) => `r.${c}${CAST[c] ? `::${CAST[c]}` : ''}`).join(', ')}, r.created_at::timestamptz,
      CASE WHEN r.status = 'prioritised' THEN (ARRAY['A', 'B', 'C'])[1 + r.number::int % 3] END
    FROM unnest(${COLS.map((_, i) => `$${i + 2}::${i === 0 ? 'int' : 'text'}[]`).join(', ')}) AS r(${COLS.join(', ')})`;

  const topics = TOPICS.map((t) => [t, t.weight] as [typeof t, number]);
  const BATCH = 1000;
  let number = max;
  await db.tx(async (t) => {
    for (let done = max; done < n; done += BATCH) {
      const cols: unknown[][] = COLS.map(() => []);
      for (let i = 0; i < Math.min(BATCH, n - done); i++) {
        const topic = weighted(topics);
        const lead = pick(departments);
        const start = r() < 0.2 ? null : new Date(Date.UTC(int(2025, 2032), int(0, 11), 1));
        const end = start && r() < 0.85 ? new Date(start.getTime() + int(90, 2500) * 86400e3) : null;
        const cost = r() < 0.15 ? null : Math.round(Math.exp(Math.log(20_000) + r() * Math.log(500)) / 1000) * 1000 * 100;
        const row = [
          ++number,
          fill(pick(topic.titles)),
          [...(topic.need.length ? [fill(pick(topic.need))] : []), ...sentences(NEED, 1, 2)].join(' '),
          sentences(GOAL, 1, 1).join(' '),
          [...(topic.desc.length ? [fill(pick(topic.desc))] : []), ...sentences(DESC, 1, 3)].join(' '),
          pgArray(some(districts, 1, 2)),
          lead,
          pgArray(some(departments.filter((d) => d !== lead), 0, 3)),
          some(EXTERNAL, 0, 3).join(', '),
          some(GROUPS, 1, 3).map(cap).join(', '),
          cost == null ? null : String(cost),
          pick(['short', 'medium', 'long', null]),
          start?.toISOString().slice(0, 10) ?? null,
          end?.toISOString().slice(0, 10) ?? null,
          weighted(STATUS),
          pgArray(some(goals, 1, 3)),
          pgArray(some(fields, 1, 2)),
          pgArray(some(dimensions, 1, 3)),
          fill(pick(ORIGINS)),
          pgArray([...new Set([...topic.tags, ...some(TAGS, 0, 3)])]),
          new Date(Date.UTC(2024, 0, 1) + int(0, 700) * 86400e3 + int(0, 86399) * 1000).toISOString(),
        ];
        row.forEach((v, c) => cols[c].push(v));
      }
      await t.query(sql, [municipalityId, ...cols]);
    }
  });
  if (maintenance !== 'none') await db.exec(maintenance === 'vacuum' ? 'VACUUM ANALYZE' : 'ANALYZE');
  const [{ total }] = await db.query<{ total: number }>('SELECT count(*) AS total FROM measure WHERE municipality_id = $1', [municipalityId]);
  return { municipalityId, districtIds: districts, total, ms: { setup: t1 - t0, bulk: Date.now() - t1 } };
}

// Script mode: fill an in-memory PGlite and show the selectivity of the benchmark's searches.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { openPglite } = await import('../server/db/client');
  const { migrate } = await import('../server/db/migrate');
  const { measureWhere } = await import('../server/modules/measures/measures.filter');
  const arg = process.argv.indexOf('--n');
  const db = await openPglite(undefined);
  await migrate(db);
  const g = await generate(db, arg > 0 ? Number(process.argv[arg + 1]) : 10_000);
  console.log(`${g.total} briefs (setup ${g.ms.setup} ms, bulk insert ${g.ms.bulk} ms)`);
  for (const q of ['Sanierung', 'Radweg', 'Spielplatz', 'Straßenplanung', 'Strasse']) {
    // the list's own filter (full text OR similar words), next to full text alone
    const f = measureWhere(g.municipalityId, { q });
    const [c] = await db.query<{ fts: number; either: number }>(
      `SELECT count(*) FILTER (WHERE m.search @@ ${f.search!.tsq}) AS fts, count(*) FILTER (WHERE ${f.where}) AS either FROM measure m`,
      f.params,
    );
    console.log(`q=${q}: full text ${c.fts}, list total (full text or similar words) ${c.either} (${((100 * c.either) / g.total).toFixed(1)} %)`);
  }
  await db.close();
}
