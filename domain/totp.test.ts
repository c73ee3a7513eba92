import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, otpauthUri, totp, verifyTotp } from './totp';

// RFC 6238, appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", 8-digit codes.
const SEED = Buffer.from('12345678901234567890', 'ascii');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('at %i s gives %s (8 digits) and its last six digits with 6', (t, code) => {
    expect(totp(SEED, t, 8)).toBe(code);
    expect(totp(SEED, t)).toBe(code.slice(2));
  });

  it('matches RFC 4226 appendix D for HOTP counters 0–9', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, i) => hotp(SEED, i))).toEqual(expected);
  });

  it('round-trips Base32 and reads the RFC 4648 examples, lower case and spaces included', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
    expect(base32Decode(base32Encode(SEED))).toEqual(SEED);
    expect(() => base32Decode('AB1')).toThrow();
  });

  it('accepts the current step and one either side, not two', () => {
    const secret = base32Encode(SEED);
    const t = 1111111111; // step 37037037
    expect(verifyTotp(secret, totp(secret, t), t)).toBe(37037037);
    expect(verifyTotp(secret, totp(secret, t - 30), t)).toBe(37037036);
    expect(verifyTotp(secret, totp(secret, t + 30), t)).toBe(37037038);
    expect(verifyTotp(secret, totp(secret, t - 60), t)).toBeNull();
    expect(verifyTotp(secret, totp(secret, t + 60), t)).toBeNull();
  });

  it('refuses a code whose step was already used, and malformed codes', () => {
    const secret = base32Encode(SEED);
    const t = 1111111111;
    const code = totp(secret, t);
    expect(verifyTotp(secret, code, t, 37037037)).toBeNull();
    expect(verifyTotp(secret, code, t, 37037036)).toBe(37037037);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, t)).toBe(37037037);
    expect(verifyTotp(secret, '12345', t)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', t)).toBeNull();
  });

  it('builds the otpauth address authenticator apps read', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'anna@example.org', 'Roter Faden')).toBe(
      'otpauth://totp/Roter%20Faden%3Aanna%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Roter+Faden&algorithm=SHA1&digits=6&period=30',
    );
  });
});
