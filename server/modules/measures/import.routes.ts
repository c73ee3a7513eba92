import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { App } from '../../app';
import { ImportEncoding, ImportMapping, ImportPreview, ImportResolutions, ImportResult, ImportSeparator } from '../../../contract/import';
import { AppError } from '../../errors';
import type { Localized } from '../../i18n/errors';
import { fileBytes, readUploadedSheet } from '../../upload';
import { requireRole } from '../../plugins/actor';
import { getConcept } from '../concept/concept.service';
import { readTable, suggestMapping } from './documents/read-sheet';
import { preview, runImport } from './import.service';

/** A JSON form field checked against its schema: a bad one is the client's error (400), never a 500. */
function jsonField<T extends z.ZodType>(text: string | null, schema: T, what: Localized): z.infer<T> | undefined {
  if (text == null || text === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(400, 'validation_failed', { key: 'validation_failed.field_json', params: { what } });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError(400, 'validation_failed', { key: 'validation_failed.field_invalid', params: { what } }, parsed.error.issues);
  return parsed.data;
}

function enumField<T extends z.ZodType>(text: string | null, schema: T, what: Localized): z.infer<T> | undefined {
  if (text == null || text === '') return undefined;
  const parsed = schema.safeParse(text);
  if (!parsed.success) throw new AppError(400, 'validation_failed', { key: 'validation_failed.field_value', params: { what, value: text.slice(0, 40) } });
  return parsed.data;
}

/**
 * Reads the uploaded file and the optional fields, in any order: `mapping` (column → field, JSON), `resolutions`
 * (decisions for new names and words, JSON), `encoding` and `separator` (how to read a CSV file, else detected).
 */
async function readUpload(req: FastifyRequest, limitBytes: number) {
  let file: { filename: string; data: Buffer } | null = null;
  const text: Record<string, string> = {};
  if (!req.isMultipart()) throw new AppError(400, 'validation_failed', 'validation_failed.multipart_required');
  for await (const part of req.parts()) {
    if (part.type === 'file' && part.fieldname === 'file') file = { filename: part.filename, data: await fileBytes(part, limitBytes) };
    else if (part.type === 'file') await fileBytes(part, limitBytes);
    else text[part.fieldname] = String(part.value);
  }
  if (!file) throw new AppError(400, 'validation_failed', 'validation_failed.sheet_missing');
  const encoding = enumField(text.encoding ?? null, ImportEncoding, { de: 'Die Kodierung', en: 'The encoding' });
  const separator = enumField(text.separator ?? null, ImportSeparator, { de: 'Das Trennzeichen', en: 'The separator' });
  const given = jsonField(text.mapping ?? null, ImportMapping, { de: 'Die Spaltenzuordnung', en: 'The column mapping' });
  const resolutions = jsonField(text.resolutions ?? null, ImportResolutions, { de: 'Die Zuordnung der Werte', en: 'The assignment of values' });
  const table = await readUploadedSheet(file, (data, filename) => readTable(data, filename, { encoding, separator }));
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
