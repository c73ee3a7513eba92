import { test, expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ADMIN, expectAccessible, signIn } from './helpers';

test.describe.configure({ mode: 'serial' });

test('first start: setup with demo data, then the dashboard', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Ersteinrichtung' })).toBeVisible();
  await expectAccessible(page, 'setup');
  await page.getByLabel('Name der Kommune').fill('Musterstadt');
  await page.getByLabel('Ihr Name').fill(ADMIN.name);
  await page.getByLabel('E-Mail').fill(ADMIN.email);
  await page.getByLabel('Passwort', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Passwort wiederholen').fill(ADMIN.password);
  await page.getByLabel(/Demodaten laden/).check();
  await page.getByRole('button', { name: 'Einrichten' }).click();
  await expect(page).toHaveURL(/\/$/, { timeout: 60_000 });
  await expect(page.getByText('43', { exact: true }).first()).toBeVisible();
  await expectAccessible(page, 'dashboard');
});

test('sign in, create a brief, find it by search, edit it from a second browser and handle the conflict, export', async ({ page, browser }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Maßnahmen', exact: true }).click();
  await expect(page.getByText(/43 Maßnahmen/)).toBeVisible();
  await expectAccessible(page, 'measure list');

  // create
  await page.getByRole('link', { name: 'Neue Maßnahme' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Maßnahme' })).toBeVisible();
  await expectAccessible(page, 'new measure form');
  await page.getByLabel('Titel', { exact: true }).fill('Trinkbrunnen am Marktplatz');
  await page.getByLabel('Ausgangslage / Bedarf').fill('In heißen Sommern fehlt in der Altstadt kostenloses Trinkwasser.');
  await page.getByLabel('Ziel', { exact: true }).fill('Drei öffentliche Trinkbrunnen bis 2027.');
  await page.getByRole('group', { name: 'Stadtteile' }).getByLabel('Altstadt').check();
  await page.getByLabel('Federführendes Amt').selectOption({ label: 'Amt für Umwelt und Grünflächen' });
  await page.getByLabel('Geschätzte Kosten (€)').fill('120.000');
  await page.getByLabel('Zeithorizont').selectOption('short');
  await page.getByLabel('Schlagwörter').fill('Hitze, Klimaanpassung');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trinkbrunnen am Marktplatz' })).toBeVisible();
  await expect(page.getByText('120.000 €')).toBeVisible();
  const detailUrl = page.url();
  await expectAccessible(page, 'measure detail');

  // find by search (stemming: "Trinkbrunnens" finds "Trinkbrunnen")
  await page.getByRole('link', { name: 'Maßnahmen', exact: true }).click();
  await page.getByLabel('Suche').fill('Trinkbrunnens');
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.getByRole('link', { name: 'Trinkbrunnen am Marktplatz' })).toBeVisible();

  // two editors: B saves first, A's save is detected as a conflict
  await page.goto(`${detailUrl}/edit`);
  await expect(page.getByLabel('Titel', { exact: true })).toHaveValue('Trinkbrunnen am Marktplatz');
  const other = await browser.newContext();
  const pageB = await other.newPage();
  await signIn(pageB);
  await pageB.goto(`${detailUrl}/edit`);
  await pageB.getByLabel('Geschätzte Kosten (€)').fill('150.000');
  await pageB.getByRole('button', { name: 'Speichern' }).click();
  await expect(pageB.getByRole('definition').filter({ hasText: '€' })).toHaveText('150.000 €');
  await other.close();

  await page.getByLabel('Titel', { exact: true }).fill('Trinkbrunnen am Markt und am Bahnhof');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText(/wurde inzwischen von .* geändert/)).toBeVisible();
  await expect(page.getByLabel('Titel', { exact: true })).toHaveValue('Trinkbrunnen am Markt und am Bahnhof');
  await expectAccessible(page, 'edit conflict');
  await page.getByRole('button', { name: 'Meine Änderungen übernehmen (überschreiben)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trinkbrunnen am Markt und am Bahnhof' })).toBeVisible();
  // B's cost change is kept: A only changed the title, so only the title is overwritten
  await expect(page.getByRole('definition').filter({ hasText: '€' })).toHaveText('150.000 €');
  await expect(page.getByRole('heading', { name: 'Änderungsverlauf' })).toBeVisible();

  // export the brief as PDF and render it
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'PDF' }).click();
  const pdfPath = await (await pdfDownload).path();
  const png = execFileSync('pdftocairo', ['-png', '-r', '50', '-singlefile', pdfPath!, '-']);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(execFileSync('pdfinfo', [pdfPath!]).toString()).toMatch(/Pages:\s+1/);
  expect(execFileSync('pdftotext', [pdfPath!, '-']).toString()).toContain('Trinkbrunnen am Markt und am Bahnhof');

  // export the filtered list as XLSX and read it back
  await page.goto('/measures?q=Sanierung');
  const count = Number((await page.getByText(/\d+ Maßnahmen/).first().textContent())!.match(/\d+/)![0]);
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: /Excel/ }).click();
  const xlsxPath = await (await xlsxDownload).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(xlsxPath!) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Maßnahmen')!;
  expect(sheet.rowCount - 1).toBe(count);
  expect(sheet.getRow(1).getCell(2).value).toBe('Titel');
});
