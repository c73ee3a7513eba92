import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app';
import { SESSION_COOKIE } from '../../app';
import { LoginBody, Me, ProfileBody, SetupBody, SetupStatus, SwitchBody } from '../../../contract/auth';
import { requireActor } from '../../plugins/actor';
import { createSession, deleteSession, login, me, switchMunicipality, updateProfile } from './auth.service';
import { needsSetup, runSetup } from './setup.service';
import { SecondFactorNeeded } from '../../../contract/security';
import { recordAccountEvent } from '../audit/account-events';
import { completeSignIn } from './sign-in';
import { startPendingSignIn } from './second-factor.service';
import { isTwoFactorOn } from './two-factor.service';
import { fromThisMachine, SetupKey } from './setup-token';
import { AppError } from '../../errors';

/** Each app's setup key by its HTTP server (the same for the root and its plugins), for tests; shown nowhere but in the log. */
const setupKeys = new WeakMap<object, SetupKey>();
export const setupKeyOf = (app: { server: object }) => setupKeys.get(app.server);

export function setSessionCookie(app: App, req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the browser talks HTTPS (directly or through a proxy); plain http on localhost still works.
    secure: req.protocol === 'https',
    maxAge: app.config.sessionDays * 86400,
  });
}

export async function authRoutes(app: App) {
  const tags = ['auth'];

  const key = new SetupKey();
  setupKeys.set(app.server, key);
  const trustsProxy = Boolean(app.config.trustProxy);
  app.addHook('onReady', async () => {
    if (!(await needsSetup(app.db))) return;
    const issued = key.issue();
    const text = `Setup key (needed to set up Roter Faden from another computer; valid until the first administrator exists): ${issued}`;
    // Printed even when the log level hides warnings: without it nobody could set up from the network.
    if (app.log.level === 'fatal' || app.log.level === 'error') console.error(text);
    else app.log.warn(text);
  });

  app.get('/setup', { schema: { tags, response: { 200: SetupStatus } } }, async (req) => {
    const open = await needsSetup(app.db);
    return { needsSetup: open, tokenRequired: open && !fromThisMachine(req, trustsProxy) };
  });

  app.post('/setup', { schema: { tags, body: SetupBody, response: { 201: Me } } }, async (req, reply) => {
    if ((await needsSetup(app.db)) && !fromThisMachine(req, trustsProxy) && !key.matches(req.body.setupToken)) {
      throw req.body.setupToken
        ? new AppError(403, 'setup_token_invalid')
        : new AppError(403, 'setup_token_required');
    }
    const { userId, municipalityId } = await runSetup(app.db, req.body);
    key.spend();
    const token = await createSession(app.db, app.config.sessionSecret, userId, municipalityId, app.config.sessionDays, { userAgent: String(req.headers['user-agent'] ?? ''), address: req.ip });
    setSessionCookie(app, req, reply, token);
    reply.code(201);
    return me(app.db, userId, municipalityId);
  });

  // With two-factor sign-in on, the right password gives no session yet: 202 and a pending token for
  // POST /auth/login/second-factor (security.routes.ts).
  app.post('/auth/login', { schema: { tags, body: LoginBody, response: { 200: Me, 202: SecondFactorNeeded } } }, async (req, reply) => {
    const { userId, municipalityId } = await login(app.db, req.body.email, req.body.password, req.ip);
    if (await isTwoFactorOn(app.db, userId)) {
      reply.code(202);
      return { secondFactorRequired: true as const, pendingToken: await startPendingSignIn(app.db, app.config.sessionSecret, userId, municipalityId) };
    }
    return completeSignIn(app, req, reply, userId, municipalityId, 'password');
  });

  app.post('/auth/logout', { schema: { tags } }, async (req, reply) => {
    const actor = requireActor(req);
    await recordAccountEvent(app.db, actor.userId, 'sign_out', {}, actor.municipalityId);
    await deleteSession(app.db, actor.sessionHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.code(204);
  });

  app.get('/auth/me', { schema: { tags, response: { 200: Me } } }, async (req) => {
    const actor = requireActor(req);
    return me(app.db, actor.userId, actor.municipalityId);
  });

  app.post('/auth/switch', { schema: { tags, body: SwitchBody, response: { 200: Me } } }, async (req) => {
    const actor = requireActor(req);
    await switchMunicipality(app.db, actor, req.body.municipalityId);
    return me(app.db, actor.userId, req.body.municipalityId);
  });

  app.patch('/auth/profile', { schema: { tags, body: ProfileBody, response: { 200: Me } } }, async (req) => {
    const actor = requireActor(req);
    await updateProfile(app.db, actor, req.body);
    return me(app.db, actor.userId, actor.municipalityId);
  });
}
