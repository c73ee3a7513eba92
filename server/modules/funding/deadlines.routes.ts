import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app';
import { CalendarFeed, Deadline, DeadlineQuery } from '../../../contract/funding';
import { text } from '../../../contract/common';
import { ALL_ROLES, EDITORS, requireRole } from '../../plugins/actor';
import { notFound } from '../../errors';
import { contentDisposition } from '../../http';
import { calendarFeedStatus, calendarIcs, createCalendarFeed, listDeadlines, municipalityOfFeed, regenerateCalendarFeed } from './deadlines.service';

const FeedParams = z.object({ file: text(200) });

export async function deadlinesRoutes(app: App) {
  const tags = ['funding'];
  /** Where people (and their calendar apps) reach this app: PUBLIC_URL, or the host of the request. */
  const baseUrl = (req: FastifyRequest) => app.config.publicUrl ?? `${req.protocol}://${req.host}`;

  app.get('/funding/deadlines', { schema: { tags, querystring: DeadlineQuery, response: { 200: z.array(Deadline) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    const items = await listDeadlines(app.db, actor.municipalityId, req.query);
    return items.map(({ leadDepartmentId: _d, ...d }) => d);
  });

  app.get('/funding/calendar', { schema: { tags, response: { 200: CalendarFeed } } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    reply.header('cache-control', 'no-store');
    return calendarFeedStatus(app.db, actor.municipalityId);
  });

  app.post('/funding/calendar', { schema: { tags, response: { 200: CalendarFeed } } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    reply.header('cache-control', 'no-store');
    return createCalendarFeed(app.db, app.config.sessionSecret, actor, baseUrl(req));
  });

  app.post('/funding/calendar/regenerate', { schema: { tags, response: { 200: CalendarFeed } } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    reply.header('cache-control', 'no-store');
    return regenerateCalendarFeed(app.db, app.config.sessionSecret, actor, baseUrl(req));
  });

  // Public: calendar apps send no cookies, the secret token in the path is the key (only its HMAC is stored).
  app.get('/funding/calendar/:file', { schema: { tags, params: FeedParams } }, async (req, reply) => {
    const token = /^(.+)\.ics$/.exec(req.params.file)?.[1];
    const municipality = token ? await municipalityOfFeed(app.db, app.config.sessionSecret, token) : null;
    if (!municipality) throw notFound('calendar');
    const ics = await calendarIcs(app.db, municipality, { baseUrl: baseUrl(req) });
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', contentDisposition('inline', 'Antragsfristen.ics'))
      .header('cache-control', 'private, max-age=900')
      .header('x-robots-tag', 'noindex')
      .send(ics);
  });
}
