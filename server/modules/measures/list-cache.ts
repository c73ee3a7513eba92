import type { Db } from '../../db/client';
import { MeasurePage, type MeasureQuery } from '../../../contract/measures';

/**
 * In-process cache of list/search pages (ADR 0003). With 10 concurrent users on 2 cores every request
 * that counts and ranks its hundreds of matches costs 5–20 ms of database time, so the same few lists
 * and searches asked again and again queue up. A page is cached under
 *   (municipality, list version, normalised query)
 * where the list version lives in the DATABASE (measure_list_version, bumped at the commit of every
 * transaction that writes a brief, migration 0007). Each request reads the version first, so a write
 * through any app instance on the same database is seen by the very next list call of every instance.
 * The page does not depend on who asks (no per-role fields or filtering), so the actor is not in the key.
 *
 * Safe ordering: the version is read BEFORE the page's query, so a cached page is never older than the
 * version it is filed under (at worst newer, which only the readers of that older version can see).
 */

const MAX_ITEMS = 20_000; // list items held per app instance, over all pages (≈ 20 MB at most)

/** A page, and its JSON once asked for: a repeated request then skips the response schema's check (≈ 20 % of a request's CPU). */
export interface CachedPage { page: MeasurePage; json?: string }
type Entry = Promise<CachedPage>;
interface Slot { version: number; pages: Map<string, Entry> }
interface Cache { byMunicipality: Map<string, Slot>; sizes: Map<Entry, number>; items: number }

/** Benchmarks switch the cache off to measure the query itself (bench/run.ts --cache off). */
export const listCacheSettings = { enabled: true };

// One cache per database handle, i.e. per app instance (and per test app).
const caches = new WeakMap<Db, Cache>();

export async function listVersion(db: Db, municipalityId: string): Promise<number> {
  const [row] = await db.query<{ version: number }>('SELECT version FROM measure_list_version WHERE municipality_id = $1', [municipalityId]);
  return row?.version ?? 0;
}

/** The query as a key: fixed field order, filter lists as sets (order and repeats do not change the result). */
export function queryKey(q: MeasureQuery): string {
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
  return (c.json ??= JSON.stringify(MeasurePage.parse(c.page)));
}

export async function cachedPage(db: Db, municipalityId: string, q: MeasureQuery, load: () => Promise<MeasurePage>): Promise<CachedPage> {
  if (!listCacheSettings.enabled) return { page: await load() };
  const version = await listVersion(db, municipalityId);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { byMunicipality: new Map(), sizes: new Map(), items: 0 }));
  let slot = cache.byMunicipality.get(municipalityId);
  if (slot && slot.version > version) return { page: await load() }; // this reader saw an older version than another one already did
  if (!slot || slot.version < version) {
    if (slot) drop(cache, slot);
    slot = { version, pages: new Map() };
  }
  // most recently used municipality last, so eviction takes the least recently used first
  cache.byMunicipality.delete(municipalityId);
  cache.byMunicipality.set(municipalityId, slot);

  const key = queryKey(q);
  const hit = slot.pages.get(key);
  if (hit) {
    slot.pages.delete(key);
    slot.pages.set(key, hit);
    return hit;
  }
  // Concurrent requests for the same page share one query.
  const page = load().then((p): CachedPage => ({ page: p }));
  slot.pages.set(key, page);
  const current = slot;
  page.then(
    (p) => {
      if (current.pages.get(key) !== page) return; // dropped meanwhile
      cache.sizes.set(page, p.page.items.length + 1);
      cache.items += p.page.items.length + 1;
      evict(cache);
    },
    () => current.pages.get(key) === page && current.pages.delete(key),
  );
  return page;
}

function forget(cache: Cache, page: Entry) {
  cache.items -= cache.sizes.get(page) ?? 0;
  cache.sizes.delete(page);
}

function drop(cache: Cache, slot: Slot) {
  for (const page of slot.pages.values()) forget(cache, page);
  slot.pages.clear();
}

function evict(cache: Cache) {
  for (const [municipalityId, slot] of cache.byMunicipality) {
    if (cache.items <= MAX_ITEMS) return;
    for (const [key, page] of slot.pages) {
      if (cache.items <= MAX_ITEMS) return;
      if (!cache.sizes.has(page)) continue; // still loading
      forget(cache, page);
      slot.pages.delete(key);
    }
    if (slot.pages.size === 0) cache.byMunicipality.delete(municipalityId);
  }
}
