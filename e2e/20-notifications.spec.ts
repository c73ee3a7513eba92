import { test, expect } from '@playwright/test';
import { ADMIN, ensureDemoSetup, expectAccessible, signIn } from './helpers';

/**
 * Issue 14, notifications: a department member is told when their department is made lead of a measure,
 * sees the unread count on the bell, reads it, and chooses per kind how e-mails come; the admin's outbox.
 * axe on every new page in German and English, and the phone width.
 */
test('notifications: made lead → bell count → read → preferences; the admin outbox', async ({ page, browser }) => {
  test.slow(); // setup when alone, two users, many axe runs
  await ensureDemoSetup(page);
  await signIn(page);
  const stamp = Date.now().toString(36);
  const deptName = `Amt für Lärmschutz ${stamp}`;
  const user = { name: `Lena Lärm ${stamp}`, email: `lena.${stamp}@musterstadt.example`, password: 'Leise-Gleise-Bahnhof-26' };
  const dept = await (await page.request.post('/api/v1/departments', { data: { name: deptName } })).json();
  expect((await page.request.post('/api/v1/users', { data: { ...user, role: 'department', departmentId: dept.id } })).status()).toBe(201);
  const measure = await (await page.request.post('/api/v1/measures', { data: { title: `Lärmschutzwand am Bahnhof ${stamp}` } })).json();

  // the admin makes the department lead, on the measure's form
  await page.goto(`/measures/${measure.id}/edit`);
  await page.getByLabel('Federführendes Amt').selectOption({ label: deptName });
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page).toHaveURL(new RegExp(`/measures/${measure.id}$`));

  // the admin's own outbox (no SMTP configured here: said plainly)
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'E-Mail-Postausgang' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'E-Mail-Postausgang' })).toBeVisible();
  await expect(page.getByText('Es ist kein SMTP-Server eingerichtet')).toBeVisible();
  await expectAccessible(page, 'mail outbox (de)');

  // the department member signs in: the bell says there is one unread
  const ctx = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'de-DE' });
  const lena = await ctx.newPage();
  await signIn(lena, user.email, user.password);
  const bell = lena.getByRole('banner').getByRole('link', { name: 'Benachrichtigungen, 1 ungelesen' });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(lena.getByRole('heading', { level: 1, name: 'Benachrichtigungen' })).toBeVisible();
  const item = lena.getByTestId('notification').filter({ hasText: measure.title });
  await expect(item).toContainText(`Ihr Amt ${deptName} ist jetzt federführend für Maßnahme Nr. ${measure.number} „${measure.title}“.`);
  await expect(item).toContainText('ungelesen');
  await expectAccessible(lena, 'notifications (de)');

  // read it: the count goes, the link leads to the measure
  await item.getByRole('button', { name: /Als gelesen markieren/ }).click();
  await expect(lena.getByText('Als gelesen markiert.')).toBeVisible();
  await expect(lena.getByRole('banner').getByRole('link', { name: 'Benachrichtigungen', exact: true })).toBeVisible();
  await expect(item).not.toContainText('ungelesen');
  await item.getByRole('link', { name: new RegExp(measure.title) }).click();
  await expect(lena).toHaveURL(new RegExp(`/measures/${measure.id}$`));

  // preferences in the profile: one kind to the daily digest, one off; kept after a reload
  await lena.goto('/profile#notifications');
  const prefs = lena.getByRole('region', { name: 'Benachrichtigungen per E-Mail' });
  await expect(prefs).toBeVisible();
  await prefs.getByRole('group', { name: 'Federführung für eine Maßnahme übertragen' }).getByLabel('tägliche Zusammenfassung').check();
  await prefs.getByRole('group', { name: 'Antragsfristen (Förderung)' }).getByLabel('aus').check();
  await prefs.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await expect(prefs.getByText('Einstellungen gespeichert.')).toBeVisible();
  await expectAccessible(lena, 'profile with notification preferences (de)');
  await lena.reload();
  await expect(prefs.getByRole('group', { name: 'Federführung für eine Maßnahme übertragen' }).getByLabel('tägliche Zusammenfassung')).toBeChecked();
  await expect(prefs.getByRole('group', { name: 'Antragsfristen (Förderung)' }).getByLabel('aus')).toBeChecked();
  const saved = await (await lena.request.get('/api/v1/notifications/preferences')).json();
  expect(saved.preferences.filter((p: { mode: string; default: string }) => p.mode !== p.default).map((p: { kind: string; mode: string }) => `${p.kind}=${p.mode}`).sort()).toEqual(
    ['funding_deadline=off', 'measure_lead_assigned=digest'],
  );

  // English: the same pages, axe again
  await lena.getByRole('banner').getByRole('button', { name: 'EN', exact: true }).click();
  await expect(prefs).toHaveCount(0);
  await expect(lena.getByRole('region', { name: 'Notifications by e-mail' })).toBeVisible();
  await expectAccessible(lena, 'profile with notification preferences (en)');
  await lena.goto('/notifications');
  await expect(lena.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(lena.getByTestId('notification').filter({ hasText: measure.title })).toContainText(`Your department ${deptName} now leads measure no. ${measure.number}`);
  await expectAccessible(lena, 'notifications (en)');

  // a phone: the bell stays in the header's one row, nothing scrolls sideways
  await lena.setViewportSize({ width: 390, height: 844 });
  await lena.reload();
  await expect(lena.getByRole('banner').getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  expect(await lena.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(lena, 'notifications (en, 390 px)');
  await lena.getByRole('banner').getByRole('button', { name: 'Menu', exact: true }).click();
  await lena.getByRole('banner').getByRole('button', { name: 'DE', exact: true }).click();
  await ctx.close();

  // the admin's outbox in English, and on a phone
  await page.getByRole('banner').getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'E-mail outbox' })).toBeVisible();
  await expectAccessible(page, 'mail outbox (en)');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page, 'mail outbox (en, 390 px)');
  // the unsubscribe page of the e-mails (opened without sign-in; a link that is not valid shows the same page with its reason)
  for (const [lang, heading] of [['de', 'E-Mails abbestellen'], ['en', 'Unsubscribe from e-mails']]) {
    const res = await page.goto(`/api/v1/notifications/unsubscribe?token=kein.gueltiges-token&lang=${lang}`);
    expect(res?.status()).toBe(400);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page, `unsubscribe page (${lang}, 390 px)`);
  }
  await page.goto('/admin/mail-outbox');
  // the admin's language back to German for the journeys after this one (on the phone, inside the menu)
  await page.getByRole('banner').getByRole('button', { name: 'Menu', exact: true }).click();
  await page.getByRole('banner').getByRole('button', { name: 'DE', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'E-Mail-Postausgang' })).toBeVisible();
});

