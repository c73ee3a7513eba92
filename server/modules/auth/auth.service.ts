import { createHmac, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Me } from '../../../contract/auth';
import type { Role } from '../../../contract/common';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import { failureKeys, signInVerdict, WINDOW_MINUTES, type FailureCounts } from '../../../domain/throttle';
import { DEFAULT_IDLE_MINUTES, idleVerdict, shortenAddress } from '../../../domain/sessions';
import { recordAccountEvent } from '../audit/account-events';
import { markTwoFactorMissing } from './two-factor-gate';
import { assertPasswordAllowed } from '../sso/sso-settings.service';

// argon2id with OWASP's second recommended profile (19 MiB, t=2, p=1).
// algorithm 2 = Argon2id (the package's const enum cannot be imported under isolatedModules).
const ARGON = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, ARGON);
export async function checkPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** The session cookie carries a random token; the database keeps only its keyed hash. */
export function tokenHash(token: string, secret: string) {
  return createHmac('sha256', secret).update(token).digest('hex');
}

/** `client` (optional): what the person may see in their list of sessions — the User-Agent and the address, shortened. */
export async function createSession(db: Db, secret: string, userId: string, municipalityId: string, days: number, client: { userAgent?: string; address?: string } = {}) {
  const token = randomBytes(32).toString('base64url');
  await db.query('DELETE FROM session WHERE user_id = $1 AND expires_at < now()', [userId]);
  await db.query(
    `INSERT INTO session (token_hash, user_id, municipality_id, expires_at, user_agent, address) VALUES ($1, $2, $3, now() + make_interval(days => $4), $5, $6)`,
    [tokenHash(token, secret), userId, municipalityId, days, (client.userAgent ?? '').slice(0, 300), client.address ? shortenAddress(client.address) : ''],
  );
  return token;
}

export async function deleteSession(db: Db, hashValue: string) {
  await db.query('DELETE FROM session WHERE token_hash = $1', [hashValue]);
}

interface ActorRow {
  user_id: string; name: string; municipality_id: string; role: Role; department_id: string | null;
  last_active_at: Date; now: Date; two_factor_missing: boolean;
}

/**
 * Resolves a cookie token to the acting user; an expired session, one idle for `idleMinutes` (it is ended
 * here) or a removed membership yields null. Last activity is written at most once a minute (domain/sessions).
 * An admin who must but does not yet use two-factor sign-in is marked for the gate (two-factor-gate.ts).
 */
