import { test, expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { ensureDemoSetup, expectAccessible, signIn } from './helpers';

const pairTitle = async (card: ReturnType<Page['locator']>) => (await card.getByRole('heading').textContent())!;

test('synergies: a department sees pairs with reasons, confirms one (shown on the measure), dismisses one (stays away)', async ({ page }) => {
  await ensureDemoSetup(page);
  await signIn(page);
  await page.getByRole('link', { name: 'Synergien' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Synergien' })).toBeVisible();
  await page.getByLabel('Amt', { exact: true }).selectOption({ label: 'Tiefbauamt' });
  await expect(page).toHaveURL(/department=/);
  const cards = page.locator('li.synergy-pair');
  await expect(cards.first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Offene Paare – \d+ Paare/ })).toBeVisible();
  // every pair shows its score and reasons in words
  await expect(cards.first().getByText(/Übereinstimmung \d+ von 100/)).toBeVisible();
  await expect(cards.first().getByRole('listitem').filter({ hasText: /Gleicher Stadtteil|Gemeinsame Ziele|Gemeinsame Handlungsfelder|Ähnlicher Text/ }).first()).toBeVisible();
  // the default minimum shows what is worth a conversation (issue 12): every listed pair scores at least 70
  await expect(page.getByLabel('Mindestwert')).toHaveValue('70');
  for (const text of await cards.getByText(/Übereinstimmung \d+ von 100/).allTextContents()) expect(Number(text.match(/\d+/)![0])).toBeGreaterThanOrEqual(70);
  await expect(page.getByRole('link', { name: 'Was andere Ämter in den Stadtteilen von „Tiefbauamt“ planen' })).toBeVisible();
  await expectAccessible(page, 'synergies');

  // confirm the best pair: it leaves the open list and appears on both measures' pages
  const first = cards.first();
  const confirmed = await pairTitle(first);
  const [, a, b] = confirmed.match(/^Paar: (.+) und (.+)$/)!;
  await first.getByRole('button', { name: 'Als verwandt verknüpfen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'jetzt als verwandt verknüpft' })).toBeVisible();
  await expect(page.getByRole('heading', { name: confirmed, exact: true })).toHaveCount(0);
  await page.getByLabel('Anzeigen').selectOption({ label: 'Verknüpfte Paare' });
  await expect(page.getByRole('heading', { name: confirmed, exact: true })).toBeAttached();
  await page.locator('li.synergy-pair').filter({ has: page.getByRole('heading', { name: confirmed, exact: true }) }).getByRole('link', { name: new RegExp(`: ${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: a })).toBeVisible();
  const related = page.getByRole('region', { name: 'Verwandte Maßnahmen' });
  await expect(related.getByRole('link', { name: new RegExp(b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
  await expectAccessible(page, 'measure with related measures');

  // dismiss the now best open pair; after a reload it is still gone, and listed as dismissed
  await page.goBack();
  await page.getByLabel('Anzeigen').selectOption({ label: 'Offene Paare' });
  await expect(page.locator('li.synergy-pair').first()).toBeVisible();
  const dismissed = await pairTitle(page.locator('li.synergy-pair').first());
  await page.locator('li.synergy-pair').first().getByRole('button', { name: 'Verwerfen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'wurde verworfen' })).toBeVisible();
  await page.reload();
  await expect(page.locator('li.synergy-pair').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: dismissed, exact: true })).toHaveCount(0);
  await page.getByLabel('Anzeigen').selectOption({ label: 'Verworfene Paare' });
  const dismissedCard = page.locator('li.synergy-pair').filter({ has: page.getByRole('heading', { name: dismissed, exact: true }) });
  await expect(dismissedCard.getByText(/Verworfen von Anna Admin am/)).toBeVisible();
  await expect(dismissedCard.getByRole('button', { name: 'Wiederherstellen' })).toBeVisible();
  await expectAccessible(page, 'dismissed pairs');
});

test('a department head finds what other departments plan in their districts: from the navigation, on their own department', async ({ page }) => {
  await ensureDemoSetup(page);
  await signIn(page);
  const concept = await (await page.request.get('/api/v1/concept')).json();
  const roads = concept.departments.find((d: { name: string }) => d.name === 'Tiefbauamt');
  const head = { email: `tiefbau.${randomBytes(3).toString('hex')}@musterstadt.example`, name: 'Theo Tiefbau', password: 'Tiefbau-Stadtteile-2026' };
  expect((await page.request.post('/api/v1/users', { data: { ...head, role: 'department', departmentId: roads.id } })).status()).toBe(201);
  await page.context().clearCookies();
  await signIn(page, head.email, head.password);

  await page.getByRole('navigation').getByRole('link', { name: 'Andere Ämter in meinen Stadtteilen' }).click();
  await expect(page).toHaveURL(/\/synergies\/my-districts$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Was andere Ämter in den Stadtteilen von „Tiefbauamt“ planen' })).toBeVisible();
  await expect(page.getByLabel('Amt', { exact: true })).toHaveValue(roads.id);
  // one section per district of the department's measures, each other department's measure with lead, status and period
  const altstadt = page.getByRole('region', { name: /^Altstadt: \d+ eigene, \d+ von anderen Ämtern$/ });
  await expect(altstadt.getByRole('link', { name: /Umgestaltung des Marktplatzes/ })).toBeVisible();
  await expect(altstadt.getByRole('listitem').filter({ hasText: 'Umgestaltung des Marktplatzes' })).toContainText(/Amt für Stadtentwicklung und Stadtplanung; .+; \d\d\.\d\d\.\d{4} – \d\d\.\d\d\.\d{4}/);
  await expectAccessible(page, 'other departments in my districts');
  // from here to the department's pairs, which open on the same department
  await page.getByRole('link', { name: 'Synergie-Paare dieses Amtes' }).click();
  await expect(page.getByLabel('Amt', { exact: true })).toHaveValue(roads.id);
  // and from the department page
  await page.goto(`/departments?department=${roads.id}`);
  await page.getByRole('link', { name: 'Was andere Ämter in diesen Stadtteilen planen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Was andere Ämter in den Stadtteilen von „Tiefbauamt“ planen' })).toBeVisible();
  // the same in English
  await page.getByRole('button', { name: /English|EN/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'What other departments plan in the districts of “Tiefbauamt”' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Other departments in my districts' })).toBeVisible();
  await expectAccessible(page, 'other departments in my districts (en)');
  await page.getByRole('button', { name: /Deutsch|DE/ }).first().click();
});

test('map: districts coloured by number or cost, a district chosen by keyboard lists its measures; no tile is fetched', async ({ page }) => {
  await ensureDemoSetup(page);
  await signIn(page);
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) foreign.push(r.url());
  });
  await page.getByRole('link', { name: 'Karte', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Karte' })).toBeVisible();
  const map = page.getByRole('group', { name: /Karte der Stadtteile, eingefärbt nach Anzahl der Maßnahmen/ });
  await expect(map.getByRole('button', { name: /^Altstadt: \d+ Maßnahmen, [\d.]+ €$/ })).toBeVisible();
  expect(await map.getByRole('button').count()).toBeGreaterThanOrEqual(8);
  await expect(page.getByRole('table', { name: 'Stadtteile mit Anzahl und Kosten der Maßnahmen' })).toBeVisible();
  await expectAccessible(page, 'map by number');

  // colour by cost: the legend switches to euros
  // the mode lives in the URL: wait for the rendered state rather than reading it right after the click
  await page.getByRole('radio', { name: 'Kosten' }).click();
  await expect(page.getByRole('radio', { name: 'Kosten' })).toBeChecked();
  await expect(page.getByRole('group', { name: /eingefärbt nach Kosten/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Legende: Kosten' })).toBeVisible();
  await expect(page.locator('.map-legend li').nth(1)).toContainText('€');
  // keyboard: from the switch, Tab reaches the first district (Altstadt), Enter selects it
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', /^Altstadt: /);
  await page.keyboard.press('Enter');
  const selected = page.getByRole('region', { name: 'Maßnahmen in Altstadt' });
  await expect(selected.getByRole('link').first()).toBeVisible();
  await expect(map.or(page.getByRole('group', { name: /eingefärbt nach Kosten/ })).getByRole('button', { name: /^Altstadt:/ })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page, 'map by cost with a district selected');
  await selected.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/measures\/[0-9a-f-]{36}$/);

  // without MAP_TILE_URL the map draws no base map and asks no other server for anything
  await page.goBack();
  await expect(page.locator('svg.district-map')).toBeVisible();
  expect(await page.locator('svg.district-map image').count()).toBe(0);
  expect(foreign).toEqual([]);
});
