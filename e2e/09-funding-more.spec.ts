import { test, expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, expectAccessible, signIn } from './helpers';

/** Works with or without the earlier journeys: on a fresh app, do the first-run setup with demo data. */
async function ensureSetUp(page: Page) {
  await page.goto('/');
  // signed out, the app sends "/" to /setup (fresh app) or to /login (set up already)
  await expect(page).toHaveURL(/\/(setup|login)$/);
  if (!/\/setup$/.test(page.url())) return;
  await page.getByLabel('Name der Kommune').fill('Musterstadt');
  await page.getByLabel('Ihr Name').fill(ADMIN.name);
  await page.getByLabel('E-Mail').fill(ADMIN.email);
  await page.getByLabel('Passwort', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Passwort wiederholen').fill(ADMIN.password);
  await page.getByLabel(/Demodaten laden/).check();
  await page.getByRole('button', { name: 'Einrichten' }).click();
  await expect(page).toHaveURL(/\/$/, { timeout: 60_000 });
}

test('funding: export the catalogue, import a changed file with preview, a saved search reports the new programme', async ({ page }) => {
  await ensureSetUp(page);
  await signIn(page);
  const suffix = Date.now().toString(36);
  const searchName = `Sanierungen (e2e ${suffix})`;
  const newProgramme = `Landesprogramm Sanierung e2e ${suffix}`;

  // a saved search: every programme on "Sanierung", by e-mail too
  await page.getByRole('navigation').getByRole('link', { name: 'Gespeicherte Suchen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gespeicherte Suchen' })).toBeVisible();
  await expectAccessible(page, 'saved searches');
  await page.getByRole('button', { name: 'Neue gespeicherte Suche' }).click();
  await page.getByLabel('Name der Suche').fill(searchName);
  await page.getByRole('group', { name: 'Ebene' }).getByLabel('Land').check();
  await page.getByLabel('Thema oder Stichwort im Programm').fill('Sanierung');
  await expectAccessible(page, 'new saved search form');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('heading', { level: 1, name: searchName })).toBeVisible();
  await expect(page.getByText(/ist gespeichert/)).toBeVisible();
  await expect(page.getByText(/Noch keine Treffer/)).toBeVisible();
  await expectAccessible(page, 'saved search without hits');

  // export the catalogue as XLSX and read it back
  await page.getByRole('navigation').getByRole('link', { name: 'Förderprogramme' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Förderprogramme' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Katalog als Excel (XLSX)' }).click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await (await download).path())!) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Förderprogramme')!;
  expect((ws.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['ID', 'Name', 'Fördergeber', 'Ebene', 'Art']);
  const names = ws.getColumn(2).values as unknown[];
  const lz = names.findIndex((v) => typeof v === 'string' && /Lebendige Zentren/.test(v));
  expect(lz).toBeGreaterThan(1);
  expect(ws.getRow(lz).getCell(4).value).toBe('Bund');

  // change one programme's "last checked" date and add a new programme, then import with preview
  ws.getRow(lz).getCell(19).value = '01.12.2026';
  ws.addRow(['', newProgramme, 'Land Musterland', 'Land', 'Zuschuss', 'bis 60 %', 60, '', '', '', 'Kommunen', 'Sanierung', 'nein', 'nein', '', '', '', '', '']);
  const file = join(mkdtempSync(join(tmpdir(), 'rf-e2e-import-')), 'foerderprogramme-geaendert.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  await page.getByLabel('Datei (.xlsx oder .csv)').setInputFiles(file);
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(page.getByText(/1 neu, 1 geändert, \d+ unverändert, 0 mit Fehlern/)).toBeVisible();
  const preview = page.getByRole('table', { name: /Vorschau des Imports/ });
  await expect(preview.getByRole('row', { name: new RegExp(newProgramme) })).toContainText('neu');
  await expect(preview.getByRole('row', { name: /Lebendige Zentren/ })).toContainText('Zuletzt geprüft');
  await expectAccessible(page, 'import preview');
  await page.getByRole('button', { name: 'Import übernehmen' }).click();
  await expect(page.getByText('Import übernommen: 1 neu, 1 geändert')).toBeVisible();
  await expect(page.getByRole('link', { name: newProgramme })).toBeVisible();

  // a broken file is refused with row errors, nothing changes
  ws.addRow(['', 'Kaputtes Programm', '', 'Kreis', 'Zuschuss', '', '', '', 'zwölf', '', '', '', '', '', '', '', '', '', '']);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  await page.getByLabel('Datei (.xlsx oder .csv)').setInputFiles(file);
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(page.getByText(/Ebene „Kreis“ ist unbekannt/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import übernehmen' })).toBeDisabled();
  await page.getByRole('button', { name: 'Verwerfen' }).click();

  // the saved search reports the new programme: count in the navigation, "neu" marker on the hit
  const navEntry = page.getByRole('navigation').getByRole('link', { name: /Gespeicherte Suchen/ });
  await expect(navEntry).toContainText(/neue Treffer/);
  await navEntry.click();
  await expect(page.getByRole('row', { name: new RegExp(searchName.replace(/[()]/g, '\\$&')) })).toContainText(/\d+ neu/);
  await page.getByRole('link', { name: searchName }).click();
  const hits = page.getByRole('table', { name: /Treffer der Suche/ });
  await expect(hits.getByRole('row', { name: new RegExp(newProgramme) }).first()).toContainText('neu');
  await expect(hits).toContainText('Sanierung des Ständehauses');
  await expectAccessible(page, 'saved search with hits');
  await page.getByRole('button', { name: 'Alle als gelesen markieren' }).click();
  await expect(page.getByText(/Treffer als gelesen markiert/)).toBeVisible();
  await expect(hits.getByText('neu', { exact: true })).toHaveCount(0);

  // the KoFi filtered by priority class: the export heading names the filter
  await page.getByRole('navigation').getByRole('link', { name: /KoFi/ }).click();
  await page.getByRole('button', { name: /Filter/ }).first().click();
  // the filter lives in the URL; the box shows checked once the router has taken it over
  const classA = page.getByRole('group', { name: 'Priorität' }).getByLabel('A – vorrangig');
  await classA.click();
  await expect(page).toHaveURL(/priority=A/);
  await expect(classA).toBeChecked();
  await expectAccessible(page, 'kofi filtered by priority');
  const kofiDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Excel (.xlsx)' }).click();
  const kofi = new ExcelJS.Workbook();
  await kofi.xlsx.load(readFileSync((await (await kofiDownload).path())!) as unknown as ArrayBuffer);
  expect(String(kofi.getWorksheet('KoFi')!.getCell(1, 1).value)).toContain('Auswahl: Priorität: A – vorrangig');

  // on a phone
  await page.goto('/funding/saved-searches');
  await page.getByRole('link', { name: searchName }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: searchName })).toBeVisible();
  await expectAccessible(page, 'saved search on a phone');
});
