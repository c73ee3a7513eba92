/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) as authenticator apps expect them:
 * HMAC-SHA-1, 30-second steps counted from the Unix epoch, 6 digits, the secret shown in Base32 (RFC 4648).
 *
 * A code is accepted for the current step and one step either side (a phone's clock a little off, or
 * typing across a step boundary), and only for a step later than the last one accepted: each code works once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const STEP_SECONDS = 30;
export const DIGITS = 6;
/** steps accepted either side of the current one */
export const WINDOW = 1;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Accepts lower case, spaces and padding, as people copy secrets; anything else is an error. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new Error(`not Base32: ${ch}`);
    value = ((value << 5) | i) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226: the counter as 8 bytes big-endian, dynamic truncation, the last `digits` decimal digits. */
export function hotp(secret: Uint8Array, counter: number, digits = DIGITS): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export const stepAt = (unixSeconds: number) => Math.floor(unixSeconds / STEP_SECONDS);

/** The code for a moment (Unix seconds); `secret` as raw bytes or as the Base32 text people see. */
export function totp(secret: Uint8Array | string, unixSeconds: number, digits = DIGITS): string {
  const key = typeof secret === 'string' ? base32Decode(secret) : secret;
  return hotp(key, stepAt(unixSeconds), digits);
}

/**
 * The step a code belongs to if it is valid at `unixSeconds` (±WINDOW steps) and later than `lastStep`,
 * else null. Every candidate is compared in constant time, so timing reveals nothing about the code.
 */
export function verifyTotp(secret: Uint8Array | string, code: string, unixSeconds: number, lastStep = 0): number | null {
  const given = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(given)) return null;
  const key = typeof secret === 'string' ? base32Decode(secret) : secret;
  const now = stepAt(unixSeconds);
  let found: number | null = null;
  for (let step = now - WINDOW; step <= now + WINDOW; step++) {
    const match = timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(given));
    if (match && step > lastStep && found === null) found = step;
  }
  return found;
}

/** The address an authenticator app reads from the QR code (Google's Key Uri Format, understood by all common apps). */
export function otpauthUri(secretBase32: string, account: string, issuer: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const q = new URLSearchParams({ secret: secretBase32, issuer, algorithm: 'SHA1', digits: String(DIGITS), period: String(STEP_SECONDS) });
  return `otpauth://totp/${label}?${q.toString()}`;
}
