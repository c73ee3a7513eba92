import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSETS, buildServer, WORKERS } from '../scripts/build-server.mjs';
import { buildMeasureList } from './modules/measures/import-fixture';
import { multipart } from './test/multipart';

/**
 * `npm start` runs the server as one bundle (scripts/build-server.mjs). Files a module finds next to itself
 * (import.meta.url) are not in a bundle: each must be an asset or worker the build places beside it, or
 * resolve packages only (createRequire). A new one makes the first test fail until the build knows it.
 */
const HANDLED: Record<string, string> = {
  'server/db/migrate.ts': 'migrations',
  'server/modules/auth/passwords.ts': 'common-passwords.txt',
  'server/modules/measures/documents/xlsx-in-worker.ts': 'xlsx-worker',
  'server/modules/measures/documents/brief-pdf.ts': 'createRequire: packages',
  'server/modules/workshops/protocol/protocol-pdf.ts': 'createRequire: packages',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return e === 'test' ? [] : sources(p);
    return /\.tsx?$/.test(e) && !/\.test\.tsx?$/.test(e) && !e.endsWith('.fixture.ts') ? [p] : [];
  });
}

describe('the server bundle', () => {
  it('knows every file the server reads next to its own module', () => {
    const reading = ['server', 'contract', 'domain'].flatMap(sources).filter((f) => readFileSync(f, 'utf8').includes('import.meta.url'));
    expect(reading.sort()).toEqual(Object.keys(HANDLED).sort());
    const placed = [...Object.values(ASSETS), ...Object.values(WORKERS)];
    for (const [file, need] of Object.entries(HANDLED)) if (!need.startsWith('createRequire')) expect(placed, file).toContain(need);
  });

  describe('started as `npm start` does', () => {
    // Inside the repository, so that the bundle finds node_modules as dist/server does.
    // dist/ does not exist yet on a fresh clone before the first build (`npm ci && npm test`)
    mkdirSync('dist', { recursive: true });
    const outDir = mkdtempSync(join('dist', 'server-test-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'rf-bundle-'));
    let child: ChildProcess;
    let base = '';

    beforeAll(async () => {
      await buildServer(outDir);
      const port = 20000 + Math.floor(Math.random() * 20000);
      base = `http://127.0.0.1:${port}`;
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'warn', WEB_DIR: join(dataDir, 'no-web') };
      delete env.DATABASE_URL;
      child = spawn(process.execPath, [join(outDir, 'main.mjs')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the bundle exited with ${child.exitCode}`);
        if (await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    }, 120_000);

    afterAll(async () => {
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(outDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('migrates a new data dir, checks passwords against the shipped list and reads spreadsheets in its worker', async () => {
      const setup = (password: string) =>
        fetch(`${base}/api/v1/setup`, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ municipalityName: 'Musterstadt', adminName: 'Anna Admin', adminEmail: 'anna@musterstadt.example', password, demoData: false }),
        });
      // From common-passwords.txt (long enough for the length rule, refused for being common).
      const common = await setup('1q2w3e4r5t6y');
      expect(common.status).toBe(400);
      expect(JSON.stringify(await common.json())).toMatch(/password/i);
      expect((await setup('Rathaus-Linde-Fahrrad-26')).status).toBe(201);

      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'anna@musterstadt.example', password: 'Rathaus-Linde-Fahrrad-26' }),
      });
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const xlsx = await buildMeasureList('xlsx');
      const body = multipart([{ name: 'file', filename: 'liste.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: xlsx }]);
      const preview = await fetch(`${base}/api/v1/measures/import/preview`, { method: 'POST', headers: { ...body.headers, cookie }, body: body.payload });
      expect(preview.status).toBe(200);
      const table = (await preview.json()) as { rowCount: number; headers: string[] };
      expect(table.rowCount).toBeGreaterThan(0);
      expect(table.headers.length).toBeGreaterThan(3);
    }, 60_000);
  });
});
