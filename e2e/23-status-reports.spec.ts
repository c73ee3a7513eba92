import { expect, test, type Browser, type Page } from '@playwright/test';
import { ensureDemoSetup, expectAccessible, expectAccessibleInBothLanguages, signIn } from './helpers';

const PHONE = { width: 390, height: 844 };

async function personOnPhone(browser: Browser, email: string, password: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: PHONE, locale: 'de-DE', baseURL: test.info().project.use.baseURL });
  const page = await ctx.newPage();
  await signIn(page, email, password);
  return page;
}

/**
 * Nothing of the implementation section reaches beyond the phone's width. (The page as a whole is not
 * checked here: the milestone table of the plan section above, another module, is wider at 390 px.)
 */
async function sectionFits(page: Page) {
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('.reports-section, .reports-section *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((e) => `${e.tagName}.${e.className}`),
  );
  expect(wide, 'elements of the implementation section beyond 390 px').toEqual([]);
}

test('status reports: the lead department reports on a phone, repeats it "unchanged", a partner department comments', async ({ page, browser }) => {
  test.slow(); // three people, two languages, axe on each view
  await ensureDemoSetup(page);
  await signIn(page);

  // --- the admin prepares a measure led by the town planning office with the Tiefbauamt as partner, and one account in each
  const suffix = Date.now().toString(36);
  const departments = (await (await page.request.get('/api/v1/departments')).json()) as { id: string; name: string }[];
  const lead = departments.find((d) => d.name === 'Amt für Stadtentwicklung und Stadtplanung')!;
  const partner = departments.find((d) => d.name === 'Tiefbauamt')!;
  const res = await page.request.post('/api/v1/measures', {
    data: { title: `Quartiersplatz Nord ${suffix}`, leadDepartmentId: lead.id, partnerDepartmentIds: [partner.id], costCents: 100_000_00 },
  });
  expect(res.status()).toBe(201);
  const measure = (await res.json()) as { id: string };
  expect((await page.request.post(`/api/v1/measures/${measure.id}/milestones`, { data: { title: 'Entwurf beschlossen', dueOn: '2027-03-01' } })).status()).toBe(201);
  const people = {
    lead: { name: 'Lena Lorenz', email: `lena.lorenz.${suffix}@musterstadt.example`, password: `Platz-Linde-Brunnen-${suffix}`, role: 'department', departmentId: lead.id },
    partner: { name: 'Tom Tiefbau', email: `tom.tiefbau.${suffix}@musterstadt.example`, password: `Kanal-Birke-Pflaster-${suffix}`, role: 'department', departmentId: partner.id },
  };
  for (const p of Object.values(people)) expect((await page.request.post('/api/v1/users', { data: p })).status()).toBe(201);

  // --- the lead department member reports on a phone
  const phone = await personOnPhone(browser, people.lead.email, people.lead.password);
  await phone.goto(`/measures/${measure.id}`);
  const section = phone.getByRole('region', { name: 'Umsetzung' });
  await expect(section.getByText('Noch kein Statusbericht.')).toBeVisible();
  const form = section.getByRole('form', { name: 'Neuer Statusbericht' });
  await expect(form.getByRole('button', { name: 'Unverändert' })).toHaveCount(0); // nothing to repeat yet
  await form.getByLabel('Stand').selectOption({ label: 'Kleinere Probleme' });
  await form.getByLabel('Fortschritt (%)').fill('30');
  await form.getByLabel('Bisher ausgegeben').fill('80.000');
  await form.getByLabel('Entwurf beschlossen').check();
  await form.getByLabel('Nächste Schritte').fill('Ausschreibung der Pflasterarbeiten');
  await form.getByLabel('Hindernisse').fill('Leitungsplan der Stadtwerke fehlt');
  // the whole form fits one phone screen
  const box = await form.boundingBox();
  expect(box!.height, 'report form height at 390×844').toBeLessThanOrEqual(PHONE.height);
  await form.getByRole('button', { name: 'Bericht abgeben' }).click();
  await expect(section.getByText('Statusbericht gespeichert.')).toBeVisible();
  const timeline = section.getByRole('list').filter({ has: phone.locator('.report-item') });
  await expect(timeline.locator('.report-item')).toHaveCount(1);
  await expect(timeline.locator('.report-item').first()).toContainText('Kleinere Probleme');
  await expect(timeline.locator('.report-item').first()).toContainText('30 %');
  await expect(timeline.locator('.report-item').first()).toContainText('80.000 €');
  await expect(timeline.locator('.report-item').first()).toContainText('Entwurf beschlossen');
  await expect(timeline.locator('.report-item').first()).toContainText('Lena Lorenz');
  // spending ahead of progress is flagged with its reason
  await expect(section.getByText('80 % der geplanten Kosten ausgegeben bei 30 % Fortschritt', { exact: false })).toBeVisible();
  // the form is pre-filled with the last report
  await expect(form.getByLabel('Fortschritt (%)')).toHaveValue('30');
  await expect(form.getByLabel('Hindernisse')).toHaveValue('Leitungsplan der Stadtwerke fehlt');

  // --- "Unverändert": one click
  await form.getByRole('button', { name: 'Unverändert' }).click();
  await expect(timeline.locator('.report-item')).toHaveCount(2);
  await expect(timeline.locator('.report-item').first()).toContainText('unverändert übernommen');
  await expect(section.getByText('Hindernis seit 2 Berichten in Folge: Leitungsplan der Stadtwerke fehlt')).toBeVisible();
  await sectionFits(phone);
  await expectAccessible(phone, 'measure implementation section (phone, de)');
  // the phone in English (the account's language, as the header's switch would save it), then back to German
  const setLocale = async (locale: 'de' | 'en') => {
    expect((await phone.request.patch('/api/v1/auth/profile', { data: { locale } })).status()).toBe(200);
    await phone.evaluate((l) => localStorage.setItem('rf.locale', l), locale);
    await phone.reload();
  };
  await setLocale('en');
  const english = phone.getByRole('region', { name: 'Implementation' });
  await expect(english.getByRole('form', { name: 'New status report' }).getByRole('button', { name: 'Unchanged' })).toBeVisible();
  await expect(english.locator('.report-item').first()).toContainText('Minor issues');
  await sectionFits(phone);
  await expectAccessible(phone, 'measure implementation section (phone, en)');
  await setLocale('de');
  await expect(section).toBeVisible();
  // German and English (the header's language switch is the desktop one): the coordinator's view of the same section
  await page.goto(`/measures/${measure.id}`);
  await expect(page.getByRole('region', { name: 'Umsetzung' }).locator('.report-item')).toHaveCount(2);
  await expectAccessibleInBothLanguages(page, 'measure implementation section', page.getByRole('heading', { name: 'Implementation' }));

  // --- the partner department comments; it cannot report
  const partnerPage = await personOnPhone(browser, people.partner.email, people.partner.password);
  await partnerPage.goto(`/measures/${measure.id}`);
  const pSection = partnerPage.getByRole('region', { name: 'Umsetzung' });
  await expect(pSection.locator('.report-item')).toHaveCount(2);
  await expect(pSection.getByRole('form', { name: 'Neuer Statusbericht' })).toHaveCount(0);
  const latest = pSection.locator('.report-item').first();
  await latest.getByText('Kommentieren').click();
  await latest.getByLabel('Kommentar').fill('Den Leitungsplan fordern wir diese Woche bei den Stadtwerken an.');
  await latest.getByRole('button', { name: 'Kommentar senden' }).click();
  await expect(pSection.getByText('Kommentar gespeichert.')).toBeVisible();
  await expect(latest).toContainText('Tom Tiefbau (Tiefbauamt)');
  await expect(latest).toContainText('Den Leitungsplan fordern wir diese Woche bei den Stadtwerken an.');
  await expectAccessible(partnerPage, 'measure implementation section, partner (de)');

  // --- the lead department is told of the comment
  await phone.goto('/notifications');
  await expect(phone.getByText(/Neuer Kommentar zu Maßnahme Nr\. \d+ „Quartiersplatz Nord/)).toBeVisible();
  await phone.context().close();
  await partnerPage.context().close();
});
