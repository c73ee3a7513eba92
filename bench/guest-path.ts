/**
 * The workshop guest on a weak link: the built app (`npm start`'s server path) on a fresh PGlite data
 * dir with the Musterstadt demo data, a running workshop with an open dot round over 12 briefs, then
 * Debian's Chromium (Playwright, /usr/bin/chromium) with the network throttled through CDP
 * (Network.emulateNetworkConditions: 50 KB/s down, 25 KB/s up, 400 ms latency) and an empty cache:
 *   npm run bench:guest-path [-- --runs 3] [-- --web dist/web] [-- --no-build] [-- --trace]
 *
 * (a) guest: opening /join/<code> → name typed, "Beitreten" → "+ Punkt" on the first item → the dot
 *     drawn as acknowledged (the phone draws a dot `.dot.pending` until the server's 200, then `.dot`);
 *     checked on the server (GET /rounds/:id/results totalDots = 1). Bytes from CDP
 *     Network.loadingFinished encodedDataLength (what crossed the wire: headers + compressed body),
 *     JavaScript = resources of type Script. Each state (form, ballot, acknowledged dot) is awaited in the page
 *     on every animation frame, so the time is when the phone drew it. --trace prints each request's start and end.
 * (b) signed-in: a session cookie in a fresh context, empty cache, `/` until the dashboard's heading.
 * (c) restart on the existing data dir: spawning `node scripts/start.mjs` (what `npm start` runs; the server
 *     bundle is built before the first start when stale) → first 200 of GET /api/v1/health and of GET /.
 * The web app is built first (vite build into .bench-data/web-guest) unless --no-build; --web serves another build.
 * Timing depends on the machine's load: byte counts are exact, seconds are for a quiet machine.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, devices, type Browser, type BrowserContext } from '@playwright/test';
import { arg, freePort } from './db';
import { buildServer, serverBundleStale } from '../scripts/build-server.mjs';

const runs = Number(arg('runs', '3'));
const noBuild = process.argv.includes('--no-build');
const trace = process.argv.includes('--trace');
const THROTTLE = { offline: false, latency: 400, downloadThroughput: 50 * 1024, uploadThroughput: 25 * 1024 };
const ADMIN = { name: 'Anna Admin', email: 'anna.admin@musterstadt.example', password: 'Rathaus-Linde-Fahrrad-26' };

mkdirSync('.bench-data', { recursive: true });
if (serverBundleStale()) {
  console.error('building the server bundle …');
  await buildServer();
}
const webDir = resolve(arg('web', noBuild ? 'dist/web' : '.bench-data/web-guest'));
if (!noBuild && !process.argv.includes('--web')) {
  console.error(`building the web app into ${webDir} …`);
  execSync('npx vite build --logLevel warn', { stdio: 'inherit', env: { ...process.env, WEB_OUT_DIR: webDir } });
}

interface Server { child: ChildProcess; base: string; exited: Promise<unknown> }

/** Spawns the server; resolves with the ms from spawn to the first 200 of each path. */
async function startServer(dataDir: string, paths: string[]): Promise<{ server: Server; ms: number[] }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_DIR: webDir, NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  // What `npm start` runs (scripts/start.mjs: the prebuilt server bundle; WEB_DIR set, so no web build).
  const child = spawn(process.execPath, ['scripts/start.mjs'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((r) => child.once('exit', r));
  const server = { child, base, exited };
  try {
    const ms = await Promise.all(
      paths.map(async (p) => {
        for (;;) {
          if (child.exitCode != null) throw new Error(`server exited with ${child.exitCode}`);
          if (performance.now() - t0 > 300_000) throw new Error(`${p} not 200 after 300 s`);
          const ok = await fetch(base + p).then(async (r) => (await r.arrayBuffer(), r.status === 200), () => false);
          if (ok) return performance.now() - t0;
          await new Promise((r) => setTimeout(r, 5));
        }
      }),
    );
    return { server, ms };
  } catch (err) {
    await stopServer(server);
    throw err;
  }
}

async function stopServer(s: Server) {
  s.child.kill('SIGTERM');
  await s.exited;
}

async function api<T>(base: string, method: string, path: string, cookie: string, body?: unknown): Promise<T> {
  const r = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A throttled page on an empty cache that counts what crossed the wire, by resource type. */
async function throttledPage(ctx: BrowserContext) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  const types = new Map<string, string>();
  const bytes = { js: 0, total: 0, jsFiles: 0, requests: 0 };
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  if (trace) {
    // --trace: when each request started and finished (ms since the first), to see what the path waits for
    const started = new Map<string, { at: number; what: string }>();
    let zero = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      zero ||= e.timestamp;
      started.set(e.requestId, { at: e.timestamp, what: `${e.request.method} ${new URL(e.request.url).pathname}` });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = started.get(e.requestId);
      if (r) console.error(`  ${((r.at - zero) * 1000).toFixed(0).padStart(5)} → ${((e.timestamp - zero) * 1000).toFixed(0).padStart(5)} ms  ${(e.encodedDataLength / 1024).toFixed(1).padStart(5)} KB  ${r.what}`);
    });
  }
  cdp.on('Network.loadingFinished', (e) => {
    bytes.total += e.encodedDataLength;
    bytes.requests++;
    if (types.get(e.requestId) === 'Script') {
      bytes.js += e.encodedDataLength;
      bytes.jsFiles++;
    }
  });
  return { page, bytes };
}

