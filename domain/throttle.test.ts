import { describe, expect, it } from 'vitest';
import { failureKeys, signInVerdict, THROTTLE_LIMITS } from './throttle';

const v = (pair: number, client: number, account: number) => signInVerdict({ pair, client, account });

describe('sign-in throttle', () => {
  it('lets a clean client through', () => {
    expect(v(0, 0, 0)).toEqual({ allowed: true });
  });

  it('refuses a client that keeps guessing one account', () => {
    expect(v(THROTTLE_LIMITS.pair - 1, THROTTLE_LIMITS.pair - 1, THROTTLE_LIMITS.pair - 1).allowed).toBe(true);
    expect(v(THROTTLE_LIMITS.pair, THROTTLE_LIMITS.pair, THROTTLE_LIMITS.pair)).toEqual({ allowed: false, reason: 'pair' });
  });

  it('refuses a client that sprays guesses across many accounts', () => {
    expect(v(0, THROTTLE_LIMITS.client - 1, 0).allowed).toBe(true);
    expect(v(0, THROTTLE_LIMITS.client, 0)).toEqual({ allowed: false, reason: 'client' });
  });

  it('refuses further guesses at an attacked account from clients that have failed themselves', () => {
    expect(v(0, 1, THROTTLE_LIMITS.account)).toEqual({ allowed: false, reason: 'account' });
    expect(v(1, 1, THROTTLE_LIMITS.account)).toEqual({ allowed: false, reason: 'account' });
  });

  it("still lets the owner's clean client try an attacked account", () => {
    expect(v(0, 0, THROTTLE_LIMITS.account * 10)).toEqual({ allowed: true });
  });

  it('counts e-mails case-insensitively, per pair, client and account', () => {
    expect(failureKeys(' Anna@Example.org', '10.0.0.1')).toEqual({ pair: 'pair:anna@example.org|10.0.0.1', client: 'ip:10.0.0.1', account: 'email:anna@example.org' });
  });
});
