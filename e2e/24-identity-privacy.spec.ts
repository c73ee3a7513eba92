import { test, expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ensureDemoSetup, expectAccessible, expectAccessibleInBothLanguages, phone, signIn } from './helpers';
import { signInAtTestProvider } from './sso';
import { startTestProvider, type TestProvider } from '../server/modules/sso/oidc-test-provider';
import { totp } from '../domain/totp';

// Issue 14 as one person's story (the parts have their own journeys 19–22): Musterstadt connects its
// identity provider (a real OpenID Connect provider, oidc-provider, started here on 127.0.0.1:3136); Dora,
// whose account already has a password, signs in through it for the first time and becomes a member of
// her department by her groups there; the admin makes that department lead of a measure and Dora is told
// (bell, notifications page), reads it and sets how e-mails come; she turns on two-factor sign-in, which
// from then on guards her password way in; she downloads her data; and the admin erases a guest of a
// workshop. axe on every page of ours on the way, German and English. The provider is removed at the end.

const IDP_PORT = 3136;
const stamp = randomBytes(3).toString('hex');
const DEPT = `Amt für Lärmschutz ${stamp}`;
const DORA = { login: 'dora', name: `Dora Dienst ${stamp}`, email: `dora.${stamp}@musterstadt.example`, password: 'Hecke-Pflaster-Brunnen-14' };
const GUEST = `Gero Gast ${stamp}`;
const now = () => Date.now() / 1000;
let idp: TestProvider;

test.afterAll(async () => {
  await idp?.close();
});

