import type { Db } from '../../db/client';
import { MeasurePage, type MeasureQuery } from '../../../contract/measures';
import { resultCacheSettings, versionedCache, type Cached } from '../../db/versioned-cache';

/**
 * In-process cache of list/search pages (ADR 0003). With 10 concurrent users on 2 cores every request
 * that counts and ranks its hundreds of matches costs 5–20 ms of database time, so the same few lists
 * and searches asked again and again queue up. A page is cached under
 *   (municipality, list version, normalised query)
 * where the list version lives in the DATABASE (measure_list_version, bumped at the commit of every
 * transaction that writes a brief, migration 0007). Each request reads the version first, so a write
 * through any app instance on the same database is seen by the very next list call of every instance.
 * The page does not depend on who asks (no per-role fields or filtering), so the actor is not in the key.
 * The cache itself (ordering, eviction) is db/versioned-cache.ts.
 */

const MAX_ITEMS = 20_000; // list items held per app instance, over all pages (≈ 20 MB at most)

/** A page, and its JSON once asked for: a repeated request then skips the response schema's check (≈ 20 % of a request's CPU). */
export type CachedPage = Cached<MeasurePage>;
const pages = versionedCache<MeasurePage>(MAX_ITEMS, (page) => page.items.length + 1);

export async function listVersion(db: Db, municipalityId: string): Promise<number> {
  const [row] = await db.query<{ version: number }>('SELECT version FROM measure_list_version WHERE municipality_id = $1', [municipalityId]);
  return Number(row?.version ?? 0);
}

/** The query as a key: fixed field order, filter lists as sets (order and repeats do not change the result). */
export function queryKey(q: Partial<MeasureQuery>): string {
  const norm = (v: unknown) => (Array.isArray(v) ? [...new Set(v.map(String))].sort() : v);
  return JSON.stringify(
    Object.keys(q)
      .sort()
      .filter((k) => q[k as keyof MeasureQuery] !== undefined)
      .map((k) => [k, norm(q[k as keyof MeasureQuery])]),
  );
}

/** The page validated against the API contract and serialised, once per cached page. */
export function pageJson(c: CachedPage): string {
  return (c.json ??= JSON.stringify(MeasurePage.parse(c.value)));
}

export async function cachedPage(db: Db, municipalityId: string, q: MeasureQuery, load: () => Promise<MeasurePage>): Promise<CachedPage> {
  if (!resultCacheSettings.enabled) return { value: await load() };
  return pages(db, municipalityId, await listVersion(db, municipalityId), queryKey(q), load);
}
