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

  // second view on this device (the link opened again; a reload would keep the scroll position, now that the
  // page carries the home and draws it at once): the rules are folded (one tap away), the first items are on
  // the first screen
  await guest.goto(`/join/${code}`);
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

test('the join link carries the workshop: a new guest reaches the ballot with one API request, an acknowledged dot with two', async ({ page, browser, baseURL }) => {
  await ensureDemoSetup(page);
  const { code } = await openRound(page.request, 'Dorfwerkstatt Drei');
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'de-DE', baseURL });
  const guest = await ctx.newPage();
  const problems = consoleProblems(guest);
  const requests: string[] = [];
  guest.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`.replace(/\/rounds\/[^/]+\//, '/rounds/:id/')));
  const api = () => requests.filter((r) => r.includes('/api/'));
  // The ballot's live stream opens once the ballot is drawn; on connecting it tells the page to reload its home
  // (changes made in between), which runs beside the ballot and holds nothing up.
  const stream = `GET /api/v1/join/${code}/events`;
  const beforeStream = () => api().slice(0, api().indexOf(stream));

  await guest.goto(`/join/${code}`);
  await expect(guest.getByRole('heading', { level: 1, name: /Dorfwerkstatt Drei/ })).toBeVisible();
  await guest.getByLabel('Ihr Name').fill('Herr Schnell');
  await guest.getByRole('button', { name: 'Beitreten' }).click();
  await guest.getByRole('button', { name: '+ Punkt : Jugendtreff' }).click();
  await expect(guest.getByText('Noch 2 von 3 Punkten')).toBeVisible();
  await expect(guest.locator('.vote-item .dot')).toHaveCount(1);
  await expect(guest.locator('.vote-item .dot.pending')).toHaveCount(0);

  // the page, its script and stylesheet, then the join alone up to the ballot: no GET /join/<code>, no GET /me
  expect(requests.filter((r) => !r.includes('/api/')).map((r) => r.replace(/-[\w-]+\.(js|css)$/, '.$1'))).toEqual([
    `GET /join/${code}`,
    'GET /assets/join.js',
    'GET /assets/join.css',
  ]);
  expect(api()).toContain(stream);
  expect(beforeStream()).toEqual([`POST /api/v1/join/${code}`]);
  expect(api().filter((r) => r !== stream && !r.endsWith('/me'))).toEqual([`POST /api/v1/join/${code}`, 'POST /api/v1/rounds/:id/dots']);
  expect(problems).toEqual([]);

  // opened again, the device's home comes with the page: no API request before the ballot
  requests.length = 0;
  await guest.goto(`/join/${code}`);
  await expect(guest.getByText('Hallo Herr Schnell')).toBeVisible();
  await expect(guest.getByText('Noch 2 von 3 Punkten')).toBeVisible();
  await expect.poll(() => api().includes(stream)).toBe(true);
  expect(beforeStream()).toEqual([]);
  await ctx.close();
});

test('an unknown code opened by link says so at once, in German and English', async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', baseURL });
  const guest = await ctx.newPage();
  const api: string[] = [];
  guest.on('request', (r) => r.url().includes('/api/') && api.push(r.url()));
  const res = await guest.goto('/join/QQQ-777');
  expect(res?.status()).toBe(404);
  await expect(guest.getByRole('alert')).toHaveText('Zu diesem Code gibt es keinen Workshop. Bitte prüfen Sie den Code.');
  await expectAccessible(guest, 'unknown join code (de, 390×844)');
  await guest.getByRole('button', { name: 'EN' }).click();
  await expect(guest.getByRole('alert')).toHaveText('There is no workshop with this code. Please check the code.');
  await expectAccessible(guest, 'unknown join code (en, 390×844)');
  expect(api).toEqual([]);
  await ctx.close();
});
