import { passwordProblem, type PasswordProblem } from '../../../domain/password-rules';
import type { authMessages } from './messages';

type AuthKey = keyof typeof authMessages.de;
const KEYS: Record<PasswordProblem, AuthKey> = {
  too_short: 'pw_too_short',
  too_long: 'pw_too_long',
  repeated: 'pw_repeated',
  sequence: 'pw_sequence',
  common: 'pw_common',
  personal: 'pw_personal',
};

/**
 * The password rules in the user's language: checked in the browser as far as they go without the
 * server's list of common passwords, and the server's reason (error details) said in the same words.
 */
export function passwordFeedback(t: (key: AuthKey) => string, password: string, personal: string[]): string | undefined {
  const problem = passwordProblem(password, { personal });
  return problem ? t(KEYS[problem]) : undefined;
}

/** The localized text for the server's `reason` on the field `password`, if it sent one. */
export function serverPasswordFeedback(t: (key: AuthKey) => string, details: unknown): string | undefined {
  if (!Array.isArray(details)) return undefined;
  const issue = details.find((d: { path?: unknown[]; reason?: string }) => Array.isArray(d?.path) && d.path[0] === 'password' && d.reason);
  const reason = issue?.reason as PasswordProblem | undefined;
  return reason && reason in KEYS ? t(KEYS[reason]) : undefined;
}
