import { z } from 'zod';
import type { App } from '../../app';
import { IdParams } from '../../../contract/common';
import { FundingPlan, FundingPlanBody, FundingProgramme, FundingProgrammeInput, FundingProgrammeUpdate, Kofi, ProgrammeMatch } from '../../../contract/funding';
import { MeasureQuery } from '../../../contract/measures';
import { ALL_ROLES, EDITORS, requireRole } from '../../plugins/actor';
import { createProgramme, deleteProgramme, getProgramme, listProgrammes, updateProgramme } from './programmes.service';
import { measuresForProgramme, programmesForMeasure } from './match.service';
import { getPlan, kofi, savePlan } from './plan.service';
import { kofiPdf, kofiXlsx } from './kofi-export';
import { getMunicipality } from '../concept/concept.service';
import { contentDisposition } from '../../http';

const VersionQuery = z.object({ version: z.coerce.number().int().min(1) });
const MeasureMatch = ProgrammeMatch.extend({ measureId: z.uuid(), number: z.number().int(), title: z.string() });
const KofiFilter = MeasureQuery.omit({ page: true, pageSize: true, sort: true });

export async function fundingRoutes(app: App) {
  const tags = ['funding'];
  app.get('/funding-programmes', { schema: { tags, response: { 200: z.array(FundingProgramme) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return listProgrammes(app.db, actor.municipalityId);
  });
  app.post('/funding-programmes', { schema: { tags, body: FundingProgrammeInput, response: { 201: FundingProgramme } } }, async (req, reply) => {
    const actor = requireRole(req, 'admin');
    reply.code(201);
    return createProgramme(app.db, actor, req.body);
  });
  app.get('/funding-programmes/:id', { schema: { tags, params: IdParams, response: { 200: FundingProgramme } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return getProgramme(app.db, actor.municipalityId, req.params.id);
  });
  app.patch('/funding-programmes/:id', { schema: { tags, params: IdParams, body: FundingProgrammeUpdate, response: { 200: FundingProgramme } } }, async (req) => {
    const actor = requireRole(req, 'admin');
    return updateProgramme(app.db, actor, req.params.id, req.body);
  });
  app.delete('/funding-programmes/:id', { schema: { tags, params: IdParams, querystring: VersionQuery } }, async (req, reply) => {
    const actor = requireRole(req, 'admin');
    await deleteProgramme(app.db, actor, req.params.id, req.query.version);
    reply.code(204);
  });
  app.get('/funding-programmes/:id/measures', { schema: { tags, params: IdParams, response: { 200: z.array(MeasureMatch) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return measuresForProgramme(app.db, actor.municipalityId, req.params.id);
  });

  app.get('/measures/:id/funding-matches', { schema: { tags, params: IdParams, response: { 200: z.array(ProgrammeMatch) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return programmesForMeasure(app.db, actor.municipalityId, req.params.id);
  });
  app.get('/measures/:id/funding-plan', { schema: { tags, params: IdParams, response: { 200: FundingPlan } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return getPlan(app.db, actor.municipalityId, req.params.id);
  });
  app.put('/measures/:id/funding-plan', { schema: { tags, params: IdParams, body: FundingPlanBody, response: { 200: FundingPlan } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS, 'department');
    return savePlan(app.db, actor, req.params.id, req.body);
  });

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`/kofi/export.${format}`, { schema: { tags, querystring: KofiFilter } }, async (req, reply) => {
      const actor = requireRole(req, ...ALL_ROLES);
      const [k, m] = await Promise.all([kofi(app.db, actor.municipalityId, req.query), getMunicipality(app.db, actor.municipalityId)]);
      const filters = Object.entries(req.query).filter(([, v]) => v != null && !(Array.isArray(v) && v.length === 0));
      const ctx = { municipalityName: m.name, generatedAt: new Date(), filterSummary: filters.length ? `${filters.length} Filter` : 'alle Maßnahmen' };
      const data = format === 'xlsx' ? await kofiXlsx(k, ctx) : await kofiPdf(k, ctx);
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf')
        .header('content-disposition', contentDisposition('attachment', `KoFi-${date}.${format}`))
        .header('cache-control', 'no-store')
        .send(data);
    });
  }

  app.get('/kofi', { schema: { tags, querystring: KofiFilter, response: { 200: Kofi } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return kofi(app.db, actor.municipalityId, req.query);
  });
}
