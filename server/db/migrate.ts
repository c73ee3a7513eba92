import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './client';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Applies the SQL files in migrations/ in name order, each once, each in its own transaction.
 * Several instances starting together on PostgreSQL take turns through an advisory lock.
 */
export async function migrate(db: Db): Promise<string[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return db.tx(async (t) => {
    if (t.kind === 'postgres') await t.query('SELECT pg_advisory_xact_lock(727274)');
    await t.query('CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await t.query<{ name: string }>('SELECT name FROM schema_migration')).map((r) => r.name));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      await t.exec(readFileSync(join(dir, file), 'utf8'));
      await t.query('INSERT INTO schema_migration (name) VALUES ($1)', [file]);
      applied.push(file);
    }
    return applied;
  });
}

