import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { RecoveryCodes, TwoFactorSetup, TwoFactorStatus } from '../../../contract/security';
import { AppError } from '../../errors';
import { base32Encode, otpauthUri, verifyTotp } from '../../../domain/totp';
import { recordAccountEvent } from '../audit/account-events';

const ISSUER = 'Roter Faden';
const RECOVERY_CODES = 10;

/**
 * The TOTP secret must be readable by the server (it computes the codes), so it is encrypted rather than
 * hashed: AES-256-GCM under a key derived from SESSION_SECRET. A database copy alone yields no codes; a new
 * SESSION_SECRET makes existing secrets unreadable (those people sign in with a recovery code and set up again).
 */
const keyOf = (sessionSecret: string) => createHmac('sha256', sessionSecret).update('rf two-factor secret v1').digest();

export function sealSecret(sessionSecret: string, secret: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(sessionSecret), iv);
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function openSecret(sessionSecret: string, sealed: string): Buffer | null {
  try {
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(sessionSecret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  } catch {
    return null;
  }
}

/** Recovery codes as people type them: 10 characters of the Base32 alphabet (50 bits), lower case, in two halves. */
const newRecoveryCode = () => {
  const c = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
  return `${c.slice(0, 5)}-${c.slice(5)}`;
};
const recoveryHash = (code: string) => createHash('sha256').update(code.toLowerCase().replace(/[^a-z2-7]/g, '')).digest('hex');
const looksLikeTotp = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''));

const nowSeconds = () => Date.now() / 1000;

export async function isTwoFactorOn(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.query('SELECT 1 FROM two_factor WHERE user_id = $1 AND enabled_at IS NOT NULL', [userId]);
  return Boolean(row);
}

/** Whether the account's admins in this municipality must use two-factor sign-in. */
export async function adminTwoFactorRequired(db: Db, municipalityId: string): Promise<boolean> {
  const [row] = await db.query<{ on: boolean }>('SELECT require_admin_two_factor AS on FROM security_settings WHERE municipality_id = $1', [municipalityId]);
  return Boolean(row?.on);
}

export async function twoFactorStatus(db: Db, actor: Actor): Promise<TwoFactorStatus> {
  const [row] = await db.query<{ enabled: boolean; left: number }>(
    `SELECT tf.enabled_at IS NOT NULL AS enabled,
       (SELECT count(*)::int FROM two_factor_recovery r WHERE r.user_id = tf.user_id AND r.used_at IS NULL) AS left
     FROM two_factor tf WHERE tf.user_id = $1`,
    [actor.userId],
  );
  return {
    enabled: Boolean(row?.enabled),
    pending: Boolean(row && !row.enabled),
    recoveryCodesLeft: row?.enabled ? Number(row.left) : 0,
    required: actor.role === 'admin' && (await adminTwoFactorRequired(db, actor.municipalityId)),
  };
}

/** A new secret, kept unconfirmed until the person types a code from their app (a repeated call replaces it). */
export async function beginSetup(db: Db, sessionSecret: string, actor: Actor): Promise<TwoFactorSetup> {
  if (await isTwoFactorOn(db, actor.userId)) throw new AppError(409, 'two_factor_already_on');
  const secret = randomBytes(20); // 160 bits, as RFC 4226 recommends for SHA-1
  await db.query(
    `INSERT INTO two_factor (user_id, secret) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, last_step = 0, created_at = now() WHERE two_factor.enabled_at IS NULL`,
    [actor.userId, sealSecret(sessionSecret, secret)],
  );
  const [{ email }] = await db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [actor.userId]);
  const text = base32Encode(secret);
  const uri = otpauthUri(text, email, ISSUER);
  const svg = await (await import('qrcode')).default.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret: text, otpauthUri: uri, qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

const codeInvalid = () => new AppError(400, 'two_factor_code_invalid');

/** Confirms the pending secret with a code; returns ten recovery codes, shown once. */
export async function confirmSetup(db: Db, sessionSecret: string, actor: Actor, code: string): Promise<RecoveryCodes> {
  return db.tx(async (t) => {
    const [row] = await t.query<{ secret: string; enabled: boolean }>(
      'SELECT secret, enabled_at IS NOT NULL AS enabled FROM two_factor WHERE user_id = $1 FOR UPDATE',
      [actor.userId],
    );
    if (!row) throw new AppError(409, 'two_factor_not_started');
    if (row.enabled) throw new AppError(409, 'two_factor_already_on');
    const secret = openSecret(sessionSecret, row.secret);
    const step = secret ? verifyTotp(secret, code, nowSeconds()) : null;
    if (step === null) throw codeInvalid();
    await t.query('UPDATE two_factor SET enabled_at = now(), last_step = $2 WHERE user_id = $1', [actor.userId, step]);
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await t.query('DELETE FROM two_factor_recovery WHERE user_id = $1', [actor.userId]);
    await t.query(
      'INSERT INTO two_factor_recovery (user_id, code_hash) SELECT $1, unnest($2::text[])',
      [actor.userId, codes.map(recoveryHash)],
    );
    await recordAccountEvent(t, actor.userId, 'two_factor_on');
    return { recoveryCodes: codes };
  });
}

/**
 * Checks a second factor and spends it: a TOTP code only for a step later than the last one accepted
 * (the conditional UPDATE makes two concurrent uses of one code impossible), a recovery code only once.
 */
export async function spendSecondFactor(db: Db, sessionSecret: string, userId: string, code: string): Promise<'totp' | 'recovery' | null> {
  if (looksLikeTotp(code)) {
    const [row] = await db.query<{ secret: string; last_step: string }>(
      'SELECT secret, last_step FROM two_factor WHERE user_id = $1 AND enabled_at IS NOT NULL',
      [userId],
    );
    const secret = row && openSecret(sessionSecret, row.secret);
    if (!row || !secret) return null;
    const step = verifyTotp(secret, code, nowSeconds(), Number(row.last_step));
    if (step === null) return null;
    const spent = await db.query('UPDATE two_factor SET last_step = $2 WHERE user_id = $1 AND last_step < $2 RETURNING 1', [userId, step]);
    return spent.length ? 'totp' : null;
  }
  const used = await db.query(
    `UPDATE two_factor_recovery r SET used_at = now() FROM two_factor tf
     WHERE r.user_id = $1 AND r.code_hash = $2 AND r.used_at IS NULL AND tf.user_id = r.user_id AND tf.enabled_at IS NOT NULL RETURNING 1`,
    [userId, recoveryHash(code)],
  );
  return used.length ? 'recovery' : null;
}

/** Turns two-factor sign-in off (the caller has checked the password or a code). */
export async function disableTwoFactor(db: Db, userId: string) {
  await db.tx(async (t) => {
    const gone = await t.query('DELETE FROM two_factor WHERE user_id = $1 AND enabled_at IS NOT NULL RETURNING 1', [userId]);
    if (!gone.length) throw new AppError(409, 'two_factor_not_on');
    await t.query('DELETE FROM two_factor_recovery WHERE user_id = $1', [userId]);
    await recordAccountEvent(t, userId, 'two_factor_off');
  });
}
