/** Fresh benchmark databases: PGlite in a temp dir under .bench-data/, or the database rf_bench on local PostgreSQL. */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../server/db/client';
import { migrate } from '../server/db/migrate';

export const PG_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: PG_SERVER });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * Opens a new, migrated, empty database; `cleanup` closes it and removes its data. `name` is the
 * PostgreSQL database (each benchmark its own, so two can run at once) and the PGlite dir's prefix.
 */
export async function freshDb(kind: 'pglite' | 'postgres', name = 'rf_bench'): Promise<{ db: Db; url?: string; cleanup: () => Promise<void> }> {
  if (kind === 'postgres') {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(PG_SERVER);
    url.pathname = `/${name}`;
    const db = await openPostgres(url.toString());
    await migrate(db);
    return {
      db,
      url: url.toString(),
      cleanup: async () => {
        await db.close();
        await new Promise((r) => setTimeout(r, 200)); // let the pool's connections finish closing
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  mkdirSync('.bench-data', { recursive: true });
  const dir = mkdtempSync(join('.bench-data', `${name === 'rf_bench' ? 'pglite' : name}-`));
  const db = await openPglite(join(dir, 'pglite'));
  await migrate(db);
  return { db, cleanup: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
