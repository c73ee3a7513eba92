import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app';
import type { Me } from '../../../contract/auth';
import { shortenAddress } from '../../../domain/sessions';
import { recordAccountEvent } from '../audit/account-events';
import { createSession, me } from './auth.service';
import { setSessionCookie } from './auth.routes';

/**
 * The last step of every sign-in (password alone, or password and second factor): the session with what
 * its owner may later see of it, the cookie, and the sign-in in the audit trail of each of the account's
 * municipalities.
 */
export async function completeSignIn(
  app: App,
  req: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  municipalityId: string,
  method: 'password' | 'totp' | 'recovery',
): Promise<Me> {
  const userAgent = String(req.headers['user-agent'] ?? '');
  const token = await createSession(app.db, app.config.sessionSecret, userId, municipalityId, app.config.sessionDays, { userAgent, address: req.ip });
  setSessionCookie(app, req, reply, token);
  await recordAccountEvent(app.db, userId, 'sign_in', { method, address: shortenAddress(req.ip) });
  return me(app.db, userId, municipalityId);
}
