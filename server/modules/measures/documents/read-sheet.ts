/** Reads an uploaded spreadsheet (.xlsx or .csv) into plain strings, and guesses which column is which field. */
import ExcelJS from 'exceljs';

export { normalizeHeader, suggestMapping } from './header-mapping';

export interface Sheet {
  headers: string[];
  rows: string[][];
}

const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'txt']);

export async function readSheet(data: Buffer, filename: string): Promise<Sheet> {
  const ext = /\.([^.]+)$/.exec(filename.trim())?.[1]?.toLowerCase() ?? '';
  let grid: string[][];
  if (ext === 'xlsx' || ext === 'xlsm') grid = await readXlsx(data);
  else if (TEXT_EXTENSIONS.has(ext)) grid = parseCsv(decodeText(data));
  else if (ext === 'xls' || ext === 'ods' || ext === 'numbers')
    throw new Error(`Das Dateiformat .${ext} wird nicht unterstützt. Bitte die Tabelle als Excel-Arbeitsmappe (.xlsx) oder als CSV-Datei speichern.`);
  else throw new Error(`Unbekannter Dateityp${ext ? ` „.${ext}“` : ''}. Bitte eine Excel-Datei (.xlsx) oder eine CSV-Datei (.csv) hochladen.`);
  return toSheet(grid);
}

/** First non-empty row is the header; the table is as wide as the header; empty trailing rows are dropped. */
function toSheet(grid: string[][]): Sheet {
  const isEmpty = (row: string[]) => row.every((c) => c === '');
  const start = grid.findIndex((row) => !isEmpty(row));
  if (start < 0) throw new Error('Die Tabelle ist leer.');
  const headers = grid[start];
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  let rows = grid.slice(start + 1);
  let end = rows.length;
  while (end > 0 && isEmpty(rows[end - 1])) end--;
  rows = rows.slice(0, end).map((row) => Array.from({ length: headers.length }, (_, i) => row[i] ?? ''));
  if (!rows.length) throw new Error('Die Tabelle enthält keine Datenzeilen – nur eine Kopfzeile.');
  return { headers, rows };
}

// ---------------------------------------------------------------- xlsx

async function readXlsx(data: Buffer): Promise<string[][]> {
  const corrupt = 'Die Excel-Datei ist beschädigt oder keine gültige .xlsx-Datei und kann nicht gelesen werden.';
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) throw new Error(corrupt);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new Error(corrupt);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('Die Excel-Datei enthält kein Tabellenblatt.');
  const grid: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    grid.push(cells);
  }
  return grid;
}

/** `1234567.5` – without the float noise of binary fractions (0.1 + 0.2). */
const numberText = (n: number) => (Number.isFinite(n) ? String(Number(n.toPrecision(15))) : '');

/** A date cell as `YYYY-MM-DD`; Excel serials may land a hair before midnight, so round to the minute. */
function dateText(d: Date): string {
  const t = d.getTime();
  return Number.isNaN(t) ? '' : new Date(Math.round(t / 60000) * 60000).toISOString().slice(0, 10);
}

function cellText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: unknown }) => cellText(part.text)).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('hyperlink' in v) return cellText(v.text ?? v.hyperlink);
    if ('error' in v) return '';
    if ('text' in v) return cellText(v.text);
  }
  return '';
}

// ---------------------------------------------------------------- csv

/** UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 as saved by older German Excel. */
function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

/** The separator that occurs most often (outside quotes) in the header line; ";" wins ties. */
export function detectSeparator(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  return [';', '\t', ','].reduce((best, sep) => (counts[sep] > counts[best] ? sep : best), ';');
}

/** RFC 4180 with any separator: quoted fields may hold separators, line breaks and doubled quotes. */
export function parseCsv(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, '');
  const sep = detectSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(unguard(field.trim()));
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = wasQuoted = true;
    } else if (ch === sep) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || row.length || wasQuoted) endRow();
  return rows.map((r) => {
    while (r.length && r[r.length - 1] === '') r.pop();
    return r;
  });
}

/** Undoes the formula-injection guard of our own CSV export ("'=A1" → "=A1"). */
const unguard = (s: string) => (/^'[=+\-@]/.test(s) ? s.slice(1) : s);
