/**
 * Sign-in throttling: slow down whoever guesses passwords without locking the real owner out.
 *
 * Failed sign-ins of the last WINDOW_MINUTES are counted three ways: per pair of account and client
 * (client = the address the server sees, see TRUST_PROXY), per client across all accounts, and per
 * account across all clients. A sign-in attempt is refused (429, before the password is even checked)
 *
 *  1. for a pair with `pair` failures — one client guessing one account;
 *  2. for a client with `client` failures — one client trying many accounts (password spraying);
 *  3. for an account with `account` failures — but only towards clients that have failed recently
 *     themselves. A client with a clean record still gets through, so an attacker's failures from
 *     elsewhere never lock the owner out of their own account; each further attacking address gets at
 *     most one more guess before rule 3 refuses it as well.
 *
 * A successful sign-in clears only its own pair: an attacker who owns one account cannot wash away the
 * failures of their client, and the account's count keeps protecting it against the other clients.
 */

export const WINDOW_MINUTES = 15;

export interface ThrottleLimits { pair: number; client: number; account: number }
export const THROTTLE_LIMITS: ThrottleLimits = { pair: 5, client: 50, account: 10 };

/** Failed sign-ins within the window. */
export interface FailureCounts { pair: number; client: number; account: number }

export type ThrottleVerdict = { allowed: true } | { allowed: false; reason: 'pair' | 'client' | 'account' };

export function signInVerdict(counts: FailureCounts, limits: ThrottleLimits = THROTTLE_LIMITS): ThrottleVerdict {
  if (counts.pair >= limits.pair) return { allowed: false, reason: 'pair' };
  if (counts.client >= limits.client) return { allowed: false, reason: 'client' };
  if (counts.account >= limits.account && counts.client > 0) return { allowed: false, reason: 'account' };
  return { allowed: true };
}

/** The keys under which one failure is counted (the e-mail in lower case, as accounts are found). */
export function failureKeys(email: string, client: string) {
  const account = email.trim().toLowerCase();
  // The old keys 'email:' and 'ip:' are kept, so failures counted before an update still count.
  return { pair: `pair:${account}|${client}`, client: `ip:${client}`, account: `email:${account}` };
}
