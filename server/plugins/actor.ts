import type { FastifyRequest } from 'fastify';
import type { Role } from '../../contract/common';
import { AppError, forbidden, unauthenticated } from '../errors';

/** Who is acting, in which municipality, with which role: resolved once per request from the session. */
export interface Actor {
  userId: string;
  userName: string;
  municipalityId: string;
  role: Role;
  departmentId: string | null;
  sessionHash: string;
  /** Set when a script authenticated with a personal API token (Authorization: Bearer) instead of a session. */
  apiToken?: { id: string; readOnly: boolean };
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** Authorise first: the route's first line names the roles it admits. */
export function requireRole(req: FastifyRequest, ...roles: Role[]): Actor {
  const actor = requireActor(req);
  if (!roles.includes(actor.role)) throw forbidden();
  return actor;
}

/** Managing tokens, the profile, the password and second factors needs a signed-in session, never an API token. */
export function requireSession(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  if (actor.apiToken) throw new AppError(403, 'session_required');
  return actor;
}

export const EDITORS: Role[] = ['admin', 'coordinator'];
export const ALL_ROLES: Role[] = ['admin', 'coordinator', 'department', 'reader'];
