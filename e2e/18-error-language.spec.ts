import { expect, test, type Page } from '@playwright/test';
import { ensureDemoSetup, expectAccessible, signIn } from './helpers';

/**
 * Issue 13: the server's error messages follow the UI's language (the web client sends it as
 * Accept-Language). A duplicate district name is refused by the server (409), and the dialog shows the
 * server's own message: in English in the English UI, in German in the German one.
 */
async function addDuplicateDistrict(page: Page, labels: { add: string; save: string }) {
  await page.goto('/concept/districts');
  await page.getByRole('button', { name: labels.add }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /^Name/ }).fill('Altstadt'); // a district of the demo data
  await dialog.getByRole('button', { name: labels.save }).click();
  return dialog;
}

test('a server error in the English UI is English, in the German UI German', async ({ page }) => {
  test.slow(); // two axe runs
  await ensureDemoSetup(page);
  await signIn(page);
  await page.goto('/concept/districts');
  await page.getByRole('group', { name: /Sprache|Language/ }).getByRole('button', { name: 'EN' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  let dialog = await addDuplicateDistrict(page, { add: 'New district', save: 'Create' });
  await expect(dialog.getByRole('alert')).toHaveText('District “Altstadt” already exists.');
  await expectAccessible(page, 'duplicate district (en)');
  await page.keyboard.press('Escape');

  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'DE' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  dialog = await addDuplicateDistrict(page, { add: 'Neuer Stadtteil', save: 'Anlegen' });
  await expect(dialog.getByRole('alert')).toHaveText('Stadtteil „Altstadt“ gibt es schon.');
  await expectAccessible(page, 'duplicate district (de)');
});