export async function actorFromToken(db: Db, secret: string, token: string, idleMinutes = DEFAULT_IDLE_MINUTES): Promise<Actor | null> {
  const h = tokenHash(token, secret);
  const [row] = await db.query<ActorRow>(
    `SELECT s.user_id, u.name, s.municipality_id, m.role, m.department_id, s.last_active_at, now() AS now,
       (m.role = 'admin' AND coalesce(ss.require_admin_two_factor, false) AND s.sso_provider_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM two_factor tf WHERE tf.user_id = s.user_id AND tf.enabled_at IS NOT NULL)) AS two_factor_missing
     FROM session s JOIN app_user u ON u.id = s.user_id
     JOIN membership m ON m.user_id = s.user_id AND m.municipality_id = s.municipality_id
     LEFT JOIN security_settings ss ON ss.municipality_id = s.municipality_id
     WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [h],
  );
  if (!row) return null;
  const verdict = idleVerdict(new Date(row.last_active_at), new Date(row.now), idleMinutes);
  if (verdict === 'expired') {
    await db.query('DELETE FROM session WHERE token_hash = $1', [h]);
    return null;
  }
  if (verdict === 'touch') await db.query('UPDATE session SET last_active_at = now() WHERE token_hash = $1', [h]);
  const actor: Actor = { userId: row.user_id, userName: row.name, municipalityId: row.municipality_id, role: row.role, departmentId: row.department_id, sessionHash: h };
  if (row.two_factor_missing) markTwoFactorMissing(actor);
  return actor;
}

/** Failed sign-ins per key within the throttle's window (see domain/throttle for the rule). */
export async function failureCounts(db: Db, keys: ReturnType<typeof failureKeys>): Promise<FailureCounts> {
  const rows = await db.query<{ key: string; n: number }>(
    `SELECT key, count(*)::int AS n FROM login_failure WHERE key = ANY($1::text[]) AND at > now() - make_interval(mins => $2) GROUP BY key`,
    [[keys.pair, keys.client, keys.account], WINDOW_MINUTES],
  );
  const n = (key: string) => Number(rows.find((r) => r.key === key)?.n ?? 0);
  return { pair: n(keys.pair), client: n(keys.client), account: n(keys.account) };
}

/** `client` is the address the server sees (TRUST_PROXY decides whether proxies' headers count). */
export async function login(db: Db, email: string, password: string, client: string): Promise<{ userId: string; municipalityId: string }> {
  const keys = failureKeys(email, client);
  // Judged before the password is checked, so a refused guess tells the attacker nothing.
  const verdict = signInVerdict(await failureCounts(db, keys));
  if (!verdict.allowed) throw new AppError(429, 'rate_limited', { key: `rate_limited.${verdict.reason}`, params: { minutes: WINDOW_MINUTES } });
  const [user] = await db.query<{ id: string; password_hash: string | null }>(
    'SELECT id, password_hash FROM app_user WHERE lower(email) = lower($1)',
    [email],
  );
  // Verify even for unknown e-mails so the response time does not reveal which accounts exist.
  const ok = await checkPassword(user?.password_hash ?? DUMMY_HASH, password);
  if (!user || !ok) {
    await recordLoginFailure(db, keys);
    if (user) await recordAccountEvent(db, user.id, 'sign_in_failed', { reason: 'password', address: shortenAddress(client) });
    throw new AppError(401, 'invalid_credentials');
  }
  const [m] = await db.query<{ municipality_id: string }>(
    `SELECT m.municipality_id FROM membership m JOIN municipality mu ON mu.id = m.municipality_id
     WHERE m.user_id = $1 ORDER BY m.created_at LIMIT 1`,
    [user.id],
  );
  if (!m) throw forbidden('forbidden.no_municipality');
  // With local passwords turned off by the municipality's single sign-on, only its emergency admin gets past here.
  await assertPasswordAllowed(db, user.id);
  // Only this pair starts afresh: the client's and the account's counts keep protecting other accounts and clients.
  await db.query('DELETE FROM login_failure WHERE key = $1', [keys.pair]);
  return { userId: user.id, municipalityId: m.municipality_id };
}
/** One failed attempt (a wrong password, or a wrong second-factor code) under all three keys of the throttle. */
export async function recordLoginFailure(db: Db, keys: ReturnType<typeof failureKeys>) {
  await db.query('INSERT INTO login_failure (key) VALUES ($1), ($2), ($3)', [keys.pair, keys.client, keys.account]);
  await db.query(`DELETE FROM login_failure WHERE at < now() - interval '1 day'`);
}

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$WCridU34nR1btw3PRi8dzQ$R1lCmwmBr5eHtm4l6VJHpW1+n6aIHiUN9fMY4KQVcDM';

export async function me(db: Db, userId: string, currentMunicipalityId: string): Promise<Me> {
  const [user] = await db.query<{ id: string; email: string; name: string; locale: 'de' | 'en' }>(
    'SELECT id, email, name, locale FROM app_user WHERE id = $1',
    [userId],
  );
  if (!user) throw unauthenticated();
  const rows = await db.query<{ municipality_id: string; name: string; role: Role; department_id: string | null }>(
    `SELECT m.municipality_id, mu.name, m.role, m.department_id FROM membership m
     JOIN municipality mu ON mu.id = m.municipality_id WHERE m.user_id = $1 ORDER BY mu.name`,
    [userId],
  );
  const memberships = rows.map((r) => ({ municipalityId: r.municipality_id, municipalityName: r.name, role: r.role, departmentId: r.department_id }));
  const current = memberships.find((m) => m.municipalityId === currentMunicipalityId);
  if (!current) throw unauthenticated();
  return { user, current, memberships };
}

export async function switchMunicipality(db: Db, actor: Actor, municipalityId: string) {
  const [m] = await db.query('SELECT 1 FROM membership WHERE user_id = $1 AND municipality_id = $2', [actor.userId, municipalityId]);
  if (!m) throw notFound('municipality');
  // A session from a municipality's identity provider stays in that municipality: its provider vouches for
  // nobody elsewhere (modules/sso/sso-account.ts).
  const [sso] = await db.query('SELECT 1 FROM session WHERE token_hash = $1 AND sso_provider_id IS NOT NULL', [actor.sessionHash]);
  if (sso) throw new AppError(403, 'sso_session_bound');
  await db.query('UPDATE session SET municipality_id = $1 WHERE token_hash = $2', [municipalityId, actor.sessionHash]);
}

export async function updateProfile(db: Db, actor: Actor, p: { name?: string; locale?: 'de' | 'en' }) {
  await db.query('UPDATE app_user SET name = coalesce($2, name), locale = coalesce($3, locale) WHERE id = $1', [actor.userId, p.name ?? null, p.locale ?? null]);
}

