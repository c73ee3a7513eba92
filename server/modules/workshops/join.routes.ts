import { requestLanguage } from '../../i18n/language';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app';
import { Id, text } from '../../../contract/common';
import { Attachment, MeasureDetail } from '../../../contract/measures';
import { JoinBody, JoinHome, JoinInfoForDevice, Joined, WorkshopBriefBody } from '../../../contract/workshops';
import { AppError, notFound } from '../../errors';
import { addAttachment } from '../measures/attachments.service';
import { fileBytes } from '../../upload';
import { getMeasure, insertMeasure } from '../measures/measures.service';
import {
  assertNotEnded, clientHash, DEVICE_COOKIE, deviceHash, findParticipant, join, JOIN_LIMIT, joinInfo, newDeviceToken, participantHome, requireParticipant, workshopByCode,
} from './join.service';

const CodeParams = z.object({ code: text(20).min(4) });
const BriefParams = CodeParams.extend({ measureId: Id });
const LangQuery = z.object({ lang: z.enum(['de', 'en']).default('de') });

/** The requester as a participant: their session (members) and their device cookie (guests). */
export function participantOf(app: App, req: FastifyRequest) {
  const token = req.cookies[DEVICE_COOKIE];
  return { actor: req.actor, deviceHash: token ? deviceHash(token, app.config.sessionSecret) : null };
}

export async function joinRoutes(app: App) {
  const tags = ['join'];
  app.get('/join/:code', { schema: { tags, params: CodeParams, response: { 200: JoinInfoForDevice } } }, async (req) => {
    const w = await workshopByCode(app.db, req.params.code);
    // Said here so that a new guest's page does not ask for /me only to be refused (a 401 the browser logs as an error).
    const who = participantOf(app, req);
    const joined = who.actor || who.deviceHash ? (await findParticipant(app.db, w, who.actor, who.deviceHash)) !== null : false;
    return { ...(await joinInfo(app.db, w)), joined };
  });

  app.post('/join/:code', { schema: { tags, params: CodeParams, querystring: LangQuery, body: JoinBody, response: { 200: Joined } } }, async (req, reply) => {
    const w = await workshopByCode(app.db, req.params.code);
    let token = req.cookies[DEVICE_COOKIE];
    if (!token || token.length < 20) {
      token = newDeviceToken();
      reply.setCookie(DEVICE_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge: 365 * 86400 });
    }
    // req.ip is the socket's address unless the operator configured trusted proxies: a client cannot
    // become a new one by sending another X-Forwarded-For.
    const secret = app.config.sessionSecret;
    const who = { actor: req.actor, deviceHash: deviceHash(token, secret), clientHash: clientHash(req.ip, secret), limit: app.config.joinLimit ?? JOIN_LIMIT };
    const p = await join(app.db, w, who, req.body);
    // The home in the same answer: on a workshop's weak Wi-Fi, a GET /me after joining is another round trip.
    return { ...p, home: await participantHome(app.db, w, p, requestLanguage(req)) };
  });

  app.get('/join/:code/me', { schema: { tags, params: CodeParams, querystring: LangQuery, response: { 200: JoinHome } } }, async (req) => {
    const w = await workshopByCode(app.db, req.params.code);
    const who = participantOf(app, req);
    const p = await requireParticipant(app.db, w, who.actor, who.deviceHash);
    return participantHome(app.db, w, p, requestLanguage(req));
  });

  app.get('/join/:code/events', { schema: { tags, params: CodeParams } }, async (req, reply) => {
    const w = await workshopByCode(app.db, req.params.code);
    const who = participantOf(app, req);
    await requireParticipant(app.db, w, who.actor, who.deviceHash);
    await app.live.streamWorkshop(req, reply, w.id);
  });

  app.post('/join/:code/briefs', { schema: { tags, params: CodeParams, body: WorkshopBriefBody, response: { 201: MeasureDetail } } }, async (req, reply) => {
    const w = await workshopByCode(app.db, req.params.code);
    assertNotEnded(w);
    const who = participantOf(app, req);
    const p = await requireParticipant(app.db, w, who.actor, who.deviceHash);
    const [group] = p.groupId ? await app.db.query<{ name: string; district_id: string | null }>('SELECT name, district_id FROM workshop_group WHERE id = $1', [p.groupId]) : [];
    const districtIds = req.body.districtIds.length ? req.body.districtIds : group?.district_id ? [group.district_id] : [];
    const author = { municipalityId: w.municipality_id, userId: p.userId as string, userName: p.userId ? p.name : `${p.name} (Gast)` };
    const id = await app.db.tx((t) =>
      insertMeasure(t, author, {
        ...req.body, districtIds, status: 'brief', leadDepartmentId: null, partnerDepartmentIds: [], externalActors: '', targetGroups: '',
        costCents: null, horizon: null, plannedStart: null, plannedEnd: null, goalIds: [], actionFieldIds: [], dimensionIds: [], tags: [],
        origin: `${w.title}${group ? `, Gruppe ${group.name}` : ''}`,
      }, { workshopId: w.id, groupId: p.groupId }),
    );
    reply.code(201);
    return getMeasure(app.db, { municipalityId: w.municipality_id }, id);
  });

  app.post('/join/:code/briefs/:measureId/photos', { schema: { tags, params: BriefParams, consumes: ['multipart/form-data'], response: { 201: Attachment } } }, async (req, reply) => {
    const w = await workshopByCode(app.db, req.params.code);
    assertNotEnded(w);
    const who = participantOf(app, req);
    const p = await requireParticipant(app.db, w, who.actor, who.deviceHash);
    const [m] = await app.db.query('SELECT 1 FROM measure WHERE municipality_id = $1 AND id = $2 AND origin_workshop_id = $3', [w.municipality_id, req.params.measureId, w.id]);
    if (!m) throw notFound('workshopBrief');
    const file = await req.file().catch(() => undefined);
    if (!file) throw new AppError(400, 'validation_failed', 'validation_failed.photo_missing');
    if (!file.mimetype.startsWith('image/')) throw new AppError(415, 'unsupported_type', 'unsupported_type.photo');
    const data = await fileBytes(file, app.config.maxUploadBytes);
    // The workshop's own brief: participants may add photos as the coordinator would (stored with no account).
    const as = { municipalityId: w.municipality_id, userId: p.userId as string, userName: p.name, role: 'coordinator' as const, departmentId: null, sessionHash: '' };
    reply.code(201);
    return addAttachment(app.db, as, req.params.measureId, { filename: file.filename, mimeType: file.mimetype, data });
  });
}
