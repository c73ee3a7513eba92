import { test, expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ADMIN, ensureDemoSetup, expectAccessible, signIn } from './helpers';
import { totp } from '../domain/totp';

// Issue 14: optional two-factor sign-in, one's sessions, and the admins' audit trail. A second admin of
// Musterstadt (created here, so that the other journeys keep signing in as Anna with her password alone)
// turns two-factor sign-in on, signs in with a code from "her app" (computed here from the key the page
// shows), ends a session on another device, and reads and exports the audit trail.

test.describe.configure({ mode: 'serial' });

const BEA = { name: 'Bea Sicher', email: `bea.sicher.${randomBytes(3).toString('hex')}@musterstadt.example`, password: 'Linde-Gleis-Tulpe-Rathaus-7' };
let secret = '';
let recoveryCodes: string[] = [];
const now = () => Date.now() / 1000;

async function passwordStep(page: Page, email: string, password: string, submit = 'Anmelden') {
  await page.goto('/login');
  await page.getByLabel(/^E-Mail|^E-mail/).fill(email);
  await page.getByLabel(/^Passwort$|^Password$/).fill(password);
  await page.getByRole('button', { name: submit }).click();
}

test.beforeAll(async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await ensureDemoSetup(page);
  expect((await page.request.post('/api/v1/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } })).status()).toBe(200);
  const res = await page.request.post('/api/v1/users', { data: { email: BEA.email, name: BEA.name, role: 'admin', password: BEA.password } });
  expect(res.status()).toBe(201);
  await ctx.close();
});

test('an admin turns on two-factor sign-in from her profile', async ({ page }) => {
  await signIn(page, BEA.email, BEA.password);
  await page.goto('/profile');
  const section = page.getByRole('region', { name: 'Anmeldung mit zweitem Faktor' });
  await expect(section.getByText('Ausgeschaltet.', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Angemeldete Geräte' }).getByText('(Dieses Gerät)')).toBeVisible();
  await expectAccessible(page, 'profile with two-factor and sessions');
  await section.getByRole('button', { name: 'Einrichten' }).click();
  await expect(section.getByRole('img', { name: 'QR-Code zum Einrichten der Authenticator-App' })).toBeVisible();
  secret = (await section.getByTestId('two-factor-secret').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectAccessible(page, 'two-factor setup with QR code');
  // A wrong code first: said at the field.
  await section.getByLabel('Code aus der App').fill(totp(secret, now() - 300));
  await section.getByRole('button', { name: 'Bestätigen und einschalten' }).click();
  await expect(section.getByText('Der Code stimmt nicht.', { exact: false })).toBeVisible();
  await section.getByLabel('Code aus der App').fill(totp(secret, now()));
  await section.getByRole('button', { name: 'Bestätigen und einschalten' }).click();
  await expect(section.getByRole('heading', { name: 'Ihre Wiederherstellungscodes' })).toBeVisible();
  recoveryCodes = (await section.getByTestId('recovery-codes').getByRole('listitem').allInnerTexts()).map((c) => c.trim());
  expect(recoveryCodes).toHaveLength(10);
  await expectAccessible(page, 'recovery codes');
  await section.getByRole('button', { name: 'Ich habe die Codes gesichert' }).click();
  await expect(section.getByText('Eingeschaltet.', { exact: true })).toBeVisible();
  await expect(section.getByText('Verbleibende Wiederherstellungscodes: 10')).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/login/);
});

test('she signs out and in again with a code; on another device with a recovery code; and ends that session', async ({ page, browser }) => {
  await passwordStep(page, BEA.email, BEA.password); // now the password alone does not sign in
  await expect(page.getByRole('heading', { name: 'Zweiter Faktor' })).toBeVisible();
  await expectAccessible(page, 'second sign-in step');
  // The code of the next step (the current one was spent on confirming; each code works once).
  await page.getByLabel('Code', { exact: true }).fill(totp(secret, now() + 30));
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('banner')).toBeVisible();

  const other = await browser.newContext();
  const phone = await other.newPage();
  await passwordStep(phone, BEA.email, BEA.password);
  await phone.getByLabel('Code', { exact: true }).fill(recoveryCodes[0]);
  await phone.getByRole('button', { name: 'Anmelden' }).click();
  await expect(phone.getByRole('banner')).toBeVisible();

  await page.goto('/profile');
  const sessions = page.getByRole('region', { name: 'Angemeldete Geräte' });
  await expect(sessions.getByTestId('session-row')).toHaveCount(2);
  await expect(page.getByText('Verbleibende Wiederherstellungscodes: 9')).toBeVisible();
  await sessions.getByRole('button', { name: /^Sitzung .* beenden$/ }).click();
  await expect(sessions.getByText('Die Sitzung wurde beendet.')).toBeVisible();
  await expect(sessions.getByTestId('session-row')).toHaveCount(1);
  await phone.reload();
  await expect(phone).toHaveURL(/\/login/);
  await other.close();
});

test('the audit trail shows the sign-ins and exports them as CSV', async ({ page }) => {
  await passwordStep(page, BEA.email, BEA.password);
  await page.getByLabel('Code', { exact: true }).fill(recoveryCodes[1]);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('banner')).toBeVisible();
  await page.getByRole('navigation', { name: /Hauptnavigation|Haupt/ }).getByRole('link', { name: 'Protokoll' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible();
  await page.getByLabel('Art').selectOption('sign_in');
  await page.getByLabel('Person').selectOption({ label: BEA.name });
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(page).toHaveURL(/kind=sign_in/);
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toContainText('Anmeldung');
  await expect(rows.first()).toContainText(BEA.name);
  await expect(rows.filter({ hasText: 'method: recovery' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: 'method: totp' }).first()).toBeVisible();
  await expectAccessible(page, 'audit trail');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV exportieren' }).click();
  const file = readFileSync(await (await download).path());
  expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = file.toString('utf8');
  expect(text).toContain('Zeit;Ereignis;Person;Objekt;Objekt-ID;Einzelheiten');
  expect(text).toContain(`;Anmeldung;${BEA.name};Konto;`);
  // The export itself is in the trail.
  await page.getByLabel('Art').selectOption('export');
  await page.getByLabel('Person').selectOption('');
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(rows.first()).toContainText('Export');
  await expect(rows.first()).toContainText('format: csv');
});

test('in English: the profile sections, the second step and the audit trail pass axe', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'en-GB' });
  await ctx.addInitScript(() => localStorage.setItem('rf.locale', 'en'));
  const page = await ctx.newPage();
  await passwordStep(page, BEA.email, BEA.password, 'Sign in');
  await expect(page.getByRole('heading', { name: 'Second factor' })).toBeVisible();
  await expectAccessible(page, 'second sign-in step, English');
  await page.getByLabel('Code', { exact: true }).fill(recoveryCodes[2]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toBeVisible();
  // Her account's language decides after signing in: make it English.
  await page.request.patch('/api/v1/auth/profile', { data: { locale: 'en' } });
  await page.goto('/profile');
  await expect(page.getByRole('region', { name: 'Two-factor sign-in' }).getByText('On.', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Signed-in devices' })).toBeVisible();
  await expectAccessible(page, 'profile with two-factor and sessions, English');
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await expectAccessible(page, 'audit trail, English');
  await page.request.patch('/api/v1/auth/profile', { data: { locale: 'de' } });
  await ctx.close();
});
