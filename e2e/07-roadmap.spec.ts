import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ensureDemoSetup, expectAccessible, signIn } from './helpers';

test('responsibility matrix and shared roadmap: change a lead, measures without a lead, milestone, broken dependency, grouping, PDF and PNG', async ({ page }) => {
  await ensureDemoSetup(page);
  await signIn(page);
  const tag = Date.now().toString(36);
  const concept = await (await page.request.get('/api/v1/concept')).json();
  const dept = (name: string) => concept.departments.find((d: { name: string }) => d.name === name).id as string;
  const altstadt = concept.districts.find((d: { name: string }) => d.name === 'Altstadt').id as string;
  const post = async (body: Record<string, unknown>) => (await page.request.post('/api/v1/measures', { data: body })).json();
  const planning = await post({ title: `Planung Schulhof ${tag}`, leadDepartmentId: dept('Tiefbauamt'), districtIds: [altstadt], plannedStart: '2027-01-01', plannedEnd: '2027-06-30' });
  const building = await post({ title: `Umbau Schulhof ${tag}`, leadDepartmentId: dept('Tiefbauamt'), districtIds: [altstadt], plannedStart: '2027-05-01', plannedEnd: '2027-12-31' });
  const orphan = await post({ title: `Ohne Federführung ${tag}` });

  // --- the matrix: find the new measures, hand the lead to another department
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Zuständigkeiten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zuständigkeiten' })).toBeVisible();
  await page.getByLabel('Suche (Titel, Text)').fill(tag);
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`Umbau Schulhof ${tag}`) })).toBeVisible();
  await expectAccessible(page, 'responsibility matrix');
  const cell = page.getByLabel(`Amt für Stadtentwicklung und Stadtplanung bei Nr. ${building.number} Umbau Schulhof ${tag}`);
  await expect(cell).toHaveValue('none');
  await cell.selectOption('lead');
  await expect(page.getByText(`Amt für Stadtentwicklung und Stadtplanung ist jetzt federführend bei Nr. ${building.number}; Tiefbauamt wurde Partner.`)).toBeVisible();
  // the old lead is now a partner (editable), the new lead fixed text
  await expect(page.getByLabel(`Tiefbauamt bei Nr. ${building.number} Umbau Schulhof ${tag}`)).toHaveValue('partner');
  // keyboard: focus a cell and choose with the arrow keys
  const informed = page.getByLabel(`Kultur- und Tourismusamt bei Nr. ${planning.number} Planung Schulhof ${tag}`);
  await informed.focus();
  await informed.selectOption('informed');
  await expect(page.getByText(`Kultur- und Tourismusamt ist jetzt bei Nr. ${planning.number} „I – informiert“.`)).toBeVisible();

  // --- measures without a lead
  const noLead = page.getByRole('region', { name: 'Maßnahmen ohne Federführung' }).or(page.locator('section[aria-labelledby="no-lead-title"]'));
  await expect(noLead.getByText('1 Maßnahme(n) ohne federführendes Amt')).toBeVisible();
  await expect(noLead.getByRole('link', { name: `${orphan.number} Ohne Federführung ${tag}` })).toBeVisible();
  await noLead.getByRole('button', { name: 'Nur diese in der Matrix zeigen' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`Umbau Schulhof ${tag}`) })).toHaveCount(0);
  await expect(page.getByRole('table', { name: /Rollen der Ämter/ }).getByRole('link', { name: new RegExp(`Ohne Federführung ${tag}`) })).toBeVisible();
  await expect(page.getByRole('table', { name: /Anzahl der Maßnahmen je Amt/ })).toBeVisible();
  await expectAccessible(page, 'responsibility matrix, only without lead');

  // --- a milestone and a dependency that breaks, on the measure page
  await page.goto(`/measures/${building.id}`);
  const plan = page.locator('section[aria-labelledby="plan-title"]');
  await expect(plan.getByRole('heading', { name: 'Meilensteine und Abhängigkeiten' })).toBeVisible();
  await plan.getByLabel('Meilenstein', { exact: true }).fill('Baubeginn');
  await plan.getByLabel('Datum', { exact: true }).fill('2027-05-02');
  await plan.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
  await expect(plan.getByRole('row', { name: /Baubeginn/ })).toBeVisible();
  await plan.getByLabel('Maßnahme suchen (Titel)').fill(`Planung Schulhof ${tag}`);
  await plan.getByRole('button', { name: `Wartet auf Nr. ${planning.number} Planung Schulhof ${tag}` }).click();
  await expect(plan.getByText('Abhängigkeit hinzugefügt.')).toBeVisible();
  await expect(plan.getByText(`Beginnt am 01.05.2027, vor dem Ende von Nr. ${planning.number} (30.06.2027).`)).toBeVisible();
  await expect(plan.getByRole('link', { name: `${planning.number} Planung Schulhof ${tag}` })).toBeVisible();
  await expectAccessible(page, 'measure with plan section');

  // --- the roadmap: grouped by district, the flag, table view, exports
  await page.getByRole('link', { name: 'Fahrplan' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fahrplan' })).toBeVisible();
  await page.getByLabel('Suche (Titel, Text)').fill(`Schulhof ${tag}`);
  await page.getByRole('button', { name: 'Suchen' }).click();
  await page.getByLabel('Gruppieren nach').selectOption('district');
  await expect(page).toHaveURL(/group=district/);
  await expect(page.getByRole('heading', { name: 'Konflikte (1)' })).toBeVisible();
  await expect(page.getByRole('link', { name: `Nr. ${building.number} beginnt am 01.05.2027, vor dem Ende von Nr. ${planning.number} (30.06.2027).` })).toBeVisible();
  const svg = page.getByRole('img', { name: /Zeitleiste: 2 Maßnahmen von 01\.01\.2027 bis 31\.12\.2027/ });
  await expect(svg).toBeVisible();
  await expect(svg.locator('text', { hasText: 'Altstadt' })).toHaveCount(1);
  await expectAccessible(page, 'roadmap timeline');

  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Bild (PNG)' }).click();
  const png = readFileSync((await (await pngDownload).path())!);
  const viewBox = await svg.evaluate((el) => [(el as SVGSVGElement).viewBox.baseVal.width, (el as SVGSVGElement).viewBox.baseVal.height]);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([viewBox[0] * 2, Math.round(viewBox[1] * 2)]);

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'PDF' }).click();
  const pdfPath = (await (await pdfDownload).path())!;
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const rendered = execFileSync('pdftocairo', ['-png', '-singlefile', pdfPath, '-']);
  expect(rendered.subarray(1, 4).toString()).toBe('PNG');
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
  expect(text).toContain(`Umbau Schulhof ${tag}`);
  expect(text).toContain('Altstadt');
  expect(text).toMatch(/Beginnt 01\.05\.2027, vor dem Ende von Nr\. \d+/);

  // the view lives in the URL: the radio shows checked once the navigation has rendered (a transition), so
  // click it and wait for that, instead of check(), which reads the state right after the click
  await page.getByRole('radio', { name: 'Tabelle' }).click();
  await expect(page.getByRole('radio', { name: 'Tabelle' })).toBeChecked();
  const table = page.getByRole('table', { name: 'Maßnahmen mit Zeitraum, Meilensteinen und Abhängigkeiten' });
  await expect(table.getByRole('row', { name: new RegExp(`Umbau Schulhof ${tag}`) }).getByText('Konflikt')).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(`Umbau Schulhof ${tag}`) }).getByText(`Nr. ${planning.number}`)).toBeVisible();
  await expectAccessible(page, 'roadmap table');
  // milestones are edited in the roadmap too: a milestone after the end is flagged at once
  await table.getByRole('button', { name: `Planen – Meilensteine und Abhängigkeiten von Nr. ${building.number}` }).click();
  const dialog = page.getByRole('dialog', { name: `${building.number} Umbau Schulhof ${tag}` });
  await dialog.getByLabel('Meilenstein', { exact: true }).fill('Abnahme');
  await dialog.getByLabel('Datum', { exact: true }).fill('2028-03-01');
  await dialog.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
  await expect(dialog.getByText('Meilenstein am 01.03.2028 liegt außerhalb des Zeitraums.')).toBeVisible();
  await dialog.getByRole('checkbox', { name: '„Baubeginn“ erledigt' }).check();
  await expect(dialog.getByRole('checkbox', { name: '„Baubeginn“ erledigt' })).toBeChecked();
  await expectAccessible(page, 'roadmap plan dialog');
  await dialog.getByRole('button', { name: 'Schließen' }).click();
  await expect(table.getByRole('row', { name: new RegExp(`Umbau Schulhof ${tag}`) }).getByText('01.03.2028 Abnahme')).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(`Umbau Schulhof ${tag}`) }).getByText(/Baubeginn \(erledigt\)/)).toBeVisible();

  // measures without dates are listed apart
  await page.getByLabel('Suche (Titel, Text)').fill(`Ohne Federführung ${tag}`);
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.getByRole('heading', { name: 'Ohne Zeitraum (1)' })).toBeVisible();
  await expect(page.getByText('Keine Maßnahmen mit geplantem Beginn und Ende für diese Filter.')).toBeVisible();
  await expectAccessible(page, 'roadmap without dated measures');

  // on a phone the roadmap still works (the timeline scrolls sideways, the table fits)
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel('Suche (Titel, Text)').fill(`Schulhof ${tag}`);
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.getByRole('table', { name: 'Maßnahmen mit Zeitraum, Meilensteinen und Abhängigkeiten' })).toBeVisible();
  await expectAccessible(page, 'roadmap on a phone');
});
