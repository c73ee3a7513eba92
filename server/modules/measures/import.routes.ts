import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { App } from '../../app';
import { ImportEncoding, ImportMapping, ImportPreview, ImportResolutions, ImportResult, ImportSeparator } from '../../../contract/import';
import { AppError } from '../../errors';
import { fileBytes } from '../../upload';
import { requireRole } from '../../plugins/actor';
import { getConcept } from '../concept/concept.service';
import { readTable, suggestMapping } from './documents/read-sheet';
import { preview, runImport } from './import.service';

/** A JSON form field checked against its schema: a bad one is the client's error (400), never a 500. */
function jsonField<T extends z.ZodType>(text: string | null, schema: T, what: string): z.infer<T> | undefined {
  if (text == null || text === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(400, 'validation_failed', `${what} ist kein gültiges JSON.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError(400, 'validation_failed', `${what} ist ungültig.`, parsed.error.issues);
  return parsed.data;
}

function enumField<T extends z.ZodType>(text: string | null, schema: T, what: string): z.infer<T> | undefined {
  if (text == null || text === '') return undefined;
  const parsed = schema.safeParse(text);
  if (!parsed.success) throw new AppError(400, 'validation_failed', `${what} „${text.slice(0, 40)}“ ist nicht vorgesehen.`);
  return parsed.data;
}

/**
 * Reads the uploaded file and the optional fields, in any order: `mapping` (column → field, JSON), `resolutions`
 * (decisions for new names and words, JSON), `encoding` and `separator` (how to read a CSV file, else detected).
 */
async function readUpload(req: FastifyRequest, limitBytes: number) {
  let file: { filename: string; data: Buffer } | null = null;
  const text: Record<string, string> = {};
  if (!req.isMultipart()) throw new AppError(400, 'validation_failed', 'Bitte laden Sie eine Datei hoch (multipart/form-data).');
  for await (const part of req.parts()) {
    if (part.type === 'file' && part.fieldname === 'file') file = { filename: part.filename, data: await fileBytes(part, limitBytes) };
    else if (part.type === 'file') await fileBytes(part, limitBytes);
    else text[part.fieldname] = String(part.value);
  }
  if (!file) throw new AppError(400, 'validation_failed', 'Bitte wählen Sie eine Datei (.xlsx oder .csv) aus.');
  const encoding = enumField(text.encoding ?? null, ImportEncoding, 'Die Kodierung');
  const separator = enumField(text.separator ?? null, ImportSeparator, 'Das Trennzeichen');
  const given = jsonField(text.mapping ?? null, ImportMapping, 'Die Spaltenzuordnung');
  const resolutions = jsonField(text.resolutions ?? null, ImportResolutions, 'Die Zuordnung der Werte');
  let table;
  try {
    table = await readTable(file.data, file.filename, { encoding, separator });
  } catch (err) {
    if (err instanceof AppError) throw err; // a sheet over the limits: 413/422 with its own message
    throw new AppError(400, 'unreadable_file', (err as Error).message);
  }
  const headers = table.sheet.headers;
  const mapping: ImportMapping = given ? { ...Object.fromEntries(headers.map((h) => [h, null])), ...given } : (suggestMapping(headers) as ImportMapping);
  return { table, mapping, resolutions };
}

export async function importRoutes(app: App) {
  const tags = ['import'];
  app.post('/measures/import/preview', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportPreview } } }, async (req) => {
    const actor = requireRole(req, 'admin', 'coordinator');
    const { table, mapping, resolutions } = await readUpload(req, app.config.maxUploadBytes);
    return preview(table, mapping, await getConcept(app.db, actor.municipalityId), resolutions);
  });

  app.post('/measures/import', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportResult } } }, async (req) => {
    const actor = requireRole(req, 'admin', 'coordinator');
    const { table, mapping, resolutions } = await readUpload(req, app.config.maxUploadBytes);
    return runImport(app.db, actor, table, mapping, await getConcept(app.db, actor.municipalityId), resolutions);
  });
}
