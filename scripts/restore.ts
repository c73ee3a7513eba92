// `npm run restore -- <file>`: brings a backup of `npm run backup` back, with the app stopped.
// Embedded database: the current data dir is kept beside the restored one (…before-restore-<time>).
// PostgreSQL (DATABASE_URL): pg_restore --clean into that database.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../server/config';
import { appAnswers, restoreBackup, runningApp } from '../server/db/backup';

const arg = process.argv[2];
if (!arg || !existsSync(arg)) {
  console.error('usage: npm run restore -- <backup file>');
  process.exit(2);
}
const file = resolve(arg);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });

if (config.databaseUrl) {
  const r = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${config.databaseUrl}`, file], { stdio: 'inherit' });
  if (r.error || r.status !== 0) {
    console.error(`pg_restore failed${r.error ? `: ${r.error.message}` : ''}`);
    process.exit(1);
  }
  console.log(`Restored ${file} into the PostgreSQL database. Start the app: it applies newer migrations.`);
} else {
  const pid = runningApp(config.dataDir);
  if (pid || (await appAnswers(config.dataDir))) {
    console.error(`Roter Faden${pid ? ` (pid ${pid})` : ''} is running on ${config.dataDir}: stop it first, then restore.`);
    process.exit(1);
  }
  try {
    const r = await restoreBackup(new Uint8Array(readFileSync(file)), join(config.dataDir, 'pglite'));
    console.log(`Restored ${file}: ${r.municipalities} municipalities, ${r.migrations} migrations.`);
    if (r.keptAt) console.log(`The data dir it replaced is kept at ${r.keptAt} (delete it when you no longer need it).`);
    console.log('Start the app: it applies newer migrations.');
  } catch (err) {
    console.error(`Nothing was changed: ${(err as Error).message}`);
    process.exit(1);
  }
}