async function guestRun(browser: Browser, base: string, code: string) {
  const ctx = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, locale: 'de-DE', baseURL: base });
  try {
    const { page, bytes } = await throttledPage(ctx);
    const t0 = performance.now();
    await page.goto(`/join/${code}`, { waitUntil: 'commit' });
    // Each state is awaited in the page on every animation frame: a locator's own wait polls with a growing
    // pause (up to 500 ms), which made each step look up to half a second later than the phone drew it.
    const shown = (selector: string) => page.waitForFunction((sel) => document.querySelector(sel) !== null, selector, { polling: 'raf', timeout: 60_000 });
    await shown('#join-name');
    const form = performance.now() - t0;
    await page.getByLabel('Ihr Name').fill('Gast');
    await page.getByRole('button', { name: 'Beitreten' }).click();
    await shown('.vote-item');
    const ballot = performance.now();
    const plus = page.locator('.vote-item').first().getByRole('button', { name: /^\+ Punkt/ });
    await plus.click({ timeout: 60_000 });
    await shown('.vote-item .vote-dots .dot:not(.pending)');
    const acked = performance.now() - t0;
    return { form, ballot: ballot - t0, acked, ...bytes, page };
  } catch (err) {
    const page = ctx.pages()[0];
    if (page) {
      await page.screenshot({ path: '.bench-data/guest-path-failed.png', fullPage: true }).catch(() => {});
      console.error(`page at failure: ${(await page.locator('main').innerText().catch(() => '?')).slice(0, 800)}`);
    }
    await ctx.close();
    throw err;
  }
}

async function signedInRun(browser: Browser, base: string, cookie: string) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'de-DE', baseURL: base });
  try {
    const [name, value] = cookie.split('=');
    await ctx.addCookies([{ name, value, url: base }]);
    const { page, bytes } = await throttledPage(ctx);
    const t0 = performance.now();
    await page.goto('/', { waitUntil: 'commit' });
    await page.getByRole('banner').waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return { shown: performance.now() - t0, ...bytes };
  } finally {
    await ctx.close();
  }
}

