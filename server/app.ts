import Fastify, { type FastifyInstance, type FastifyBaseLogger, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { randomUUID } from 'node:crypto';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Db } from './db/client';
import { AppError } from './errors';
import { errorMessage, localizeDetails, type MessageKey, type MessageParams } from './i18n/errors';
import { requestLanguage } from './i18n/language';
import { validationDetails } from './i18n/validation';
import { fileTooLarge } from './upload';
import { registerApiDocs } from './api-docs';
import { enrichOpenApi } from './openapi-docs';
import { registerSecurityHeaders } from './security-headers';
import { pageFor, registerCompression, webStaticOptions } from './web-delivery';
import { actorFromToken } from './modules/auth/auth.service';
import { authRoutes } from './modules/auth/auth.routes';
import { securityRoutes } from './modules/auth/security.routes';
import { twoFactorGate } from './modules/auth/two-factor-gate';
import { auditRoutes } from './modules/audit/audit.routes';
import { usersRoutes } from './modules/users/users.routes';
import { conceptRoutes } from './modules/concept/concept.routes';
import { measuresRoutes } from './modules/measures/measures.routes';
import { documentsRoutes } from './modules/measures/documents.routes';
import { importRoutes } from './modules/measures/import.routes';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes';
import { workshopsRoutes } from './modules/workshops/workshops.routes';
import { roundsRoutes } from './modules/workshops/rounds.routes';
import { joinRoutes } from './modules/workshops/join.routes';
import { registerJoinPage } from './modules/workshops/join-page';
import { fundingRoutes } from './modules/funding/funding.routes';
import { deadlinesRoutes } from './modules/funding/deadlines.routes';
import { prioritiesRoutes } from './modules/priorities/priorities.routes';
import { synergiesRoutes } from './modules/synergies/synergies.routes';
import { mapRoutes } from './modules/map/map.routes';
import { responsibilityRoutes } from './modules/responsibility/responsibility.routes';
import { roadmapRoutes } from './modules/roadmap/roadmap.routes';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes';
import { cyclesRoutes } from './modules/monitoring/cycles.routes';
import { monitoringDashboardRoutes } from './modules/monitoring/dashboard.routes';
import { indicatorsRoutes } from './modules/indicators/indicators.routes';
import { homeRoutes } from './modules/home/home.routes';
import { tokensRoutes } from './modules/tokens/tokens.routes';
import { ssoRoutes } from './modules/sso/sso.routes';
import { privacyRoutes } from './modules/privacy/privacy.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { registerOutboxWorker } from './modules/notifications/worker';
import { bearerActor } from './modules/tokens/bearer';
import { sendDueReminders } from './modules/funding/reminders.service';
import { createLiveHub, type LiveHub } from './modules/workshops/live';
import { closeDueRounds } from './modules/workshops/rounds.service';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider> & {
  db: Db;
  config: Config;
  live: LiveHub;
};

export const SESSION_COOKIE = 'rf_session';

const hostOf = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" or garbage: never our host
  }
};

/**
 * Fastify takes a plain number as "trust nothing", so hops become proxy-addr's function: the nearest n
 * addresses are proxies (as in Express), which is safe only when clients can reach the app solely through them.
 */
const proxyTrust = (t: Config['trustProxy']) => (typeof t === 'number' ? (_addr: string, hop: number) => hop < t : (t ?? false));

