import type { App } from '../../app';
import { IdParams, VersionQuery } from '../../../contract/common';
import { GoalParams, Indicator, IndicatorImportResult, IndicatorInput, IndicatorList, IndicatorUpdate, IndicatorValue, IndicatorValueInput, IndicatorValueParams } from '../../../contract/indicators';
import { ALL_ROLES, requireRole } from '../../plugins/actor';
import { addValue, createIndicator, deleteIndicator, deleteValue, getIndicator, listIndicators, updateIndicator } from './indicators.service';
import { applyImport, checkImport, readValuesUpload } from './import.service';

/** Indicators of strategic goals (issue 15, part 3). Who may enter values is decided per indicator in the service. */
export async function indicatorsRoutes(app: App) {
  const tags = ['indicators'];
  const EDITORS = ['admin', 'coordinator'] as const;
  const ENTERERS = ['admin', 'coordinator', 'department'] as const;
  app.get('/goals/:goalId/indicators', { schema: { tags, params: GoalParams, response: { 200: IndicatorList } } }, async (req) =>
    listIndicators(app.db, requireRole(req, ...ALL_ROLES), req.params.goalId));
  app.post('/goals/:goalId/indicators', { schema: { tags, params: GoalParams, body: IndicatorInput, response: { 201: Indicator } } }, async (req, reply) => {
    const created = await createIndicator(app.db, requireRole(req, ...EDITORS), req.params.goalId, req.body);
    reply.code(201);
    return created;
  });
  app.post('/goals/:goalId/indicators/import/preview', { schema: { tags, params: GoalParams, consumes: ['multipart/form-data'], response: { 200: IndicatorImportResult } } }, async (req) => {
    const actor = requireRole(req, ...ENTERERS);
    const { rows, errors } = await checkImport(app.db, actor, req.params.goalId, await readValuesUpload(req, app.config.maxUploadBytes));
    return { rows, errors, applied: false };
  });
  app.post('/goals/:goalId/indicators/import', { schema: { tags, params: GoalParams, consumes: ['multipart/form-data'], response: { 200: IndicatorImportResult } } }, async (req) => {
    const actor = requireRole(req, ...ENTERERS);
    return applyImport(app.db, actor, req.params.goalId, await readValuesUpload(req, app.config.maxUploadBytes));
  });
  app.get('/indicators/:id', { schema: { tags, params: IdParams, response: { 200: Indicator } } }, async (req) =>
    getIndicator(app.db, requireRole(req, ...ALL_ROLES), req.params.id));
  app.patch('/indicators/:id', { schema: { tags, params: IdParams, body: IndicatorUpdate, response: { 200: Indicator } } }, async (req) =>
    updateIndicator(app.db, requireRole(req, ...EDITORS), req.params.id, req.body));
  app.delete('/indicators/:id', { schema: { tags, params: IdParams, querystring: VersionQuery } }, async (req, reply) => {
    await deleteIndicator(app.db, requireRole(req, ...EDITORS), req.params.id, req.query.version);
    reply.code(204);
  });
  app.post('/indicators/:id/values', { schema: { tags, params: IdParams, body: IndicatorValueInput, response: { 201: IndicatorValue } } }, async (req, reply) => {
    const value = await addValue(app.db, requireRole(req, ...ENTERERS), req.params.id, req.body);
    reply.code(201);
    return value;
  });
  app.delete('/indicators/:id/values/:valueId', { schema: { tags, params: IndicatorValueParams } }, async (req, reply) => {
    await deleteValue(app.db, requireRole(req, ...ENTERERS), req.params.id, req.params.valueId);
    reply.code(204);
  });
}