const kb = (n: number) => (n / 1024).toFixed(1);
const s = (ms: number) => (ms / 1000).toFixed(2);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const loadBefore = loadavg()[0].toFixed(2);
const dataDir = mkdtempSync(join('.bench-data', 'guest-'));
let server: Server | undefined;
let browser: Browser | undefined;
let failed = false;
try {
  const first = await startServer(dataDir, ['/api/v1/health']);
  server = first.server;
  const base = server.base;
  console.error(`first start ${first.ms[0].toFixed(0)} ms; setup with demo data …`);
  const setup = await fetch(`${base}/api/v1/setup`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ municipalityName: 'Musterstadt', adminName: ADMIN.name, adminEmail: ADMIN.email, password: ADMIN.password, demoData: true }),
  });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('rf_session='));
  if (!cookie) throw new Error(`login: ${login.status}`);
  const briefs = await api<{ items: { id: string }[] }>(base, 'GET', '/measures?pageSize=12', cookie);
  const w = await api<{ id: string; joinCode: string }>(base, 'POST', '/workshops', cookie, {
    title: 'Stadtteilwerkstatt Nord', status: 'running', groups: [{ name: 'Gruppe A' }, { name: 'Gruppe B' }],
  });

  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const guests: Awaited<ReturnType<typeof guestRun>>[] = [];
  for (let i = 0; i < runs; i++) {
    // A new round per run, so each guest's first dot is the round's first.
    const round = await api<{ id: string }>(base, 'POST', `/workshops/${w.id}/rounds`, cookie, {
      title: `Welche Vorhaben zuerst? (${i + 1})`, subject: 'measures', refIds: briefs.items.slice(0, 12).map((b) => b.id),
    });
    await api(base, 'POST', `/rounds/${round.id}/open`, cookie);
    const g = await guestRun(browser, base, w.joinCode);
    await g.page.context().close();
    const results = await api<{ totalDots: number }>(base, 'GET', `/rounds/${round.id}/results`, cookie);
    if (results.totalDots !== 1) throw new Error(`round ${i + 1}: the server counts ${results.totalDots} dots, expected 1`);
    await api(base, 'POST', `/rounds/${round.id}/close`, cookie);
    guests.push(g);
    console.error(`guest #${i + 1}: join form ${s(g.form)} s, ballot ${s(g.ballot)} s, dot acknowledged ${s(g.acked)} s; JS ${kb(g.js)} KB in ${g.jsFiles} files, total ${kb(g.total)} KB in ${g.requests} requests`);
  }
  const signedIn: Awaited<ReturnType<typeof signedInRun>>[] = [];
  for (let i = 0; i < runs; i++) {
    signedIn.push(await signedInRun(browser, base, cookie));
    const r = signedIn[i];
    console.error(`signed-in / #${i + 1}: ${s(r.shown)} s; JS ${kb(r.js)} KB in ${r.jsFiles} files, total ${kb(r.total)} KB`);
  }
  await browser.close();
  browser = undefined;
  await stopServer(server);
  server = undefined;

  const restarts: number[][] = [];
  for (let i = 0; i < runs; i++) {
    const again = await startServer(dataDir, ['/api/v1/health', '/']);
    await stopServer(again.server);
    restarts.push(again.ms);
    console.error(`restart #${i + 1}: health ${again.ms[0].toFixed(0)} ms, / ${again.ms[1].toFixed(0)} ms`);
  }

  const last = guests[guests.length - 1];
  const lastIn = signedIn[signedIn.length - 1];
  console.log(`\nThrottled (CDP: ${THROTTLE.downloadThroughput / 1024} KB/s down, ${THROTTLE.uploadThroughput / 1024} KB/s up, ${THROTTLE.latency} ms latency), empty cache, Debian Chromium; medians of ${runs} runs (bytes identical in every run)\n`);
  console.log('| path | seconds (median) | runs (s) | JS transferred | JS files | all transferred | requests |');
  console.log('|---|---:|---|---:|---:|---:|---:|');
  const line = (name: string, xs: number[], b: { js: number; jsFiles: number; total: number; requests: number }) =>
    console.log(`| ${name} | ${s(median(xs))} | ${xs.map(s).join(', ')} | ${kb(b.js)} KB | ${b.jsFiles} | ${kb(b.total)} KB | ${b.requests} |`);
  line('(a) guest: /join/<code> → join form shown', guests.map((g) => g.form), last);
  line('(a) guest: → ballot shown (after "Beitreten")', guests.map((g) => g.ballot), last);
  line('(a) guest: → first dot acknowledged', guests.map((g) => g.acked), last);
  line('(b) signed-in: / → dashboard, network idle', signedIn.map((r) => r.shown), lastIn);
  console.log(`\nRestart on the existing data dir (spawn → first 200), ${runs} runs\n`);
  console.log('| request | median ms | runs (ms) |');
  console.log('|---|---:|---|');
  console.log(`| GET /api/v1/health | ${median(restarts.map((r) => r[0])).toFixed(0)} | ${restarts.map((r) => r[0].toFixed(0)).join(', ')} |`);
  console.log(`| GET / (index.html) | ${median(restarts.map((r) => r[1])).toFixed(0)} | ${restarts.map((r) => r[1].toFixed(0)).join(', ')} |`);
  console.log(`\n1-min load average: ${loadBefore} at start, ${loadavg()[0].toFixed(2)} at end (${new Date().toISOString()})`);
} catch (err) {
  failed = true;
  console.error(err);
} finally {
  await browser?.close();
  if (server) await stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
