import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../plugins/actor';
import { AppError } from '../../errors';

/**
 * Admins of a municipality that requires two-factor sign-in, who have not set it up yet: marked when the
 * session is resolved (auth.service actorFromToken), kept beside the actor rather than in it, so that
 * the Actor stays what every service sees.
 */
const missing = new WeakSet<Actor>();
export const markTwoFactorMissing = (actor: Actor) => missing.add(actor);
export const lacksRequiredTwoFactor = (actor: Actor | null) => Boolean(actor && missing.has(actor));

/**
 * What such an admin may still do: everything about their own account under /auth (their profile, setting
 * up two-factor sign-in, their sessions, signing out, switching municipality), first-run setup and the
 * health check. Pages of the web app are not API requests and load as usual.
 */
const ALLOWED = /^\/api\/v1\/(auth\/|auth$|setup$|health$)/;

/** onRequest hook after the session hook: 403 `two_factor_required` for everything else, enforced here, not by the web app. */
export async function twoFactorGate(req: FastifyRequest) {
  if (!lacksRequiredTwoFactor(req.actor)) return;
  const path = req.url.split('?')[0];
  if (!path.startsWith('/api/') || ALLOWED.test(path)) return;
  throw new AppError(403, 'two_factor_required');
}