test('invite by e-mail: an account of another municipality is invited, not added, and joins on accepting', async ({ page, browser }) => {
  test.slow();
  await ensureDemoSetup(page);
  await signIn(page);
  const stamp = Date.now().toString(36);
  const paul = { name: `Paul Pendler ${stamp}`, email: `paul.${stamp}@musterstadt.example`, password: 'Pendel-Zug-Nachbar-26' };
  expect((await page.request.post('/api/v1/users', { data: { ...paul, role: 'reader' } })).status()).toBe(201);
  // the admin's second municipality, and the admin there
  const neighbour = `Nachbarort ${stamp}`;
  const made = await (await page.request.post('/api/v1/municipalities', { data: { name: neighbour, defaultStructure: false } })).json();
  const neighbourId = made.memberships.find((m: { municipalityName: string }) => m.municipalityName === neighbour).municipalityId;
  const home = made.current.municipalityId;
  expect((await page.request.post('/api/v1/auth/switch', { data: { municipalityId: neighbourId } })).status()).toBe(200);

  await page.goto('/admin/users');
  await page.getByLabel('E-Mail *').fill(paul.email);
  await page.getByLabel('Name *').fill('Ein geratener Name');
  await page.getByLabel('Rolle').selectOption({ label: 'Lesend (z. B. Beirat)' });
  await page.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(page.getByText(`Zu ${paul.email} gibt es schon ein Konto einer anderen Kommune. Die Person ist eingeladen`)).toBeVisible();
  // not a member, and the real name shows nowhere
  await expect(page.getByText(paul.name)).toHaveCount(0);
  await expectAccessible(page, 'users page after an invitation (de)');
  // the admin back home, for the journeys after this one
  expect((await page.request.post('/api/v1/auth/switch', { data: { municipalityId: home } })).status()).toBe(200);

  const ctx = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'de-DE' });
  const p = await ctx.newPage();
  await signIn(p, paul.email, paul.password);
  await p.getByRole('banner').getByRole('link', { name: 'Benachrichtigungen, 1 ungelesen' }).click();
  const invitation = p.getByTestId('invitation');
  await expect(invitation).toContainText(`${ADMIN.name} lädt Sie in die Kommune ${neighbour} ein, als Lesend (z. B. Beirat).`);
  await expectAccessible(p, 'notifications with an invitation (de)');
  await p.getByRole('banner').getByRole('button', { name: 'EN', exact: true }).click();
  await expect(invitation).toContainText(`${ADMIN.name} invites you into the municipality ${neighbour}, as Reader (e.g. advisory board).`);
  await expectAccessible(p, 'notifications with an invitation (en)');
  await p.getByRole('banner').getByRole('button', { name: 'DE', exact: true }).click();
  await invitation.getByRole('button', { name: `Einladung von ${neighbour} annehmen` }).click();
  await expect(p.getByText(`Sie sind jetzt Mitglied von ${neighbour}.`)).toBeVisible();
  await expect(p.getByTestId('invitation')).toHaveCount(0);
  await p.getByRole('banner').getByLabel('Kommune').selectOption({ label: neighbour });
  await expect(p.getByRole('banner').getByRole('link', { name: new RegExp(neighbour) })).toBeVisible();
  await ctx.close();
});
