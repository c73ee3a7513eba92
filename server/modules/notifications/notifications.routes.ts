import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { App } from '../../app';
import { IdParams } from '../../../contract/common';
import {
  Invitation, NotificationPage, NotificationPreferences, NotificationQuery, OutboxPage, OutboxQuery, PutNotificationPreferences, UnreadCount, UnsubscribeQuery,
} from '../../../contract/notifications';
import { AppError } from '../../errors';
import { requestLanguage } from '../../i18n/language';
import { requireActor, requireRole, requireSession } from '../../plugins/actor';
import { KINDS } from './kinds';
import {
  getPreferences, listNotifications, listOutbox, markAllRead, markRead, retryOutbox, setPreferences, unsubscribe,
} from './notifications.service';
import { readUnsubscribeToken, type UnsubscribeTarget } from './unsubscribe-token';
import { acceptInvitation, declineInvitation, listInvitations } from './invitations';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const PAGE = {
  de: {
    title: 'E-Mails abbestellen',
    what: (label: string) => `Sie erhalten keine E-Mails mehr zu: ${label}. In der App erscheinen diese Benachrichtigungen weiterhin.`,
    ask: (label: string) => `Möchten Sie keine E-Mails mehr zu „${label}“ erhalten?`,
    button: 'Abbestellen',
    done: 'Abbestellt',
    invalid: 'Dieser Abmelde-Link ist ungültig. Ihre Einstellungen können Sie im Profil ändern.',
    digest: 'der täglichen Zusammenfassung',
    settings: 'Einstellungen im Profil',
  },
  en: {
    title: 'Unsubscribe from e-mails',
    what: (label: string) => `You will no longer receive e-mails about: ${label}. These notifications still appear in the app.`,
    ask: (label: string) => `Do you want to stop receiving e-mails about “${label}”?`,
    button: 'Unsubscribe',
    done: 'Unsubscribed',
    invalid: 'This unsubscribe link is not valid. You can change your settings in your profile.',
    digest: 'the daily digest',
    settings: 'Settings in your profile',
  },
};

/** A small page of its own (the web app needs a sign-in; this link must work without one). */
function page(reply: FastifyReply, status: number, lang: 'de' | 'en', heading: string, body: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${esc(heading)} – Roter Faden</title></head>
<body><main><h1>${esc(heading)}</h1>
${body}
<p><a href="/profile#notifications">${esc(PAGE[lang].settings)}</a></p>
</main></body></html>
`);
}

const labelOf = (kind: UnsubscribeTarget, lang: 'de' | 'en') => (kind === 'digest' ? PAGE[lang].digest : KINDS[kind].label[lang]);

export async function notificationsRoutes(app: App) {
  const tags = ['notifications'];
  const mailEnabled = !!app.config.smtpUrl;

  app.get(
    '/notifications',
    { schema: { tags, querystring: NotificationQuery, response: { 200: NotificationPage } } },
    async (req) => listNotifications(app.db, requireActor(req), req.query, requestLanguage(req)),
  );
  app.post(
    '/notifications/:id/read',
    { schema: { tags, params: IdParams, response: { 200: UnreadCount } } },
    async (req) => ({ unread: await markRead(app.db, requireActor(req), req.params.id) }),
  );
  app.post('/notifications/read-all', { schema: { tags, response: { 200: UnreadCount } } }, async (req) => ({ unread: await markAllRead(app.db, requireActor(req)) }));
  app.get(
    '/notifications/preferences',
    { schema: { tags, response: { 200: NotificationPreferences } } },
    async (req) => getPreferences(app.db, requireActor(req).userId, mailEnabled),
  );
  app.put(
    '/notifications/preferences',
    { schema: { tags, body: PutNotificationPreferences, response: { 200: NotificationPreferences } } },
    async (req) => {
      const actor = requireActor(req);
      await setPreferences(app.db, actor.userId, req.body.preferences);
      return getPreferences(app.db, actor.userId, mailEnabled);
    },
  );
  app.get(
    '/admin/mail-outbox',
    { schema: { tags, querystring: OutboxQuery, response: { 200: OutboxPage } } },
    async (req) => listOutbox(app.db, requireRole(req, 'admin'), req.query, mailEnabled),
  );
  app.post('/admin/mail-outbox/:id/retry', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await retryOutbox(app.db, requireRole(req, 'admin'), req.params.id);
    reply.code(204);
  });

  // Invitations into other municipalities: the invited person's own, whatever their current municipality.
  app.get('/invitations', { schema: { tags, response: { 200: z.array(Invitation) } } }, async (req) => listInvitations(app.db, requireSession(req).userId));
  app.post(
    '/invitations/:id/accept',
    { schema: { tags, params: IdParams, response: { 200: z.object({ municipalityId: z.uuid().describe('Die Kommune, der die Person jetzt angehört (zum Wechseln).') }) } } },
    async (req) => acceptInvitation(app.db, requireSession(req), req.params.id),
  );
  app.post('/invitations/:id/decline', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await declineInvitation(app.db, requireSession(req), req.params.id);
    reply.code(204);
  });

  // One-click unsubscribe without sign-in (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` as a
  // form; the parser for forms exists only in this scope.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => done(null, body));
    const s = scope as unknown as App;
    s.get(
      '/notifications/unsubscribe',
      { schema: { tags, querystring: UnsubscribeQuery, produces: ['text/html'], response: { 200: z.string().describe('Bestätigungsseite (HTML) mit der Schaltfläche „Abbestellen“.') } } },
      async (req, reply) => {
        const lang = requestLanguage(req);
        const t = readUnsubscribeToken(app.config.sessionSecret, req.query.token);
        if (!t) return page(reply, 400, lang, PAGE[lang].title, `<p>${esc(PAGE[lang].invalid)}</p>`);
        // a GET changes nothing: link scanners of mail servers open every link
        return page(
          reply,
          200,
          lang,
          PAGE[lang].title,
          `<p>${esc(PAGE[lang].ask(labelOf(t.kind, lang)))}</p>
<form method="post" action="/api/v1/notifications/unsubscribe?token=${esc(req.query.token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${esc(PAGE[lang].button)}</button></form>`,
        );
      },
    );
    s.post(
      '/notifications/unsubscribe',
      { schema: { tags, querystring: UnsubscribeQuery, produces: ['text/html'], response: { 200: z.string().describe('Bestätigung (HTML): abbestellt.') } } },
      async (req, reply) => {
        const lang = requestLanguage(req);
        const t = readUnsubscribeToken(app.config.sessionSecret, req.query.token);
        if (!t) throw new AppError(400, 'unsubscribe_invalid');
        await unsubscribe(app.db, t.userId, t.kind);
        return page(reply, 200, lang, PAGE[lang].done, `<p>${esc(PAGE[lang].what(labelOf(t.kind, lang)))}</p>`);
      },
    );
  });
}
