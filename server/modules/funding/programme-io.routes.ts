import type { FastifyRequest } from 'fastify';
import type { App } from '../../app';
import { ProgrammeImportPreview, ProgrammeImportResult } from '../../../contract/funding';
import { readSheetUpload } from '../../upload';
import { contentDisposition } from '../../http';
import { requireRole } from '../../plugins/actor';
import { getMunicipality } from '../concept/concept.service';
import { readSheet } from '../measures/documents/read-sheet';
import { commitProgrammeImport, previewProgrammeImport, programmesCsv, programmesXlsx } from './programme-import.service';
import { listProgrammes } from './programmes.service';
import { recordProgrammeChange } from './saved-search.evaluate';

/** The uploaded catalogue file (multipart field `file`, .xlsx or .csv). */
const readUpload = (req: FastifyRequest, limitBytes: number) => readSheetUpload(req, limitBytes, readSheet);

/** Export and import of the programme catalogue (admins only). */
export async function programmeIoRoutes(app: App) {
  const tags = ['funding'];
  for (const format of ['xlsx', 'csv'] as const) {
    app.get(`/funding-programmes/export.${format}`, { schema: { tags } }, async (req, reply) => {
      const actor = requireRole(req, 'admin');
      const [programmes, m] = await Promise.all([listProgrammes(app.db, actor.municipalityId), getMunicipality(app.db, actor.municipalityId)]);
      const data = format === 'xlsx' ? await programmesXlsx(programmes, { municipalityName: m.name, generatedAt: new Date() }) : programmesCsv(programmes);
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition('attachment', `Foerderprogramme-${date}.${format}`))
        .header('cache-control', 'no-store')
        .send(data);
    });
  }
  app.post('/funding-programmes/import/preview', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ProgrammeImportPreview } } }, async (req) => {
    const actor = requireRole(req, 'admin');
    return previewProgrammeImport(app.db, actor.municipalityId, await readUpload(req, app.config.maxUploadBytes));
  });
  app.post('/funding-programmes/import', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ProgrammeImportResult } } }, async (req) => {
    const actor = requireRole(req, 'admin');
    const sheet = await readUpload(req, app.config.maxUploadBytes);
    const outcome = await app.db.tx(async (t) => {
      const result = await commitProgrammeImport(t, actor, sheet);
      const changed = [...result.created.map((id) => ({ id, before: null })), ...result.updated];
      if (changed.length) await recordProgrammeChange(t, actor, 'import', changed);
      return result;
    });
    return { created: outcome.created.length, updated: outcome.updated.length, unchanged: outcome.unchanged };
  });
}
