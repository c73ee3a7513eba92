import { z } from 'zod';
import type { App } from '../../app';
import { IdParams, Id, VersionQuery, text } from '../../../contract/common';
import { Attachment, AuditEntry, MeasureCreate, MeasureDetail, MeasurePage, MeasureQuery, MeasureUpdate } from '../../../contract/measures';
import { ALL_ROLES, requireRole } from '../../plugins/actor';
import { AppError } from '../../errors';
import { contentDisposition } from '../../http';
import { fileBytes } from '../../upload';
import { listAudit } from '../audit/audit.service';
import { createMeasure, deleteMeasure, getMeasure, listMeasuresJson, updateMeasure } from './measures.service';
import { addAttachment, deleteAttachment, readAttachment } from './attachments.service';
import { mergeMeasures } from './merge.service';
import { MergeBody } from '../../../contract/workshops';

const AttachmentParams = z.object({ id: Id, attachmentId: Id });

export async function measuresRoutes(app: App) {
  const tags = ['measures'];

  app.get('/measures', { schema: { tags, querystring: MeasureQuery, response: { 200: MeasurePage } } }, async (req, reply) => {
    const actor = requireRole(req, ...ALL_ROLES);
    // Already checked against MeasurePage and serialised once per cached page (list-cache.ts); a JSON
    // string with a JSON content type is sent as it is.
    const json = await listMeasuresJson(app.db, actor.municipalityId, req.query);
    return reply.type('application/json; charset=utf-8').send(json as unknown as MeasurePage);
  });

  app.post('/measures', { schema: { tags, body: MeasureCreate, response: { 201: MeasureDetail } } }, async (req, reply) => {
    const actor = requireRole(req, 'admin', 'coordinator', 'department');
    reply.code(201);
    return createMeasure(app.db, actor, req.body);
  });

  app.get('/measures/:id', { schema: { tags, params: IdParams, response: { 200: MeasureDetail } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return getMeasure(app.db, actor, req.params.id);
  });

  app.patch('/measures/:id', { schema: { tags, params: IdParams, body: MeasureUpdate, response: { 200: MeasureDetail } } }, async (req) => {
    const actor = requireRole(req, 'admin', 'coordinator', 'department');
    return updateMeasure(app.db, actor, req.params.id, req.body);
  });

  app.delete('/measures/:id', { schema: { tags, params: IdParams, querystring: VersionQuery } }, async (req, reply) => {
    const actor = requireRole(req, 'admin', 'coordinator', 'department');
    await deleteMeasure(app.db, actor, req.params.id, req.query.version);
    reply.code(204);
  });

  app.post('/measures/:id/merge', { schema: { tags, params: IdParams, body: MergeBody, response: { 200: MeasureDetail } } }, async (req) => {
    const actor = requireRole(req, 'admin', 'coordinator');
    return mergeMeasures(app.db, actor, req.params.id, req.body);
  });

  app.get('/measures/:id/audit', { schema: { tags, params: IdParams, response: { 200: z.array(AuditEntry) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    await getMeasure(app.db, actor, req.params.id); // 404 for another tenant's id
    return listAudit(app.db, actor.municipalityId, { entityType: 'measure', entityId: req.params.id });
  });

  app.get('/audit', {
    schema: { tags, querystring: z.object({ entityType: text(50).optional(), entityId: text(100).optional(), page: z.coerce.number().int().min(1).max(100_000).default(1) }), response: { 200: z.array(AuditEntry) } },
  }, async (req) => {
    const actor = requireRole(req, 'admin', 'coordinator');
    return listAudit(app.db, actor.municipalityId, { entityType: req.query.entityType, entityId: req.query.entityId, limit: 100, offset: (req.query.page - 1) * 100 });
  });

  app.post('/measures/:id/attachments', { schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: Attachment } } }, async (req, reply) => {
    const actor = requireRole(req, 'admin', 'coordinator', 'department');
    const file = await req.file().catch(() => undefined);
    if (!file) throw new AppError(400, 'validation_failed', 'validation_failed.file_missing');
    const data = await fileBytes(file, app.config.maxUploadBytes);
    reply.code(201);
    return addAttachment(app.db, actor, req.params.id, { filename: file.filename, mimeType: file.mimetype, data });
  });

  app.get('/measures/:id/attachments/:attachmentId', { schema: { tags, params: AttachmentParams } }, async (req, reply) => {
    const actor = requireRole(req, ...ALL_ROLES);
    const a = await readAttachment(app.db, actor, req.params.id, req.params.attachmentId);
    const inline = a.mimeType.startsWith('image/') || a.mimeType === 'application/pdf';
    reply
      .header('content-type', a.mimeType)
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', a.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600');
    return reply.send(a.data);
  });

  app.delete('/measures/:id/attachments/:attachmentId', { schema: { tags, params: AttachmentParams } }, async (req, reply) => {
    const actor = requireRole(req, 'admin', 'coordinator', 'department');
    await deleteAttachment(app.db, actor, req.params.id, req.params.attachmentId);
    reply.code(204);
  });
}
