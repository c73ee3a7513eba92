import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import { AppError } from '../../errors';
import { actorFromApiToken } from './tokens.service';

/**
 * Paths a token may never use, whatever its role: managing tokens, signing out, switching municipality,
 * the profile, the password and second factors belong to a person at the app (a session), not to a script.
 * `GET /auth/me` stays open so a script can ask who it acts as.
 */
const SESSION_ONLY = [/^\/api\/v1\/auth\//, /^\/api\/v1\/tokens(\/|$)/, /^\/api\/v1\/security(\/|$)/];

const WRITE = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

export const invalidToken = () =>
  new AppError(401, 'invalid_token');

/**
 * The actor of a request with an `Authorization` header. The session cookie is then ignored, so a
 * request carries exactly one authority. A bad header or token is 401 at once (a script should learn
 * its token is wrong, not get an anonymous answer).
 */
export async function bearerActor(db: Db, secret: string, req: FastifyRequest): Promise<Actor> {
  const m = /^Bearer ([\x21-\x7e]+)$/.exec(req.headers.authorization ?? '');
  const actor = m ? await actorFromApiToken(db, secret, m[1]) : null;
  if (!actor) throw invalidToken();
  const path = req.url.split('?')[0];
  const isMe = req.method === 'GET' && path === '/api/v1/auth/me';
  if (!isMe && SESSION_ONLY.some((re) => re.test(path))) {
    throw new AppError(403, 'session_required');
  }
  if (actor.apiToken?.readOnly && WRITE(req.method)) {
    throw new AppError(403, 'read_only_token');
  }
  return actor;
}