test('one person through issue 14: SSO, a notification, preferences, two-factor, own data; an admin erases a guest', async ({ browser }) => {
  test.setTimeout(300_000); // one long story with some 30 axe runs on a shared machine
  const base = test.info().project.use.baseURL!;
  idp = await startTestProvider({ port: IDP_PORT, redirectUris: [`${base}/api/v1/auth/sso/oidc/callback`], postLogoutRedirectUris: [`${base}/login`] });
  idp.people[DORA.login] = { email: DORA.email, email_verified: true, name: DORA.name, groups: ['rf-fachbereich', 'rf-laermschutz'] };

  const adminCtx = await browser.newContext({ baseURL: base, locale: 'de-DE' });
  const admin = await adminCtx.newPage();
  await ensureDemoSetup(admin);
  await signIn(admin);
  // What exists before the story: Dora's department, her account from before single sign-on (a reader with
  // a password), a measure without a lead, and a citizens' workshop.
  const dept = await (await admin.request.post('/api/v1/departments', { data: { name: DEPT } })).json();
  expect((await admin.request.post('/api/v1/users', { data: { name: DORA.name, email: DORA.email, password: DORA.password, role: 'reader' } })).status()).toBe(201);
  const measure = await (await admin.request.post('/api/v1/measures', { data: { title: `Flüsterasphalt Ringstraße ${stamp}` } })).json();
  const workshop = await (await admin.request.post('/api/v1/workshops', { data: { title: `Bürgerwerkstatt Ruhe ${stamp}`, kind: 'citizens' } })).json();

  await test.step('the admin connects the identity provider, with groups for the department members and for Dora’s department', async () => {
    await admin.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Anmeldung (SSO)' }).click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Anmeldung über Identitätsanbieter' })).toBeVisible();
    await admin.getByLabel('OpenID Connect (Keycloak, ADFS, Entra ID)').check();
    await admin.getByLabel('Name auf der Schaltfläche').fill('Stadt-Login');
    await admin.getByLabel('Issuer-URL').fill(idp.issuer);
    await admin.getByLabel('Client-ID').fill(idp.clientId);
    await admin.getByLabel('Client-Geheimnis').fill(idp.clientSecret);
    await admin.getByLabel('Gruppen für „Fachbereich“').fill('rf-fachbereich');
    await admin.getByLabel(`Gruppen für das Amt „${DEPT}“`).fill('rf-laermschutz');
    await admin.getByRole('button', { name: 'Speichern' }).click();
    await expect(admin.getByText('Die Anmeldung über den Identitätsanbieter ist gespeichert.')).toBeVisible();
    await expectAccessibleInBothLanguages(admin, 'SSO settings, configured', admin.getByRole('heading', { level: 1, name: 'Sign-in through an identity provider' }));
  });

  const doraCtx = await browser.newContext({ baseURL: base, locale: 'de-DE' });
  const dora = await doraCtx.newPage();

  await test.step('Dora signs in through the provider and is a member of her department by her groups', async () => {
    await dora.goto('/login');
    await expect(dora.getByRole('link', { name: 'Anmelden mit Stadt-Login' })).toBeVisible();
    await expectAccessible(dora, 'sign-in page with the provider (de)');
    await signedOutInEnglish(dora, async () => {
      await expect(dora.getByRole('link', { name: 'Sign in with Stadt-Login' })).toBeVisible();
      await expectAccessible(dora, 'sign-in page with the provider (en)');
    });
    await signInAtTestProvider(dora, IDP_PORT, DORA.login);
    await expect(dora).toHaveURL(`${base}/`);
    await expect(dora.getByRole('banner').getByRole('link', { name: new RegExp(DORA.name) })).toBeVisible();
    const me = await (await dora.request.get('/api/v1/auth/me')).json();
    expect(me.user.email).toBe(DORA.email); // her existing account, linked by the verified e-mail
    expect(me.current).toMatchObject({ role: 'department', departmentId: dept.id });
    await expectAccessibleInBothLanguages(dora, 'home of a department member', dora.getByRole('navigation', { name: 'Main navigation' }));
  });

  await test.step('the admin makes Dora’s department lead of the measure', async () => {
    await admin.goto(`/measures/${measure.id}/edit`);
    await admin.getByLabel('Federführendes Amt').selectOption({ label: DEPT });
    await expectAccessibleInBothLanguages(admin, 'measure form', admin.getByLabel('Lead department'));
    await admin.getByRole('button', { name: 'Speichern' }).click();
    await expect(admin).toHaveURL(new RegExp(`/measures/${measure.id}$`));
  });

  await test.step('Dora sees the unread count, reads the notification and follows it', async () => {
    await dora.reload();
    const bell = dora.getByRole('banner').getByRole('link', { name: 'Benachrichtigungen, 1 ungelesen' });
    await bell.click();
    await expect(dora.getByRole('heading', { level: 1, name: 'Benachrichtigungen' })).toBeVisible();
    const item = dora.getByTestId('notification').filter({ hasText: measure.title });
    await expect(item).toContainText(`Ihr Amt ${DEPT} ist jetzt federführend für Maßnahme Nr. ${measure.number} „${measure.title}“.`);
    await expectAccessibleInBothLanguages(dora, 'notifications, one unread', item.getByText(`Your department ${DEPT} now leads measure no. ${measure.number}`));
    await item.getByRole('button', { name: /Als gelesen markieren/ }).click();
    await expect(dora.getByText('Als gelesen markiert.')).toBeVisible();
    await expect(dora.getByRole('banner').getByRole('link', { name: 'Benachrichtigungen', exact: true })).toBeVisible();
    await expect(item).not.toContainText('ungelesen');
    await item.getByRole('link', { name: new RegExp(measure.title) }).click();
    await expect(dora).toHaveURL(new RegExp(`/measures/${measure.id}$`));
    await expect(dora.getByRole('heading', { level: 1, name: new RegExp(measure.title) })).toBeVisible();
    await expectAccessibleInBothLanguages(dora, 'the measure, seen by its lead department');
  });

  await test.step('Dora chooses how e-mails come: the lead of a measure only in the daily digest', async () => {
    await dora.goto('/profile#notifications');
    const prefs = dora.getByRole('region', { name: 'Benachrichtigungen per E-Mail' });
    const lead = prefs.getByRole('group', { name: 'Federführung für eine Maßnahme übertragen' });
    await lead.getByLabel('tägliche Zusammenfassung').check();
    await prefs.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await expect(prefs.getByText('Einstellungen gespeichert.')).toBeVisible();
    await dora.reload();
    await expect(lead.getByLabel('tägliche Zusammenfassung')).toBeChecked();
    await expectAccessibleInBothLanguages(dora, 'profile with e-mail preferences', dora.getByRole('region', { name: 'Notifications by e-mail' }));
  });

  let secret = '';
  await test.step('Dora turns on two-factor sign-in (her authenticator app: the code computed here from the key)', async () => {
    const section = dora.getByRole('region', { name: 'Anmeldung mit zweitem Faktor' });
    await expect(section.getByText('Ausgeschaltet.', { exact: true })).toBeVisible();
    await section.getByRole('button', { name: 'Einrichten' }).click();
    await expect(section.getByRole('img', { name: 'QR-Code zum Einrichten der Authenticator-App' })).toBeVisible();
    secret = (await section.getByTestId('two-factor-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessibleInBothLanguages(dora, 'two-factor setup with the QR code', dora.getByRole('img', { name: /QR code/ }));
    await section.getByLabel('Code aus der App').fill(totp(secret, now()));
    await section.getByRole('button', { name: 'Bestätigen und einschalten' }).click();
    await expect(section.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
    await expectAccessibleInBothLanguages(dora, 'recovery codes', dora.getByRole('heading', { name: 'Your recovery codes' }));
    await section.getByRole('button', { name: 'Ich habe die Codes gesichert' }).click();
    await expect(section.getByText('Eingeschaltet.', { exact: true })).toBeVisible();
    await expectAccessibleInBothLanguages(dora, 'profile, two-factor on', dora.getByRole('region', { name: 'Two-factor sign-in' }).getByText('On.', { exact: true }));
  });

  await test.step('her profile on a phone: nothing scrolls sideways', async () => {
    await dora.setViewportSize({ width: 390, height: 844 });
    await expect(dora.getByRole('region', { name: 'Meine Daten' })).toBeVisible();
    expect(await dora.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(dora, 'profile at 390×844 (de)');
    await dora.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('Dora downloads her own data: JSON with her account, and a PDF', async () => {
    const mine = dora.getByRole('region', { name: 'Meine Daten' });
    const [json] = await Promise.all([dora.waitForEvent('download'), mine.getByRole('link', { name: 'Als JSON herunterladen' }).click()]);
    const data = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(data.account).toMatchObject({ name: DORA.name, email: DORA.email });
    expect(JSON.stringify(data)).toContain(measure.title); // the notification she was sent is hers
    const [pdf] = await Promise.all([dora.waitForEvent('download'), mine.getByRole('link', { name: 'Als PDF herunterladen' }).click()]);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  });

  await test.step('signed out (here and at the provider), her password alone no longer signs her in: the code does', async () => {
    await dora.getByRole('banner').getByRole('button', { name: 'Abmelden' }).click();
    await expect(dora).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${IDP_PORT}/session/end`));
    await dora.getByRole('button', { name: /Yes, sign me out/i }).click();
    await expect(dora).toHaveURL(/\/login$/);
    await dora.getByLabel('E-Mail').fill(DORA.email);
    await dora.getByLabel('Passwort', { exact: true }).fill(DORA.password);
    await dora.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await expect(dora.getByRole('heading', { name: 'Zweiter Faktor' })).toBeVisible();
    await expectAccessible(dora, 'second sign-in step (de)');
    await signedOutInEnglish(dora, async () => {
      // A reload starts the sign-in over: the English second step is reached by the password again.
      await dora.getByLabel('E-mail').fill(DORA.email);
      await dora.getByLabel('Password', { exact: true }).fill(DORA.password);
      await dora.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(dora.getByRole('heading', { name: 'Second factor' })).toBeVisible();
      await expectAccessible(dora, 'second sign-in step (en)');
    });
    // the code of the next step: the current one was spent on confirming, and each code works once
    await dora.getByLabel('Code', { exact: true }).fill(totp(secret, now() + 30));
    await dora.getByRole('button', { name: /^(Anmelden|Sign in)$/ }).click();
    await expect(dora.getByRole('banner').getByRole('link', { name: new RegExp(DORA.name) })).toBeVisible();
    await dora.goto('/profile');
    await expect(dora.getByRole('heading', { level: 1, name: 'Mein Profil' })).toBeVisible(); // her account's language, German, again
  });
  await doraCtx.close();

  await test.step('a guest joins the workshop by its code on a phone; the admin erases the guest', async () => {
    const guest = await phone(browser, workshop.joinCode, GUEST);
    await guest.context().close();
    await admin.goto(`/workshops/${workshop.id}?tab=participants`);
    await expect(admin.getByRole('cell', { name: GUEST, exact: true })).toBeVisible();
    await expectAccessibleInBothLanguages(admin, 'workshop participants', admin.getByRole('button', { name: `Erase (GDPR) : ${GUEST}` }));
    // the dialog in English first (looked at, then cancelled), then in German for real
    await admin.getByRole('banner').getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'EN', exact: true }).click();
    await admin.getByRole('button', { name: `Erase (GDPR) : ${GUEST}` }).click();
    const english = admin.getByRole('dialog', { name: `Erase ${GUEST}` });
    await expect(english.getByRole('button', { name: 'Erase for good' })).toBeDisabled();
    await expectAccessible(admin, 'erasure dialog (en)');
    await english.getByRole('button', { name: 'Cancel' }).click();
    await expect(english).toHaveCount(0);
    const saved = admin.waitForResponse((r) => r.url().endsWith('/api/v1/auth/profile') && r.request().method() === 'PATCH');
    await admin.getByRole('banner').getByRole('group', { name: 'Language' }).getByRole('button', { name: 'DE', exact: true }).click();
    await saved;
    await admin.getByRole('button', { name: `Löschen (DS-GVO) : ${GUEST}` }).click();
    const dialog = admin.getByRole('dialog', { name: `${GUEST} löschen` });
    await expect(dialog.getByText(/Der Name des Gastes wird überall durch „Gelöschte Person [0-9A-F]{4}“ ersetzt/)).toBeVisible();
    await expect(dialog.getByText('Workshop-Teilnahmen: 1')).toBeVisible();
    await expectAccessible(admin, 'erasure dialog (de)');
    const erase = dialog.getByRole('button', { name: 'Endgültig löschen' });
    await expect(erase).toBeDisabled();
    await dialog.getByLabel(`Zur Bestätigung den Namen eintippen: ${GUEST}`).fill(GUEST);
    await erase.click();
    await expect(admin.getByText(new RegExp(`${GUEST} wurde gelöscht und heißt jetzt „Gelöschte Person [0-9A-F]{4}“`))).toBeVisible();
    await expect(admin.getByRole('cell', { name: /^Gelöschte Person [0-9A-F]{4}$/ })).toBeVisible();
    await expect(admin.getByRole('cell', { name: GUEST, exact: true })).toHaveCount(0);
    const participants = await (await admin.request.get(`/api/v1/workshops/${workshop.id}/participants`)).text();
    expect(participants).not.toContain(GUEST);
  });

  await test.step('the admin removes the provider again (later journeys see the usual sign-in page)', async () => {
    await admin.goto('/admin/sign-in');
    await admin.getByRole('button', { name: 'Anbieter entfernen' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Anbieter entfernen' }).click();
    await expect(admin.getByText('Der Identitätsanbieter ist entfernt.')).toBeVisible();
    await admin.getByRole('banner').getByRole('button', { name: 'Abmelden' }).click();
    await expect(admin).toHaveURL(/\/login$/);
    await expect(admin.getByRole('link', { name: /Anmelden mit/ })).toHaveCount(0);
  });
  await adminCtx.close();
});

/** Signed out there is no language button: the stored choice (as the header keeps it) and a reload. */
async function signedOutInEnglish(page: Page, check: () => Promise<void>) {
  await page.evaluate(() => localStorage.setItem('rf.locale', 'en'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await check();
  await page.evaluate(() => localStorage.removeItem('rf.locale'));
}
