import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible } from './helpers';

// Issue 14 "A fresh install can be taken over from the network": a second, fresh app as the town's IT runs
// it behind its reverse proxy (TRUST_PROXY=loopback), opened by a colleague's browser on another computer —
// simulated by the forwarded address the proxy adds (203.0.113.7, a documentation address: no traffic goes
// anywhere but 127.0.0.1). Setup needs the key from the server log; the page asks for it and explains weak
// passwords.

const COLLEAGUE = { 'x-forwarded-for': '203.0.113.7' };

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

test.describe.configure({ mode: 'serial' });
test.use({ extraHTTPHeaders: COLLEAGUE });

let server: ChildProcess | null = null;
let base = '';
let log = '';

test.beforeAll(async () => {
  const port = await freePort();
  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TRUST_PROXY: 'loopback', DATA_DIR: mkdtempSync(join(tmpdir(), 'rf-e2e-setup-key-')), NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (log += String(d)));
  server.stderr!.on('data', (d) => (log += String(d)));
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120 && !/Setup key/.test(log); i++) await new Promise((r) => setTimeout(r, 500));
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

test('in English, the setup page asks for the key as well', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('rf.locale', 'en'));
  await page.goto(`${base}/setup`);
  await expect(page.getByLabel('Setup key')).toBeVisible();
  await expect(page.getByText('The server wrote the key to its log')).toBeVisible();
  await expectAccessible(page, 'setup with key, English');
});

test('setup from another computer asks for the key from the server log, then explains a weak password', async ({ page }) => {
  const key = /Setup key[^:]*: ([0-9a-f]{4}(?:-[0-9a-f]{4}){4})/.exec(log)?.[1];
  expect(key, 'the key is printed in the server log').toBeTruthy();

  await page.goto(`${base}/setup`);
  const keyField = page.getByLabel('Einrichtungsschlüssel');
  await expect(keyField).toBeVisible();
  await expectAccessible(page, 'setup with key');

  await page.getByLabel('Name der Kommune').fill('Nordstadt');
  await page.getByLabel('Ihr Name').fill('Nora Nord');
  await page.getByLabel('E-Mail').fill('nora@nordstadt.example');
  await keyField.fill('0000-0000-0000-0000-0000');
  await page.getByLabel('Passwort', { exact: true }).fill('Fluss-Weide-Bogen-8');
  await page.getByLabel('Passwort wiederholen').fill('Fluss-Weide-Bogen-8');
  await page.getByRole('button', { name: 'Einrichten' }).click();
  await expect(keyField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Der Einrichtungsschlüssel stimmt nicht').first()).toBeVisible();

  // the right key, but a password on the list of common ones: the server's reason, in German
  await keyField.fill(key!);
  await page.getByLabel('Passwort', { exact: true }).fill('Passwort1234!');
  await page.getByLabel('Passwort wiederholen').fill('Passwort1234!');
  await page.getByRole('button', { name: 'Einrichten' }).click();
  await expect(page.getByText('Dieses Passwort ist sehr verbreitet').first()).toBeVisible();
  await expectAccessible(page, 'setup with errors');

  // one built on the municipality's name is refused in the browser already
  await page.getByLabel('Passwort', { exact: true }).fill('Nordstadt-2026!');
  await page.getByLabel('Passwort wiederholen').fill('Nordstadt-2026!');
  await page.getByRole('button', { name: 'Einrichten' }).click();
  await expect(page.getByText('beruht auf Ihrer E-Mail-Adresse').first()).toBeVisible();

  await page.getByLabel('Passwort', { exact: true }).fill('Fluss-Weide-Bogen-8');
  await page.getByLabel('Passwort wiederholen').fill('Fluss-Weide-Bogen-8');
  await page.getByRole('button', { name: 'Einrichten' }).click();
  await expect(page).toHaveURL(new RegExp(`^${base}/$`), { timeout: 60_000 });

  // the key is spent: the API no longer asks for it, and setup is done
  expect(await (await page.request.get(`${base}/api/v1/setup`)).json()).toEqual({ needsSetup: false, tokenRequired: false });
});
