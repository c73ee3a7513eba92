import { createHash } from 'node:crypto';
import type { CacheProvider, Profile, SAML } from '@node-saml/node-saml';
import { loadNodeSaml } from '../../lazy-libs';
import type { Db } from '../../db/client';
import { SsoRefused } from './oidc';
import type { ProviderRow } from './sso-settings.service';

const PENDING_MS = 10 * 60_000;
/** The key of a SAML request id in sso_pending (beside OIDC's states). */
export const samlPendingKey = (requestId: string) => createHash('sha256').update(`saml:${requestId}`).digest('hex');
const keyOf = samlPendingKey;

/**
 * node-saml keeps the ids of the AuthnRequests it sent and accepts a response only InResponseTo one of them.
 * Kept in the database (sso_pending, like OIDC's state) so that every instance knows them; an id is removed
 * when its response was processed (node-saml calls removeAsync) — a replayed response finds nothing.
 */
function pendingStore(db: Db, providerId: string): CacheProvider {
  return {
    saveAsync: async (key, value) => {
      await db.query(`DELETE FROM sso_pending WHERE expires_at < now()`);
      await db.query(
        `INSERT INTO sso_pending (state_hash, provider_id, browser_hash, expires_at) VALUES ($1, $2, '', now() + make_interval(secs => $3))
         ON CONFLICT (state_hash) DO NOTHING`,
        [keyOf(key), providerId, PENDING_MS / 1000],
      );
      return { value, createdAt: Date.now() };
    },
    // node-saml reads the value as the time the request was made
    getAsync: async (key) => {
      const [row] = await db.query<{ created: Date }>(
        'SELECT expires_at - make_interval(secs => $3) AS created FROM sso_pending WHERE state_hash = $1 AND provider_id = $2 AND expires_at > now()',
        [keyOf(key), providerId, PENDING_MS / 1000],
      );
      return row ? new Date(row.created).toISOString() : null;
    },
    removeAsync: async (key) => {
      if (!key) return null;
      const rows = await db.query('DELETE FROM sso_pending WHERE state_hash = $1 RETURNING 1', [keyOf(key)]);
      return rows.length ? key : null;
    },
  };
}

/**
 * The service provider for one municipality's SAML identity provider (node-saml): AuthnRequests by
 * HTTP-Redirect, responses by HTTP-POST to our ACS; the assertion must be signed by the configured
 * certificate (or public key), name our entity id as audience, come from the configured IdP issuer, be within
 * its validity (one minute's clock skew) and answer a request we sent (InResponseTo, always).
 */
export async function samlFor(db: Db, p: ProviderRow, acsUrl: string, requestId?: () => string): Promise<SAML> {
  if (!p.saml_entry_point || !p.saml_idp_cert || !p.saml_idp_issuer || !p.saml_sp_entity_id) throw new SsoRefused('provider_error', 'SAML settings incomplete');
  const { SAML, ValidateInResponseTo } = await loadNodeSaml();
  return new SAML({
    entryPoint: p.saml_entry_point,
    issuer: p.saml_sp_entity_id,
    audience: p.saml_sp_entity_id,
    idpIssuer: p.saml_idp_issuer,
    idpCert: p.saml_idp_cert,
    callbackUrl: acsUrl,
    wantAssertionsSigned: true,
    // ADFS and Entra sign the assertion, not always the response around it: the assertion's signature is what counts.
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: PENDING_MS,
    cacheProvider: pendingStore(db, p.id),
    acceptedClockSkewMs: 60_000,
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    ...(requestId ? { generateUniqueId: requestId } : {}),
  });
}

/** How node-saml's refusal reads on the refusal page (its errors are plain Errors with English messages). */
async function classify(err: unknown): Promise<SsoRefused> {
  if (err instanceof SsoRefused) return err;
  const { SamlStatusError } = await loadNodeSaml(); // loaded already: a SAML object made the error
  if (err instanceof SamlStatusError) return new SsoRefused('denied', err.message);
  const m = err instanceof Error ? err.message : String(err);
  if (/InResponseTo/i.test(m)) return new SsoRefused('state_unknown', m);
  // node-saml drops subject confirmations outside their validity, and then says it found none
  if (/expired|not yet valid|too old|no valid subject confirmation/i.test(m)) return new SsoRefused('token_expired', m);
  if (/issuer/i.test(m)) return new SsoRefused('issuer_mismatch', m);
  return new SsoRefused('token_invalid', m);
}

/** The request a response claims to answer (before its signature is checked: only to find the pending row). */
export function claimedInResponseTo(samlResponse: string): string | null {
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  return /<(?:\w+:)?Response\b[^>]*\sInResponseTo="([^"]{1,200})"/.exec(xml)?.[1] ?? null;
}

export interface SamlResult { subject: string; email: unknown; name: unknown; groups: unknown }

const attr = (profile: Profile, names: string[]) => {
  const attrs = (profile.attributes ?? {}) as Record<string, unknown>;
  for (const n of names) if (attrs[n] !== undefined) return attrs[n];
  return undefined;
};

/** Validates the IdP's POSTed response and reads the person: NameID, e-mail, name and the group attribute. */
export async function finishSaml(saml: SAML, p: ProviderRow, samlResponse: string): Promise<SamlResult> {
  let profile: Profile | null;
  try {
    ({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (err) {
    throw await classify(err);
  }
  if (!profile?.nameID) throw new SsoRefused('token_invalid', 'no NameID');
  // node-saml 5 checks the issuer of logout messages only: the signed assertion's issuer is checked here.
  if (profile.issuer !== p.saml_idp_issuer) throw new SsoRefused('issuer_mismatch', `assertion issuer ${profile.issuer}`);
  const emailClaim = attr(profile, ['email', 'mail', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress']);
  const email = emailClaim ?? (profile.nameIDFormat?.endsWith(':emailAddress') ? profile.nameID : undefined);
  return {
    subject: profile.nameID,
    email: Array.isArray(email) ? email[0] : email,
    name: attr(profile, ['displayName', 'name', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name']),
    groups: attr(profile, [p.group_claim]),
  };
}
