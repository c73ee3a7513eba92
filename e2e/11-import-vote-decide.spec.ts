import { test, expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { buildMeasureList, SPECIAL_TITLE } from '../server/modules/measures/import-fixture';
import { ADMIN, ensureDemoSetup, expectAccessible, phone, signIn } from './helpers';

// The seed's core step in a new municipality (issue 12): its own Excel list (Windows-1252 CSV) imported
// in one pass, a dot vote on the imported briefs from two phones, a scoring round, and a decision on the
// Top 5 only — after which no other measure has changed.

type Measure = { id: string; number: number; title: string; status: string; priority: string | null; horizon: string | null; version: number };


async function allMeasures(page: Page): Promise<Measure[]> {
  const res = await page.request.get('/api/v1/measures?pageSize=200&sort=number');
  expect(res.status()).toBe(200);
  return (await res.json()).items;
}

test('a real Excel list into an empty municipality: import, dot vote from two phones, scoring, a decision on the Top 5 only', async ({ page, browser }) => {
  test.slow();
  await ensureDemoSetup(page);
  await signIn(page);

  // an empty municipality of its own (no districts, no departments), and the admin switched to it
  const name = `Merseburg ${randomBytes(2).toString('hex')}`;
  const created = await page.request.post('/api/v1/municipalities', { data: { name, defaultStructure: true } });
  expect(created.status()).toBe(201);
  const me = await created.json();
  const municipalityId = me.memberships.find((m: { municipalityName: string }) => m.municipalityName === name).municipalityId;
  expect((await page.request.post('/api/v1/auth/switch', { data: { municipalityId } })).status()).toBe(200);
  expect((await page.request.get('/api/v1/concept').then((r) => r.json())).districts).toHaveLength(0);

  // 1. the list as Excel saves "CSV (Trennzeichen-getrennt)": Windows-1252, semicolons, € „ “ – …
  await page.goto('/measures/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen importieren' })).toBeVisible();
  await page.getByLabel('Datei (.xlsx oder .csv)').setInputFiles({ name: 'Massnahmenliste.csv', mimeType: 'text/csv', buffer: await buildMeasureList('csv-1252') });
  await page.getByRole('button', { name: 'Weiter: Vorschau' }).click();
  await expect(page.getByText(/Erkannt: Kodierung .*1252/)).toBeVisible();
  await expect(page.getByText(/Trennzeichen/).first()).toBeVisible();
  // new districts and departments are proposed for creation, pillar words mapped to the charter's dimensions
  await expect(page.getByText(/Neu angelegt: 7 /)).toBeVisible();
  await expect(page.getByText(/Neu angelegt: 8 /)).toBeVisible();
  await expect(page.getByText('Keine Fehler gefunden – die Datei kann importiert werden.')).toBeVisible();
  await expectAccessible(page, 'import preview of a Windows-1252 list');
  await page.getByRole('button', { name: '40 Maßnahmen importieren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import abgeschlossen' })).toContainText('40 Maßnahmen wurden importiert.');
  const imported = await allMeasures(page);
  expect(imported).toHaveLength(40);
  expect(imported.map((m) => m.title)).toContain(SPECIAL_TITLE);
  expect((await page.request.get('/api/v1/concept').then((r) => r.json())).districts).toHaveLength(7);

  // 2. a workshop votes on the imported briefs: everyone 3 dots
  await page.goto('/workshops');
  await page.getByRole('button', { name: 'Neuer Workshop' }).click();
  await page.getByRole('dialog').getByLabel('Titel').fill('Führungskräfteworkshop ISEK');
  await page.getByRole('dialog').getByRole('button', { name: 'Workshop anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Führungskräfteworkshop ISEK' })).toBeVisible();
  await page.getByRole('tab', { name: 'Abstimmungsrunden' }).or(page.getByRole('link', { name: 'Abstimmungsrunden' })).first().click();
  await page.getByRole('button', { name: 'Neue Abstimmungsrunde' }).click();
  const rd = page.getByRole('dialog');
  await rd.getByLabel('Titel der Runde').fill('Welche Maßnahmen zuerst?');
  await expect(rd.getByLabel('Steckbriefe der Kommune')).toBeChecked();
  const count = rd.locator('.ws-picker-count');
  await expect(count).toContainText('0 ausgewählt');
  await rd.getByRole('button', { name: 'Alle angezeigten auswählen (40)' }).click();
  await expect(count).toContainText('40 ausgewählt');
  await rd.getByRole('button', { name: 'Runde anlegen' }).click();
  await expect(page.getByText('40 Einträge')).toBeVisible();
  await page.getByRole('button', { name: 'Öffnen', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Öffnen', exact: true }).click();
  await page.getByRole('tab', { name: 'Beitreten' }).or(page.getByRole('link', { name: 'Beitreten' })).first().click();
  const code = (await page.getByText(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/).first().textContent())!.trim();

  // the first seven briefs will be scored; the dots go to the first four (2, 2, 1, 1)
  const scored = imported.slice(0, 7);
  const label = (m: Measure) => `Nr. ${m.number}: ${m.title}`;
  const votes = [[scored[0], scored[1], scored[2]], [scored[0], scored[1], scored[3]]];
  for (const [i, who] of ['Frau Weber', 'Herr Yilmaz'].entries()) {
    const p = await phone(browser, code, who);
    await expect(p.getByText('Noch 3 von 3 Punkten')).toBeVisible();
    for (const m of votes[i]) {
      await p.getByLabel('Einträge filtern (Nummer oder Wort)').fill(m.title.slice(0, 20));
      await p.getByRole('button', { name: `+ Punkt : ${label(m)}`, exact: true }).click();
    }
    await expect(p.getByText(/Keine Punkte mehr übrig/)).toBeVisible();
    if (i === 0) await expectAccessible(p, 'ballot of 40 imported briefs (phone)');
    await p.context().close();
  }
  await page.getByRole('tab', { name: 'Abstimmungsrunden' }).or(page.getByRole('link', { name: 'Abstimmungsrunden' })).first().click();
  await page.getByRole('button', { name: 'Schließen', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Schließen', exact: true }).click();
  await expect(page.getByText('6 Punkte').first()).toBeVisible();

  // 3. a scoring round over eight briefs, the dots counting 25 %; seven are scored, one is not
  await page.goto('/priorities');
  await page.getByRole('button', { name: 'Neue Bewertungsrunde' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neue Bewertungsrunde' });
  await dialog.getByLabel('Name der Runde').fill('Priorisierung der Lenkungsgruppe');
  const inRound = imported.slice(0, 8);
  for (const m of inRound) await dialog.getByRole('group', { name: 'Maßnahmen' }).getByLabel(`Nr. ${m.number} ${m.title}`, { exact: true }).check();
  await expect(dialog.getByText('8 ausgewählt')).toBeVisible();
  await dialog.getByRole('group', { name: 'Bewertende' }).getByLabel(ADMIN.name).check();
  const dotSelect = dialog.getByLabel('Ergebnis einer Punkteabfrage (optional)');
  await dotSelect.selectOption((await dotSelect.locator('option', { hasText: 'Welche Maßnahmen zuerst?' }).getAttribute('value'))!);
  await dialog.getByLabel('Gewicht der Punkte (%)').fill('25');
  await dialog.getByRole('button', { name: 'Runde anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priorisierung der Lenkungsgruppe' })).toBeVisible();
  // strictly falling scores: measure i has i criteria one point lower
  for (const [i, m] of scored.entries()) {
    const group = page.getByRole('group', { name: `Nr. ${m.number} ${m.title}`, exact: true });
    const selects = group.getByRole('combobox');
    const n = await selects.count();
    for (let c = 0; c < n; c++) await selects.nth(c).selectOption(String(c < i ? 4 : 5));
  }
  // one save for the whole sheet
  await page.getByRole('button', { name: 'Bewertungen speichern' }).click();
  await expect(page.getByText(/Gespeichert: \d+ Änderung\(en\)\./)).toBeVisible();
  await page.getByRole('button', { name: 'Bewertungen aufdecken' }).click();
  await page.getByRole('dialog', { name: 'Bewertungen aufdecken?' }).getByRole('button', { name: 'Ja, fortfahren' }).click();
  await expect(page.getByText('Aufgedeckt', { exact: true })).toBeVisible();

  // 4. the decision: the Top 5 only, with a summary before it applies
  const before = await allMeasures(page);
  const decision = page.getByRole('region', { name: 'Entscheidung festhalten' });
  await decision.getByLabel('Gremium').fill('Stadtrat');
  await decision.getByLabel('Datum des Beschlusses').fill('2026-12-10');
  await decision.getByLabel('Top N: nur die ersten N der Rangfolge aufnehmen').fill('5');
  await decision.getByRole('button', { name: 'Auswahl übernehmen' }).click();
  const ranked = decision.getByRole('table', { name: 'Prioritätsklasse und Zeithorizont je Maßnahme' });
  await expect(ranked.getByRole('checkbox', { checked: true })).toHaveCount(5);
  await expect(decision.getByText('Ohne Rang – nicht vollständig bewertet (1)')).toBeVisible();
  await decision.getByRole('button', { name: 'Entscheidung festhalten und übernehmen' }).click();
  const confirm = page.getByRole('dialog', { name: 'Entscheidung übernehmen?' });
  await expect(confirm.getByText('Klasse und Zeithorizont werden bei 5 Maßnahme(n) gesetzt und im Verlauf protokolliert:')).toBeVisible();
  await expect(confirm.getByRole('table', { name: 'Was sich durch die Entscheidung ändert' }).getByRole('row')).toHaveCount(6);
  await expect(confirm.getByText('Alle anderen 3 Maßnahmen der Runde bleiben unverändert.')).toBeVisible();
  await expectAccessible(page, 'decision summary (Top 5)');
  await confirm.getByRole('button', { name: 'Ja, fortfahren' }).click();
  await expect(page.getByText('Entscheidung festgehalten.')).toBeVisible();

  // exactly the five best-ranked measures changed; every other measure of the municipality is as it was
  const after = await allMeasures(page);
  const top5 = new Set(scored.slice(0, 5).map((m) => m.id));
  for (const m of after) {
    const was = before.find((b) => b.id === m.id)!;
    if (top5.has(m.id)) {
      expect(m.version, m.title).toBe(was.version + 1);
      expect(m.priority, m.title).not.toBeNull();
    } else {
      expect({ status: m.status, priority: m.priority, horizon: m.horizon, version: m.version }, m.title)
        .toEqual({ status: was.status, priority: was.priority, horizon: was.horizon, version: was.version });
    }
  }
  await expectAccessible(page, 'scoring round after the decision');
});
