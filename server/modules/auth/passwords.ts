import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/client';
import { foldPassword, passwordProblem, PASSWORD_MAX, PASSWORD_MIN, PASSWORD_PROBLEM_DE } from '../../../domain/password-rules';
import { invalid } from '../../errors';
import { hashPassword } from './auth.service';

/** The shipped list of common and breached passwords, read once; no online look-up (see the file's head). */
let common: ReadonlySet<string> | null = null;
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((l) => foldPassword(l.trim()))
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

/**
 * Refuses a new password by the rules in domain/password-rules (400 on the field `password`, with the
 * reason as `reason` so the web app can say it in the user's language). Sign-in never calls this, so
 * older, shorter passwords keep working until they are changed.
 */
export function assertAcceptablePassword(password: string, personal: (string | null | undefined)[]) {
  const problem = passwordProblem(password, { common: commonPasswords(), personal });
  if (problem) {
    const message = PASSWORD_PROBLEM_DE[problem];
    throw invalid({ key: `password.${problem}`, params: { min: PASSWORD_MIN, max: PASSWORD_MAX } }, [{ path: ['password'], message, reason: problem }]);
  }
}

/**
 * Checks a password being set for an account, with the account's e-mail and name (new values win over
 * stored ones) and the municipality's name as the personal words, and returns its hash.
 */
export async function hashNewPassword(
  db: Db,
  password: string,
  who: { userId?: string; email?: string; name?: string; municipalityId?: string; municipalityName?: string },
): Promise<string> {
  // Only an account of the same municipality lends its words: a refusal must not reveal anything about
  // another municipality's people (the caller answers 404 for them).
  const [user] = who.userId
    ? await db.query<{ email: string; name: string }>(
        'SELECT u.email, u.name FROM app_user u JOIN membership m ON m.user_id = u.id WHERE u.id = $1 AND m.municipality_id = $2',
        [who.userId, who.municipalityId ?? null],
      )
    : [];
  const [muni] = who.municipalityId ? await db.query<{ name: string }>('SELECT name FROM municipality WHERE id = $1', [who.municipalityId]) : [];
  assertAcceptablePassword(password, [who.email, who.name, user?.email, user?.name, who.municipalityName, muni?.name]);
  return hashPassword(password);
}
