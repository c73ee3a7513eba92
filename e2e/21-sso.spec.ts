import { test, expect, type Page } from '@playwright/test';
import { ADMIN, ensureDemoSetup, expectAccessible, signIn } from './helpers';
import { signInAtTestProvider } from './sso';
import { startTestProvider, type TestProvider } from '../server/modules/sso/oidc-test-provider';
import { startTestSamlIdp, type TestSamlIdp } from '../server/modules/sso/saml-test-idp';

// Issue 14, single sign-on: the admin connects Musterstadt to its identity provider (a real OpenID Connect
// provider, the certified oidc-provider package, started here on 127.0.0.1:3133 with its own login and
// consent pages), Berta signs in through it and lands on her home as ISEK coordinator (from her group),
// signs out at the app and the provider; Kurt, in no mapped group, sees the refusal page; then the admin
// switches to SAML 2.0 (a small signing test IdP) and Clara signs in through it as a reader. axe on the new
// pages, German and English, and at 390×844. The provider is removed at the end, so later journeys see
// the sign-in page as before.

test.describe.configure({ mode: 'serial' });

const IDP_PORT = 3133;
let idp: TestProvider;
let samlIdp: TestSamlIdp;
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

test.beforeAll(async ({ browser }) => {
  const base = test.info().project.use.baseURL!;
  idp = await startTestProvider({ port: IDP_PORT, redirectUris: [`${base}/api/v1/auth/sso/oidc/callback`], postLogoutRedirectUris: [`${base}/login`] });
  idp.people.berta = { email: 'berta.beispiel@musterstadt.example', email_verified: true, name: 'Berta Beispiel', groups: ['rf-koordination'] };
  idp.people.kurt = { email: 'kurt.kantine@musterstadt.example', email_verified: true, name: 'Kurt Kantine', groups: ['kantine'] };
  samlIdp = await startTestSamlIdp();
  samlIdp.people.clara = { email: 'clara.saml@musterstadt.example', name: 'Clara SAML', groups: ['rf-lesen'] };
  const ctx = await browser.newContext();
  await ensureDemoSetup(await ctx.newPage());
  await ctx.close();
});
test.afterAll(async () => {
  await idp?.close();
  await samlIdp?.close();
});

const signInAtProvider = (page: Page, login: string) => signInAtTestProvider(page, IDP_PORT, login);

test('the admin connects the identity provider', async ({ page }) => {
  await signIn(page);
  await mainNav(page).getByRole('link', { name: 'Anmeldung (SSO)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmeldung über Identitätsanbieter' })).toBeVisible();
  await expect(page.getByText('Noch kein Identitätsanbieter eingerichtet.')).toBeVisible();
  await expect(page.getByText(`${test.info().project.use.baseURL}/api/v1/auth/sso/oidc/callback`)).toBeVisible();
  await expectAccessible(page, 'SSO admin page, empty');
  // SAML 2.0 for providers without OpenID Connect: its own fields and the ACS address to register
  await page.getByLabel('SAML 2.0 (für Anbieter ohne OpenID Connect)').check();
  await expect(page.getByText(`${test.info().project.use.baseURL}/api/v1/auth/sso/saml/acs`)).toBeVisible();
  await expect(page.getByLabel('Signaturzertifikat des Anbieters (PEM)')).toBeVisible();
  await expectAccessible(page, 'SSO admin page, SAML');
  await page.getByLabel('OpenID Connect (Keycloak, ADFS, Entra ID)').check();
  await page.getByLabel('Name auf der Schaltfläche').fill('Stadt-Login');
  await page.getByLabel('Issuer-URL').fill(idp.issuer);
  await page.getByLabel('Client-ID').fill(idp.clientId);
  await page.getByLabel('Client-Geheimnis').fill(idp.clientSecret);
  await page.getByLabel('Gruppen für „ISEK-Koordination“').fill('rf-koordination');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Die Anmeldung über den Identitätsanbieter ist gespeichert.')).toBeVisible();
  await expect(page.getByText('Ein Geheimnis ist gespeichert. Leer lassen, um es zu behalten.')).toBeVisible();
  await expectAccessible(page, 'SSO admin page, configured');

  await page.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign-in through an identity provider' })).toBeVisible();
  await expectAccessible(page, 'SSO admin page, English');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, 'SSO admin page, English, 390×844');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'DE' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmeldung über Identitätsanbieter' })).toBeVisible();
});

