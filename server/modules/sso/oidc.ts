import type * as client from 'openid-client';
import { loadOpenidClient } from '../../lazy-libs';
import type { SsoRefusal } from '../../../contract/sso';
import type { ProviderRow } from './sso-settings.service';
import { unseal } from './seal';

/** A sign-in refused for a reason the refusal page explains; `detail` goes to the log and the audit trail only. */
export class SsoRefused extends Error {
  constructor(
    public reason: SsoRefusal,
    public detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

const DISCOVERY_TTL_MS = 10 * 60_000;
const cache = new Map<string, { at: number; config: client.Configuration }>();

/**
 * Outbound requests go to the configured identity provider only: every request openid-client makes
 * (discovery, token, keys, userinfo) must stay on the issuer's host — endpoints elsewhere in the provider's
 * metadata are refused rather than followed.
 */
function fetchOnlyTo(host: string): client.CustomFetch {
  return (url, options) => {
    if (new URL(url).host !== host) return Promise.reject(new SsoRefused('provider_error', `request to ${new URL(url).host} refused: only ${host} is configured`));
    return fetch(url, options as RequestInit);
  };
}

/**
 * The provider's configuration from discovery (checked by openid-client: the metadata's issuer must be the
 * configured one), kept for 10 minutes per provider and version. Plain http only on the machine itself.
 */
export async function oidcConfiguration(p: ProviderRow, sessionSecret: string): Promise<client.Configuration> {
  const key = `${p.id}:${p.version}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const secret = unseal(sessionSecret, p.oidc_client_secret);
  if (!p.oidc_issuer || !p.oidc_client_id || !secret) throw new SsoRefused('provider_error', 'settings incomplete or client secret unreadable');
  const issuer = new URL(p.oidc_issuer);
  const fetchIt = fetchOnlyTo(issuer.host);
  const client = await loadOpenidClient();
  let config: client.Configuration;
  try {
    config = await client.discovery(issuer, p.oidc_client_id, undefined, client.ClientSecretBasic(secret), {
      [client.customFetch]: fetchIt,
      timeout: 10,
      // The ID token's signature is checked against the provider's published keys even though it came
      // straight from the token endpoint (OIDC allows skipping that over TLS; we do not).
      execute: [client.enableNonRepudiationChecks, ...(issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [])],
    });
  } catch (err) {
    const e = err as { code?: string; message?: string; cause?: unknown };
    if (e.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') throw new SsoRefused('issuer_mismatch', e.message);
    throw new SsoRefused('unreachable', e.message);
  }
  config[client.customFetch] = fetchIt;
  config.timeout = 10;
  cache.set(key, { at: Date.now(), config });
  return config;
}

/** The address to send the browser to, with PKCE (S256), state and nonce. */
export async function authorizationUrl(config: client.Configuration, redirectUri: string, state: string, nonce: string, codeVerifier: string) {
  const client = await loadOpenidClient();
  return client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
}

/** How a failed code exchange or ID-token check reads on the refusal page. */
function classify(err: unknown, AuthorizationResponseError: typeof client.AuthorizationResponseError): SsoRefused {
  // our own refusal (e.g. a request to another host) may come back wrapped by openid-client
  for (let e: unknown = err, i = 0; e && i < 4; e = (e as { cause?: unknown }).cause, i++) if (e instanceof SsoRefused) return e;
  const e = err as { code?: string; message?: string; cause?: { claim?: string; cause?: { claim?: string } }; error?: string };
  // openid-client wraps oauth4webapi's error, which names the claim that failed.
  const claim = e.cause?.claim ?? e.cause?.cause?.claim;
  if (e instanceof AuthorizationResponseError) return new SsoRefused(e.error === 'access_denied' ? 'denied' : 'provider_error', e.message);
  if (e.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return new SsoRefused('token_expired', e.message);
  if (e.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'iss') return new SsoRefused('issuer_mismatch', e.message);
  if (e.code === 'OAUTH_RESPONSE_BODY_ERROR') return new SsoRefused('provider_error', e.message);
  if (e instanceof TypeError || e.code === 'ECONNREFUSED') return new SsoRefused('unreachable', e.message);
  return new SsoRefused('token_invalid', `${e.code ?? ''} ${e.message ?? ''}`.trim());
}

export interface OidcResult { subject: string; claims: Record<string, unknown>; idToken: string }

/**
 * Exchanges the code (with the PKCE verifier) and lets openid-client check the ID token: signature by the
 * provider's keys, issuer, audience, expiry, nonce. Claims from the userinfo endpoint (same subject) are
 * added where the provider puts groups or e-mail there rather than into the ID token.
 */
export async function finishOidc(
  config: client.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<OidcResult> {
  const client = await loadOpenidClient();
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token) throw new SsoRefused('token_invalid', 'no ID token');
    let extra: Record<string, unknown> = {};
    if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
      extra = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    }
    return { subject: idClaims.sub, claims: { ...extra, ...idClaims }, idToken: tokens.id_token };
  } catch (err) {
    throw classify(err, client.AuthorizationResponseError);
  }
}

/** RP-initiated logout: the provider's end-session address with the ID token as hint, or null if it has none. */
export async function endSessionUrl(config: client.Configuration, idToken: string, postLogoutRedirectUri: string): Promise<string | null> {
  if (!config.serverMetadata().end_session_endpoint) return null;
  const client = await loadOpenidClient();
  return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri }).href;
}
