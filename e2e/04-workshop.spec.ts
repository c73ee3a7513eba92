import { test, expect, devices, type Browser, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ensureDemoSetup, expectAccessible, phone, signIn } from './helpers';

test.describe.configure({ mode: 'serial' });


test('workshop: plan it, three phones join by code and vote, the projector follows live, Top N and protocol', async ({ page, browser }) => {
  await ensureDemoSetup(page);
  await signIn(page);
  await page.getByRole('link', { name: 'Workshops' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workshops' })).toBeVisible();
  await expectAccessible(page, 'workshop list');
  await page.getByRole('button', { name: 'Neuer Workshop' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Titel').fill('Strategiewerkstatt Partheland');
  await dialog.getByLabel('Beginn').fill('2026-11-21');
  await dialog.getByLabel('Ort').fill('Rathaus Borsdorf');
  await dialog.getByRole('button', { name: 'Workshop anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strategiewerkstatt Partheland' })).toBeVisible();
  await expectAccessible(page, 'workshop page');

  // the join code as shown to the room
  await page.getByRole('tab', { name: 'Beitreten' }).or(page.getByRole('link', { name: 'Beitreten' })).first().click();
  const codeText = await page.getByText(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/).first().textContent();
  const code = codeText!.trim();
  await expect(page.getByRole('img', { name: /QR-Code/ })).toBeVisible();
  await expectAccessible(page, 'join tab');

  // a round over free options, three dots each, live results, Top 2
  await page.getByRole('tab', { name: 'Abstimmungsrunden' }).or(page.getByRole('link', { name: 'Abstimmungsrunden' })).first().click();
  await page.getByRole('button', { name: 'Neue Abstimmungsrunde' }).click();
  const rd = page.getByRole('dialog');
  await rd.getByLabel('Titel der Runde').fill('Gemeinsame Ziele');
  await rd.getByLabel('Freie Optionen').check();
  await rd.getByLabel('Optionen zur Abstimmung').fill('Gemeinsame Verwaltung\nBürgerbeteiligung\nGemeinsames Marketing (App)\nÖPNV');
  await rd.getByLabel('Länge der Ergebnisliste (Top N)').fill('2');
  await expect(rd.getByText(/3 Punkte/).first()).toBeVisible();
  await expectAccessible(page, 'new round dialog');
  await rd.getByRole('button', { name: 'Runde anlegen' }).click();
  await page.getByRole('button', { name: 'Öffnen', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Öffnen', exact: true }).click();
  await expect(page.getByText('Runde „Gemeinsame Ziele“ ist offen.')).toBeVisible();

  // the projector in its own window
  const projectorHref = await page.getByRole('link', { name: 'Beamer-Ansicht' }).first().getAttribute('href');
  const projector = await page.context().newPage();
  await projector.goto(projectorHref!);
  await expect(projector.getByRole('heading', { level: 1, name: /Gemeinsame Ziele/ })).toBeVisible();
  await expect(projector.getByText('0 von 0 haben abgestimmt').first()).toBeVisible();
  await expectAccessible(projector, 'projector');

  // three participants on phones
  const phones = [await phone(browser, code, 'Bürgermeisterin Krause'), await phone(browser, code, 'Herr Lehmann'), await phone(browser, code, 'Frau Schulz')];
  await expect(projector.getByText('0 von 3 haben abgestimmt').first()).toBeVisible();
  await expectAccessible(phones[0], 'participant home (phone)');
  const votes = [['Bürgerbeteiligung', 'ÖPNV', 'Gemeinsame Verwaltung'], ['Bürgerbeteiligung', 'ÖPNV', 'Gemeinsames Marketing (App)'], ['Bürgerbeteiligung', 'Gemeinsame Verwaltung', 'Gemeinsames Marketing (App)']];
  for (const [i, p] of phones.entries()) {
    await expect(p.getByText('Noch 3 von 3 Punkten')).toBeVisible();
    for (const label of votes[i]) await p.getByRole('button', { name: `+ Punkt : ${label}` }).click();
    await expect(p.getByText(/Keine Punkte mehr übrig/)).toBeVisible();
  }
  // the fourth tap (on a button marked aria-disabled, still reachable) is refused in plain words
  await phones[0].getByRole('button', { name: '+ Punkt : Gemeinsames Marketing (App)' }).click({ force: true });
  await expect(phones[0].getByRole('alert').first()).toContainText('alle 3 Punkte');
  // take one back and place it elsewhere
  await phones[0].getByRole('button', { name: '− Punkt : Gemeinsame Verwaltung' }).click();
  await expect(phones[0].getByText('Noch 1 von 3 Punkten')).toBeVisible();
  await phones[0].getByRole('button', { name: '+ Punkt : Gemeinsames Marketing (App)' }).click();

  // the projector has followed live: 9 dots from 3 people
  await expect(projector.getByText('3 von 3 haben abgestimmt').first()).toBeVisible();
  await expect(projector.getByText(/Bürgerbeteiligung/).first()).toBeVisible();

  // close: Bürgerbeteiligung and Marketing share rank 1 with 3 dots each (shared rank "1 (gleichauf)"), then ÖPNV 2, Verwaltung 1
  await page.getByRole('button', { name: 'Schließen', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Schließen', exact: true }).click();
  await expect(page.getByText('Runde „Gemeinsame Ziele“ ist geschlossen.')).toBeVisible();
  await expect(projector.getByText(/geschlossen/i).first()).toBeVisible();
  const table = page.getByRole('table', { name: /Ergebnis der Runde „Gemeinsame Ziele“/ });
  await expect(table.getByRole('row').nth(1)).toContainText('Bürgerbeteiligung');
  await expect(table.getByRole('row').nth(1)).toContainText('1 (gleichauf)');
  await expect(page.getByText(/Grenze der Top 2/).first()).toBeVisible();
  await expectAccessible(page, 'closed round with results');
  // a closed round refuses dots
  await phones[1].reload();
  await expect(phones[1].getByRole('button', { name: /\+ Punkt/ })).toHaveCount(0);

  // protocol as PDF (rendered) and DOCX (opened)
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Protokoll (PDF)' }).click();
  const pdfPath = (await (await pdfDownload).path())!;
  const png = execFileSync('pdftocairo', ['-png', '-r', '40', '-singlefile', '-f', '1', '-l', '1', pdfPath, '-']);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const text = execFileSync('pdftotext', [pdfPath, '-']).toString();
  for (const s of ['Strategiewerkstatt Partheland', 'Bürgermeisterin Krause', 'Gemeinsame Ziele', 'Bürgerbeteiligung']) expect(text).toContain(s);
  const docxDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Protokoll (Word)' }).click();
  const zip = await JSZip.loadAsync(readFileSync((await (await docxDownload).path())!));
  expect(await zip.file('word/document.xml')!.async('string')).toContain('Strategiewerkstatt Partheland');
});

test('workshop: a round over the municipality\'s existing briefs, chosen with the list\'s filters; a decision at the cut is revised with a reason', async ({ page, browser }) => {
  await ensureDemoSetup(page);
  await signIn(page);
  await page.getByRole('link', { name: 'Workshops' }).click();
  await page.getByRole('button', { name: 'Neuer Workshop' }).click();
  await page.getByRole('dialog').getByLabel('Titel').fill('Führungskräfteworkshop Musterstadt');
  await page.getByRole('dialog').getByRole('button', { name: 'Workshop anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Führungskräfteworkshop Musterstadt' })).toBeVisible();
  await page.getByRole('tab', { name: 'Abstimmungsrunden' }).or(page.getByRole('link', { name: 'Abstimmungsrunden' })).first().click();
  await page.getByRole('button', { name: 'Neue Abstimmungsrunde' }).click();
  const rd = page.getByRole('dialog');
  await rd.getByLabel('Titel der Runde').fill('Welche Steckbriefe zuerst?');
  await expect(rd.getByLabel('Steckbriefe der Kommune')).toBeChecked();
  // nothing is preselected; the municipality's briefs (written outside this workshop) are listed
  const count = rd.locator('.ws-picker-count');
  await expect(count).toContainText('0 ausgewählt');
  await expect(count).toContainText(/von \d+ angezeigt/);
  const all = Number((await count.textContent())!.match(/(\d+) von \1 angezeigt/)![1]);
  expect(all).toBeGreaterThan(12);

  // the list's district filter narrows the list; take all shown
  await rd.getByRole('button', { name: 'Filter' }).click();
  await rd.getByRole('group', { name: 'Stadtteile' }).getByLabel('Altstadt').check();
  await expect(count).not.toContainText(`${all} von ${all}`);
  const old = Number((await count.textContent())!.match(/(\d+) von \1 angezeigt/)![1]);
  expect(old).toBeGreaterThan(1);
  await rd.getByRole('button', { name: `Alle angezeigten auswählen (${old})` }).click();
  await expect(count).toContainText(`${old} ausgewählt`);
  await expectAccessible(page, 'round dialog with the brief picker');
  // without the filter, the ticked ones stay ticked; then all of them, and one taken out again
  await rd.getByRole('button', { name: 'Stadtteile: Altstadt entfernen' }).click();
  await expect(count).toContainText(`${all} von ${all} angezeigt`);
  await rd.getByRole('button', { name: `Alle angezeigten auswählen (${all})` }).click();
  await expect(count).toContainText(`${all} ausgewählt`);
  await rd.locator('.ws-pick-list input[type=checkbox]').first().uncheck();
  await expect(count).toContainText(`${all - 1} ausgewählt`);
  await rd.getByLabel('Länge der Ergebnisliste (Top N)').fill('2');
  await rd.getByRole('button', { name: 'Runde anlegen' }).click();
  await expect(page.getByText(`${all - 1} Einträge`)).toBeVisible();

  await page.getByRole('button', { name: 'Öffnen', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Öffnen', exact: true }).click();
  await page.getByRole('tab', { name: 'Beitreten' }).or(page.getByRole('link', { name: 'Beitreten' })).first().click();
  const code = (await page.getByText(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/).first().textContent())!.trim();

  // the long ballot on a phone: a filter box finds the briefs; three dots on three briefs
  const p = await phone(browser, code, 'Frau Weber');
  await expect(p.getByText(`${all - 1} von ${all - 1} Einträgen angezeigt`)).toBeVisible();
  const labels = (await p.locator('.vote-label').allTextContents()).slice(0, 3);
  for (const label of labels) {
    await p.getByLabel('Einträge filtern (Nummer oder Wort)').fill(label.replace(/^Nr\. \d+: /, ''));
    await p.getByRole('button', { name: `+ Punkt : ${label}`, exact: true }).click();
  }
  await expect(p.getByText(/Keine Punkte mehr übrig/)).toBeVisible();
  await p.getByLabel('Einträge filtern (Nummer oder Wort)').fill('');
  await p.getByLabel('Nur Einträge mit meinen Punkten').check();
  await expect(p.locator('.vote-label')).toHaveCount(3);
  await expectAccessible(p, 'long ballot with filter (phone)');

  // three briefs share rank 1 for two seats: a decision, then a revision with its reason
  await page.getByRole('tab', { name: 'Abstimmungsrunden' }).or(page.getByRole('link', { name: 'Abstimmungsrunden' })).first().click();
  await page.getByRole('button', { name: 'Schließen', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Schließen', exact: true }).click();
  await page.getByRole('button', { name: 'Entscheidung festhalten' }).click();
  const dd = page.getByRole('dialog');
  await dd.getByLabel(labels[0], { exact: true }).check();
  await dd.getByLabel(labels[1], { exact: true }).check();
  await dd.getByLabel('Begründung').fill('Beide sind schon finanziert.');
  await dd.getByRole('button', { name: 'Entscheidung speichern' }).click();
  await expect(page.getByText('Die Entscheidung wurde festgehalten.')).toBeVisible();
  await page.getByRole('button', { name: 'Entscheidung ändern' }).click();
  const rv = page.getByRole('dialog');
  await rv.getByLabel(labels[0], { exact: true }).check();
  await rv.getByLabel(labels[2], { exact: true }).check();
  await rv.getByLabel('Begründung', { exact: true }).fill('Die Förderung für den zweiten fiel weg.');
  await rv.getByRole('button', { name: 'Geänderte Entscheidung speichern' }).click();
  await expect(rv.getByText('Bitte begründen Sie, warum die Entscheidung geändert wird.').first()).toBeVisible();
  await rv.getByLabel('Warum wird die Entscheidung geändert?').fill('Bescheid des Fördermittelgebers vom 3.12.');
  await rv.getByRole('button', { name: 'Geänderte Entscheidung speichern' }).click();
  await expect(page.getByText('Geändert, weil: Bescheid des Fördermittelgebers vom 3.12.')).toBeVisible();
  await page.getByText('Frühere Entscheidungen (1)').click();
  await expect(page.getByText('Entschieden: ').first()).toContainText('Beide sind schon finanziert.');
  await expectAccessible(page, 'revised decision with its history');
  await p.context().close();
});

/** A device opening the join page with a code typed in (workshop code or personal code). */
async function device(browser: Browser, code: string, locale = 'de-DE'): Promise<Page> {
  const ctx = await browser.newContext({ ...devices['Pixel 7'], locale, baseURL: test.info().project.use.baseURL });
  // The app's language is the one chosen on the join page (kept in localStorage), German by default.
  if (locale !== 'de-DE') await ctx.addInitScript(() => localStorage.setItem('rf.locale', 'en'));
  const page = await ctx.newPage();
  await page.goto('/join');
  await page.getByLabel(locale === 'de-DE' ? 'Beitrittscode' : 'Join code').fill(code);
  await page.getByRole('button', { name: /Weiter|Next/ }).click();
  return page;
}

test('workshop with named participants: personal codes printed, one person on two devices has one budget, the workshop code admits no one else, a finished workshop refuses', async ({ page, browser }) => {
  await ensureDemoSetup(page);
  await signIn(page);
  await page.getByRole('link', { name: 'Workshops' }).click();
  await page.getByRole('button', { name: 'Neuer Workshop' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Titel').fill('Ratsklausur Musterstadt');
  await dialog.getByLabel('Teilnahme').selectOption('named');
  await expectAccessible(page, 'new workshop dialog with participation');
  await dialog.getByRole('button', { name: 'Workshop anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ratsklausur Musterstadt' })).toBeVisible();
  await expect(page.getByText('Namentlich: nur eingeladene Personen mit persönlichem Code')).toBeVisible();

  // the facilitator lists the people and prints their codes
  await page.getByRole('link', { name: 'Teilnehmende' }).or(page.getByRole('tab', { name: 'Teilnehmende' })).first().click();
  for (const name of ['Frau Albrecht', 'Herr Bauer']) {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Hinzufügen' }).first().click();
    await expect(page.getByText(`${name} nimmt jetzt teil.`)).toBeVisible();
  }
  await expect(page.getByRole('cell', { name: 'Frau Albrecht', exact: true })).toBeVisible();
  await expectAccessible(page, 'participants with personal codes');
  // a slip went missing: Herr Bauer gets a new code before the list is printed
  await page.getByRole('button', { name: 'Neuer Code : Herr Bauer' }).click();
  await expect(page.getByText(/^Neuer Code für Herr Bauer: [A-Z0-9]{5}-[A-Z0-9]{5}\./)).toBeVisible();
  await page.getByRole('link', { name: 'Persönliche Codes drucken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Persönliche Codes: Ratsklausur Musterstadt' })).toBeVisible();
  const slip = page.getByRole('listitem', { name: 'Code für Frau Albrecht' });
  await expect(slip.getByRole('img', { name: 'QR-Code zum Beitreten als Frau Albrecht' })).toBeVisible();
  const albrecht = (await slip.locator('.code-slip-code').textContent())!.trim();
  const bauer = (await page.getByRole('listitem', { name: 'Code für Herr Bauer' }).locator('.code-slip-code').textContent())!.trim();
  expect(albrecht).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  await expectAccessible(page, 'printable personal codes');
  await page.getByRole('link', { name: /Zurück/ }).click();

  // a round, opened
  await page.getByRole('link', { name: 'Abstimmungsrunden' }).or(page.getByRole('tab', { name: 'Abstimmungsrunden' })).first().click();
  await page.getByRole('button', { name: 'Neue Abstimmungsrunde' }).click();
  const rd = page.getByRole('dialog');
  await rd.getByLabel('Titel der Runde').fill('Schwerpunkte');
  await rd.getByLabel('Freie Optionen').check();
  await rd.getByLabel('Optionen zur Abstimmung').fill('Schule\nRadweg\nMarkt');
  await rd.getByRole('button', { name: 'Runde anlegen' }).click();
  await page.getByRole('button', { name: 'Öffnen', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Öffnen', exact: true }).click();
  await page.getByRole('link', { name: 'Beitreten' }).or(page.getByRole('tab', { name: 'Beitreten' })).first().click();
  const code = (await page.getByText(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/).first().textContent())!.trim();

  // the workshop code alone admits no one
  const stranger = await device(browser, code);
  await expect(stranger.getByText(/nur eingeladene Personen teil/)).toBeVisible();
  await expect(stranger.getByLabel('Ihr Name')).toHaveCount(0);
  await expectAccessible(stranger, 'named workshop, workshop code only (phone)');

  // Frau Albrecht's phone joins with her personal code; her tablet with the same code is the same person
  const phone = await device(browser, albrecht);
  await expect(phone.getByText('Sie nehmen teil als: Frau Albrecht')).toBeVisible();
  await expectAccessible(phone, 'join with a personal code (phone)');
  const english = await device(browser, bauer, 'en-GB');
  await expect(english.getByText('You take part as: Herr Bauer')).toBeVisible();
  await expect(english.getByRole('button', { name: 'Join as Herr Bauer' })).toBeVisible();
  await expectAccessible(english, 'join with a personal code (phone, English)');
  await english.context().close();
  await phone.getByRole('button', { name: 'Als Frau Albrecht beitreten' }).click();
  await expect(phone.getByText('Hallo Frau Albrecht')).toBeVisible();
  await phone.getByRole('button', { name: '+ Punkt : Schule' }).click();
  await phone.getByRole('button', { name: '+ Punkt : Radweg' }).click();
  await expect(phone.getByText('Noch 1 von 3 Punkten')).toBeVisible();
  const tablet = await device(browser, albrecht.toLowerCase().replace('-', ' '));
  await tablet.getByRole('button', { name: 'Als Frau Albrecht beitreten' }).click();
  await expect(tablet.getByText('Hallo Frau Albrecht')).toBeVisible();
  await expect(tablet.getByText('Noch 1 von 3 Punkten')).toBeVisible();
  await tablet.getByRole('button', { name: '+ Punkt : Markt' }).click();
  await expect(tablet.getByText(/Keine Punkte mehr übrig/)).toBeVisible();

  // the workshop ends: Herr Bauer's code no longer admits him, and the phone shows only the results
  await page.getByRole('link', { name: 'Details' }).or(page.getByRole('tab', { name: 'Details' })).first().click();
  await page.getByRole('button', { name: 'Bearbeiten' }).click();
  await page.getByLabel('Status').selectOption('done');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Gespeichert.')).toBeVisible();
  const late = await device(browser, bauer);
  await expect(late.getByText('Dieser Workshop ist beendet. Beitreten und Abstimmen sind nicht mehr möglich.')).toBeVisible();
  await expect(late.getByRole('button', { name: /beitreten/i })).toHaveCount(0);
  await expectAccessible(late, 'finished workshop (phone)');
  await expect(phone.getByText(/Dieser Workshop ist beendet/)).toBeVisible();
  await expect(phone.getByRole('button', { name: /\+ Punkt/ })).toHaveCount(0);
  const lateEn = await device(browser, bauer, 'en-GB');
  await expect(lateEn.getByText('This workshop has ended. Joining and voting are no longer possible.')).toBeVisible();
  await expectAccessible(lateEn, 'finished workshop (phone, English)');
  for (const p of [stranger, phone, tablet, late, lateEn]) await p.context().close();
});
