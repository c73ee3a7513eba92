import type { Db } from '../../db/client';
import type { Kofi, KofiQuery } from '../../../contract/funding';
import { versionedCache, type Cached } from '../../db/versioned-cache';
import { queryKey } from '../measures/list-cache';
import { kofi } from './plan.service';

/**
 * The KoFi, cached per (municipality, data version, filter) like the list pages (db/versioned-cache.ts).
 * It depends on the briefs (cost, title, the filter's fields) and their funding plans — every plan
 * save updates the brief's row, so both bump measure_list_version at commit (migration 0007) — and on
 * the programme levels, which bump municipality.funding_catalogue_version with every programme write.
 * The version is the SUM of the two counters, read in one statement: both only grow, and two
 * snapshots of the same database are ordered, so a later read never gives a smaller or an equal sum
 * for different data. Computing the KoFi for 10,000 measures takes 120–170 ms of one core on PGlite;
 * ten councillors opening it at once would otherwise queue for seconds (docs/benchmarks.md).
 */
const MAX_ROWS = 40_000; // KoFi rows held per app instance (≈ four full KoFis of 10,000 measures, ≈ 4 MB of JSON each)
const answers = versionedCache<Kofi>(MAX_ROWS, (k) => k.rows.length + 1);

export async function kofiVersion(db: Db, municipalityId: string): Promise<number> {
  const [row] = await db.query<{ v: number }>(
    `SELECT coalesce((SELECT version FROM measure_list_version WHERE municipality_id = $1), 0)
          + coalesce((SELECT funding_catalogue_version FROM municipality WHERE id = $1), 0) AS v`,
    [municipalityId],
  );
  return Number(row.v);
}

export async function cachedKofi(db: Db, municipalityId: string, q: Partial<KofiQuery>): Promise<Cached<Kofi>> {
  return answers(db, municipalityId, await kofiVersion(db, municipalityId), queryKey(q), () => kofi(db, municipalityId, q));
}

/** The KoFi as JSON, serialised once per cached answer (built only by our code from typed rows, so not checked again). */
export function kofiJson(c: Cached<Kofi>): string {
  return (c.json ??= JSON.stringify(c.value));
}
