import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Role } from '../../../contract/common';
import { API_TOKEN_PREFIX, type ApiToken } from '../../../contract/api-tokens';
import { notFound } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { tokenHash } from '../auth/auth.service';

interface TokenRow { id: string; name: string; read_only: boolean; created_at: Date; expires_at: Date | null; last_used_at: Date | null }

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  readOnly: r.read_only,
  createdAt: new Date(r.created_at).toISOString(),
  expiresAt: iso(r.expires_at),
  lastUsedAt: iso(r.last_used_at),
});
const auditView = (t: ApiToken) => ({ name: t.name, readOnly: t.readOnly, expiresAt: t.expiresAt });

/** The caller's own tokens in the current municipality, newest first (expired ones too, until revoked). */
export async function listTokens(db: Db, actor: Actor): Promise<ApiToken[]> {
  const rows = await db.query<TokenRow>(
    `SELECT id, name, read_only, created_at, expires_at, last_used_at FROM api_token
     WHERE municipality_id = $1 AND user_id = $2 ORDER BY created_at DESC, id`,
    [actor.municipalityId, actor.userId],
  );
  return rows.map(toToken);
}

/** Creates a token for the caller in the current municipality; the secret is returned once and never stored. */
export async function createToken(
  db: Db,
  secret: string,
  actor: Actor,
  input: { name: string; expiresInDays: number | null; readOnly: boolean },
): Promise<{ token: ApiToken; secret: string }> {
  const plain = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return db.tx(async (tx) => {
    const [row] = await tx.query<TokenRow>(
      `INSERT INTO api_token (municipality_id, user_id, name, token_hash, read_only, expires_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $6::int IS NULL THEN NULL ELSE now() + make_interval(days => $6::int) END)
       RETURNING id, name, read_only, created_at, expires_at, last_used_at`,
      [actor.municipalityId, actor.userId, input.name, tokenHash(plain, secret), input.readOnly, input.expiresInDays],
    );
    const token = toToken(row);
    await recordAudit(tx, actor, { entityType: 'api_token', entityId: token.id, action: 'create', before: null, after: auditView(token) });
    return { token, secret: plain };
  });
}

/** Revokes one of the caller's own tokens; anyone else's id (or another municipality's) is not found. */
export async function revokeToken(db: Db, actor: Actor, id: string): Promise<void> {
  await db.tx(async (tx) => {
    const [row] = await tx.query<TokenRow>(
      `DELETE FROM api_token WHERE municipality_id = $1 AND user_id = $2 AND id = $3
       RETURNING id, name, read_only, created_at, expires_at, last_used_at`,
      [actor.municipalityId, actor.userId, id],
    );
    if (!row) throw notFound('apiToken');
    await recordAudit(tx, actor, { entityType: 'api_token', entityId: row.id, action: 'delete', before: auditView(toToken(row)), after: null });
  });
}

interface BearerRow { id: string; user_id: string; name: string; municipality_id: string; role: Role; department_id: string | null; read_only: boolean; stale: boolean }

/**
 * Resolves a bearer token to the acting user with their CURRENT membership in the token's municipality:
 * an unknown, revoked or expired token, or one whose user left the municipality, yields null.
 */
export async function actorFromApiToken(db: Db, secret: string, token: string): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const h = tokenHash(token, secret);
  const [row] = await db.query<BearerRow>(
    `SELECT t.id, t.user_id, u.name, t.municipality_id, m.role, m.department_id, t.read_only,
            (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale
     FROM api_token t JOIN app_user u ON u.id = t.user_id
     JOIN membership m ON m.user_id = t.user_id AND m.municipality_id = t.municipality_id
     WHERE t.token_hash = $1 AND (t.expires_at IS NULL OR t.expires_at > now())`,
    [h],
  );
  if (!row) return null;
  // "Last used" to the minute: one write a minute per token, not one per request.
  if (row.stale) await db.query('UPDATE api_token SET last_used_at = now() WHERE token_hash = $1', [h]);
  return {
    userId: row.user_id,
    userName: row.name,
    municipalityId: row.municipality_id,
    role: row.role,
    departmentId: row.department_id,
    sessionHash: '',
    apiToken: { id: row.id, readOnly: row.read_only },
  };
}
