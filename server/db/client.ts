import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * One small interface over PGlite (embedded) and node-postgres (server), so services write plain
 * SQL once. Both return int8 as JS numbers (cents and counts stay far below 2^53) and `date` as
 * 'YYYY-MM-DD' strings (no time-zone shifts).
 */
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction; nested calls reuse the outer transaction. */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Subscribes to a NOTIFY channel; returns the unsubscribe function. On PostgreSQL every app instance
   * listens on its own connection, so a change made through one instance reaches the clients of all.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * PGlite only: a consistent copy of the whole data dir as a gzipped tar, taken between two statements
   * (after a CHECKPOINT), so it never holds half a transaction. PostgreSQL is backed up with pg_dump.
   */
  backup?(): Promise<Uint8Array>;
  readonly kind: 'pglite' | 'postgres';
}

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

export async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) mkdirSync(dirname(dataDir), { recursive: true });
  const lite = await PGlite.create({
    dataDir,
    extensions: { pg_trgm },
    parsers: { [INT8]: Number, [NUMERIC]: Number, [DATE]: (v: string) => v },
    serializers: { [pgliteTypes.INT8]: (v: unknown) => String(v) },
  });
  // PGlite runs one statement at a time; a transaction holds the connection, so others wait their turn.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };
  // PGlite has no autovacuum: without ANALYZE the planner guesses and, at 10,000 briefs, picks plans
  // 2–10× slower (docs/benchmarks.md). So after a bulk change (an import, a big merge) the next thing
  // in line is a VACUUM ANALYZE (≈ 0.65 s at 10,000 briefs); everyday edits add up to one rarely.
  let modified = 0;
  let modifiedSince = 0;
  const count = (rows: number | undefined) => {
    modified += rows ?? 0;
    return rows;
  };
  const maintainIfBulk = () => {
    modifiedSince += modified;
    if (modified >= BULK_ROWS || modifiedSince >= DRIFT_ROWS) {
      modifiedSince = 0;
      serial(() => lite.exec('VACUUM ANALYZE')).catch((err) => console.warn(`PGlite maintenance failed: ${err.message}`));
    }
    modified = 0;
  };
  const afterOp = <T>(run: Promise<T>) => run.finally(maintainIfBulk);
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Db => ({
    kind: 'pglite',
    query: async <T>(sql: string, params?: unknown[]) => {
      const r = await q.query<T>(sql, params);
      count(r.affectedRows);
      return r.rows;
    },
    exec: async (sql) => void (await q.exec(sql)),
    tx: (fn) => fn(wrap(q)),
    close: async () => undefined,
    listen: () => Promise.reject(new Error('listen inside a transaction')),
  });
  return {
    kind: 'pglite',
    listen: (channel, onPayload) => lite.listen(channel, onPayload),
    query: (sql, params) =>
      afterOp(
        serial(async () => {
          const r = await lite.query<never>(sql, params);
          count(r.affectedRows);
          return r.rows;
        }),
      ),
    exec: (sql) => serial(async () => void (await lite.exec(sql))),
    tx: (fn) => afterOp(serial(() => lite.transaction((t) => fn(wrap(t))))),
    backup: () =>
      serial(async () => {
        await lite.exec('CHECKPOINT');
        return new Uint8Array(await (await lite.dumpDataDir('gzip')).arrayBuffer());
      }),
    close: () => lite.close(),
  };
}

/** Rows one PGlite transaction or statement must change to be followed by VACUUM ANALYZE … */
const BULK_ROWS = 500;
/** … or changed in total since the last one. */
const DRIFT_ROWS = 5000;

/**
 * Planner statistics for PGlite, which never collects them on its own; run at start-up. PostgreSQL
 * has autovacuum for this (keep it on).
 */
export async function analyzeIfEmbedded(db: Db): Promise<void> {
  if (db.kind === 'pglite') await db.exec('VACUUM ANALYZE');
}

export async function openPostgres(url: string, max = 10): Promise<Db> {
  // Loaded here, not at start-up: an embedded (PGlite) installation never needs it.
  const { default: pg } = await import('pg');
  pg.types.setTypeParser(INT8, Number);
  pg.types.setTypeParser(NUMERIC, Number);
  pg.types.setTypeParser(DATE, (v: string) => v);
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool reconnects.
  pool.on('error', (err) => console.warn(`PostgreSQL connection lost: ${err.message}`));
  const wrap = (c: pg.PoolClient): Db => ({
    kind: 'postgres',
    query: async <T>(sql: string, params?: unknown[]) => (await c.query(sql, params)).rows as T[],
    exec: async (sql) => void (await c.query(sql)),
    tx: (fn) => fn(wrap(c)),
    close: async () => undefined,
    listen: () => Promise.reject(new Error('listen inside a transaction')),
  });
  let listener: Promise<pg.Client> | null = null;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const listenerClient = () =>
    (listener ??= (async () => {
      const c = new pg.Client({ connectionString: url });
      c.on('error', (err) => console.warn(`PostgreSQL listener lost: ${err.message}`));
      c.on('notification', (n) => handlers.get(n.channel)?.forEach((h) => h(n.payload ?? '')));
      await c.connect();
      return c;
    })());
  return {
    kind: 'postgres',
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
    exec: async (sql) => void (await pool.query(sql)),
    tx: async (fn) => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const result = await fn(wrap(c));
        await c.query('COMMIT');
        return result;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        c.release();
      }
    },
    listen: async (channel, onPayload) => {
      const c = await listenerClient();
      let set = handlers.get(channel);
      if (!set) {
        handlers.set(channel, (set = new Set()));
        await c.query(`LISTEN ${channel}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    close: async () => {
      if (listener) await (await listener).end().catch(() => undefined);
      await pool.end();
    },
  };
}

export function openDb(opts: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
