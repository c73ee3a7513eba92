import { test, expect, devices, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { ADMIN, ensureDemoSetup, expectAccessible, signIn } from './helpers';

/** Scores all criteria of one measure on the rater's sheet (one group per measure) and saves the sheet with its one button. */
async function score(page: Page, measureTitle: string, values: number[]) {
  const group = page.getByRole('group', { name: new RegExp(measureTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  const selects = group.getByRole('combobox');
  await expect(selects).toHaveCount(values.length);
  for (const [i, v] of values.entries()) await selects.nth(i).selectOption(String(v));
  await expect(page.getByText(/\d+ ungespeicherte Änderung\(en\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Bewertungen speichern' }).click();
  await expect(page.getByText(/Gespeichert: \d+ Änderung\(en\)\./)).toBeVisible();
  await expect(page.getByText('Alles gespeichert.')).toBeVisible();
}

test('prioritisation: two raters score independently, divergence, reveal, decision with the chart; then roadmap, matrix and a synergy', async ({ page, browser }) => {
  // a long journey with two browsers and many axe runs: three times the default budget on a busy machine
  test.slow();
  await ensureDemoSetup(page);
  await signIn(page);

  // a second rater: a department head, created through the API as the admin
  const concept = await (await page.request.get('/api/v1/concept')).json();
  const rater = { email: `bernd.${randomBytes(3).toString('hex')}@musterstadt.example`, name: `Bernd Bauamt ${randomBytes(2).toString('hex')}`, password: 'Bauamt-Bewertung-2026' };
  const created = await page.request.post('/api/v1/users', {
    data: { ...rater, role: 'department', departmentId: concept.departments[0].id },
  });
  expect(created.status()).toBe(201);

  // criteria: the defaults, weights summing to 100
  await page.getByRole('link', { name: 'Priorisierung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priorisierung' })).toBeVisible();
  await expectAccessible(page, 'priorities');
  await page.getByRole('link', { name: 'Kriterien und Gewichte' }).click();
  await expect(page.getByText('Summe der Gewichte: 100 %')).toBeVisible();
  await expect(page.getByLabel('Name').first()).toHaveValue('Beitrag zu den Zielen');
  await expectAccessible(page, 'criteria');
  // weights that do not sum to 100 are refused with a clear message
  const firstWeight = page.getByLabel('Gewicht (%)').first();
  await firstWeight.fill('30');
  await expect(page.getByText('Summe der Gewichte: 105 % – sie muss genau 100 % sein.')).toBeVisible();
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('alert')).toContainText('Die Gewichte ergeben zusammen 105 %, sie müssen genau 100 % ergeben.');
  await firstWeight.fill('25');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Gespeichert.')).toBeVisible();

  // a new round with four measures and both raters; the fourth will stay unscored
  await page.getByRole('link', { name: 'Zurück zur Priorisierung' }).click();
  await page.getByRole('button', { name: 'Neue Bewertungsrunde' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neue Bewertungsrunde' });
  const roundName = `Priorisierung FKW ${randomBytes(2).toString('hex')}`;
  await dialog.getByLabel('Name der Runde').fill(roundName);
  const measureBoxes = dialog.getByRole('group', { name: 'Maßnahmen' }).getByRole('checkbox');
  await expect(measureBoxes.first()).toBeVisible();
  const titles: string[] = [];
  for (let i = 0; i < 4; i++) {
    await measureBoxes.nth(i).check();
    titles.push(((await measureBoxes.nth(i).locator('xpath=..').innerText()).replace(/^Nr\. \d+ /, '')).trim());
  }
  await expect(dialog.getByText('4 ausgewählt')).toBeVisible();
  const raters = dialog.getByRole('group', { name: 'Bewertende' });
  await raters.getByLabel(ADMIN.name).check();
  await raters.getByLabel(new RegExp(rater.name)).check();
  await expectAccessible(page, 'new round dialog');
  await dialog.getByRole('button', { name: 'Runde anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: roundName })).toBeVisible();
  const roundUrl = page.url();
  // the coordinator can still change the round (name, measures, raters) while it is not closed
  await page.getByRole('button', { name: 'Runde bearbeiten' }).click();
  const edit = page.getByRole('dialog', { name: 'Bewertungsrunde bearbeiten' });
  await expect(edit.getByLabel('Name der Runde')).toHaveValue(roundName);
  await expect(edit.getByText('4 ausgewählt')).toBeVisible();
  await expectAccessible(page, 'edit round dialog');
  await edit.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('Ihre Bewertung: 0 von 24 bewertet')).toBeVisible();

  // rater 1 (the admin): the first measure top marks, the others middling
  await score(page, titles[0], [5, 5, 5, 5, 5, 5]);
  await score(page, titles[1], [4, 3, 4, 3, 4, 3]);
  await score(page, titles[2], [2, 2, 3, 3, 2, 2]);
  await expect(page.getByText('Ihre Bewertung: 18 von 24 bewertet')).toBeVisible();
  await expectAccessible(page, 'round, scored by the admin');

  // rater 2 on a phone: sees only their own (empty) sheet, not the admin's scores
  const phone = await browser.newContext({ ...devices['Pixel 7'], locale: 'de-DE', baseURL: test.info().project.use.baseURL });
  const p2 = await phone.newPage();
  await signIn(p2, rater.email, rater.password);
  await p2.goto(roundUrl);
  await expect(p2.getByText(/Die Bewertungen sind verdeckt/)).toBeVisible();
  await expect(p2.getByText('Ihre Bewertung: 0 von 24 bewertet')).toBeVisible();
  await expect(p2.getByText('Die Rangfolge erscheint, sobald die Koordination die Bewertungen aufdeckt.')).toBeVisible();
  const firstSelect = p2.getByRole('group', { name: new RegExp(titles[0]) }).getByRole('combobox').first();
  await expect(firstSelect).toHaveValue('');
  // the written meaning of each score is in the options
  await expect(firstSelect.locator('option', { hasText: '5 – Schlüsselmaßnahme für mehrere Ziele und Dimensionen' })).toHaveCount(1);
  await expectAccessible(p2, 'round on a phone, rater 2');
  await score(p2, titles[0], [1, 1, 1, 1, 1, 1]);
  await score(p2, titles[1], [4, 4, 4, 3, 3, 3]);
  await score(p2, titles[2], [2, 3, 3, 3, 2, 2]);
  await expect(p2.getByText('Ihre Bewertung: 18 von 24 bewertet')).toBeVisible();

  // the coordinator sees where raters diverge (no values yet), then reveals
  await page.reload();
  const divergences = page.getByRole('region', { name: /Zur Diskussion/ });
  await expect(divergences.getByRole('listitem')).toHaveCount(6);
  await expect(divergences.getByRole('listitem').first()).toContainText(titles[0]);
  await page.getByRole('button', { name: 'Bewertungen aufdecken' }).click();
  await page.getByRole('dialog', { name: 'Bewertungen aufdecken?' }).getByRole('button', { name: 'Ja, fortfahren' }).click();
  await expect(page.getByText('Aufgedeckt', { exact: true })).toBeVisible();
  const results = page.getByRole('table', { name: 'Rangfolge der Maßnahmen nach gewichteter Bewertung' });
  await expect(results.getByRole('row')).toHaveCount(5);
  await expect(results.getByRole('row', { name: new RegExp(titles[3].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toContainText('ohne Rang');
  await expect(results.getByText(/6 Abweichung\(en\)/)).toBeVisible();
  await expect(divergences.getByText(/Noten von 1 bis 5/).first()).toBeVisible();

  // the chart: three named, keyboard-focusable points and a table alternative
  const points = page.getByRole('img', { name: /Nutzen .*, Aufwand / });
  await expect(points).toHaveCount(3);
  await points.first().focus();
  await expect(points.first()).toBeFocused();
  await expect(page.getByTestId('chart-tip')).toContainText(/Nr\. \d+ /); // the title shows on keyboard focus
  await expect(page.getByRole('table', { name: 'Werte als Tabelle' }).getByRole('row')).toHaveCount(4);
  await expectAccessible(page, 'revealed results with chart');

  // rater 2 now sees everyone's scores
  await p2.reload();
  await expect(p2.getByRole('table', { name: 'Rangfolge der Maßnahmen nach gewichteter Bewertung' })).toBeVisible();
  await expectAccessible(p2, 'revealed results on a phone');
  await phone.close();

  // the decision: only the ranked measures are preselected; the unscored one waits apart, unticked
  const unscored = await (await page.request.get(`/api/v1/measures?q=${encodeURIComponent(titles[3])}`)).json();
  const unscoredBefore = unscored.items.find((m: { title: string }) => m.title === titles[3]);
  const decision = page.getByRole('region', { name: 'Entscheidung festhalten' });
  await decision.getByLabel('Gremium').fill('Stadtrat');
  await decision.getByLabel('Datum des Beschlusses').fill('2023-10-12');
  const ranked = decision.getByRole('table', { name: 'Prioritätsklasse und Zeithorizont je Maßnahme' });
  await expect(ranked.getByRole('row')).toHaveCount(4);
  await expect(ranked.getByRole('checkbox', { checked: true })).toHaveCount(3);
  const unrankedSection = decision.getByText('Ohne Rang – nicht vollständig bewertet (1)');
  await expect(unrankedSection).toBeVisible();
  await unrankedSection.click();
  const unranked = decision.getByRole('table', { name: 'Maßnahmen ohne Rang: nur einzeln aufnehmen' });
  await expect(unranked.getByRole('checkbox')).not.toBeChecked();
  await expect(unranked.getByRole('combobox', { name: /Klasse für/ })).toHaveValue('');
  // ticking it without choosing a class is refused with a message on its row; untick it again
  await unranked.getByRole('checkbox').check();
  await decision.getByRole('button', { name: 'Entscheidung festhalten und übernehmen' }).click();
  await expect(unranked.getByText(/Bitte Klasse und Zeithorizont für .* wählen\./)).toBeVisible();
  await expectAccessible(page, 'decision form with the unranked section');
  await unranked.getByRole('checkbox').uncheck();
  // Top 2 only, and the top-ranked measure goes to class C (highlighted as a departure)
  await decision.getByLabel('Top N: nur die ersten N der Rangfolge aufnehmen').fill('2');
  await decision.getByRole('button', { name: 'Auswahl übernehmen' }).click();
  await expect(ranked.getByRole('checkbox', { checked: true })).toHaveCount(2);
  const topRow = ranked.getByRole('row').nth(1);
  const topTitle = (await topRow.getByRole('cell').nth(2).innerText()).split('\n')[0];
  await topRow.getByRole('combobox', { name: /Klasse für/ }).selectOption('C');
  await expect(topRow.getByText(/weicht stark ab \(Rang 1, Vorschlag A\)/)).toBeVisible();
  await decision.getByRole('button', { name: 'Entscheidung festhalten und übernehmen' }).click();
  // the summary before confirming: two measures, old → new, the other two unchanged
  const confirm = page.getByRole('dialog', { name: 'Entscheidung übernehmen?' });
  await expect(confirm.getByText('Klasse und Zeithorizont werden bei 2 Maßnahme(n) gesetzt und im Verlauf protokolliert:')).toBeVisible();
  const summary = confirm.getByRole('table', { name: 'Was sich durch die Entscheidung ändert' });
  await expect(summary.getByRole('row')).toHaveCount(3);
  await expect(summary.getByRole('row', { name: new RegExp(topTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toContainText('C – später');
  await expect(confirm.getByText('Alle anderen 2 Maßnahmen der Runde bleiben unverändert.')).toBeVisible();
  await expectAccessible(page, 'decision summary');
  await confirm.getByRole('button', { name: 'Ja, fortfahren' }).click();
  await expect(page.getByText('Entscheidung festgehalten.')).toBeVisible();
  // the unscored measure is exactly as it was
  const unscoredAfter = await (await page.request.get(`/api/v1/measures/${unscoredBefore.id}`)).json();
  expect({ status: unscoredAfter.status, priority: unscoredAfter.priority, horizon: unscoredAfter.horizon, version: unscoredAfter.version })
    .toEqual({ status: unscoredBefore.status, priority: unscoredBefore.priority, horizon: unscoredBefore.horizon, version: unscoredBefore.version });
  const record = page.getByRole('article', { name: 'Stadtrat, 12.10.2023' });
  await expect(record).toBeVisible();
  await expect(record.getByRole('row', { name: new RegExp(topTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toContainText('weicht stark ab');
  await expectAccessible(page, 'recorded decision');

  // the measure carries the class now
  await page.goto('/measures?priority=C');
  await expect(page.getByRole('link', { name: topTitle.replace(/^Nr\. \d+ /, '') })).toBeVisible();

  // coordination goes on in the shared roadmap and the responsibility matrix
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fahrplan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fahrplan' })).toBeVisible();
  await expectAccessible(page, 'roadmap');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Zuständigkeiten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zuständigkeiten' })).toBeVisible();
  await expectAccessible(page, 'responsibility matrix');
  // … and in the synergy finder: confirm the best pair of two departments as related
  await page.getByRole('link', { name: 'Synergien' }).click();
  // the decision just changed measures, so the server recomputes all pairs first: a longer wait on a busy machine
  await expect(page.getByRole('heading', { level: 1, name: 'Synergien' })).toBeVisible({ timeout: 30_000 });
  const pair = page.locator('li.synergy-pair').first();
  await expect(pair).toBeVisible({ timeout: 30_000 });
  await pair.getByRole('button', { name: 'Als verwandt verknüpfen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'jetzt als verwandt verknüpft' })).toBeVisible();
  await expectAccessible(page, 'synergies');
});
