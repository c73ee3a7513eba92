import { z } from 'zod';
import type { App } from '../../app';
import { IdParams } from '../../../contract/common';
import { CommentInput, LatestReport, ReportComment, ReportInput, ReportParams, ReportTimeline, StatusReport, UnchangedInput } from '../../../contract/monitoring';
import { ALL_ROLES, requireRole } from '../../plugins/actor';
import { addComment, fileReport, latestReport, listComments, repeatReport, timeline } from './reports.service';

/** Status reports per measure (issue 15, part 1). Who may report or comment is decided per measure in the service. */
export async function monitoringRoutes(app: App) {
  const tags = ['monitoring'];
  app.get('/measures/:id/reports', { schema: { tags, params: IdParams, response: { 200: ReportTimeline } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return timeline(app.db, actor, req.params.id);
  });
  app.get('/measures/:id/reports/latest', { schema: { tags, params: IdParams, response: { 200: LatestReport } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return { latest: await latestReport(app.db, actor.municipalityId, req.params.id) };
  });
  app.post('/measures/:id/reports', { schema: { tags, params: IdParams, body: ReportInput, response: { 201: StatusReport } } }, async (req, reply) => {
    const actor = requireRole(req, 'admin', 'coordinator', 'department');
    const report = await fileReport(app.db, actor, req.params.id, req.body);
    reply.code(201);
    return report;
  });
  app.post('/measures/:id/reports/unchanged', { schema: { tags, params: IdParams, body: UnchangedInput, response: { 201: StatusReport } } }, async (req, reply) => {
    const actor = requireRole(req, 'admin', 'coordinator', 'department');
    const report = await repeatReport(app.db, actor, req.params.id, req.body.basedOn);
    reply.code(201);
    return report;
  });
  app.get('/measures/:id/reports/:reportId/comments', { schema: { tags, params: ReportParams, response: { 200: z.array(ReportComment) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return listComments(app.db, actor, req.params.id, req.params.reportId);
  });
  app.post('/measures/:id/reports/:reportId/comments', { schema: { tags, params: ReportParams, body: CommentInput, response: { 201: ReportComment } } }, async (req, reply) => {
    const actor = requireRole(req, 'admin', 'coordinator', 'department');
    const comment = await addComment(app.db, actor, req.params.id, req.params.reportId, req.body.body);
    reply.code(201);
    return comment;
  });
}
