import { loadConfig } from './config';
import { analyzeIfEmbedded, openDb } from './db/client';
import { migrate } from './db/migrate';
import { buildApp } from './app';
import { serveBackups } from './db/backup';
import { join } from 'node:path';

/** Start-up: config → database (PGlite in DATA_DIR, or PostgreSQL) → migrations → HTTP. */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  const applied = await migrate(db);
  await analyzeIfEmbedded(db); // PGlite keeps no planner statistics of its own
  const app = await buildApp(config, db);
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  if (!config.webDir) app.log.warn('dist/web not found: serving the API only (run `npm run build`)');
  await app.listen({ port: config.port, host: config.host });
  // `npm run backup` asks the running app for a consistent copy of its embedded database.
  const stopBackups = db.kind === 'pglite' ? await serveBackups(config.dataDir, db, app.log) : null;
  app.log.info(`Roter Faden ready on http://localhost:${config.port} (${db.kind}) in ${Date.now() - started} ms`);
  const stop = async () => {
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
