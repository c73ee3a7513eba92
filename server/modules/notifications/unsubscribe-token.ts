import { createHmac, timingSafeEqual } from 'node:crypto';
import { isKind } from './kinds';
import type { NotificationKind } from '../../../contract/notifications';

/**
 * One-click unsubscribe tokens (RFC 8058): per person and kind, signed with HMAC-SHA-256 keyed with
 * SESSION_SECRET, so no table is needed and a token cannot be forged for another person or kind. The
 * kind `digest` stands for "no more daily summaries" (every kind set to the digest is switched off).
 * A token does not expire: the link in an old e-mail must keep working.
 */
export type UnsubscribeTarget = NotificationKind | 'digest';

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');

export function unsubscribeToken(secret: string, userId: string, kind: UnsubscribeTarget): string {
  const payload = `${userId}.${kind}`;
  return `${Buffer.from(payload).toString('base64url')}.${sign(secret, payload)}`;
}

export function readUnsubscribeToken(secret: string, token: string): { userId: string; kind: UnsubscribeTarget } | null {
  const [p, sig, ...rest] = token.split('.');
  if (!p || !sig || rest.length) return null;
  const payload = Buffer.from(p, 'base64url').toString('utf8');
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId, kind] = payload.split('.');
  if (!/^[0-9a-f-]{36}$/.test(userId ?? '') || !(kind === 'digest' || isKind(kind ?? ''))) return null;
  return { userId, kind: kind as UnsubscribeTarget };
}
