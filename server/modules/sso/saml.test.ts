import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import { formFields, startTestSamlIdp, type TestSamlIdp } from './saml-test-idp';

const APP = 'http://app.test';
const SP = 'https://roter-faden.test/saml';
let app: App;
let close: () => Promise<void>;
let idp: TestSamlIdp;
let a: Tenant;
let providerId: string;

beforeAll(async () => {
  ({ app, close } = await createTestApp({ publicUrl: APP }));
  idp = await startTestSamlIdp();
  a = await createTenant(app, 'Kommune A');
  await createTenant(app, 'Kommune B');
  const res = await call(app, a.cookies.admin, 'PUT', '/sso/provider', {
    kind: 'saml',
    displayName: 'Rathaus-ADFS',
    saml: { entryPoint: idp.entryPoint, idpCert: idp.publicKeyPem, idpIssuer: idp.entityId, spEntityId: SP },
    mapping: {
      groupClaim: 'groups',
      roles: [{ value: 'isek-admin', role: 'admin' }, { value: 'isek-koordination', role: 'coordinator' }, { value: 'lesen', role: 'reader' }],
      departments: [{ value: 'amt-61', departmentId: a.departmentIds[1] }],
    },
    passwordsOff: false,
    emergencyAdminId: null,
  });
  expect(res.statusCode).toBe(200);
  providerId = json(res).id;
}, 60_000);
afterAll(async () => {
  await close();
  await idp.close();
});

