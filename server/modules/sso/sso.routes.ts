import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app';
import { SESSION_COOKIE } from '../../app';
import { Id, text } from '../../../contract/common';
import { SsoChoice, SsoLogoutResult, SsoProvider, SsoProviderBody, type SsoRefusal } from '../../../contract/sso';
import { requireRole, requireSession } from '../../plugins/actor';
import { shortenAddress } from '../../../domain/sessions';
import { recordAccountEvent } from '../audit/account-events';
import { createSession, deleteSession, tokenHash } from '../auth/auth.service';
import { setSessionCookie } from '../auth/auth.routes';
import { authorizationUrl, endSessionUrl, finishOidc, oidcConfiguration, SsoRefused } from './oidc';
import { recordProviderFailure, resolveAccount } from './sso-account';
import { callbackUrls, deleteProvider, getProvider, listChoices, providerById, saveProvider, type ProviderRow } from './sso-settings.service';
import { seal, unseal } from './seal';
import { claimedInResponseTo, finishSaml, samlFor, samlPendingKey } from './saml';
import { notFound } from '../../errors';

/** Binds a sign-in under way to the browser that started it (against login CSRF): only its hash is stored. */
export const SSO_BROWSER_COOKIE = 'rf_sso';
const SAML_BROWSER_COOKIE = 'rf_sso_saml';
const COOKIE_PATH = '/api/v1/auth/sso';
const PENDING_MINUTES = 10;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The app's own address: PUBLIC_URL, else as the request reached it (TRUST_PROXY decides about proxy headers). */
export const baseUrl = (app: App, req: FastifyRequest) => app.config.publicUrl ?? `${req.protocol}://${req.host}`;

const StartQuery = z.object({ provider: Id.describe('Kennung des Identitätsanbieters (aus `GET /auth/sso/providers`).') });

const AcsBody = z.object({
  SAMLResponse: text(1_000_000).min(1).describe('Die SAML-Antwort des Identitätsanbieters (Base64).'),
  RelayState: text(200).optional().describe('Kennung des Identitätsanbieters, beim Start mitgegeben.'),
});
const isUuid = (s: string) => Id.safeParse(s).success;

const CallbackQuery = z.object({
  code: text(4000).optional().describe('Autorisierungscode des Anbieters.'),
  state: text(500).optional().describe('Der beim Start erzeugte Zustand (einmal verwendbar).'),
  error: text(200).optional().describe('Fehlercode des Anbieters, z. B. `access_denied`.'),
  error_description: text(2000).optional().describe('Fehlerbeschreibung des Anbieters.'),
  iss: text(500).optional().describe('Aussteller der Antwort (RFC 9207).'),
  session_state: text(500).optional().describe('Sitzungskennung des Anbieters.'),
});

