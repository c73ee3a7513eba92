import { test, expect } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

const PAGES: [string, RegExp][] = [
  ['/', /Übersicht|Überblick|Dashboard/],
  ['/measures', /Maßnahmen/],
  ['/measures/new', /Neue Maßnahme/],
  ['/measures/import', /import/i],
  ['/districts', /Stadtteil/],
  ['/departments', /Amt|Ämter/],
  ['/concept', /Leitbild|Konzept/],
  ['/concept/dimensions', /Dimensionen/],
  ['/concept/action-fields', /Handlungsfelder/],
  ['/concept/goals', /Ziele/],
  ['/concept/districts', /Stadtteile/],
  ['/concept/departments', /Ämter/],
  ['/admin/users', /Benutzer|Personen/],
  ['/profile', /Profil/],
  ['/workshops', /Workshops/],
  ['/funding/programmes', /Förderprogramme/],
  ['/funding/kofi', /Kosten- und Finanzierungsübersicht/],
  ['/funding/saved-searches', /Gespeicherte Suchen/],
  ['/funding/deadlines', /Antragsfristen/],
  ['/priorities', /Priorisierung/],
  ['/priorities/criteria', /Kriterien und Gewichte/],
  ['/responsibility', /Zuständigkeiten/],
  ['/roadmap', /Fahrplan/],
  ['/synergies', /Synergien/],
  ['/map', /Karte/],
];

/** The pages of prioritisation and coordination once more in English (own texts, own lang handling). */
const ENGLISH: [string, RegExp][] = [
  ['/funding/saved-searches', /Saved searches/],
  ['/funding/deadlines', /Application deadlines/],
  ['/priorities', /Prioritisation/],
  ['/priorities/criteria', /Criteria and weights/],
  ['/responsibility', /Responsibilities/],
  ['/roadmap', /Roadmap/],
  ['/synergies', /Synergies/],
  ['/map', /Map/],
];

test('every page has one h1 and no axe violations, in German and in English', async ({ page }) => {
  test.slow(); // some thirty pages, each checked by axe
  await signIn(page);
  for (const [path, heading] of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(heading);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expectAccessible(page, path);
  }
  // switch the language in the header: the UI follows, and the choice sticks
  await page.goto('/measures');
  await page.getByRole('button', { name: /English|EN/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Measures');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, '/measures (en)');
  await page.goto('/concept/goals');
  await expectAccessible(page, '/concept/goals (en)');
  for (const [path, heading] of ENGLISH) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }), `${path} (en)`).toHaveText(heading);
    await expectAccessible(page, `${path} (en)`);
  }
  await page.getByRole('button', { name: /Deutsch|DE/ }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

test('keyboard only: skip link, then reach the search and submit it', async ({ page }) => {
  await signIn(page);
  await page.goto('/measures');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByLabel('Suche').focus();
  await page.keyboard.type('Radweg');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=Radweg/);
  await expect(page.getByRole('link', { name: /Radweg/ }).first()).toBeVisible();
});