/** Start at the app, let the IdP answer (its auto-posting form), post that form to our ACS as the browser would. */
async function samlSignIn(login: string) {
  const start = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/start?provider=${providerId}` });
  expect(start.statusCode).toBe(302);
  const url = new URL(start.headers.location as string);
  expect(url.origin + url.pathname).toBe(idp.entryPoint);
  url.searchParams.set('login', login);
  const fields = formFields(await (await fetch(url)).text());
  expect(fields.action).toBe(`${APP}/api/v1/auth/sso/saml/acs`);
  return { res: await postAcs(fields), fields };
}
const postAcs = (f: { SAMLResponse: string; RelayState: string }) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/sso/saml/acs',
    // the IdP's page posts from its own origin
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(idp.entryPoint).origin },
    payload: new URLSearchParams({ SAMLResponse: f.SAMLResponse, RelayState: f.RelayState }).toString(),
  });
const sessionOf = (res: { cookies: { name: string; value: string }[] }) => {
  const c = res.cookies.find((x) => x.name === 'rf_session');
  return c ? `rf_session=${c.value}` : null;
};
const refusal = (res: { statusCode: number; headers: Record<string, unknown> }) => {
  expect(res.statusCode).toBe(303);
  return String(res.headers.location).replace('/login/refused?reason=', '');
};

describe('sign-in through a SAML 2.0 identity provider', () => {
  it('shows the admin the settings and the ACS address, and serves our metadata', async () => {
    const res = json(await call(app, a.cookies.admin, 'GET', '/sso/provider'));
    expect(res).toMatchObject({ kind: 'saml', oidc: null, redirectUri: `${APP}/api/v1/auth/sso/saml/acs`, saml: { spEntityId: SP, idpIssuer: idp.entityId } });
    const meta = await call(app, null, 'GET', `/auth/sso/saml/metadata?provider=${providerId}`);
    expect(meta.statusCode).toBe(200);
    expect(meta.body).toContain(`entityID="${SP}"`);
    expect(meta.body).toContain(`Location="${APP}/api/v1/auth/sso/saml/acs"`);
  });

  it('creates the account with role and department from the group attribute', async () => {
    idp.people.anna = { email: 'anna.saml@stadt.test', name: 'Anna SAML', groups: ['isek-koordination', 'amt-61'] };
    const { res } = await samlSignIn('anna');
    expect([res.statusCode, res.headers.location]).toEqual([303, '/']);
    const me = json(await call(app, sessionOf(res), 'GET', '/auth/me'));
    expect(me.user).toMatchObject({ email: 'anna.saml@stadt.test', name: 'Anna SAML' });
    expect(me.current).toMatchObject({ municipalityId: a.municipalityId, role: 'coordinator', departmentId: a.departmentIds[1] });
    const [ev] = await app.db.query<{ changes: { method: string } }>(`SELECT changes FROM audit_event WHERE action = 'sign_in' AND actor_id = $1`, [me.user.id]);
    expect(ev.changes.method).toBe('saml');
    // no provider sign-out address for SAML (single logout is not offered)
    expect(json(await call(app, sessionOf(res), 'POST', '/auth/sso/logout'))).toEqual({ providerLogoutUrl: null });

    idp.people.anna.groups = ['lesen'];
    const again = await samlSignIn('anna');
    expect(json(await call(app, sessionOf(again.res), 'GET', '/auth/me')).current).toMatchObject({ role: 'reader', departmentId: null });
  });

  it('refuses a person without a mapped group', async () => {
    idp.people.bert = { email: 'bert.saml@stadt.test', groups: ['kantine'] };
    expect(refusal((await samlSignIn('bert')).res)).toBe('no_group');
  });

  it('refuses unsigned, foreign-signed, altered, expired, misaddressed and foreign-issued assertions, and IdP errors', async () => {
    idp.people.carl = { email: 'carl.saml@stadt.test', groups: ['lesen'] };
    const cases: [string, TestSamlIdp['variant']][] = [
      ['token_invalid', { unsigned: true }],
      ['token_invalid', { otherKey: true }],
      ['token_invalid', { tamper: true }],
      ['token_expired', { expired: true }],
      ['token_invalid', { audience: 'https://andere-app.test/saml' }],
      ['issuer_mismatch', { issuer: 'http://127.0.0.1:1/idp' }],
      ['denied', { status: 'urn:oasis:names:tc:SAML:2.0:status:Responder' }],
    ];
    try {
      for (const [reason, variant] of cases) {
        idp.variant = variant;
        const { res } = await samlSignIn('carl');
        expect([JSON.stringify(variant), refusal(res)]).toEqual([JSON.stringify(variant), reason]);
        expect(sessionOf(res)).toBeNull();
      }
    } finally {
      idp.variant = {};
    }
    expect(await app.db.query(`SELECT 1 FROM app_user WHERE email = 'carl.saml@stadt.test'`)).toEqual([]);
    const failures = await app.db.query(`SELECT 1 FROM audit_event WHERE entity_type = 'sso_provider' AND action = 'sign_in_failed' AND entity_id = $1`, [providerId]);
    expect(failures.length).toBe(cases.length);
  });

  it('refuses a replayed response (InResponseTo used once) and an unknown RelayState', async () => {
    idp.people.dana = { email: 'dana.saml@stadt.test', groups: ['lesen'] };
    const { res, fields } = await samlSignIn('dana');
    expect(res.headers.location).toBe('/');
    const replay = await postAcs(fields);
    expect(refusal(replay)).toBe('state_unknown');
    expect(sessionOf(replay)).toBeNull();
    expect(refusal(await postAcs({ ...fields, RelayState: crypto.randomUUID() }))).toBe('not_configured');
    expect(refusal(await postAcs({ ...fields, RelayState: 'kein-anbieter' }))).toBe('not_configured');
  });
});

describe('SAML sign-in bound to the browser (over HTTPS)', () => {
  it('accepts the response only in the browser that started the sign-in', async () => {
    // behind a TLS proxy: the binding cookie needs SameSite=None and Secure, which only HTTPS allows
    const behindTls = await createTestApp({ publicUrl: 'https://app.test', trustProxy: true });
    try {
      const t = await createTenant(behindTls.app, 'Kommune TLS');
      const put = await call(behindTls.app, t.cookies.admin, 'PUT', '/sso/provider', {
        kind: 'saml', displayName: 'TLS-IdP', saml: { entryPoint: idp.entryPoint, idpCert: idp.publicKeyPem, idpIssuer: idp.entityId, spEntityId: SP },
        mapping: { groupClaim: 'groups', roles: [{ value: 'lesen', role: 'reader' }], departments: [] }, passwordsOff: false, emergencyAdminId: null,
      });
      idp.people.erna = { email: 'erna.saml@stadt.test', groups: ['lesen'] };
      const https = { 'x-forwarded-proto': 'https' };
      const attempt = async (withCookie: boolean) => {
        const start = await behindTls.app.inject({ method: 'GET', url: `/api/v1/auth/sso/start?provider=${json(put).id}`, headers: https });
        const cookie = start.cookies.find((c) => c.name === 'rf_sso_saml')!;
        expect(cookie).toMatchObject({ sameSite: 'None', secure: true, httpOnly: true });
        const url = new URL(start.headers.location as string);
        url.searchParams.set('login', 'erna');
        const f = formFields(await (await fetch(url)).text());
        return behindTls.app.inject({
          method: 'POST', url: '/api/v1/auth/sso/saml/acs',
          headers: { ...https, 'content-type': 'application/x-www-form-urlencoded', ...(withCookie ? { cookie: `rf_sso_saml=${cookie.value}` } : {}) },
          payload: new URLSearchParams({ SAMLResponse: f.SAMLResponse, RelayState: f.RelayState }).toString(),
        });
      };
      const elsewhere = await attempt(false);
      expect(refusal(elsewhere)).toBe('state_unknown');
      expect(sessionOf(elsewhere)).toBeNull();
      const here = await attempt(true);
      expect([here.statusCode, here.headers.location]).toEqual([303, '/']);
      expect(sessionOf(here)).not.toBeNull();
    } finally {
      await behindTls.close();
    }
  });
});
