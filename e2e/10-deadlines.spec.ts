import { test, expect } from '@playwright/test';
import { ensureDemoSetup, expectAccessible, signIn } from './helpers';

const inDays = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const german = (iso: string) => iso.split('-').reverse().join('.');

test('deadlines: a planned application shows in the calendar by month, the iCal subscription holds it, in German and English', async ({ page }) => {
  await ensureDemoSetup(page);
  await signIn(page);
  // a measure with a budget application still in preparation, due in 20 days (set up through the API)
  const created = await page.request.post('/api/v1/measures', { data: { title: 'Trinkbrunnen am Marktplatz', costCents: 4_000_000 } });
  expect(created.status()).toBe(201);
  const measure = await created.json();
  const due = inDays(20);
  const plan = await page.request.put(`/api/v1/measures/${measure.id}/funding-plan`, {
    data: { version: 0, sources: [{ kind: 'third_party', label: 'Stiftung Stadtbild', status: 'preparing', applicationDeadline: due, amounts: { [due.slice(0, 4)]: 2_000_000 } }] },
  });
  expect(plan.status()).toBe(200);

  await page.goto('/');
  await page.getByRole('navigation').getByRole('link', { name: 'Antragsfristen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Antragsfristen' })).toBeVisible();
  const month = new Date(`${due}T12:00:00Z`).toLocaleDateString('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const section = page.getByRole('region', { name: month });
  const item = section.getByRole('listitem').filter({ hasText: 'Trinkbrunnen am Marktplatz' });
  await expect(item).toContainText(german(due));
  await expect(item).toContainText('in 20 Tagen');
  await expect(item).toContainText('Stiftung Stadtbild');
  await expect(item).toContainText('in Vorbereitung');
  await expectAccessible(page, 'deadlines');

  // a period that ends before the deadline leaves it out
  await page.getByLabel('bis').fill(inDays(10));
  await page.getByRole('button', { name: 'Anzeigen', exact: true }).click();
  await expect(page).toHaveURL(/to=/);
  await expect(page.getByText('Trinkbrunnen am Marktplatz')).toHaveCount(0);
  await page.goto('/funding/deadlines');

  // the calendar subscription: the secret address is shown once when created; the feed holds the deadline
  const create = page.getByRole('button', { name: 'Abo-Adresse erzeugen' });
  const regenerate = page.getByRole('button', { name: 'Neue Adresse erzeugen' });
  await expect(create.or(regenerate)).toBeVisible();
  const address = page.getByLabel(/Abo-Adresse \(nur jetzt sichtbar/);
  if (await create.isVisible()) await create.click();
  else {
    // another run created the feed already: a new address replaces it
    await page.getByRole('button', { name: 'Neue Adresse erzeugen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Neue Adresse erzeugen' }).click();
  }
  const url = await address.inputValue();
  expect(url).toMatch(/\/api\/v1\/funding\/calendar\/[\w-]+\.ics$/);
  const ics = await page.request.get(url, { headers: { cookie: '' } });
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const text = await ics.text();
  expect(text).toContain('BEGIN:VCALENDAR');
  expect(text).toContain(`DTSTART;VALUE=DATE:${due.replaceAll('-', '')}`);
  expect(text.replace(/\r\n /g, '')).toContain('Trinkbrunnen am Marktplatz');
  await expectAccessible(page, 'deadlines with the subscription address');

  // later visits only say that a subscription exists; a renewed address replaces the old one
  await page.reload();
  await expect(page.getByText(/Ein Abo besteht seit/)).toBeVisible();
  await regenerate.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Neue Adresse erzeugen' }).click();
  const renewed = await address.inputValue();
  expect(renewed).not.toBe(url);
  expect((await page.request.get(url)).status()).toBe(404);
  expect((await page.request.get(renewed)).status()).toBe(200);

  await page.getByRole('button', { name: /English|EN/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Application deadlines' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Trinkbrunnen am Marktplatz' })).toContainText('in 20 days');
  await page.getByRole('button', { name: /Deutsch|DE/ }).first().click();
});
