import { expect, type Page } from '@playwright/test';

/**
 * From our sign-in page through the test OpenID Connect provider's own pages (server/modules/sso/oidc-test-provider.ts:
 * oidc-provider's development login, any password, the login name picks the person; then its consent page).
 * Ends where the provider sends the browser back to the app.
 */
export async function signInAtTestProvider(page: Page, idpPort: number, login: string, button = 'Anmelden mit Stadt-Login') {
  await page.goto('/login');
  await page.getByRole('link', { name: button }).click();
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${idpPort}/interaction/`));
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('beliebig');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}
