/** Test spreadsheets that attack the reader: a small .xlsx whose sheet inflates to a huge XML, honest or lying about it. */
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

interface ZipEntry {
  name: string;
  data: Buffer;
  /** what the archive claims the entry inflates to (default: the truth) */
  declaredSize?: number;
}

/** A ZIP archive (deflate, no CRC check needed by our reader), written by hand so sizes can be declared falsely. */
export function zipArchive(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data, { level: 1 });
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  if (data.length > 1024 * 1024) return 0; // the bomb's sheet: nobody gets far enough to check it
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A real workbook (header "Titel", one row) whose first sheet is replaced by `sheetBytes` of highly repetitive
 * rows — a few hundred kilobytes on the wire. `lie` declares every entry as 1 KB.
 */
export async function xlsxBomb(sheetBytes: number, { lie = false } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Maßnahmen').addRows([['Titel'], ['Spielplatz']]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const entries: ZipEntry[] = [];
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) {
    let data = await zip.files[name].async('nodebuffer');
    if (name === 'xl/worksheets/sheet1.xml') {
      const head = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
      const tail = Buffer.from('</sheetData></worksheet>');
      const row = '<row><c t="inlineStr"><is><t>Bombe</t></is></c></row>';
      const rows = Buffer.alloc(sheetBytes - (sheetBytes % row.length), row);
      data = Buffer.concat([head, rows, tail]);
    }
    entries.push({ name, data, declaredSize: lie ? 1024 : undefined });
  }
  return zipArchive(entries);
}

/** A legitimate but heavy workbook: `rows` rows of ten cells with about `cellChars` characters each. */
export async function heavyXlsx(rows: number, cellChars: number, columns = 10): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Maßnahmen');
  ws.addRow(['Titel', 'Beschreibung', ...Array.from({ length: columns - 2 }, (_, i) => `Notiz ${i + 1}`)]);
  const filler = 'Sanierung des Spielplatzes mit neuen Geräten und Bänken. '.repeat(Math.ceil(cellChars / 58)).slice(0, cellChars);
  for (let r = 1; r <= rows; r++) ws.addRow([`Maßnahme ${r}`, ...Array.from({ length: columns - 1 }, (_, c) => `${r}-${c} ${filler}`)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
