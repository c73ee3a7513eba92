import type { Db } from '../../db/client';
import type { FundingProgramme } from '../../../contract/funding';
import { ensureCatalogue, listProgrammes } from './programmes.service';

/**
 * The programme catalogue per municipality, cached for matching (every match request needs all of it,
 * and loading 500 programmes with their long texts took most of a request; docs/benchmarks.md).
 *
 * Validity comes from the database, not from this process: `municipality.funding_catalogue_version`
 * is bumped in the same transaction as every programme write (see `bumpCatalogue`), and each read
 * compares it first (one indexed row). So another instance's edit is seen on the next request.
 * A version read before a concurrent write is only ever paired with data at least as new, so the
 * worst case is one extra reload, never a stale catalogue kept.
 * Per Db, so test apps and benchmarks on separate databases never share entries.
 */
const caches = new WeakMap<Db, Map<string, { version: string; programmes: readonly FundingProgramme[] }>>();

export async function cachedCatalogue(db: Db, municipalityId: string): Promise<readonly FundingProgramme[]> {
  // one small query per request in the common case: seeded already, version unchanged
  let [row] = await db.query<{ v: string; seeded: boolean }>('SELECT funding_catalogue_version::text AS v, funding_seeded AS seeded FROM municipality WHERE id = $1', [municipalityId]);
  if (row && !row.seeded) {
    await ensureCatalogue(db, municipalityId);
    [row] = await db.query<{ v: string; seeded: boolean }>('SELECT funding_catalogue_version::text AS v, funding_seeded AS seeded FROM municipality WHERE id = $1', [municipalityId]);
  }
  const version = row?.v ?? '0';
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(municipalityId);
  if (hit && hit.version === version) return hit.programmes;
  const programmes = Object.freeze(await listProgrammes(db, municipalityId));
  cache.set(municipalityId, { version, programmes });
  return programmes;
}
