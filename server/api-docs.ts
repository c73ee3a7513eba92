import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from './config';
import type { Db } from './db/client';
import { unauthenticated } from './errors';
import { actorFromToken } from './modules/auth/auth.service';
import { bearerActor } from './modules/tokens/bearer';

export const API_DOCS_PREFIX = '/api/docs';

/**
 * The interactive API docs at /api/docs (page, /json, /yaml) as API_DOCS says: `public`, `signed-in` (the
 * default in production — the route list is a map for an attacker and no concern of the public) or `off`.
 * The OpenAPI document itself is generated either way (app.swagger()); only its publication is switched.
 */
export async function registerApiDocs(app: FastifyInstance, config: Config, db: Db, sessionCookie: string) {
  const mode = config.apiDocs ?? (config.production ? 'signed-in' : 'public');
  if (mode === 'off') return;
  // The plugin's routes live in their own context, registered before the app's session hook: read the session here.
  const signedIn = async (req: FastifyRequest) => {
    // A script may read the OpenAPI document with its personal API token (401 for a bad one).
    if (req.headers.authorization !== undefined) return void (await bearerActor(db, config.sessionSecret, req));
    const token = req.cookies[sessionCookie];
    if (!token || !(await actorFromToken(db, config.sessionSecret, token, config.sessionIdleMinutes))) throw unauthenticated();
  };
  await app.register(swaggerUi, {
    routePrefix: API_DOCS_PREFIX,
    // No call to validator.swagger.io: nothing leaves the server or the browser unless an admin configured it.
    uiConfig: { validatorUrl: null },
    // Swagger UI writes a <style> element at run time: inline styles on its own pages only; scripts stay strict.
    transformStaticCSP: (header: string) => header.replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'"),
    ...(mode === 'signed-in' ? { uiHooks: { onRequest: signedIn } } : {}),
  });
}
