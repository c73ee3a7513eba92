/**
 * An .xlsx file is a ZIP archive; a few compressed kilobytes can expand to hundreds of megabytes of sheet XML
 * (a "zip bomb"). Before the spreadsheet library sees a file, its entries are measured here: the sizes the
 * archive declares, and then the sizes they really inflate to, stopping as soon as the budget is spent.
 */
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../../errors';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

export const sheetTooLarge = (maxBytes: number) =>
  new AppError(413, 'sheet_too_large', { key: 'sheet_too_large', params: { mb: mb(maxBytes) } }, { maxUncompressedBytes: maxBytes });

class Corrupt extends Error {}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeader: number;
}

/** The archive's table of contents (end-of-central-directory record and central directory). */
function entries(data: Buffer, maxEntries: number): Entry[] {
  // The end record is the last 22 bytes plus a comment of up to 65535 bytes.
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Corrupt();
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  if (count > maxEntries) throw new Corrupt();
  const list: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) throw new Corrupt();
    const nameLength = data.readUInt16LE(at + 28);
    list.push({
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      declaredSize: data.readUInt32LE(at + 24),
      name: data.toString('utf8', at + 46, at + 46 + nameLength),
      localHeader: data.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return list;
}

/** The entry's compressed bytes, located through its local header. */
function body(data: Buffer, e: Entry): Buffer {
  const at = e.localHeader;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL) throw new Corrupt();
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  if (start + e.compressedSize > data.length) throw new Corrupt();
  return data.subarray(start, start + e.compressedSize);
}

/**
 * Refuses (413) an archive whose entries together inflate to more than `maxBytes` — first by what it declares
 * (cheap, catches an honest bomb at once), then by inflating each entry with the rest of the budget as a hard
 * cap (catches an archive that lies about its sizes; inflation stops at the cap). A file that is no readable
 * ZIP is left to the spreadsheet library, which reports it as damaged.
 */
export function checkXlsxZip(data: Buffer, maxBytes: number, maxEntries = 10_000): void {
  let list: Entry[];
  try {
    list = entries(data, maxEntries);
  } catch (err) {
    if (err instanceof Corrupt) return;
    throw err;
  }
  // 0xFFFFFFFF means "see the ZIP64 record": no honest file of our upload size needs that, so it counts as too large.
  const declared = list.reduce((sum, e) => sum + e.declaredSize, 0);
  if (declared > maxBytes) throw sheetTooLarge(maxBytes);
  let left = maxBytes;
  for (const e of list) {
    let size: number;
    try {
      const raw = body(data, e);
      if (e.method === STORED) size = raw.length;
      else if (e.method === DEFLATED) size = inflateRawSync(raw, { maxOutputLength: Math.max(1, left + 1) }).length;
      else return; // an unknown method: the library will refuse the file as damaged
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw sheetTooLarge(maxBytes);
      return; // damaged data: reported by the library
    }
    left -= size;
    if (left < 0) throw sheetTooLarge(maxBytes);
  }
}
