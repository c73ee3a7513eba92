import type { FastifyRequest } from 'fastify';
import type { App } from '../../app';
import { ImportMapping, ImportPreview, ImportResult } from '../../../contract/measures';
import { AppError } from '../../errors';
import { requireRole } from '../../plugins/actor';
import { getConcept } from '../concept/concept.service';
import { readSheet, suggestMapping } from './documents/read-sheet';
import { preview, runImport } from './import.service';

/** Reads the uploaded file and the optional `mapping` field (a JSON object), in any order. */
async function readUpload(req: FastifyRequest) {
  let file: { filename: string; data: Buffer } | null = null;
  let mappingText: string | null = null;
  if (!req.isMultipart()) throw new AppError(400, 'validation_failed', 'Bitte laden Sie eine Datei hoch (multipart/form-data).');
  for await (const part of req.parts()) {
    if (part.type === 'file' && part.fieldname === 'file') file = { filename: part.filename, data: await part.toBuffer() };
    else if (part.type === 'file') await part.toBuffer();
    else if (part.fieldname === 'mapping') mappingText = String(part.value);
  }
  if (!file) throw new AppError(400, 'validation_failed', 'Bitte wählen Sie eine Datei (.xlsx oder .csv) aus.');
  let sheet;
  try {
    sheet = await readSheet(file.data, file.filename);
  } catch (err) {
    throw new AppError(400, 'unreadable_file', (err as Error).message);
  }
  let mapping = suggestMapping(sheet.headers) as ImportMapping;
  if (mappingText) {
    let json: unknown;
    try {
      json = JSON.parse(mappingText);
    } catch {
      throw new AppError(400, 'validation_failed', 'Die Spaltenzuordnung ist kein gültiges JSON.');
    }
    const parsed = ImportMapping.safeParse(json);
    if (!parsed.success) throw new AppError(400, 'validation_failed', 'Die Spaltenzuordnung ist ungültig.', parsed.error.issues);
    mapping = { ...Object.fromEntries(sheet.headers.map((h) => [h, null])), ...parsed.data };
  }
  return { sheet, mapping };
}

export async function importRoutes(app: App) {
  const tags = ['import'];
  app.post('/measures/import/preview', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportPreview } } }, async (req) => {
    const actor = requireRole(req, 'admin', 'coordinator');
    const { sheet, mapping } = await readUpload(req);
    return preview(sheet, mapping, await getConcept(app.db, actor.municipalityId));
  });

  app.post('/measures/import', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportResult } } }, async (req) => {
    const actor = requireRole(req, 'admin', 'coordinator');
    const { sheet, mapping } = await readUpload(req);
    return runImport(app.db, actor, sheet, mapping, await getConcept(app.db, actor.municipalityId));
  });
}
