import { expect, test, type Page } from '@playwright/test';
import { ensureDemoSetup, expectAccessible, expectAccessibleInBothLanguages, signIn } from './helpers';

const PHONE = { width: 390, height: 844 };
/** axe on the phone in German and English (the account's language, as the header's switch would save it) */
async function accessibleOnPhone(phone: Page, label: string, english: string) {
  await expectAccessible(phone, `${label} (phone, de)`);
  for (const locale of ['en', 'de'] as const) {
    expect((await phone.request.patch('/api/v1/auth/profile', { data: { locale } })).status()).toBe(200);
    await phone.evaluate((l) => localStorage.setItem('rf.locale', l), locale);
    await phone.reload();
    if (locale === 'en') {
      await expect(phone.getByText(english)).toBeVisible();
      await expectAccessible(phone, `${label} (phone, en)`);
    }
  }
  await expect(phone.getByRole('heading', { name: 'Meine Berichte', level: 1 })).toBeVisible();
}
const addDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test('reporting cycle: the coordinator opens it, a department member reports "unchanged" for two measures on a phone, the coordinator sees them and closes it', async ({ page, browser }) => {
  test.slow(); // two people, two languages, axe on each view
  await ensureDemoSetup(page);
  await signIn(page);

  // --- a department of its own with two measures that have a report, and one member
  const suffix = Date.now().toString(36);
  const dept = await (await page.request.post('/api/v1/departments', { data: { name: `Grünflächenamt ${suffix}` } })).json() as { id: string; name: string };
  const measures: { id: string; number: number }[] = [];
  for (const title of [`Stadtpark Süd ${suffix}`, `Baumallee Ring ${suffix}`]) {
    const res = await page.request.post('/api/v1/measures', { data: { title, leadDepartmentId: dept.id } });
    expect(res.status()).toBe(201);
    const m = (await res.json()) as { id: string; number: number };
    const r = await page.request.post(`/api/v1/measures/${m.id}/reports`, { data: { basedOn: null, state: 'on_track', progress: 40, spentCents: 1_000_000 } });
    expect(r.status()).toBe(201);
    measures.push(m);
  }
  const member = { name: 'Greta Grün', email: `greta.gruen.${suffix}@musterstadt.example`, password: `Wiese-Eiche-Bank-${suffix}`, role: 'department', departmentId: dept.id };
  expect((await page.request.post('/api/v1/users', { data: member })).status()).toBe(201);
  // a journey run before on the same app may have left a cycle open
  const open = ((await (await page.request.get('/api/v1/reporting-cycles')).json()) as { id: string; closedAt: string | null; version: number }[]).find((c) => !c.closedAt);
  if (open) expect((await page.request.post(`/api/v1/reporting-cycles/${open.id}/close`, { data: { version: open.version } })).status()).toBe(200);

  // --- the coordinator opens a cycle
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Berichtszyklen' }).click();
  await expect(page.getByRole('heading', { name: 'Berichtszyklen', level: 1 })).toBeVisible();
  const form = page.getByRole('region', { name: 'Neuen Berichtszyklus öffnen' });
  await form.getByLabel('Fällig am').fill(addDays(30));
  await form.getByLabel('Bezeichnung').fill(`Beirat ${suffix}`);
  await expectAccessibleInBothLanguages(page, 'reporting cycles, open form', page.getByRole('heading', { name: 'Reporting cycles', level: 1 }));
  await form.getByRole('button', { name: 'Zyklus öffnen' }).click();
  await expect(page.getByText('Berichtszyklus geöffnet. Die federführenden Ämter wurden benachrichtigt.')).toBeVisible();
  const current = page.getByRole('region', { name: `Offener Zyklus: Beirat ${suffix}` });
  const row = current.getByRole('row', { name: new RegExp(`Grünflächenamt ${suffix}`) });
  await expect(row.getByRole('cell').nth(1)).toHaveText('0');
  await expectAccessibleInBothLanguages(page, 'reporting cycles, open cycle', page.getByRole('heading', { name: `Open cycle: Beirat ${suffix}` }));

  // --- the department member, on a phone, follows the e-mail's link and reports both as unchanged at once
  const ctx = await browser.newContext({ viewport: PHONE, locale: 'de-DE', baseURL: test.info().project.use.baseURL });
  const phone = await ctx.newPage();
  await signIn(phone, member.email, member.password);
  await phone.goto('/my-reports');
  await expect(phone.getByRole('heading', { name: 'Meine Berichte', level: 1 })).toBeVisible();
  await expect(phone.getByText('0 von 2 berichtet')).toBeVisible();
  await accessibleOnPhone(phone, 'my reports', '0 of 2 reported');
  // one form opens in place (the measure page's report form), and closes again
  await phone.getByRole('button', { name: `Zu Nr. ${measures[0].number} berichten` }).click();
  await expect(phone.getByRole('form', { name: 'Neuer Statusbericht' })).toBeVisible();
  await phone.getByRole('button', { name: 'Formular schließen' }).click();
  await phone.getByRole('checkbox', { name: `Nr. ${measures[0].number} Stadtpark Süd ${suffix}` }).check();
  await phone.getByRole('checkbox', { name: `Nr. ${measures[1].number} Baumallee Ring ${suffix}` }).check();
  await phone.getByRole('button', { name: 'Ausgewählte unverändert melden (2)' }).click();
  const dialog = phone.getByRole('dialog', { name: '2 Maßnahmen unverändert melden?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Ausgewählte unverändert melden' }).click();
  await expect(phone.getByText('2 Maßnahmen unverändert gemeldet.')).toBeVisible();
  await expect(phone.getByText('2 von 2 berichtet')).toBeVisible();
  const wide = await phone.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 0.5);
  expect(wide, 'my reports wider than 390 px').toBe(false);
  await accessibleOnPhone(phone, 'my reports, reported', '2 of 2 reported');
  await ctx.close();

  // --- the coordinator sees both reported and closes the cycle after the summary
  await page.reload();
  await expect(row.getByRole('cell').nth(1)).toHaveText('2');
  await expect(row.getByRole('cell').nth(2)).toHaveText('0');
  await page.getByRole('button', { name: 'Zyklus abschließen' }).click();
  const confirm = page.getByRole('dialog', { name: `Berichtszyklus „Beirat ${suffix}“ abschließen?` });
  await expect(confirm).toContainText('sind berichtet');
  // the language switch is behind the modal dialog: German here (both languages were checked on the page above)
  await expectAccessible(page, 'close confirmation (de)');
  await page.getByRole('dialog').getByRole('button', { name: 'Zyklus abschließen' }).click();
  await expect(page.getByText('Berichtszyklus abgeschlossen.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Abgeschlossene Zyklen' })).toContainText(`Beirat ${suffix}: abgeschlossen am`);
  await expect(page.getByRole('region', { name: 'Neuen Berichtszyklus öffnen' })).toBeVisible();
});
