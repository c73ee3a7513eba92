import { loadConfig } from './config';
import { analyzeIfEmbedded, openDb } from './db/client';
import { migrate } from './db/migrate';
import { serveBackups } from './db/backup';
import { join } from 'node:path';

/** How long after start-up PGlite's planner statistics are refreshed. */
const ANALYZE_DELAY_MS = 5000;

/** Start-up: config → database (PGlite in DATA_DIR, or PostgreSQL) → migrations → HTTP. */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  // The database opens (PGlite compiles its WebAssembly and reads the data dir) while the app's modules load.
  const opening = openDb({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  opening.catch(() => undefined); // awaited below; not an "unhandled rejection" while the modules load
  const { buildApp } = await import('./app');
  const db = await opening;
  const applied = await migrate(db);
  const app = await buildApp(config, db);
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  if (!config.webDir) app.log.warn('dist/web not found: serving the API only (run `npm run build`)');
  await app.listen({ port: config.port, host: config.host });
  // `npm run backup` asks the running app for a consistent copy of its embedded database.
  const stopBackups = db.kind === 'pglite' ? await serveBackups(config.dataDir, db, app.log) : null;
  app.log.info(`Roter Faden ready on http://localhost:${config.port} (${db.kind}) in ${Date.now() - started} ms`);
  // PGlite keeps no planner statistics of its own, but those of the last VACUUM ANALYZE stay in the data
  // dir: refreshing them can wait until the app answers (0.4–0.7 s it would add to every restart), and a
  // few seconds more, so that the first requests after a restart (guests reconnecting) do not queue behind it.
  const analyze = setTimeout(() => void analyzeIfEmbedded(db).catch((err) => app.log.warn({ err }, 'VACUUM ANALYZE failed')), ANALYZE_DELAY_MS);
  analyze.unref();
  // Workshop guests' names are erased after their municipality's retention period: soon after start and daily,
  // in the server process only (test apps built with buildApp keep their data as the test wrote it).
  const { startRetentionJob } = await import('./modules/privacy/retention');
  const stopRetention = startRetentionJob(db, config.sessionSecret, app.log);
  // reporting cycles: the reminder N days before the due date (once per department, also with two instances)
  const { startCycleReminderJob } = await import('./modules/monitoring/cycle-reminders');
  const stopCycleReminders = startCycleReminderJob(db, app.log);
  const stop = async () => {
    clearTimeout(analyze);
    stopRetention();
    stopCycleReminders();
    await app.close();
    await stopBackups?.();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
