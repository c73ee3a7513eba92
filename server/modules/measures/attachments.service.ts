import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Attachment } from '../../../contract/measures';
import { replaceUnclean } from '../../../contract/common';
import { AppError, forbidden, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { canEdit, getMeasure } from './measures.service';

/** Photos of flip charts, PDFs and office files; anything a browser could run (HTML, SVG) is refused. */
const ALLOWED = /^(image\/(png|jpeg|gif|webp|heic)|application\/pdf|text\/plain|text\/csv|application\/(msword|vnd\.openxmlformats-officedocument\.[a-z.]+|vnd\.oasis\.opendocument\.[a-z.]+|vnd\.ms-excel|vnd\.ms-powerpoint))$/;

async function assertEditable(db: Db, actor: Actor, measureId: string) {
  const m = await getMeasure(db, actor, measureId);
  if (!canEdit(actor, m.leadDepartmentId)) throw forbidden('forbidden.own_department_measures');
  return m;
}

export async function addAttachment(db: Db, actor: Actor, measureId: string, file: { filename: string; mimeType: string; data: Buffer }): Promise<Attachment> {
  await assertEditable(db, actor, measureId);
  if (!ALLOWED.test(file.mimeType)) {
    throw new AppError(415, 'unsupported_type', { key: 'unsupported_type', params: { type: file.mimeType } });
  }
  if (file.data.length === 0) throw new AppError(400, 'validation_failed', 'validation_failed.file_empty');
  // The name comes from the client's multipart header: path separators and unclean characters (the input
  // rules, contract/common.ts) become "_"; cut by characters, so that no surrogate pair is split.
  const filename = Array.from(replaceUnclean(file.filename.replace(/[\\/]/g, '_'), '_')).slice(0, 200).join('') || 'datei';
  return db.tx(async (t) => {
    const [row] = await t.query<{ id: string; createdAt: Date }>(
      `INSERT INTO attachment (municipality_id, measure_id, filename, mime_type, size_bytes, data, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at AS "createdAt"`,
      [actor.municipalityId, measureId, filename, file.mimeType, file.data.length, file.data, actor.userId],
    );
    await recordAudit(t, actor, { entityType: 'measure', entityId: measureId, action: 'update', before: { attachment: null }, after: { attachment: filename } });
    return { id: row.id, filename, mimeType: file.mimeType, sizeBytes: file.data.length, createdAt: new Date(row.createdAt).toISOString() };
  });
}

export async function readAttachment(db: Db, actor: Actor, measureId: string, attachmentId: string) {
  const [row] = await db.query<{ filename: string; mimeType: string; data: Uint8Array }>(
    `SELECT filename, mime_type AS "mimeType", data FROM attachment WHERE municipality_id = $1 AND measure_id = $2 AND id = $3`,
    [actor.municipalityId, measureId, attachmentId],
  );
  if (!row) throw notFound('attachment');
  return { ...row, data: Buffer.from(row.data) };
}

export async function deleteAttachment(db: Db, actor: Actor, measureId: string, attachmentId: string) {
  await assertEditable(db, actor, measureId);
  await db.tx(async (t) => {
    const [row] = await t.query<{ filename: string }>(
      'DELETE FROM attachment WHERE municipality_id = $1 AND measure_id = $2 AND id = $3 RETURNING filename',
      [actor.municipalityId, measureId, attachmentId],
    );
    if (!row) throw notFound('attachment');
    await recordAudit(t, actor, { entityType: 'measure', entityId: measureId, action: 'update', before: { attachment: row.filename }, after: { attachment: null } });
  });
}
