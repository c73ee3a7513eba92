import { test, expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ADMIN, ensureDemoSetup, expectAccessible, signIn } from './helpers';

// Issue 14 part 5, data protection: a member downloads their own data (JSON and PDF), an admin erases a
// workshop guest after the workshop (summary first, then the name typed to confirm), and the privacy
// page the admin writes is shown publicly — linked from the app's footer and from the guests' join page.

test.describe.configure({ mode: 'serial' });

const MIA = { name: 'Mia Mitglied', email: `mia.${randomBytes(3).toString('hex')}@musterstadt.example`, password: 'Kastanie-Brunnen-Laterne-4' };
const GUEST = `Greta Gast ${randomBytes(2).toString('hex')}`;
let workshop = { id: '', joinCode: '' };
let municipalityId = '';

test.beforeAll(async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await ensureDemoSetup(page);
  expect((await page.request.post('/api/v1/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } })).status()).toBe(200);
  expect((await page.request.post('/api/v1/users', { data: { email: MIA.email, name: MIA.name, role: 'coordinator', password: MIA.password } })).status()).toBe(201);
  municipalityId = (await (await page.request.get('/api/v1/auth/me')).json()).current.municipalityId;
  // A citizens' workshop a guest joined (by code, as on a phone); then it is over.
  const w = await (await page.request.post('/api/v1/workshops', { data: { title: 'Bürgerwerkstatt Aue', kind: 'citizens' } })).json();
  workshop = { id: w.id, joinCode: w.joinCode };
  const guest = await browser.newContext();
  expect((await guest.request.post(`/api/v1/join/${w.joinCode}`, { data: { name: GUEST } })).status()).toBeLessThan(300);
  await guest.close();
  const fresh = await (await page.request.get(`/api/v1/workshops/${w.id}`)).json();
  expect((await page.request.patch(`/api/v1/workshops/${w.id}`, { data: { status: 'done', version: fresh.version } })).status()).toBe(200);
  await ctx.close();
});

test('a member downloads her own data: JSON with her account, a PDF that opens', async ({ page }) => {
  await signIn(page, MIA.email, MIA.password);
  await page.goto('/profile');
  const section = page.getByRole('region', { name: 'Meine Daten' });
  await expect(section).toBeVisible();
  const [json] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Als JSON herunterladen' }).click()]);
  const data = JSON.parse(readFileSync((await json.path())!, 'utf8'));
  expect(data.account).toMatchObject({ name: MIA.name, email: MIA.email });
  expect(data.memberships[0]).toMatchObject({ municipality: 'Musterstadt', role: 'coordinator' });
  expect(JSON.stringify(data)).not.toMatch(/"(password_?hash|passwordHash|token_?hash|tokenHash|secret)"\s*:/i);
  const [pdf] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Als PDF herunterladen' }).click()]);
  const pdfPath = (await pdf.path())!;
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', [pdfPath, '-']).toString();
  expect(text).toContain('Auskunft über gespeicherte Daten');
  expect(text).toContain(MIA.email);
  await expectAccessible(page, 'profile with my data (de)');
});

test('an admin erases a guest after the workshop: summary, name typed to confirm, pseudonym shown', async ({ page }) => {
  await signIn(page);
  await page.goto(`/workshops/${workshop.id}?tab=participants`);
  await expect(page.getByRole('cell', { name: GUEST, exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Löschen (DS-GVO) : ${GUEST}` }).click();
  const dialog = page.getByRole('dialog', { name: `${GUEST} löschen` });
  await expect(dialog.getByText(/Der Name des Gastes wird überall durch „Gelöschte Person [0-9A-F]{4}“ ersetzt/)).toBeVisible();
  await expect(dialog.getByText('Workshop-Teilnahmen: 1')).toBeVisible();
  await expectAccessible(page, 'erasure dialog (de)');
  const erase = dialog.getByRole('button', { name: 'Endgültig löschen' });
  await expect(erase).toBeDisabled();
  await dialog.getByLabel(`Zur Bestätigung den Namen eintippen: ${GUEST}`).fill('Greta');
  await expect(erase).toBeDisabled();
  await dialog.getByLabel(`Zur Bestätigung den Namen eintippen: ${GUEST}`).fill(GUEST);
  await erase.click();
  await expect(page.getByText(new RegExp(`${GUEST} wurde gelöscht und heißt jetzt „Gelöschte Person [0-9A-F]{4}“`))).toBeVisible();
  await expect(page.getByRole('cell', { name: GUEST, exact: true })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: /^Gelöschte Person [0-9A-F]{4}$/ })).toBeVisible();
  // The audit trail lists the erasure, without the erased name.
  const trail = await (await page.request.get('/api/v1/audit/trail?kind=erasure')).json();
  expect(trail.items[0]).toMatchObject({ action: 'erasure', entityType: 'participant' });
  expect(JSON.stringify(trail.items[0])).not.toContain(GUEST);
});

test('an admin sees what erasing a member would change before deciding (and may cancel)', async ({ page }) => {
  await signIn(page);
  await page.goto('/admin/users');
  await expect(page.getByRole('link', { name: `Daten exportieren: ${MIA.name}` })).toBeVisible();
  await expectAccessible(page, 'users with export and erasure (de)');
  await page.getByRole('button', { name: `Löschen (DS-GVO): ${MIA.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `${MIA.name} löschen` });
  await expect(dialog.getByText(/Das Konto gehört nur zu dieser Kommune/)).toBeVisible();
  await expect(dialog.getByText(/Sitzungen, die beendet werden: \d+/)).toBeVisible();
  await expectAccessible(page, 'account erasure dialog (de)');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toHaveCount(0);
  // Nothing happened: Mia still signs in.
  expect((await page.request.post('/api/v1/auth/login', { data: { email: MIA.email, password: MIA.password } })).status()).toBe(200);
});

async function checkNarrow(page: Page, label: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
  await expectAccessible(page, `${label} at 390 px`);
}

test('the admin writes the privacy page; anyone reads it without signing in, also from the join page', async ({ page, browser }) => {
  await signIn(page);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Datenschutz' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Datenschutz' })).toBeVisible();
  await expect(page.getByText(/Auf die Seite gehören: wer verantwortlich ist/)).toBeVisible();
  await expectAccessible(page, 'privacy settings, empty (de)');
  await page.getByRole('button', { name: 'Gliederung einfügen' }).click();
  const text = page.getByLabel('Text der Datenschutzseite');
  await text.fill((await text.inputValue()).replace('[Name und Anschrift der Verwaltung]', 'Stadt Musterstadt, Markt 1, 01234 Musterstadt <script>alert(1)</script>'));
  await page.getByLabel('Nach wie vielen Tagen nach Workshop-Ende löschen').fill('60');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Gespeichert.')).toBeVisible();
  await expectAccessible(page, 'privacy settings, filled (de)');
  await page.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
  await expectAccessible(page, 'privacy settings (en)');
  await checkNarrow(page, 'privacy settings (en)');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'DE' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Datenschutz' })).toBeVisible();

  // Signed out: the footer's link target, public.
  const visitor = await browser.newContext({ locale: 'de-DE' });
  const pub = await visitor.newPage();
  await pub.goto(`/privacy/${municipalityId}`);
  await expect(pub.getByRole('heading', { level: 1, name: 'Datenschutz – Musterstadt' })).toBeVisible();
  await expect(pub.getByRole('heading', { level: 2, name: 'Verantwortlich' })).toBeVisible();
  // The admin's "<script>" is text, never markup.
  await expect(pub.getByText('Stadt Musterstadt, Markt 1, 01234 Musterstadt <script>alert(1)</script>')).toBeVisible();
  await expect(pub.getByText(/60 Tage nach dem Ende des Workshops gelöscht/)).toBeVisible();
  await expectAccessible(pub, 'public privacy page (de)');
  await pub.getByRole('button', { name: 'EN' }).click();
  await expect(pub.getByRole('heading', { level: 1, name: 'Privacy – Musterstadt' })).toBeVisible();
  await expectAccessible(pub, 'public privacy page (en)');
  await checkNarrow(pub, 'public privacy page (en)');
  await pub.getByRole('button', { name: 'DE' }).click();
  await expect(pub.getByRole('heading', { level: 1, name: 'Datenschutz – Musterstadt' })).toBeVisible();

  // A guest on the join page finds it by the workshop code.
  await pub.goto(`/join/${workshop.joinCode}`);
  await expectAccessible(pub, 'join page with the privacy link (de)');
  await pub.getByRole('link', { name: 'Datenschutz' }).click();
  await expect(pub).toHaveURL(new RegExp(`/privacy/workshop/${workshop.joinCode}$`));
  await expect(pub.getByRole('heading', { level: 2, name: 'Verantwortlich' })).toBeVisible();
  await visitor.close();

  // The app's footer links to the same page.
  await page.goto('/');
  await page.locator('footer.app-footer').getByRole('link', { name: 'Datenschutz' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Datenschutz – Musterstadt' })).toBeVisible();
});
