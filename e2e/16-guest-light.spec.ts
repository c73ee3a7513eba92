import { test, expect, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, ensureDemoSetup, expectAccessible } from './helpers';

// A workshop guest on a phone (390×844), in a brand-new browser: the light join entry, a clean console,
// the voting rules shown once and then folded so that the ballot is on the first screen.

async function openRound(request: APIRequestContext, title: string): Promise<{ code: string; roundId: string }> {
  expect((await request.post('/api/v1/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } })).status()).toBe(200);
  const w = await request.post('/api/v1/workshops', { data: { title, status: 'running', groups: [{ name: 'Gruppe Nord' }, { name: 'Gruppe Süd' }] } });
  expect(w.status()).toBe(201);
  const { id, joinCode } = await w.json();
  const r = await request.post(`/api/v1/workshops/${id}/rounds`, {
    data: { title: 'Was zuerst?', subject: 'options', options: ['Radweg an der Parthe', 'Dorfladen', 'Jugendtreff', 'Bürgerbus', 'Marktplatz'] },
  });
  expect(r.status()).toBe(201);
  const round = await r.json();
  expect((await request.post(`/api/v1/rounds/${round.id}/open`)).status()).toBe(200);
  return { code: joinCode, roundId: round.id };
}

/** Console errors and uncaught exceptions of a page, from its first request on. */
function consoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

test('a new guest joins with a clean console, the rules fold after the first view, the ballot is on the first screen', async ({ page, browser, baseURL }) => {
  await ensureDemoSetup(page);
  const { code } = await openRound(page.request, 'Dorfwerkstatt Leicht');

  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'de-DE', baseURL });
  const guest = await ctx.newPage();
  const problems = consoleProblems(guest);
  const scripts: string[] = [];
  guest.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));

  await guest.goto(`/join/${code}`);
  await expect(guest.getByRole('heading', { level: 1, name: /Dorfwerkstatt Leicht/ })).toBeVisible();
  await guest.getByLabel('Ihr Name').fill('Frau Gast');
  await guest.getByRole('radio', { name: 'Gruppe Nord' }).check();
  await guest.getByRole('button', { name: 'Beitreten' }).click();
  await expect(guest.getByText('Hallo Frau Gast')).toBeVisible();

  // first view: the rules are open, in plain words
  const rules = guest.locator('details.vote-rules');
  await expect(rules).toHaveAttribute('open', '');
  await expect(rules.getByRole('listitem').first()).toBeVisible();
  await guest.getByRole('button', { name: '+ Punkt : Dorfladen' }).click();
  await expect(guest.getByText('Noch 2 von 3 Punkten')).toBeVisible();
  await expect(guest.locator('.vote-item .dot.pending')).toHaveCount(0);
  await expectAccessible(guest, 'participant home, first view (390×844)');

  // the participant pages are their own light entry: none of the app's router or page chunks
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((s) => /^\/assets\/join-[\w-]+\.js$/.test(s)), scripts.join(', ')).toBe(true);

  // second view on this device: the rules are folded (one tap away), the first items are on the first screen
  await guest.reload();
  await expect(guest.getByText('Hallo Frau Gast')).toBeVisible();
  await expect(rules).not.toHaveAttribute('open');
  await expect(rules.locator('summary')).toBeVisible();
  await expect(guest.getByRole('button', { name: '+ Punkt : Radweg an der Parthe' })).toBeInViewport({ ratio: 1 });
  await expect(guest.getByRole('button', { name: '+ Punkt : Dorfladen' })).toBeInViewport({ ratio: 1 });
  await rules.locator('summary').click();
  await expect(rules).toHaveAttribute('open', '');
  await expect(rules.getByRole('listitem').first()).toBeVisible();
  await expectAccessible(guest, 'participant home, rules folded (390×844)');

  expect(problems, 'console errors of a new guest').toEqual([]);
  await ctx.close();
});

test('the light join entry: code page → workshop by client-side navigation, unknown code, back to the code page', async ({ page, browser, baseURL }) => {
  await ensureDemoSetup(page);
  const { code } = await openRound(page.request, 'Dorfwerkstatt Zwei');
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', baseURL });
  const guest = await ctx.newPage();
  const problems = consoleProblems(guest);

  await guest.goto('/join/ZZZ-999');
  await expect(guest.getByRole('alert')).toBeVisible();
  await guest.getByRole('link', { name: /anderen Code/i }).click();
  await expect(guest).toHaveURL(/\/join$/);
  await guest.getByLabel('Beitrittscode').fill(code.toLowerCase().replace('-', ' '));
  await guest.getByRole('button', { name: 'Weiter' }).click();
  await expect(guest).toHaveURL(new RegExp(`/join/${code}$`));
  await expect(guest.getByRole('heading', { level: 1, name: /Dorfwerkstatt Zwei/ })).toBeVisible();
  await guest.goBack();
  await expect(guest.getByLabel('Beitrittscode')).toBeVisible();
  // an unknown code is the page's expected answer (404), not a script error
  expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
  await ctx.close();
});
