import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, type Db } from './client';
import { migrate } from './migrate';
import { backupStopped, requestBackup, restoreBackup, serveBackups } from './backup';

// Online backup of the embedded database: always PGlite, also when the suite runs on PostgreSQL.
const run = promisify(execFile);
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'rf-backup-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const quiet = { info: () => undefined, warn: () => undefined };

async function openMigrated(dataDir: string): Promise<Db> {
  const db = await openPglite(join(dataDir, 'pglite'));
  await migrate(db);
  await db.exec('CREATE TABLE pair (n int NOT NULL)');
  return db;
}
/** Each transaction writes two rows: a backup with an odd count would hold half a transaction. */
const writePair = (db: Db, n: number) =>
  db.tx(async (t) => {
    await t.query('INSERT INTO pair VALUES ($1)', [n]);
    await t.query('INSERT INTO pair VALUES ($1)', [n]);
  });
const countIn = async (pgliteDir: string) => {
  const db = await openPglite(pgliteDir);
  try {
    return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pair'))[0].n;
  } finally {
    await db.close();
  }
};
const withoutDatabaseUrl = () => {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return env;
};
const tsx = (script: string, args: string[], dataDir: string) =>
  run(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...withoutDatabaseUrl(), DATA_DIR: dataDir } }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

// Migrating a data dir on disk takes a while on a busy machine.
describe('online backup of the embedded database', { timeout: 240_000 }, () => {
  it('is consistent while transactions run, and restores into a working database', async () => {
    const dataDir = tempDir();
    const db = await openMigrated(dataDir);
    const stop = await serveBackups(dataDir, db, quiet);
    try {
      let writing = true;
      let written = 0;
      const writer = (async () => {
        while (writing) {
          await writePair(db, ++written);
          // PGlite answers through microtasks only: without a turn of the event loop the socket is never read.
          await new Promise((r) => setImmediate(r));
        }
      })();
      await writePair(db, 0);
      const bytes = await requestBackup(dataDir);
      writing = false;
      await writer;
      expect(bytes).not.toBeNull();

      const target = join(tempDir(), 'pglite');
      const restored = await restoreBackup(bytes!, target);
      expect(restored.keptAt).toBeNull(); // nothing was there to keep
      expect(restored.migrations).toBeGreaterThan(10);
      const n = await countIn(target);
      expect(n % 2).toBe(0);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(2 * (written + 1));
    } finally {
      await stop();
      await db.close();
    }
  });

  it('refuses a damaged file and changes nothing', async () => {
    const dataDir = tempDir();
    const db = await openMigrated(dataDir);
    await writePair(db, 1);
    await db.close();
    const pgliteDir = join(dataDir, 'pglite');
    await expect(restoreBackup(new Uint8Array(Buffer.from('kein Backup')), pgliteDir)).rejects.toThrow(/not a Roter Faden backup/);
    expect(await countIn(pgliteDir)).toBe(2);
    expect(readdirSync(dataDir).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('npm run backup asks the running app; npm run restore refuses while it runs, then restores and keeps the old data dir', async () => {
    const dataDir = tempDir();
    const db = await openMigrated(dataDir);
    await writePair(db, 1);
    const stop = await serveBackups(dataDir, db, quiet);
    const file = join(tempDir(), 'b.tar.gz');
    const backup = await tsx('scripts/backup.ts', [file], dataDir);
    expect(backup.out).toContain('Backup written');
    expect(backup.code).toBe(0);
    expect(existsSync(file)).toBe(true);

    await writePair(db, 2); // after the backup: must be gone after the restore
    const refused = await tsx('scripts/restore.ts', [file], dataDir);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('stop it first');
    await stop();
    await db.close();

    const restored = await tsx('scripts/restore.ts', [file], dataDir);
    expect(restored.out).toContain('The data dir it replaced is kept at');
    expect(restored.code).toBe(0);
    expect(await countIn(join(dataDir, 'pglite'))).toBe(2);
    const kept = readdirSync(dataDir).find((f) => f.startsWith('pglite.before-restore-'));
    expect(kept).toBeDefined();
    expect(await countIn(join(dataDir, kept!))).toBe(4);
  });

  it('with the app stopped, backs up by opening the data dir itself', async () => {
    const dataDir = tempDir();
    const db = await openMigrated(dataDir);
    await writePair(db, 1);
    await db.close();
    const file = join(tempDir(), 'stopped.tar.gz');
    const r = await tsx('scripts/backup.ts', [file], dataDir);
    expect(r.code).toBe(0);
    const target = join(tempDir(), 'pglite');
    await restoreBackup(new Uint8Array(readFileSync(file)), target);
    expect(await countIn(target)).toBe(2);
    expect(await backupStopped(join(dataDir, 'pglite'))).toBeInstanceOf(Uint8Array);
  });
});
