import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { SsoChoice, SsoMapping, SsoProvider, SsoProviderBody } from '../../../contract/sso';
import { AppError, notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { assertIdsExist } from '../concept/concept.service';
import { seal } from './seal';

/** A provider row as the sign-in code needs it (the secret still sealed). */
export interface ProviderRow {
  id: string; municipality_id: string; kind: 'oidc' | 'saml'; display_name: string;
  oidc_issuer: string | null; oidc_client_id: string | null; oidc_client_secret: string | null;
  saml_entry_point: string | null; saml_idp_cert: string | null; saml_idp_issuer: string | null; saml_sp_entity_id: string | null;
  group_claim: string; role_map: SsoMapping['roles']; department_map: SsoMapping['departments'];
  passwords_off: boolean; emergency_admin_id: string | null; version: number;
}

export async function providerById(db: Db, id: string): Promise<ProviderRow | null> {
  const [row] = await db.query<ProviderRow>('SELECT * FROM sso_provider WHERE id = $1', [id]);
  return row ?? null;
}

async function providerOf(db: Db, municipalityId: string): Promise<ProviderRow | null> {
  const [row] = await db.query<ProviderRow>('SELECT * FROM sso_provider WHERE municipality_id = $1', [municipalityId]);
  return row ?? null;
}

/** Where the provider sends people back to, and where its sign-out returns them: registered at the provider. */
export const callbackUrls = (base: string) => ({
  redirectUri: `${base}/api/v1/auth/sso/oidc/callback`,
  samlAcsUrl: `${base}/api/v1/auth/sso/saml/acs`,
  postLogoutRedirectUri: `${base}/login`,
});

export function toApi(row: ProviderRow, base: string): SsoProvider {
  const urls = callbackUrls(base);
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.display_name,
    oidc: row.kind === 'oidc' ? { issuer: row.oidc_issuer ?? '', clientId: row.oidc_client_id ?? '', hasClientSecret: Boolean(row.oidc_client_secret) } : null,
    saml:
      row.kind === 'saml'
        ? { entryPoint: row.saml_entry_point ?? '', idpCert: row.saml_idp_cert ?? '', idpIssuer: row.saml_idp_issuer ?? '', spEntityId: row.saml_sp_entity_id ?? '' }
        : null,
    mapping: { groupClaim: row.group_claim, roles: row.role_map, departments: row.department_map },
    passwordsOff: row.passwords_off,
    emergencyAdminId: row.emergency_admin_id,
    redirectUri: row.kind === 'saml' ? urls.samlAcsUrl : urls.redirectUri,
    postLogoutRedirectUri: urls.postLogoutRedirectUri,
    version: row.version,
  };
}

export async function getProvider(db: Db, actor: Actor, base: string): Promise<SsoProvider> {
  const row = await providerOf(db, actor.municipalityId);
  if (!row) throw notFound();
  return toApi(row, base);
}

/** What the audit trail keeps of a configuration: everything but the secret (whether one is set). */
const auditView = (r: ProviderRow | null) =>
  r && { kind: r.kind, displayName: r.display_name, issuer: r.oidc_issuer, clientId: r.oidc_client_id, clientSecretSet: Boolean(r.oidc_client_secret),
    entryPoint: r.saml_entry_point, idpIssuer: r.saml_idp_issuer, spEntityId: r.saml_sp_entity_id, groupClaim: r.group_claim,
    roles: r.role_map, departments: r.department_map, passwordsOff: r.passwords_off, emergencyAdminId: r.emergency_admin_id };

const missing = (field: string) => new AppError(400, 'validation_failed', 'validation_failed.sso_settings_missing', [{ path: [field], message: 'Pflichtfeld' }]);

