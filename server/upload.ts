import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

/** MB to one decimal; the message formats it for the language. */
const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** 413 for a file over MAX_UPLOAD_MB, naming the limit so that people know what to aim for. */
export const fileTooLarge = (limitBytes: number) =>
  new AppError(413, 'file_too_large', { key: 'file_too_large', params: { mb: megabytes(limitBytes) } }, { limitBytes });

/**
 * The whole uploaded file, or 413 — never a shortened file. The multipart parser stops at the limit and marks the
 * stream `truncated`; when the limit falls on a network chunk boundary it does so only after the last chunk was
 * already read, so `toBuffer()` of @fastify/multipart returned the first MAX_UPLOAD_MB bytes as if complete. The
 * flag is therefore checked once the stream has ended, and the size counted as well.
 */
export async function fileBytes(part: MultipartFile, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    size += chunk.length; // the parser hands over at most the limit (+ nothing), so this stays bounded
    chunks.push(chunk);
  }
  if (part.file.truncated || size > limitBytes) throw fileTooLarge(limitBytes);
  return Buffer.concat(chunks);
}

/**
 * Reads an uploaded spreadsheet with `read` (read-sheet.ts's readSheet or readTable): a file that cannot be read
 * is 400 `unreadable_file` with the reader's reason; a sheet over the limits keeps its own 413/422.
 */
export async function readUploadedSheet<T>(file: { filename: string; data: Buffer }, read: (data: Buffer, filename: string) => Promise<T>): Promise<T> {
  try {
    return await read(file.data, file.filename);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(400, 'unreadable_file', { key: 'unreadable_file', params: { reason: (err as Error).message } });
  }
}

/** The spreadsheet in multipart field `file` (the first one; further files are read within the limit and dropped), read with `read`. */
export async function readSheetUpload<T>(req: FastifyRequest, limitBytes: number, read: (data: Buffer, filename: string) => Promise<T>): Promise<T> {
  if (!req.isMultipart()) throw new AppError(400, 'validation_failed', 'validation_failed.multipart_required');
  let file: { filename: string; data: Buffer } | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file' && part.fieldname === 'file' && !file) file = { filename: part.filename, data: await fileBytes(part, limitBytes) };
    else if (part.type === 'file') await fileBytes(part, limitBytes);
  }
  if (!file) throw new AppError(400, 'validation_failed', 'validation_failed.sheet_missing');
  return readUploadedSheet(file, read);
}
