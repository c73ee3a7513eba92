import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { failureKeys, signInVerdict, WINDOW_MINUTES } from '../../../domain/throttle';
import { shortenAddress } from '../../../domain/sessions';
import { recordAccountEvent } from '../audit/account-events';
import { failureCounts, recordLoginFailure, tokenHash } from './auth.service';
import { spendSecondFactor } from './two-factor.service';

/** How long the password step stays good for the second step. */
export const PENDING_MINUTES = 5;

/** After the right password: a pending sign-in (no session) that only a right code turns into one. */
export async function startPendingSignIn(db: Db, secret: string, userId: string, municipalityId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query('DELETE FROM sign_in_pending WHERE expires_at < now()');
  await db.query(
    `INSERT INTO sign_in_pending (token_hash, user_id, municipality_id, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
    [tokenHash(token, secret), userId, municipalityId, PENDING_MINUTES],
  );
  return token;
}

/**
 * The second step. The same throttle as passwords (domain/throttle) judges first and counts each wrong
 * code, so the six digits cannot be guessed faster than a password. The pending token ends with success.
 */
export async function finishSecondFactor(
  db: Db,
  secret: string,
  pendingToken: string,
  code: string,
  client: string,
): Promise<{ userId: string; municipalityId: string; method: 'totp' | 'recovery' }> {
  const h = tokenHash(pendingToken, secret);
  const [pending] = await db.query<{ user_id: string; municipality_id: string; email: string }>(
    `SELECT p.user_id, p.municipality_id, u.email FROM sign_in_pending p JOIN app_user u ON u.id = p.user_id
     WHERE p.token_hash = $1 AND p.expires_at > now()`,
    [h],
  );
  if (!pending) throw new AppError(401, 'sign_in_expired');
  const keys = failureKeys(pending.email, client);
  const verdict = signInVerdict(await failureCounts(db, keys));
  if (!verdict.allowed) throw new AppError(429, 'rate_limited', { key: `rate_limited.${verdict.reason}`, params: { minutes: WINDOW_MINUTES } });
  const method = await spendSecondFactor(db, secret, pending.user_id, code);
  if (!method) {
    await recordLoginFailure(db, keys);
    await recordAccountEvent(db, pending.user_id, 'sign_in_failed', { reason: 'second_factor', address: shortenAddress(client) });
    throw new AppError(401, 'second_factor_invalid');
  }
  await db.query('DELETE FROM sign_in_pending WHERE token_hash = $1', [h]);
  await db.query('DELETE FROM login_failure WHERE key = $1', [keys.pair]);
  return { userId: pending.user_id, municipalityId: pending.municipality_id, method };
}
