/**
 * The KoFi page in the browser at scale: how long until the table shows, per page of the table.
 *   npm run build && npx tsx bench/kofi-page.ts [--db pglite|postgres] [--n 10000] [--runs 3]
 *
 * Fresh database (bench/db.ts, own name rf_bench_kofi_page) → N briefs (bench/generate.ts) and funding
 * plans (bench/funding-data.ts) → the app with the built web app (dist/web, or WEB_DIR) on 127.0.0.1 →
 * Debian's Chromium (/usr/bin/chromium, or CHROMIUM) signs in and opens /funding/kofi, page 1 (twice:
 * the first visit also loads the app's code), the last page, and the "by years" view; each time from
 * navigation until the table's first row is in the page. Markdown on stdout; exit 1 on any error.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { buildApp } from '../server/app';
import type { Config } from '../server/config';
import { arg, freePort, freshDb } from './db';
import { ADMIN, generate } from './generate';
import { generateFunding } from './funding-data';

const kind = arg('db', 'pglite') as 'pglite' | 'postgres';
const n = Number(arg('n', '10000'));
const runs = Number(arg('runs', '3'));
const webDir = resolve(process.env.WEB_DIR ?? 'dist/web');
if (!['pglite', 'postgres'].includes(kind) || !(n >= 43) || !(runs >= 1)) throw new Error('usage: bench/kofi-page.ts [--db pglite|postgres] [--n ≥43] [--runs ≥1]');
if (!existsSync(resolve(webDir, 'index.html'))) throw new Error(`no built web app in ${webDir}: run npm run build first (or set WEB_DIR)`);

const { db, url, cleanup } = await freshDb(kind, 'rf_bench_kofi_page');
let failed = false;
try {
  const g = await generate(db, n, 42, 'none');
  const f = await generateFunding(db, g.municipalityId, { programmes: 50, maintenance: 'vacuum' });
  console.error(`${kind}: ${g.total} measures, ${f.sources} funding sources`);
  const config: Config = {
    port: 0, host: '127.0.0.1', dataDir: '/nonexistent', databaseUrl: url, sessionSecret: randomBytes(32).toString('hex'),
    sessionDays: 1, logLevel: 'silent', production: true, maxUploadBytes: 10 * 1024 * 1024, webDir,
  };
  const app = await buildApp(config, db, { logger: false });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/login`);
    await page.getByLabel(/E-Mail/).fill(ADMIN.email);
    await page.getByLabel(/Passwort/).fill(ADMIN.password);
    await page.getByRole('button', { name: /Anmelden/ }).click();
    await page.waitForURL((u) => !u.pathname.includes('login'));
    const lastPage = Math.ceil(g.total / 100);
    const visits: [string, string][] = [
      ['page 1, first visit (also loads the page code)', '/funding/kofi'],
      ['page 1', '/funding/kofi'],
      [`last page (${lastPage})`, `/funding/kofi?page=${lastPage}`],
      ['by years, page 2', '/funding/kofi?view=years&page=2'],
    ];
    console.log(`\n**${kind}**, ${g.total} measures, ${f.sources} funding sources; ms from navigation until the table's first row shows (min / median / max of ${runs} runs); load average ${loadavg()[0].toFixed(2)}, ${cpus().length} cores\n`);
    console.log('| visit | rows in the table | ms |');
    console.log('|---|---:|---:|');
    for (const [name, path] of visits) {
      const ms: number[] = [];
      let rows = 0;
      for (let i = 0; i < (name.includes('first visit') ? 1 : runs); i++) {
        const t = performance.now();
        await page.goto(base + path);
        await page.locator('table.kofi-table tbody tr').first().waitFor({ timeout: 180_000 });
        ms.push(performance.now() - t);
        rows = await page.locator('table.kofi-table tbody tr').count();
      }
      ms.sort((a, b) => a - b);
      const f0 = (v: number) => v.toFixed(0);
      console.log(`| ${name} | ${rows} | ${ms.length > 1 ? `${f0(ms[0])} / ${f0(ms[Math.floor(ms.length / 2)])} / ${f0(ms[ms.length - 1])}` : f0(ms[0])} |`);
    }
  } finally {
    await browser.close();
    await app.close();
  }
} catch (err) {
  failed = true;
  console.error(err);
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
