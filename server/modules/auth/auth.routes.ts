import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app';
import { SESSION_COOKIE } from '../../app';
import { LoginBody, Me, ProfileBody, SetupBody, SetupStatus, SwitchBody } from '../../../contract/auth';
import { requireActor } from '../../plugins/actor';
import { createSession, deleteSession, login, me, switchMunicipality, updateProfile } from './auth.service';
import { needsSetup, runSetup } from './setup.service';

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

  app.get('/setup', { schema: { tags, response: { 200: SetupStatus } } }, async () => ({ needsSetup: await needsSetup(app.db) }));

  app.post('/setup', { schema: { tags, body: SetupBody, response: { 201: Me } } }, async (req, reply) => {
    const { userId, municipalityId } = await runSetup(app.db, req.body);
    const token = await createSession(app.db, app.config.sessionSecret, userId, municipalityId, app.config.sessionDays);
    setSessionCookie(app, req, reply, token);
    reply.code(201);
    return me(app.db, userId, municipalityId);
  });

  app.post('/auth/login', { schema: { tags, body: LoginBody, response: { 200: Me } } }, async (req, reply) => {
    const { userId, municipalityId } = await login(app.db, req.body.email, req.body.password, req.ip);
    const token = await createSession(app.db, app.config.sessionSecret, userId, municipalityId, app.config.sessionDays);
    setSessionCookie(app, req, reply, token);
    return me(app.db, userId, municipalityId);
  });

  app.post('/auth/logout', { schema: { tags } }, async (req, reply) => {
    const actor = requireActor(req);
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
