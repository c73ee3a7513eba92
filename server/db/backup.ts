import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db } from './client';

/**
 * Online backup of the embedded database (`npm run backup` / `npm run restore`).
 *
 * PGlite lives inside the app's process and its data dir must never be opened by a second process
 * while the app runs. So the running app answers backup requests itself, on a Unix socket beside its
 * data (only the machine's users allowed by the file mode can reach it; nothing listens on the
 * network), and writes its process id, so that the scripts can tell "app running" from "app stopped".
 */

/** Unix socket paths are limited to about 107 bytes: a long DATA_DIR gets a socket in the temp dir. */
export function controlPaths(dataDir: string) {
  const inDir = join(dataDir, 'control.sock');
  const socket = inDir.length <= 100 ? inDir : join(tmpdir(), `rf-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}.sock`);
  return { socket, pidFile: join(dataDir, 'app.pid') };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid of the app running on this data dir, or null. */
export function runningApp(dataDir: string): number | null {
  const { pidFile } = controlPaths(dataDir);
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

const socketAnswers = (socketPath: string) =>
  new Promise<boolean>((resolve) => {
    const c = connect(socketPath, () => {
      c.end();
      resolve(true);
    });
    c.on('error', () => resolve(false));
  });

/** Whether an app answers on this data dir's control socket. */
export const appAnswers = (dataDir: string) => socketAnswers(controlPaths(dataDir).socket);

/** In the app: answer `GET /backup` on the control socket with a consistent copy of the database. */
export async function serveBackups(dataDir: string, db: Db, log: { info: (m: string) => void; warn: (o: object, m: string) => void }): Promise<() => Promise<void>> {
  const backup = db.backup?.bind(db);
  if (!backup) throw new Error('online backup needs the embedded database');
  const { socket, pidFile } = controlPaths(dataDir);
  // A socket file left by a crashed run blocks listen(); one that still answers belongs to a second app
  // on the same data dir, which must not start.
  if (existsSync(socket)) {
    if (await socketAnswers(socket)) throw new Error(`another Roter Faden process serves ${dataDir}`);
    unlinkSync(socket);
  }
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/backup') {
      res.writeHead(404).end();
      return;
    }
    const started = Date.now();
    backup().then(
      (bytes) => {
        res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': bytes.length }).end(bytes);
        log.info(`backup written: ${bytes.length} bytes in ${Date.now() - started} ms`);
      },
      (err: Error) => {
        log.warn({ err }, 'backup failed');
        res.writeHead(500, { 'content-type': 'text/plain' }).end(err.message);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  chmodSync(socket, 0o600);
  writeFileSync(pidFile, String(process.pid), { mode: 0o600 });
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      rmSync(pidFile, { force: true });
    });
}

/** From the scripts: ask the running app for a backup; null when no app answers on the socket. */
export function requestBackup(dataDir: string): Promise<Uint8Array | null> {
  const { socket } = controlPaths(dataDir);
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, path: '/backup', method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        if (res.statusCode === 200) resolve(new Uint8Array(body));
        else reject(new Error(`the app could not write the backup: ${body.toString('utf8') || res.statusCode}`));
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => (['ENOENT', 'ECONNREFUSED'].includes(err.code ?? '') ? resolve(null) : reject(err)));
    req.end();
  });
}

const openLite = (dataDir: string, loadDataDir?: Blob) => PGlite.create({ dataDir, loadDataDir, extensions: { pg_trgm } });

/** With the app stopped: the same backup, taken by opening the data dir directly. */
export async function backupStopped(pgliteDir: string): Promise<Uint8Array> {
  const lite = await openLite(pgliteDir);
  try {
    await lite.exec('CHECKPOINT');
    return new Uint8Array(await (await lite.dumpDataDir('gzip')).arrayBuffer());
  } finally {
    await lite.close();
  }
}

export interface RestoreResult {
  municipalities: number;
  migrations: number;
  /** where the data dir that was replaced now lies (nothing is deleted) */
  keptAt: string | null;
}

/**
 * Restores a backup into `pgliteDir` with the app stopped: the backup is first unpacked beside it and
 * read (a damaged or foreign file fails here and changes nothing); only then is the current data dir
 * moved aside — kept, never deleted — and the restored one put in its place.
 */
export async function restoreBackup(bytes: Uint8Array, pgliteDir: string, now = new Date()): Promise<RestoreResult> {
  const staging = `${pgliteDir}.restoring`;
  rmSync(staging, { recursive: true, force: true });
  let municipalities: number;
  let migrations: number;
  try {
    const lite = await openLite(staging, new Blob([bytes as Uint8Array<ArrayBuffer>]));
    try {
      migrations = (await lite.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migration')).rows[0].n;
      municipalities = (await lite.query<{ n: number }>('SELECT count(*)::int AS n FROM municipality')).rows[0].n;
    } finally {
      await lite.close();
    }
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`not a Roter Faden backup, or damaged: ${(err as Error).message}`, { cause: err });
  }
  let keptAt: string | null = null;
  if (existsSync(pgliteDir)) {
    keptAt = `${pgliteDir}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(pgliteDir, keptAt);
  }
  renameSync(staging, pgliteDir);
  return { municipalities, migrations, keptAt };
}
