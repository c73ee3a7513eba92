import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The client secret and the ID token kept for sign-out must be readable by the server, so they are
 * encrypted rather than hashed: AES-256-GCM under a key derived from SESSION_SECRET for this purpose only
 * (the TOTP secrets have their own). A database copy alone yields neither; a new SESSION_SECRET makes the
 * stored client secret unreadable (the admin enters it again; sign-in says `provider_error` until then).
 */
const keyOf = (sessionSecret: string) => createHmac('sha256', sessionSecret).update('rf sso secret v1').digest();

export function seal(sessionSecret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(sessionSecret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function unseal(sessionSecret: string, sealed: string | null): string | null {
  if (!sealed?.startsWith('v1.')) return null;
  try {
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(sessionSecret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