export async function ssoRoutes(app: App) {
  const tags = ['auth'];

  /** Every refusal ends on the sign-in refusal page of the web app, which explains the reason; never a 500. */
  const refuse = async (req: FastifyRequest, reply: FastifyReply, reason: SsoRefusal, p: ProviderRow | null, detail = '') => {
    req.log.info({ reason, detail, provider: p?.id }, 'single sign-on refused');
    if (p && !['no_group', 'email_unverified', 'account_elsewhere'].includes(reason)) await recordProviderFailure(app.db, p, reason, detail);
    return reply.redirect(`/login/refused?reason=${reason}`, 303);
  };

  app.get('/auth/sso/providers', { schema: { tags, response: { 200: z.array(SsoChoice) } } }, async () => listChoices(app.db));

  // The provider in the query, not the path: a public entry point that any municipality's button links to.
  app.get('/auth/sso/start', { schema: { tags, querystring: StartQuery } }, async (req, reply) => {
    const p = await providerById(app.db, req.query.provider);
    if (!p) return refuse(req, reply, 'not_configured', null);
    if (p.kind === 'saml') {
      try {
        // RelayState names the provider, so that the response finds its settings; the request id is kept (InResponseTo).
        const requestId = `_${randomBytes(20).toString('hex')}`;
        const url = await (await samlFor(app.db, p, callbackUrls(baseUrl(app, req)).samlAcsUrl, () => requestId)).getAuthorizeUrlAsync(p.id, req.host, {});
        // Bound to this browser as OIDC's state is — but the IdP's page posts cross-site, so the cookie must be
        // SameSite=None, which browsers accept only with Secure: over HTTPS only (plain http: not bound).
        if (req.protocol === 'https') {
          const browser = randomBytes(32).toString('base64url');
          await app.db.query('UPDATE sso_pending SET browser_hash = $1 WHERE state_hash = $2', [sha(browser), samlPendingKey(requestId)]);
          reply.setCookie(SAML_BROWSER_COOKIE, browser, { path: '/api/v1/auth/sso/saml', httpOnly: true, sameSite: 'none', secure: true, maxAge: PENDING_MINUTES * 60 });
        }
        return reply.redirect(url, 302);
      } catch (err) {
        const e = err instanceof SsoRefused ? err : new SsoRefused('provider_error', String(err));
        return refuse(req, reply, e.reason, p, e.detail);
      }
    }
    let config;
    try {
      config = await oidcConfiguration(p, app.config.sessionSecret);
    } catch (err) {
      const e = err instanceof SsoRefused ? err : new SsoRefused('unreachable', String(err));
      return refuse(req, reply, e.reason, p, e.detail);
    }
    const state = randomBytes(32).toString('base64url');
    const nonce = randomBytes(32).toString('base64url');
    const codeVerifier = randomBytes(48).toString('base64url');
    const browser = randomBytes(32).toString('base64url');
    await app.db.query('DELETE FROM sso_pending WHERE expires_at < now()');
    await app.db.query(
      `INSERT INTO sso_pending (state_hash, provider_id, browser_hash, nonce, code_verifier, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
      [sha(state), p.id, sha(browser), nonce, codeVerifier, PENDING_MINUTES],
    );
    reply.setCookie(SSO_BROWSER_COOKIE, browser, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge: PENDING_MINUTES * 60 });
    const url = await authorizationUrl(config, callbackUrls(baseUrl(app, req)).redirectUri, state, nonce, codeVerifier);
    return reply.redirect(url.href, 302);
  });

  app.get('/auth/sso/oidc/callback', { schema: { tags, querystring: CallbackQuery } }, async (req, reply) => {
    const q = req.query;
    // One-time use: the pending sign-in is deleted as it is read, so a replayed state finds nothing.
    const [pending] = q.state
      ? await app.db.query<{ provider_id: string; browser_hash: string; nonce: string; code_verifier: string }>(
          'DELETE FROM sso_pending WHERE state_hash = $1 AND expires_at > now() RETURNING provider_id, browser_hash, nonce, code_verifier',
          [sha(q.state)],
        )
      : [];
    reply.clearCookie(SSO_BROWSER_COOKIE, { path: COOKIE_PATH });
    if (!pending) return refuse(req, reply, 'state_unknown', null, 'unknown, used or expired state');
    const p = await providerById(app.db, pending.provider_id);
    if (!p || p.kind !== 'oidc') return refuse(req, reply, 'not_configured', null);
    const browser = req.cookies[SSO_BROWSER_COOKIE];
    if (!browser || sha(browser) !== pending.browser_hash) return refuse(req, reply, 'state_unknown', p, 'state from another browser');
    if (q.error) return refuse(req, reply, q.error === 'access_denied' ? 'denied' : 'provider_error', p, `${q.error} ${q.error_description ?? ''}`.trim());
    const base = baseUrl(app, req);
    try {
      const config = await oidcConfiguration(p, app.config.sessionSecret);
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      const result = await finishOidc(config, new URL(`${callbackUrls(base).redirectUri}${query}`), { state: q.state!, nonce: pending.nonce, codeVerifier: pending.code_verifier });
      const c = result.claims;
      const { userId } = await resolveAccount(app.db, p, {
        subject: result.subject, email: c.email, emailVerified: c.email_verified, name: c.name, groups: c[p.group_claim],
      });
      await startSsoSession(app, req, reply, p, userId, seal(app.config.sessionSecret, result.idToken));
      return reply.redirect('/', 303);
    } catch (err) {
      if (err instanceof SsoRefused) return refuse(req, reply, err.reason, p, err.detail);
      throw err;
    }
  });

  // The SAML identity provider POSTs its response here (HTTP-POST binding) as a form; the form parser
  // exists only in this scope. No cookie is needed or used: the response must answer a request we sent.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    const s = scope as unknown as App;
    s.post('/auth/sso/saml/acs', { schema: { tags, body: AcsBody } }, async (req, reply) => {
      const p = req.body.RelayState && isUuid(req.body.RelayState) ? await providerById(app.db, req.body.RelayState) : null;
      if (!p || p.kind !== 'saml') return refuse(req, reply, 'not_configured', null, 'unknown RelayState');
      const claimed = claimedInResponseTo(req.body.SAMLResponse);
      const [bound] = claimed ? await app.db.query<{ browser_hash: string }>('SELECT browser_hash FROM sso_pending WHERE state_hash = $1', [samlPendingKey(claimed)]) : [];
      const browser = req.cookies[SAML_BROWSER_COOKIE];
      reply.clearCookie(SAML_BROWSER_COOKIE, { path: '/api/v1/auth/sso/saml' });
      if (bound?.browser_hash && (!browser || sha(browser) !== bound.browser_hash)) {
        await app.db.query('DELETE FROM sso_pending WHERE state_hash = $1', [samlPendingKey(claimed!)]);
        return refuse(req, reply, 'state_unknown', p, 'SAML response in another browser');
      }
      try {
        const saml = await samlFor(app.db, p, callbackUrls(baseUrl(app, req)).samlAcsUrl);
        const who = await finishSaml(saml, p, req.body.SAMLResponse);
        // A signed assertion of the municipality's own IdP vouches for the e-mail it names (SAML has no email_verified).
        const { userId } = await resolveAccount(app.db, p, { ...who, emailVerified: true });
        await startSsoSession(app, req, reply, p, userId, '');
        return reply.redirect('/', 303);
      } catch (err) {
        if (err instanceof SsoRefused) return refuse(req, reply, err.reason, p, err.detail);
        throw err;
      }
    });
  });

  app.get('/auth/sso/saml/metadata', { schema: { tags, querystring: StartQuery, produces: ['application/samlmetadata+xml'] } }, async (req, reply) => {
    const p = await providerById(app.db, req.query.provider);
    if (!p || p.kind !== 'saml') throw notFound();
    const xml = (await samlFor(app.db, p, callbackUrls(baseUrl(app, req)).samlAcsUrl)).generateServiceProviderMetadata(null);
    return reply.type('application/samlmetadata+xml').send(xml);
  });

  app.post('/auth/sso/logout', { schema: { tags, response: { 200: SsoLogoutResult } } }, async (req, reply) => {
    const actor = requireSession(req);
    const [s] = await app.db.query<{ sso_provider_id: string | null; sso_logout_hint: string | null }>(
      'SELECT sso_provider_id, sso_logout_hint FROM session WHERE token_hash = $1',
      [actor.sessionHash],
    );
    await recordAccountEvent(app.db, actor.userId, 'sign_out', {}, actor.municipalityId);
    await deleteSession(app.db, actor.sessionHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { providerLogoutUrl: await providerLogoutUrl(app, req, s?.sso_provider_id ?? null, s?.sso_logout_hint ?? null) };
  });

  app.get('/sso/provider', { schema: { tags: ['sso'], response: { 200: SsoProvider } } }, async (req) => {
    const actor = requireRole(req, 'admin');
    return getProvider(app.db, actor, baseUrl(app, req));
  });

  app.put('/sso/provider', { schema: { tags: ['sso'], body: SsoProviderBody, response: { 200: SsoProvider } } }, async (req) => {
    requireRole(req, 'admin');
    const actor = requireSession(req);
    return saveProvider(app.db, actor, req.body, app.config.sessionSecret, baseUrl(app, req));
  });

  app.delete('/sso/provider', { schema: { tags: ['sso'] } }, async (req, reply) => {
    requireRole(req, 'admin');
    const actor = requireSession(req);
    await deleteProvider(app.db, actor);
    reply.code(204);
  });
}

/**
 * The app session after a provider's sign-in: the usual rf_session, marked with the provider (for sign-out,
 * and because the provider's own multi-factor sign-in counts — no TOTP is asked after single sign-on).
 */
export async function startSsoSession(app: App, req: FastifyRequest, reply: FastifyReply, p: ProviderRow, userId: string, logoutHint: string) {
  const token = await createSession(app.db, app.config.sessionSecret, userId, p.municipality_id, app.config.sessionDays, {
    userAgent: String(req.headers['user-agent'] ?? ''), address: req.ip,
  });
  await app.db.query('UPDATE session SET sso_provider_id = $1, sso_logout_hint = $2 WHERE token_hash = $3', [p.id, logoutHint, tokenHash(token, app.config.sessionSecret)]);
  setSessionCookie(app, req, reply, token);
  await recordAccountEvent(app.db, userId, 'sign_in', { method: p.kind, provider: p.display_name, address: shortenAddress(req.ip) }, p.municipality_id);
}

/** Where the browser goes to end the provider's session too (OIDC: end_session_endpoint with id_token_hint). */
async function providerLogoutUrl(app: App, req: FastifyRequest, providerId: string | null, hint: string | null): Promise<string | null> {
  if (!providerId || !hint) return null;
  const p = await providerById(app.db, providerId);
  if (!p || p.kind !== 'oidc') return null;
  const idToken = unseal(app.config.sessionSecret, hint);
  if (!idToken) return null;
  try {
    const config = await oidcConfiguration(p, app.config.sessionSecret);
    return await endSessionUrl(config, idToken, callbackUrls(baseUrl(app, req)).postLogoutRedirectUri);
  } catch (err) {
    // Signed out here all the same; the provider's session ends when it expires there.
    req.log.warn({ err }, 'provider sign-out address unavailable');
    return null;
  }
}
