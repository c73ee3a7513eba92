import { z } from 'zod';
import type { App } from '../../app';
import { Id, IdParams, VersionQuery } from '../../../contract/common';
import { MeasureListItem } from '../../../contract/measures';
import {
  AddParticipantBody, GroupInput, GroupUpdate, Participant, ParticipantCode, UpdateParticipantBody, Workshop, WorkshopCreate, WorkshopUpdate,
} from '../../../contract/workshops';
import { notFound } from '../../errors';
import { listCodes, personalCodeOf, renewPersonalCode } from './named.service';
import { ALL_ROLES, EDITORS, requireRole } from '../../plugins/actor';
import { listMeasures } from '../measures/measures.service';
import { recordExport } from '../audit/account-events';
import { contentDisposition } from '../../http';
import { protocolView } from './protocol.service';
import { protocolPdf } from './protocol/protocol-pdf';
import { protocolDocx } from './protocol/protocol-docx';
import {
  addGroup, addParticipant, createWorkshop, deleteGroup, deleteWorkshop, getWorkshop, listParticipants, listWorkshops,
  removeParticipant, updateGroup, updateParticipant, updateWorkshop,
} from './workshops.service';

const GroupParams = z.object({ id: Id, groupId: Id });
const ParticipantParams = z.object({ id: Id, participantId: Id });

export async function workshopsRoutes(app: App) {
  const tags = ['workshops'];
  app.get('/workshops', { schema: { tags, response: { 200: z.array(Workshop) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return listWorkshops(app.db, actor.municipalityId);
  });
  app.post('/workshops', { schema: { tags, body: WorkshopCreate, response: { 201: Workshop } } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    reply.code(201);
    return createWorkshop(app.db, actor, req.body);
  });
  app.get('/workshops/:id', { schema: { tags, params: IdParams, response: { 200: Workshop } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return getWorkshop(app.db, actor.municipalityId, req.params.id);
  });
  app.patch('/workshops/:id', { schema: { tags, params: IdParams, body: WorkshopUpdate, response: { 200: Workshop } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return updateWorkshop(app.db, actor, req.params.id, req.body);
  });
  app.delete('/workshops/:id', { schema: { tags, params: IdParams, querystring: VersionQuery } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    await deleteWorkshop(app.db, actor, req.params.id, req.query.version);
    reply.code(204);
  });

  app.post('/workshops/:id/groups', { schema: { tags, params: IdParams, body: GroupInput, response: { 201: Workshop } } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    reply.code(201);
    return addGroup(app.db, actor, req.params.id, req.body);
  });
  app.patch('/workshops/:id/groups/:groupId', { schema: { tags, params: GroupParams, body: GroupUpdate, response: { 200: Workshop } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return updateGroup(app.db, actor, req.params.id, req.params.groupId, req.body);
  });
  app.delete('/workshops/:id/groups/:groupId', { schema: { tags, params: GroupParams, response: { 200: Workshop } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return deleteGroup(app.db, actor, req.params.id, req.params.groupId);
  });

  app.get('/workshops/:id/participants', { schema: { tags, params: IdParams, response: { 200: z.array(Participant) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return listParticipants(app.db, actor.municipalityId, req.params.id);
  });
  app.post('/workshops/:id/participants', { schema: { tags, params: IdParams, body: AddParticipantBody, response: { 201: Participant } } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    reply.code(201);
    return addParticipant(app.db, actor, req.params.id, req.body);
  });
  app.patch('/workshops/:id/participants/:participantId', { schema: { tags, params: ParticipantParams, body: UpdateParticipantBody, response: { 200: Participant } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return updateParticipant(app.db, actor, req.params.id, req.params.participantId, req.body);
  });
  app.delete('/workshops/:id/participants/:participantId', { schema: { tags, params: ParticipantParams } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    await removeParticipant(app.db, actor, req.params.id, req.params.participantId);
    reply.code(204);
  });

  app.get('/workshops/:id/measures', { schema: { tags, params: IdParams, response: { 200: z.array(MeasureListItem.extend({ originGroupId: Id.nullable() })) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    await getWorkshop(app.db, actor.municipalityId, req.params.id);
    const page = await listMeasures(app.db, actor.municipalityId, { workshop: req.params.id, page: 1, pageSize: 500, sort: 'number' });
    return page.items as (MeasureListItem & { originGroupId: string | null })[];
  });

  const LangQuery = z.object({ lang: z.enum(['de', 'en']).default('de') });
  for (const format of ['pdf', 'docx'] as const) {
    app.get(`/workshops/:id/protocol.${format}`, { schema: { tags, params: IdParams, querystring: LangQuery } }, async (req, reply) => {
      const actor = requireRole(req, ...ALL_ROLES);
      const view = await protocolView(app.db, actor.municipalityId, req.params.id, req.query.lang);
      // The protocol names the participants: a download of personal data, recorded in the audit trail.
      await recordExport(app.db, actor, { entityType: 'workshop', entityId: req.params.id, details: { document: 'protocol', format } });
      const ctx = { locale: req.query.lang, generatedAt: new Date() };
      const data = format === 'pdf' ? await protocolPdf(view, ctx) : await protocolDocx(view, ctx);
      const name = `Protokoll ${view.workshop.title}`.replace(/[^\p{L}\p{N} .-]+/gu, ' ').trim().slice(0, 80);
      return reply
        .header('content-type', format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', contentDisposition('attachment', `${name}.${format}`))
        .header('cache-control', 'no-store')
        .send(data);
    });
  }

  // qrcode is loaded on the first QR code, not at start-up.
  const svg = async (url: string) => (await import('qrcode')).default.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  app.get('/workshops/:id/qr.svg', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const actor = requireRole(req, ...ALL_ROLES);
    const w = await getWorkshop(app.db, actor.municipalityId, req.params.id);
    const url = `${req.protocol}://${req.host}/join/${w.joinCode}`;
    return reply.header('content-type', 'image/svg+xml').header('cache-control', 'private, max-age=300').send(await svg(url));
  });

  // Personal codes are keys to a dot budget: only those who run workshops see them (not readers).
  const baseUrl = (req: { protocol: string; host: string }) => app.config.publicUrl ?? `${req.protocol}://${req.host}`;
  app.get('/workshops/:id/codes', { schema: { tags, params: IdParams, response: { 200: z.array(ParticipantCode) } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    await getWorkshop(app.db, actor.municipalityId, req.params.id);
    return listCodes(app.db, actor.municipalityId, req.params.id, baseUrl(req));
  });
  app.post('/workshops/:id/participants/:participantId/code', { schema: { tags, params: ParticipantParams, response: { 200: z.object({ code: z.string() }) } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return { code: await renewPersonalCode(app.db, actor.municipalityId, req.params.id, req.params.participantId) };
  });
  app.get('/workshops/:id/participants/:participantId/qr.svg', { schema: { tags, params: ParticipantParams } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    const code = await personalCodeOf(app.db, actor.municipalityId, req.params.id, req.params.participantId);
    if (!code) throw notFound('personalCode');
    return reply.header('content-type', 'image/svg+xml').header('cache-control', 'private, no-store').send(await svg(`${baseUrl(req)}/join/${code}`));
  });
}
