import type { FastifyRequest } from 'fastify';
import type { Role } from '../../contract/common';
import { forbidden, unauthenticated } from '../errors';

/** Who is acting, in which municipality, with which role: resolved once per request from the session. */
export interface Actor {
  userId: string;
  userName: string;
  municipalityId: string;
  role: Role;
  departmentId: string | null;
  sessionHash: string;
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

export const EDITORS: Role[] = ['admin', 'coordinator'];
export const ALL_ROLES: Role[] = ['admin', 'coordinator', 'department', 'reader'];
