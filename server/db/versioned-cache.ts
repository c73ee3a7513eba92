import type { Db } from './client';

/**
 * In-process cache of computed answers whose validity is a version kept in the DATABASE (ADR 0003):
 * the caller reads the version first (one indexed row), so a write through any app instance on the
 * same database is seen by the very next call of every instance. Entries are filed under
 *   (municipality, version, key)
 * and a newer version drops the municipality's older entries.
 *
 * Safe ordering: the version is read BEFORE the answer is computed, so a cached answer is never older
 * than the version it is filed under (at worst newer, which only readers of that older version see).
 * A reader that saw an older version than one already cached computes without the cache.
 *
 * Used by the list/search pages (measures/list-cache.ts) and the KoFi (funding/kofi.cache.ts).
 */

/** An answer, and its JSON once asked for (a repeated request then skips serialising it again). */
export interface Cached<T> { value: T; json?: string }

/** Benchmarks switch the caches off to measure the queries themselves (bench/run.ts, bench/funding.ts --cache off). */
export const resultCacheSettings = { enabled: true };

type Entry<T> = Promise<Cached<T>>;
interface Slot<T> { version: number; entries: Map<string, Entry<T>> }
interface Cache<T> { byMunicipality: Map<string, Slot<T>>; sizes: Map<Entry<T>, number>; units: number }

/**
 * A cache holding at most `maxUnits` (as counted by `units`, e.g. list items or KoFi rows) per app
 * instance; the least recently used municipality's entries go first. One cache per database handle,
 * i.e. per app instance (and per test app).
 */
export function versionedCache<T>(maxUnits: number, units: (value: T) => number) {
  const caches = new WeakMap<Db, Cache<T>>();

  const forget = (cache: Cache<T>, entry: Entry<T>) => {
    cache.units -= cache.sizes.get(entry) ?? 0;
    cache.sizes.delete(entry);
  };
  const drop = (cache: Cache<T>, slot: Slot<T>) => {
    for (const entry of slot.entries.values()) forget(cache, entry);
    slot.entries.clear();
  };
  const evict = (cache: Cache<T>) => {
    for (const [municipalityId, slot] of cache.byMunicipality) {
      if (cache.units <= maxUnits) return;
      for (const [key, entry] of slot.entries) {
        if (cache.units <= maxUnits) return;
        if (!cache.sizes.has(entry)) continue; // still loading
        forget(cache, entry);
        slot.entries.delete(key);
      }
      if (slot.entries.size === 0) cache.byMunicipality.delete(municipalityId);
    }
  };

  return async function cached(db: Db, municipalityId: string, version: number, key: string, load: () => Promise<T>): Promise<Cached<T>> {
    if (!resultCacheSettings.enabled) return { value: await load() };
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = { byMunicipality: new Map(), sizes: new Map(), units: 0 }));
    let slot = cache.byMunicipality.get(municipalityId);
    if (slot && slot.version > version) return { value: await load() }; // this reader saw an older version than another one already did
    if (!slot || slot.version < version) {
      if (slot) drop(cache, slot);
      slot = { version, entries: new Map() };
    }
    // most recently used municipality last, so eviction takes the least recently used first
    cache.byMunicipality.delete(municipalityId);
    cache.byMunicipality.set(municipalityId, slot);

    const hit = slot.entries.get(key);
    if (hit) {
      slot.entries.delete(key);
      slot.entries.set(key, hit);
      return hit;
    }
    // Concurrent requests for the same answer share one computation.
    const entry = load().then((value): Cached<T> => ({ value }));
    slot.entries.set(key, entry);
    const current = slot;
    const c = cache;
    entry.then(
      (e) => {
        if (current.entries.get(key) !== entry) return; // dropped meanwhile
        const size = units(e.value);
        c.sizes.set(entry, size);
        c.units += size;
        evict(c);
      },
      () => current.entries.get(key) === entry && current.entries.delete(key),
    );
    return entry;
  };
}
