import { test, expect, devices } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

// A workshop participant's phone: small screen, touch, German.
test.use({ ...devices['Pixel 7'], browserName: 'chromium', locale: 'de-DE' });

test('on a phone: sign in, open the menu, filter the list by district, read a brief', async ({ page }) => {
  await signIn(page);
  const menu = page.getByRole('button', { name: 'Menü' });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('link', { name: 'Nach Stadtteil' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'by district (phone)');

  await page.goto('/measures');
  await expect(page.getByText(/\d+ Maßnahmen/).first()).toBeVisible();
  // nothing may force the page wider than the screen
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await expectAccessible(page, 'measure list (phone)');

  await page.getByRole('link', { name: 'Sanierung des Ständehauses' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sanierung des Ständehauses' })).toBeVisible();
  const overflowDetail = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflowDetail).toBeLessThanOrEqual(1);
  await expectAccessible(page, 'measure detail (phone)');
});
