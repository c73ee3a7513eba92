import { test, expect } from '@playwright/test';
import { ensureDemoSetup, expectAccessible, signIn } from './helpers';

test('API token: created in the profile, shown once, used by a script with the Authorization header, revoked → 401', async ({ page, context }) => {
  test.slow(); // the first-run setup when alone, and two axe runs
  await ensureDemoSetup(page);
  await signIn(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/profile');
  const section = page.getByRole('region', { name: 'API-Tokens' });
  await expect(section).toBeVisible();
  await expectAccessible(page, 'profile with API tokens');

  const name = `Haushaltsexport ${Date.now()}`;
  await section.getByRole('button', { name: 'Token erstellen' }).click();
  await expect(section.getByText('Bitte ausfüllen')).toBeVisible();
  await section.getByLabel('Name des Tokens').fill(name);
  await section.getByLabel('Gültig').selectOption({ label: '30 Tage' });
  await section.getByLabel(/Nur lesen/).uncheck();
  await section.getByRole('button', { name: 'Token erstellen' }).click();

  const created = section.getByTestId('token-created');
  await expect(created).toContainText(`Ihr neues Token „${name}“`);
  const secret = await created.getByLabel('API-Token').inputValue();
  expect(secret).toMatch(/^rf_[A-Za-z0-9_-]{43}$/);
  await created.getByRole('button', { name: 'Kopieren' }).click();
  await expect(created).toContainText('In die Zwischenablage kopiert.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  const row = section.getByTestId('token-row').filter({ hasText: name });
  await expect(row).toContainText('lesen und schreiben');
  await expect(row).toContainText('noch nie');
  await expectAccessible(page, 'profile with a new token');

  // Shown once: after "done" and a reload the secret is nowhere on the page.
  await created.getByRole('button', { name: /Fertig/ }).click();
  await page.reload();
  await expect(section.getByTestId('token-row').filter({ hasText: name })).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  // A script: the header alone decides who acts (a wrong token is refused even beside the session cookie).
  const auth = { authorization: `Bearer ${secret}` };
  const me = await page.request.get('/api/v1/auth/me', { headers: auth });
  expect(me.status()).toBe(200);
  expect((await me.json()).current.role).toBe('admin');
  const list = await page.request.get('/api/v1/measures?pageSize=1', { headers: auth });
  expect(list.status()).toBe(200);
  expect((await list.json()).total).toBeGreaterThan(0);
  expect((await page.request.get('/api/v1/measures', { headers: { authorization: 'Bearer rf_falsch' } })).status()).toBe(401);
  expect((await page.request.get('/api/v1/tokens', { headers: auth })).status()).toBe(403);

  await page.reload();
  await expect(section.getByTestId('token-row').filter({ hasText: name })).not.toContainText('noch nie');
  await section.getByRole('button', { name: `Token „${name}“ widerrufen` }).click();
  const dialog = page.getByRole('dialog', { name: `Token „${name}“ widerrufen?` });
  await dialog.getByRole('button', { name: 'Widerrufen' }).click();
  await expect(section).toContainText(`Das Token „${name}“ ist widerrufen.`);
  await expect(section.getByTestId('token-row').filter({ hasText: name })).toHaveCount(0);

  const after = await page.request.get('/api/v1/measures', { headers: auth });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe('invalid_token');
});
