import { expect, test } from '@playwright/test';
import { ensureDemoSetup, expectAccessible, expectAccessibleInBothLanguages, signIn } from './helpers';

/**
 * Issue 15, part 2: the implementation dashboard rolls progress up openly. Two measures of a new district:
 * A (100.000 € planned) reported at 40 % with 80.000 € spent (spending ahead: flagged), B (300.000 €) without a
 * report. By cost: 100.000 · 40 ÷ 400.000 = 10 %; equally: (40 + 0) ÷ 2 = 20 %.
 */
test('monitoring dashboard: roll-up by cost and equally, the rule and weights, a flag with its reason; fits 390 px (axe there), axe German and English', async ({ page }) => {
  test.slow(); // axe twice on a page with several tables
  await ensureDemoSetup(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  const suffix = Date.now().toString(36);
  const district = (await (await page.request.post('/api/v1/districts', { data: { name: `Wiesenviertel ${suffix}` } })).json()) as { id: string; name: string };
  const make = async (title: string, costCents: number) => {
    const res = await page.request.post('/api/v1/measures', { data: { title, costCents, districtIds: [district.id] } });
    expect(res.status()).toBe(201);
    return (await res.json()) as { id: string; number: number };
  };
  const a = await make(`Spielplatz Wiese ${suffix}`, 100_000_00);
  await make(`Bolzplatz Wiese ${suffix}`, 300_000_00);
  const rep = await page.request.post(`/api/v1/measures/${a.id}/reports`, {
    data: { basedOn: null, state: 'minor_issues', progress: 40, spentCents: 80_000_00, nextSteps: 'Geräte bestellen', blockers: '', boardDecisionNeeded: false },
  });
  expect(rep.status()).toBe(201);

  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  if (!(await nav.isVisible())) await page.getByRole('button', { name: /Menü/ }).click();
  await nav.getByRole('link', { name: 'Umsetzung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Umsetzung' })).toBeVisible();
  await page.getByLabel('Stadtteil', { exact: true }).selectOption({ label: district.name });
  await expect(page).toHaveURL(new RegExp(`district=${district.id}`));

  const byDistrict = page.getByRole('region', { name: 'Nach Stadtteil' });
  const row = byDistrict.getByRole('row', { name: new RegExp(district.name) });
  await expect(row.getByRole('cell').first()).toContainText('10 %');
  await expect(row.getByText('Kleinere Probleme: 1')).toBeVisible();
  await expect(row.getByText('Ohne Bericht: 1')).toBeVisible();
  // the rule and the weights behind the figure
  await row.getByText('Regel und Gewichte').click();
  await expect(row.getByText('gewichtet mit den geplanten Kosten')).toBeVisible();
  await expect(row.getByRole('row', { name: new RegExp(`Spielplatz Wiese ${suffix}.*100\\.000 €.*25 %.*40 %`) })).toBeVisible();
  await expect(row.getByText(`Ohne Bericht, mit 0 % gezählt: Nr. ${a.number + 1} Bolzplatz Wiese ${suffix}`)).toBeVisible();

  // the flag with its reason, linking to the measure
  const flags = page.getByRole('region', { name: 'Hinweise' });
  await expect(flags.getByText('80 % der geplanten Kosten ausgegeben bei 40 % Fortschritt (Hinweis ab 25 Prozentpunkten Abstand).')).toBeVisible();
  await expect(flags.getByRole('link', { name: `Nr. ${a.number} Spielplatz Wiese ${suffix}` })).toHaveAttribute('href', `/measures/${a.id}#umsetzung`);

  // each measure equally
  await page.getByRole('radio', { name: 'jede Maßnahme gleich' }).check();
  await expect(page).toHaveURL(/weighting=equal/);
  await expect(row.getByRole('cell').first()).toContainText('20 %');

  // nothing reaches beyond the phone's width (the tables scroll in their own box)
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 0.5);
  expect(wide, 'page wider than 390 px').toBe(false);
  await expectAccessible(page, 'monitoring dashboard at 390 px');
  // the language buttons sit in the wide header; at 390 px they are behind the menu
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessibleInBothLanguages(page, 'monitoring dashboard', page.getByRole('heading', { level: 1, name: 'Implementation' }));
});