/** Creates or replaces the municipality's provider; a new secret is sealed, an omitted one kept. */
export async function saveProvider(db: Db, actor: Actor, body: SsoProviderBody, sessionSecret: string, base: string): Promise<SsoProvider> {
  return db.tx(async (t) => {
    const before = await providerOf(t, actor.municipalityId);
    if (before && body.version !== undefined && body.version !== before.version) throw versionConflict(toApi(before, base));
    if (body.kind === 'oidc' && !body.oidc) throw missing('oidc');
    if (body.kind === 'saml' && !body.saml) throw missing('saml');
    const secret = body.kind === 'oidc' ? (body.oidc?.clientSecret ? seal(sessionSecret, body.oidc.clientSecret) : before?.kind === 'oidc' ? before.oidc_client_secret : null) : null;
    if (body.kind === 'oidc' && !secret) throw missing('oidc.clientSecret');
    await assertIdsExist(t, actor.municipalityId, 'department', body.mapping.departments.map((d) => d.departmentId), 'mapping.departments');
    if (body.passwordsOff && !body.emergencyAdminId) throw new AppError(400, 'validation_failed', 'validation_failed.sso_emergency_admin', [{ path: ['emergencyAdminId'], message: 'Pflichtfeld' }]);
    if (body.emergencyAdminId) {
      const [admin] = await t.query(`SELECT 1 FROM membership WHERE municipality_id = $1 AND user_id = $2 AND role = 'admin'`, [actor.municipalityId, body.emergencyAdminId]);
      if (!admin) throw new AppError(400, 'validation_failed', 'validation_failed.sso_emergency_admin', [{ path: ['emergencyAdminId'], message: 'Keine Administration dieser Kommune' }]);
    }
    const values = [
      actor.municipalityId, body.kind, body.displayName,
      body.oidc?.issuer.replace(/\/+$/, '') ?? null, body.oidc?.clientId ?? null, secret,
      body.saml?.entryPoint ?? null, body.saml?.idpCert ?? null, body.saml?.idpIssuer ?? null, body.saml?.spEntityId ?? null,
      body.mapping.groupClaim, JSON.stringify(body.mapping.roles), JSON.stringify(body.mapping.departments),
      body.passwordsOff, body.emergencyAdminId,
    ];
    const [after] = await t.query<ProviderRow>(
      `INSERT INTO sso_provider (municipality_id, kind, display_name, oidc_issuer, oidc_client_id, oidc_client_secret,
         saml_entry_point, saml_idp_cert, saml_idp_issuer, saml_sp_entity_id, group_claim, role_map, department_map, passwords_off, emergency_admin_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14, $15)
       ON CONFLICT (municipality_id) DO UPDATE SET kind = $2, display_name = $3, oidc_issuer = $4, oidc_client_id = $5, oidc_client_secret = $6,
         saml_entry_point = $7, saml_idp_cert = $8, saml_idp_issuer = $9, saml_sp_entity_id = $10, group_claim = $11, role_map = $12::jsonb,
         department_map = $13::jsonb, passwords_off = $14, emergency_admin_id = $15, version = sso_provider.version + 1
       RETURNING *`,
      values,
    );
    // Another provider behind the same entry: its subjects are not the old one's, so the links start afresh
    // (accounts are found again by verified e-mail at the next sign-in).
    if (before && (before.kind !== after.kind || before.oidc_issuer !== after.oidc_issuer || before.saml_idp_issuer !== after.saml_idp_issuer)) {
      await t.query('DELETE FROM sso_identity WHERE provider_id = $1', [after.id]);
    }
    await recordAudit(t, actor, { entityType: 'sso_provider', entityId: after.id, action: before ? 'update' : 'create', before: auditView(before), after: auditView(after) });
    return toApi(after, base);
  });
}

export async function deleteProvider(db: Db, actor: Actor) {
  await db.tx(async (t) => {
    const [row] = await t.query<ProviderRow>('DELETE FROM sso_provider WHERE municipality_id = $1 RETURNING *', [actor.municipalityId]);
    if (!row) throw notFound();
    await recordAudit(t, actor, { entityType: 'sso_provider', entityId: row.id, action: 'delete', before: auditView(row), after: null });
  });
}

/** The sign-in page's buttons: every configured provider with its municipality's name. */
export async function listChoices(db: Db): Promise<SsoChoice[]> {
  return db.query<SsoChoice>(
    `SELECT p.id, p.display_name AS "displayName", m.name AS "municipalityName"
     FROM sso_provider p JOIN municipality m ON m.id = p.municipality_id ORDER BY m.name, p.display_name`,
  );
}

/**
 * Local passwords off: the password was right, but the account belongs to a municipality whose provider
 * turned passwords off and is not that municipality's emergency admin — refused (checked after the password,
 * so that the refusal tells a guesser nothing).
 */
export async function assertPasswordAllowed(db: Db, userId: string) {
  const [blocked] = await db.query<{ display_name: string }>(
    `SELECT p.display_name FROM membership m JOIN sso_provider p ON p.municipality_id = m.municipality_id
     WHERE m.user_id = $1 AND p.passwords_off AND p.emergency_admin_id IS DISTINCT FROM m.user_id LIMIT 1`,
    [userId],
  );
  if (blocked) throw new AppError(403, 'password_sign_in_off', { key: 'password_sign_in_off', params: { provider: blocked.display_name } });
}
