import { expect, test } from '@playwright/test';
import { ensureDemoSetup, expectAccessible, expectAccessibleInBothLanguages, signIn } from './helpers';

const GOAL = 'Grün- und Freiflächen vernetzen und aufwerten';
// Dates relative to this year: the state depends on today (no value in 18 months: no data).
const Y = new Date().getUTCFullYear();

test('goal indicators: a coordinator adds an indicator with a target path, enters two values, sees the state, why, and the chart', async ({ page }) => {
  test.slow(); // two languages and a phone width, axe on each
  await ensureDemoSetup(page);
  await signIn(page);
  const suffix = Date.now().toString(36);
  const coordinator = { name: 'Clara Koordination', email: `clara.${suffix}@musterstadt.example`, password: `Weiher-Ahorn-Bank-${suffix}`, role: 'coordinator' };
  expect((await page.request.post('/api/v1/users', { data: coordinator })).status()).toBe(201);
  await page.context().clearCookies();
  await signIn(page, coordinator.email, coordinator.password);

  // --- from the goals of the concept to the goal's page
  await page.goto('/concept/goals');
  await page.getByRole('link', { name: GOAL }).click();
  await expect(page.getByRole('heading', { level: 1, name: GOAL })).toBeVisible();
  const section = page.getByRole('region', { name: 'Indikatoren' });

  // --- a new indicator with a target path of two targets
  const name = `Anteil begrünter Dächer ${suffix}`;
  const form = section.getByRole('form', { name: 'Indikator anlegen' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Art').selectOption({ label: 'Steigern auf' });
  await form.getByLabel('Einheit').fill('%');
  await form.getByLabel('Zuständiges Amt').selectOption({ label: 'Tiefbauamt' });
  await form.getByLabel('Ausgangswert', { exact: true }).fill('20');
  await form.getByLabel('Datum des Ausgangswerts').fill(`${Y - 1}-01-01`);
  await form.getByLabel('Quelle').fill('Dachflächenkataster');
  await form.getByLabel('Zieldatum 1').fill(`${Y}-01-01`);
  await form.getByLabel('Zielwert 1').fill('30');
  await form.getByRole('button', { name: 'Weiteren Zielwert hinzufügen' }).click();
  await form.getByLabel('Zieldatum 2').fill(`${Y + 2}-01-01`);
  await form.getByLabel('Zielwert 2').fill('50');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(section.getByText(`Indikator „${name}“ angelegt.`)).toBeVisible();

  const card = section.getByRole('article', { name });
  await expect(card.getByText('Keine Daten', { exact: true })).toBeVisible();

  // --- two measured values in the past year, the second as German decimals: well behind the path
  const valueForm = card.getByRole('form', { name: `Messwert eintragen: ${name}` });
  for (const [date, value] of [[`${Y - 1}-07-02`, '24,5'], [`${Y - 1}-10-01`, '22']]) {
    await valueForm.getByLabel('Datum', { exact: true }).fill(date);
    await valueForm.getByLabel('Wert (%)').fill(value);
    await valueForm.getByRole('button', { name: 'Messwert eintragen' }).click();
    await expect(section.getByText('Messwert gespeichert.')).toBeVisible();
    await expect(valueForm.getByLabel('Wert (%)')).toHaveValue('');
  }

  // --- the state as a word, the rule that decided, and the chart with its table (about 27,5 expected on 1 October)
  await expect(card.getByText('Nicht auf Kurs', { exact: true })).toBeVisible();
  await expect(card.getByText(new RegExp(`Warum: Messwert 22 am 01\\.10\\.${Y - 1}, Sollwert auf dem Zielpfad 27,\\d+: 19,\\d % dahinter \\(mehr als 15 %\\)\\.`))).toBeVisible();
  await expect(card.getByRole('img', { name: `Verlauf von ${name}: Messwerte und Zielpfad` })).toBeVisible();
  await expect(card.locator('svg circle.dot')).toHaveCount(2);
  const table = card.getByRole('table', { name: `Messwerte und Zielpfad von ${name}` });
  await expect(table.getByRole('row', { name: new RegExp(`02\\.07\\.${Y - 1} Wert 24,5`) })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(`01\\.01\\.${Y + 2} Zielwert – 50`) })).toBeVisible();
  await section.getByText('So wird der Stand bestimmt').click();
  await expect(section.getByText('Höchstens 5 % hinter dem Sollwert → Auf Kurs.')).toBeVisible();

  // --- the value of 1 January from a CSV file as German Excel saves it (Windows-1252, semicolons, decimal comma): preview, then import
  await section.getByText('Messwerte importieren (XLSX oder CSV)').click();
  const csv = Buffer.from(`Indikator;Datum;Wert\r\n${name};01.01.${Y};28,5\r\n`, 'latin1');
  await section.getByLabel('Datei').setInputFiles({ name: 'messwerte.csv', mimeType: 'text/csv', buffer: csv });
  await section.getByRole('button', { name: 'Vorschau' }).click();
  await expect(section.getByText('Gelesene Zeilen: 1.')).toBeVisible();
  await expectAccessible(page, 'import preview');
  await section.getByRole('button', { name: 'Werte importieren (1)' }).click();
  await expect(section.getByText('Importierte Werte: 1.')).toBeVisible();
  // 28,5 where the path expects 30 (its first target): exactly 5 % behind, still on course
  await expect(card.getByText('Auf Kurs', { exact: true })).toBeVisible();
  await expect(card.getByText(`Warum: Messwert 28,5 am 01.01.${Y}, Sollwert auf dem Zielpfad 30: 5 % dahinter (höchstens 5 %).`)).toBeVisible();
  await expect(card.locator('svg circle.dot')).toHaveCount(3);
  await expect(table.getByRole('row', { name: new RegExp(`01\\.01\\.${Y} Wert 28,5 30`) })).toBeVisible();

  // --- the target path gets a third target later
  await card.getByText('Zielpfad ändern').click();
  const pathForm = card.getByRole('form', { name: `Zielpfad ändern: ${name}` });
  await expect(pathForm.getByLabel('Zielwert 2')).toHaveValue('50');
  await pathForm.getByRole('button', { name: 'Weiteren Zielwert hinzufügen' }).click();
  await pathForm.getByLabel('Zieldatum 3').fill(`${Y + 5}-01-01`);
  await pathForm.getByLabel('Zielwert 3').fill('55,5');
  await pathForm.getByRole('button', { name: 'Speichern' }).click();
  await expect(section.getByText('Zielpfad gespeichert.')).toBeVisible();
  await expect(section.getByRole('article', { name }).getByRole('table').getByRole('row', { name: new RegExp(`01\\.01\\.${Y + 5} Zielwert – 55,5`) })).toBeVisible();

  await expectAccessibleInBothLanguages(page, 'goal page with indicators', page.getByRole('article', { name }).getByText('On course', { exact: true }));

  // --- on a phone: nothing beyond 390 px, still accessible
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(card.getByText('Auf Kurs', { exact: true })).toBeVisible();
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((e) => `${e.tagName}.${e.className}`),
  );
  expect(wide, 'elements beyond 390 px').toEqual([]);
  await expectAccessible(page, 'goal page at 390 px');

  // --- deleting asks first; the demo's own indicator stays
  await page.setViewportSize({ width: 1280, height: 900 });
  await section.getByRole('button', { name: `Indikator „${name}“ löschen` }).click();
  const dialog = page.getByRole('dialog', { name: `Indikator „${name}“ löschen` });
  await expect(dialog.getByText('Der Indikator wird mit Zielpfad und allen Messwerten gelöscht.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Löschen' }).click();
  await expect(section.getByText(`Indikator „${name}“ gelöscht.`)).toBeVisible();
  await expect(section.getByRole('article', { name })).toHaveCount(0);
  await expect(section.getByRole('article', { name: 'Öffentliche Grünfläche je Einwohnerin und Einwohner' })).toBeVisible();
});