test('a coordinator signs in through the provider, lands on her home, and signs out at both', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('link', { name: 'Anmelden mit Stadt-Login' })).toBeVisible();
  await expectAccessible(page, 'sign-in page with the provider button');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, 'sign-in page with the provider button, 390×844');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAtProvider(page, 'berta');
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('link', { name: /Berta Beispiel/ })).toBeVisible();
  const me = await (await page.request.get('/api/v1/auth/me')).json();
  expect(me.current.role).toBe('coordinator');
  expect(me.current.municipalityName).toBe('Musterstadt');
  // the coordinator's navigation (not the admin's)
  await expect(mainNav(page).getByRole('link', { name: 'Maßnahmen', exact: true })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Anmeldung (SSO)' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Abmelden' }).click();
  // the provider's own sign-out confirmation, then back to our sign-in page
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${IDP_PORT}/session/end`));
  await page.getByRole('button', { name: /Yes, sign me out/i }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
});

test('someone in no mapped group sees a clear refusal, German and English', async ({ page }) => {
  await signInAtProvider(page, 'kurt');
  await expect(page).toHaveURL(/\/login\/refused\?reason=no_group$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Anmeldung nicht möglich' })).toBeVisible();
  await expect(page.getByText('Sie gehören zu keiner Gruppe, die in Roter Faden eine Rolle hat.', { exact: false })).toBeVisible();
  await expectAccessible(page, 'refusal page');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, 'refusal page, 390×844');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.evaluate(() => localStorage.setItem('rf.locale', 'en'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign-in not possible' })).toBeVisible();
  await expectAccessible(page, 'refusal page, English');
  await page.evaluate(() => localStorage.removeItem('rf.locale'));
  await page.getByRole('link', { name: 'Back to sign-in' }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test('the admin switches to SAML 2.0, and a reader signs in through the SAML provider', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/admin/sign-in');
  await page.getByLabel('SAML 2.0 (für Anbieter ohne OpenID Connect)').check();
  await page.getByLabel('SSO-Adresse des Anbieters (HTTP-Redirect)').fill(samlIdp.entryPoint);
  await page.getByLabel('Entity-ID des Anbieters').fill(samlIdp.entityId);
  await page.getByLabel('Signaturzertifikat des Anbieters (PEM)').fill(samlIdp.publicKeyPem);
  await page.getByLabel('Entity-ID von Roter Faden').fill('https://isek.musterstadt.example/saml');
  await page.getByLabel('Gruppen für „Lesend (z. B. Beirat)“').fill('rf-lesen');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Die Anmeldung über den Identitätsanbieter ist gespeichert.')).toBeVisible();
  await expect(page.getByRole('link', { name: /\/api\/v1\/auth\/sso\/saml\/metadata\?provider=/ })).toBeVisible();
  await expectAccessible(page, 'SSO admin page, SAML configured');
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await page.getByRole('link', { name: 'Anmelden mit Stadt-Login' }).click();
  // the test IdP's login page; its answer posts itself back to our ACS
  await page.getByLabel('Login').fill('clara');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByRole('link', { name: /Clara SAML/ })).toBeVisible();
  const me = await (await page.request.get('/api/v1/auth/me')).json();
  expect(me.current.role).toBe('reader');
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test('the admin removes the provider again', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/admin/sign-in');
  await page.getByRole('button', { name: 'Anbieter entfernen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Anbieter entfernen' }).click();
  await expect(page.getByText('Der Identitätsanbieter ist entfernt.')).toBeVisible();
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('link', { name: /Anmelden mit/ })).toHaveCount(0);
});