export async function buildApp(config: Config, db: Db, opts: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            // The calendar feed's token is its key: never write it to the logs.
            serializers: { req: (req) => ({ method: req.method, url: String(req.url).replace(/(\/calendar\/)[^/?]+(\.ics)/, '$1[redacted]$2'), remoteAddress: req.ip }) },
            ...(config.production ? {} : { transport: { target: 'pino-pretty' } }),
          },
    genReqId: () => randomUUID(),
    bodyLimit: 2 * 1024 * 1024,
    // Off unless TRUST_PROXY says which proxies to believe: a forged X-Forwarded-For must not pick the client address.
    trustProxy: proxyTrust(config.trustProxy),
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.decorate('db', db);
  app.decorate('config', config);
  const live = createLiveHub(db, app.log);
  app.decorate('live', live);
  // Rounds with a timer close on time even when nobody is looking (idempotent across instances).
  let sweeper: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    await live.start();
    sweeper = setInterval(() => void closeDueRounds(db).catch((err) => app.log.warn({ err }, 'closing due rounds failed')), 1000);
    sweeper.unref();
  });
  // Deadline reminders as notifications (e-mail through the notification outbox, when SMTP is configured):
  // hourly (and once a minute after start, so frequent restarts skip nothing); each reminder is recorded
  // once in the database, so instances never double-notify.
  let reminderTimers: NodeJS.Timeout[] = [];
  let reminding = false;
  const remind = async () => {
    if (reminding) return;
    reminding = true;
    try {
      const { sent } = await sendDueReminders(db, { days: config.reminderDays });
      if (sent.length) app.log.info({ sent: sent.length }, 'deadline reminders');
    } catch (err) {
      app.log.warn({ err }, 'deadline reminders failed');
    } finally {
      reminding = false;
    }
  };
  app.addHook('onReady', async () => {
    reminderTimers = [setTimeout(() => void remind(), 60_000), setInterval(() => void remind(), 60 * 60_000)];
    reminderTimers.forEach((t) => t.unref());
  });
  app.addHook('preClose', async () => {
    if (sweeper) clearInterval(sweeper);
    reminderTimers.forEach((t) => clearTimeout(t));
    await live.stop();
  });
  // Every e-mail goes through the notification outbox (modules/notifications/outbox.ts), only with SMTP configured.
  registerOutboxWorker(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err, req, reply) => {
    const requestId = req.id;
    // Messages come from one catalogue (server/i18n/errors.ts) in the language the request asks for.
    const lang = requestLanguage(req);
    const send = (status: number, code: string, key: MessageKey, params?: MessageParams, details?: unknown) =>
      reply.code(status).send({ error: { code, message: errorMessage(key, lang, params), details, requestId } });
    if (hasZodFastifySchemaValidationErrors(err)) {
      return send(400, 'validation_failed', 'validation_failed', {}, validationDetails(err.validation, lang));
    }
    if (err instanceof AppError) return send(err.status, err.code, err.key, err.params, localizeDetails(err.details, lang, err));
    const e = err as { statusCode?: number; code?: string; message: string };
    if (e.code === '23505') {
      // A unique index caught what a concurrent request's check could not: the same as a duplicate.
      return send(409, 'conflict', 'conflict');
    }
    if (e.code === 'FST_REQ_FILE_TOO_LARGE') {
      const tooLarge = fileTooLarge(config.maxUploadBytes);
      return send(413, tooLarge.code, tooLarge.key, tooLarge.params, tooLarge.details);
    }
    if (e.statusCode === 413 || e.code === 'FST_FILES_LIMIT') return send(413, 'payload_too_large', 'payload_too_large');
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      // Malformed JSON, wrong content type and the like: the client's fault, said plainly (the parser's words are English).
      return send(e.statusCode, 'bad_request', 'bad_request', { reason: e.message });
    }
    req.log.error({ err }, 'unhandled error');
    return send(500, 'internal', 'internal');
  });

  await app.register(cookie);
  // Compressed answers (before every route: its hooks reach only what is registered after it).
  await registerCompression(app);
  // Before every route (hooks reach only what is registered after them): pages, API, docs and errors alike.
  await registerSecurityHeaders(app, config);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Roter Faden API', version: '1' }, servers: [{ url: '/api/v1' }] },
    transform: jsonSchemaTransform,
    // Summaries, descriptions, callers, error codes, upload fields and field texts (server/openapi-docs.ts).
    transformObject: (d) => enrichOpenApi('openapiObject' in d ? d.openapiObject : d.swaggerObject),
  });
  await registerApiDocs(app, config, db, SESSION_COOKIE);

  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    // A script's personal API token (Authorization: Bearer) replaces the cookie; see modules/tokens/bearer.ts.
    if (req.headers.authorization !== undefined) {
      req.actor = await bearerActor(db, config.sessionSecret, req);
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.actor = await actorFromToken(db, config.sessionSecret, token, config.sessionIdleMinutes);
  });
  // An admin whom the municipality requires to use two-factor sign-in may do nothing else until it is set up.
  app.addHook('onRequest', twoFactorGate);
  // Cookie-authenticated writes must come from our own pages (defence in depth next to SameSite=Lax).
  app.addHook('onRequest', async (req) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return;
    // A bearer request ignores the cookie, and a foreign page cannot send an Authorization header here (no
    // CORS), so the forgery this check prevents cannot happen with it.
    if (req.actor?.apiToken) return;
    // The SAML identity provider's page posts the sign-in response here from its own origin; the route reads no
    // session, and the response must be signed and answer a request we sent (modules/sso/saml.ts).
    if (req.url === '/api/v1/auth/sso/saml/acs') return;
    const origin = req.headers.origin;
    if (origin && hostOf(origin) !== req.host) {
      throw new AppError(403, 'forbidden', 'forbidden.foreign_origin');
    }
  });

  await app.register(
    async (api) => {
      const a = api as unknown as App;
      a.get('/health', async () => ({ ok: true }));
      await authRoutes(a);
      await securityRoutes(a);
      await auditRoutes(a);
      await usersRoutes(a);
      await conceptRoutes(a);
      await importRoutes(a);
      await documentsRoutes(a);
      await measuresRoutes(a);
      await dashboardRoutes(a);
      await workshopsRoutes(a);
      await roundsRoutes(a);
      await joinRoutes(a);
      await fundingRoutes(a);
      await deadlinesRoutes(a);
      await prioritiesRoutes(a);
      await synergiesRoutes(a);
      await mapRoutes(a);
      await responsibilityRoutes(a);
      await roadmapRoutes(a);
      await monitoringRoutes(a);
      await cyclesRoutes(a);
      await monitoringDashboardRoutes(a);
      await indicatorsRoutes(a);
      await homeRoutes(a);
      await tokensRoutes(a);
      await ssoRoutes(a);
      await privacyRoutes(a);
      await notificationsRoutes(a);
    },
    { prefix: '/api/v1' },
  );

  if (config.webDir) {
    const webDir = config.webDir;
    // /join/<code>: the guest's page with the workshop already in it (one round trip instead of three).
    await registerJoinPage(app, webDir);
    await app.register(fastifyStatic, webStaticOptions(webDir));
    // The web app routes on the client: every non-API path gets index.html (the participant pages join.html).
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.method !== 'GET') {
        return reply.code(404).send({ error: { code: 'not_found', message: errorMessage('not_found.address', requestLanguage(req)), requestId: req.id } });
      }
      const path = req.url.split('?')[0];
      if (/\.[a-z0-9]+$/i.test(path)) return reply.sendFile(path.slice(1));
      return reply.header('cache-control', 'no-cache').sendFile(pageFor(path, webDir));
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply.code(404).send({ error: { code: 'not_found', message: errorMessage('not_found.address', requestLanguage(req)), requestId: req.id } }),
    );
  }
  return app;
}
