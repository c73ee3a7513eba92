import { test, expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expectAccessible, signIn } from './helpers';

test('funding: programmes for a brief, a funding plan, the KoFi and its exports', async ({ page }) => {
  await signIn(page);
  // the catalogue of real programmes
  await page.goto('/funding/programmes');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/Lebendige Zentren/).first()).toBeVisible();
  await expectAccessible(page, 'programme catalogue');

  // a brief of the demo: its matching programmes, with reasons
  await page.goto('/measures?q=Ständehaus');
  await page.getByRole('link', { name: 'Sanierung des Ständehauses' }).click();
  await page.getByRole('link', { name: 'Finanzierung' }).or(page.getByRole('button', { name: 'Finanzierung' })).first().click();
  await expect(page.getByRole('heading', { name: 'Passende Förderprogramme' })).toBeVisible();
  // the old town is a "Lebendige Zentren" area in the demo: that programme comes into question first
  const firstMatch = page.locator('ol.match-list > li').first();
  await expect(firstMatch.getByRole('heading', { level: 3 })).toContainText('Städtebauförderung – Lebendige Zentren');
  await expect(firstMatch.getByText('kommt in Frage')).toBeVisible();
  await expect(firstMatch.getByText(/Stadtteil Altstadt liegt im Fördergebiet „Lebendige Zentren“/)).toBeVisible();
  await expectAccessible(page, 'measure funding');

  // take the best eligible programme into the plan, add the municipal budget, save
  await page.getByRole('button', { name: /In den Finanzierungsplan übernehmen/ }).first().click();
  await expect(page.getByText(/in den Plan übernommen/).first()).toBeVisible();
  await page.getByRole('button', { name: '+ Haushalt der Kommune' }).click();
  const amountInputs = page.getByRole('textbox', { name: /Quelle 2: Betrag \d{4} in €/ });
  await amountInputs.first().fill('500.000');
  await page.getByRole('button', { name: 'Finanzierungsplan speichern' }).click();
  await expect(page.getByText('Der Finanzierungsplan wurde gespeichert.')).toBeVisible();
  await expect(page.getByText(/Eigenanteil/).first()).toBeVisible();
  await expectAccessible(page, 'saved funding plan');

  // the KoFi shows it; export XLSX (read back) and PDF (rendered)
  await page.goto('/funding/kofi');
  await expect(page.getByRole('heading', { level: 1, name: /KoFi/ })).toBeVisible();
  await expect(page.getByText('Sanierung des Ständehauses').first()).toBeVisible();
  await expectAccessible(page, 'kofi');
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Excel (.xlsx)' }).click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await (await xlsxDownload).path())!) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('KoFi')!;
  const row = ws.getColumn(2).values.indexOf('Sanierung des Ständehauses');
  expect(row).toBeGreaterThan(3);
  expect(ws.getRow(row).getCell(3).value).toBe(7500000);
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'PDF' }).click();
  const pdfPath = (await (await pdfDownload).path())!;
  const png = execFileSync('pdftocairo', ['-png', '-r', '40', '-singlefile', '-f', '1', '-l', '1', pdfPath, '-']);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(execFileSync('pdftotext', [pdfPath, '-']).toString()).toContain('Sanierung des Ständehauses');

  // a district records which funding areas it lies in, one checkbox per kind of area
  await page.goto('/concept/districts');
  await page.getByRole('button', { name: 'Bearbeiten: Altstadt' }).click();
  const areas = page.getByRole('group', { name: 'Liegt in festgelegten Fördergebieten' });
  await expect(areas.getByRole('checkbox', { name: /^Lebendige Zentren/ })).toBeChecked();
  await expect(areas.getByRole('checkbox', { name: /^LEADER-Gebiet/ })).not.toBeChecked();
  await expectAccessible(page, 'district form with funding areas');
});
