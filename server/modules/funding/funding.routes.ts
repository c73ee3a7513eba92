import { requestLanguage } from '../../i18n/language';
import { z } from 'zod';
import type { App } from '../../app';
import { IdParams, VersionQuery } from '../../../contract/common';
import { FundingPlan, FundingPlanBody, FundingProgramme, FundingProgrammeInput, FundingProgrammeUpdate, Kofi, KofiQuery, LangQuery, ProgrammeMatch } from '../../../contract/funding';
import { ALL_ROLES, EDITORS, requireRole } from '../../plugins/actor';
import { createProgramme, deleteProgramme, getProgramme, listProgrammes, lockCatalogue, updateProgramme } from './programmes.service';
import { measuresForProgramme, programmesForMeasure } from './match.service';
import { getPlan, savePlan } from './plan.service';
import { cachedKofi, kofiJson } from './kofi.cache';
import { kofiPdf, kofiXlsx } from './kofi-export';
import { getConcept, lockRow } from '../concept/concept.service';
import { recordProgrammeChange } from './saved-search.evaluate';
import { programmeIoRoutes } from './programme-io.routes';
import { savedSearchRoutes } from './saved-search.routes';
import { describeKofiFilter } from './kofi-filter';
import { contentDisposition } from '../../http';

const MeasureMatch = ProgrammeMatch.extend({ measureId: z.uuid(), number: z.number().int(), title: z.string() });
const KofiFilter = KofiQuery;

export async function fundingRoutes(app: App) {
  const tags = ['funding'];
  // For the big match answers the schema stays for the API description, but the answer is not validated
  // again on the way out: it is built only by our own code from typed rows, and checking it cost about
  // half of a 500-programme match answer (docs/benchmarks.md). The KoFi is sent as cached JSON.
  const plainJson = () => (data: unknown) => JSON.stringify(data);
  await programmeIoRoutes(app);
  await savedSearchRoutes(app);
  app.get('/funding-programmes', { schema: { tags, response: { 200: z.array(FundingProgramme) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return listProgrammes(app.db, actor.municipalityId);
  });
  app.post('/funding-programmes', { schema: { tags, body: FundingProgrammeInput, response: { 201: FundingProgramme } } }, async (req, reply) => {
    const actor = requireRole(req, 'admin');
    const created = await app.db.tx(async (t) => {
      const p = await createProgramme(t, actor, req.body);
      await recordProgrammeChange(t, actor, 'create', [{ id: p.id, before: null }]);
      return p;
    });
    reply.code(201);
    return created;
  });
  app.get('/funding-programmes/:id', { schema: { tags, params: IdParams, response: { 200: FundingProgramme } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return getProgramme(app.db, actor.municipalityId, req.params.id);
  });
  app.patch('/funding-programmes/:id', { schema: { tags, params: IdParams, body: FundingProgrammeUpdate, response: { 200: FundingProgramme } } }, async (req) => {
    const actor = requireRole(req, 'admin');
    const updated = await app.db.tx(async (t) => {
      await lockCatalogue(t, actor.municipalityId);
      await lockRow(t, 'funding_programme', actor.municipalityId, req.params.id);
      const before = await getProgramme(t, actor.municipalityId, req.params.id);
      const after = await updateProgramme(t, actor, req.params.id, req.body);
      // new fits only: a window added or moved, a topic, a limit … (pairs that fitted before are not news)
      await recordProgrammeChange(t, actor, 'update', [{ id: after.id, before }]);
      return after;
    });
    return updated;
  });
  app.delete('/funding-programmes/:id', { schema: { tags, params: IdParams, querystring: VersionQuery } }, async (req, reply) => {
    const actor = requireRole(req, 'admin');
    await deleteProgramme(app.db, actor, req.params.id, req.query.version);
    reply.code(204);
  });
  app.get('/funding-programmes/:id/measures', { schema: { tags, params: IdParams, querystring: LangQuery, response: { 200: z.array(MeasureMatch) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return measuresForProgramme(app.db, actor.municipalityId, req.params.id, requestLanguage(req));
  });

  app.get('/measures/:id/funding-matches', { schema: { tags, params: IdParams, querystring: LangQuery, response: { 200: z.array(ProgrammeMatch) } }, serializerCompiler: plainJson }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return programmesForMeasure(app.db, actor.municipalityId, req.params.id, requestLanguage(req));
  });
  app.get('/measures/:id/funding-plan', { schema: { tags, params: IdParams, querystring: LangQuery, response: { 200: FundingPlan } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return getPlan(app.db, actor.municipalityId, req.params.id, requestLanguage(req));
  });
  app.put('/measures/:id/funding-plan', { schema: { tags, params: IdParams, querystring: LangQuery, body: FundingPlanBody, response: { 200: FundingPlan } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS, 'department');
    return savePlan(app.db, actor, req.params.id, req.body, requestLanguage(req));
  });

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`/kofi/export.${format}`, { schema: { tags, querystring: KofiFilter } }, async (req, reply) => {
      const actor = requireRole(req, ...ALL_ROLES);
      const [{ value: k }, concept] = await Promise.all([cachedKofi(app.db, actor.municipalityId, req.query), getConcept(app.db, actor.municipalityId)]);
      const ctx = { municipalityName: concept.municipality.name, generatedAt: new Date(), filterSummary: describeKofiFilter(req.query, concept) };
      const data = format === 'xlsx' ? await kofiXlsx(k, ctx) : await kofiPdf(k, ctx);
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf')
        .header('content-disposition', contentDisposition('attachment', `KoFi-${date}.${format}`))
        .header('cache-control', 'no-store')
        .send(data);
    });
  }

  app.get('/kofi', { schema: { tags, querystring: KofiFilter, response: { 200: Kofi } } }, async (req, reply) => {
    const actor = requireRole(req, ...ALL_ROLES);
    // serialised once per cached KoFi (kofi.cache.ts); a JSON string with a JSON content type is sent as it is
    const json = kofiJson(await cachedKofi(app.db, actor.municipalityId, req.query));
    return reply.type('application/json; charset=utf-8').send(json as unknown as Kofi);
  });
}
