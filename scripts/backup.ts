// `npm run backup [-- <file>]`: a consistent backup while the app runs (or while it is stopped).
// Embedded database: a gzipped tar of the PGlite data dir, taken by the running app between two
// statements; PostgreSQL (DATABASE_URL): pg_dump's custom format. Default file: backups/roter-faden-<time>.
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../server/config';
import { backupStopped, requestBackup, runningApp } from '../server/db/backup';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
const file = resolve(process.argv[2] ?? join('backups', `roter-faden-${stamp}.${config.databaseUrl ? 'dump' : 'tar.gz'}`));
mkdirSync(dirname(file), { recursive: true });
const partial = `${file}.partial`; // never leave a half-written file under the final name

if (config.databaseUrl) {
  const r = spawnSync('pg_dump', ['--format=custom', `--file=${partial}`, config.databaseUrl], { stdio: 'inherit' });
  if (r.error || r.status !== 0) {
    console.error(`pg_dump failed${r.error ? `: ${r.error.message} (install the PostgreSQL client tools)` : ''}`);
    process.exit(1);
  }
} else {
  let bytes = await requestBackup(config.dataDir);
  if (!bytes) {
    const pid = runningApp(config.dataDir);
    if (pid) {
      console.error(`Roter Faden (pid ${pid}) runs on ${config.dataDir} but does not answer backup requests; is it an older version? Stop it and try again.`);
      process.exit(1);
    }
    bytes = await backupStopped(join(config.dataDir, 'pglite'));
  }
  writeFileSync(partial, bytes, { mode: 0o600 });
}
renameSync(partial, file);
console.log(`Backup written: ${file} (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB)`);
