import AxeBuilder from '@axe-core/playwright';
import { devices, expect, test, type Browser, type Locator, type Page } from '@playwright/test';

export const ADMIN = { name: 'Anna Admin', email: 'anna.admin@musterstadt.example', password: 'Rathaus-Linde-Fahrrad-26' };

/** WCAG 2.1 AA (BITV 2.0): axe must report no violations on the page as it is now. */
export async function expectAccessible(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export async function signIn(page: Page, email = ADMIN.email, password = ADMIN.password) {
  await page.goto('/login');
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('banner')).toBeVisible();
}

/** Lets a journey run alone as well as after the others: the first-run setup with demo data, only when still needed. */
export async function ensureDemoSetup(page: Page) {
  const status = await (await page.request.get('/api/v1/setup')).json();
  if (!status.needsSetup) return;
  const res = await page.request.post('/api/v1/setup', {
    data: { municipalityName: 'Musterstadt', adminName: ADMIN.name, adminEmail: ADMIN.email, password: ADMIN.password, demoData: true },
    timeout: 60_000,
  });
  expect(res.status()).toBe(201);
  await page.context().clearCookies(); // journeys sign in themselves
}

/** A participant on a phone: own browser context (own device cookie), German, touch; joins by the workshop code. */
export async function phone(browser: Browser, code: string, name: string): Promise<Page> {
  const ctx = await browser.newContext({ ...devices['Pixel 7'], locale: 'de-DE', baseURL: test.info().project.use.baseURL });
  const page = await ctx.newPage();
  await page.goto('/join');
  await page.getByLabel('Beitrittscode').fill(code);
  await page.getByRole('button', { name: /Weiter|Beitreten/ }).first().click();
  await page.getByLabel('Ihr Name').fill(name);
  await page.getByRole('button', { name: 'Beitreten' }).click();
  await expect(page.getByText(`Hallo ${name}`)).toBeVisible();
  return page;
}

/**
 * axe in German, then in English, then German again: the header's language buttons (signed in, the choice
 * is kept on the account, so the switch back waits for that save). `english`: something that shows once
 * the page is in English (server-rendered text can follow the saved locale a moment later).
 */
export async function expectAccessibleInBothLanguages(page: Page, label: string, english?: Locator) {
  await expectAccessible(page, `${label} (de)`);
  const banner = page.getByRole('banner');
  const saved = () => page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/profile') && r.request().method() === 'PATCH');
  let save = saved();
  await banner.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'EN', exact: true }).click();
  await save;
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  if (english) await expect(english).toBeVisible();
  await expectAccessible(page, `${label} (en)`);
  save = saved();
  await banner.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'DE', exact: true }).click();
  await save;
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
}
