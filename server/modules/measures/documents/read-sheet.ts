/** Reads an uploaded spreadsheet (.xlsx or .csv) into plain strings, and guesses which column is which field. */
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import type { ImportEncoding, ImportSeparator, ImportSource } from '../../../../contract/import';
import { readXlsxInWorker, XLSX_LIMITS } from './xlsx-in-worker';
import { tooManyColumns, tooManyRows, type SheetFailure } from './xlsx-grid';
import { AppError } from '../../../errors';

export { normalizeHeader, suggestMapping } from './header-mapping';

export interface Sheet {
  headers: string[];
  rows: string[][];
}

/** A sheet and where it came from: the spreadsheet row of its header, and how a CSV file was read. */
export interface Table {
  sheet: Sheet;
  /** spreadsheet row number of the header (1 unless empty rows stand above it) */
  headerRow: number;
  source: ImportSource;
}

export interface ReadOptions {
  encoding?: ImportEncoding;
  separator?: ImportSeparator;
}

const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'txt']);

export async function readSheet(data: Buffer, filename: string): Promise<Sheet> {
  return (await readTable(data, filename)).sheet;
}

/** Reads the file; a CSV file's encoding and separator are detected unless given (the preview lets a person change them). */
export async function readTable(data: Buffer, filename: string, options: ReadOptions = {}): Promise<Table> {
  const ext = /\.([^.]+)$/.exec(filename.trim())?.[1]?.toLowerCase() ?? '';
  if (ext === 'xlsx' || ext === 'xlsm') {
    const source: ImportSource = { format: 'xlsx', encoding: null, detectedEncoding: null, bom: false, separator: null, detectedSeparator: null, suspectCharacters: 0 };
    // In a worker thread with limits on size, rows, columns, memory and time (a zip bomb must not stall the app).
    return { ...toSheet(await readXlsxInWorker(data)), source };
  }
  if (TEXT_EXTENSIONS.has(ext)) {
    const { text, source } = decodeCsv(data, options);
    const grid = parseCsv(text, SEPARATOR_CHAR[source.separator!]);
    refuseOversized(grid);
    return { ...toSheet(grid), source };
  }
  if (ext === 'xls' || ext === 'ods' || ext === 'numbers')
    throw new Error(`Das Dateiformat .${ext} wird nicht unterstützt. Bitte die Tabelle als Excel-Arbeitsmappe (.xlsx) oder als CSV-Datei speichern.`);
  throw new Error(`Unbekannter Dateityp${ext ? ` „.${ext}“` : ''}. Bitte eine Excel-Datei (.xlsx) oder eine CSV-Datei (.csv) hochladen.`);
}

/** A CSV file within the row and column limits of an .xlsx file (its size is already bounded by MAX_UPLOAD_MB). */
function refuseOversized(grid: string[][]) {
  const refuse = (f: SheetFailure) => new AppError(f.status, f.code, { key: f.key, params: f.params }, f.details);
  if (grid.length > XLSX_LIMITS.maxRows + 1) throw refuse(tooManyRows(grid.length, XLSX_LIMITS.maxRows));
  const wide = grid.findIndex((row) => row.length > XLSX_LIMITS.maxColumns);
  if (wide >= 0) throw refuse(tooManyColumns(wide + 1, grid[wide].length, XLSX_LIMITS.maxColumns));
}

/** First non-empty row is the header; the table is as wide as the header; empty trailing rows are dropped. */
function toSheet(grid: string[][]): { sheet: Sheet; headerRow: number } {
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
  return { sheet: { headers, rows }, headerRow: start + 1 };
}

// ---------------------------------------------------------------- csv

const SEPARATOR_CHAR: Record<ImportSeparator, string> = { semicolon: ';', comma: ',', tab: '\t' };
const ICONV_NAME: Record<ImportEncoding, string> = {
  'utf-8': 'utf8', 'windows-1252': 'win1252', 'iso-8859-15': 'iso885915', macintosh: 'macintosh', 'utf-16le': 'utf16le', 'utf-16be': 'utf16be',
};
/** Characters no spreadsheet text contains: C0/C1 control codes (other than tab and line breaks) and U+FFFD. */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;

/**
 * UTF-8 with BOM (Excel's "CSV UTF-8"), UTF-16 with BOM ("Unicode text"), UTF-8 without BOM when the bytes are
 * valid UTF-8, else Windows-1252 ("CSV (Trennzeichen-getrennt)" of German Excel on Windows). Decoded by iconv-lite,
 * which maps € „ “ – … of Windows-1252 to the right characters (a Latin-1 decoder turns them into control codes).
 */
export function detectEncoding(data: Buffer): { encoding: ImportEncoding; bom: boolean } {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (data[0] === 0xff && data[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (data[0] === 0xfe && data[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'windows-1252', bom: false };
  }
}

function decodeCsv(data: Buffer, options: ReadOptions): { text: string; source: ImportSource } {
  const detected = detectEncoding(data);
  const encoding = options.encoding ?? detected.encoding;
  // iconv-lite strips a BOM of the encoding it decodes; a UTF-8 BOM read as Windows-1252 would show as "ï»¿".
  let bytes = data;
  if (detected.bom && encoding !== detected.encoding) bytes = data.subarray(detected.encoding === 'utf-8' ? 3 : 2);
  const text = iconv.decode(bytes, ICONV_NAME[encoding]).replace(/^\uFEFF/, '');
  const detectedSeparator = detectSeparator(text);
  const separator = options.separator ?? detectedSeparator;
  const suspectCharacters = text.match(SUSPECT)?.length ?? 0;
  return { text, source: { format: 'csv', encoding, detectedEncoding: detected.encoding, bom: detected.bom, separator, detectedSeparator, suspectCharacters } };
}

/** The separator that occurs most often (outside quotes) in the header line; ";" wins ties. */
export function detectSeparator(text: string): ImportSeparator {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const best = [';', '\t', ','].reduce((b, sep) => (counts[sep] > counts[b] ? sep : b), ';');
  return best === ';' ? 'semicolon' : best === ',' ? 'comma' : 'tab';
}

/** RFC 4180 by csv-parse: quoted fields may hold separators, line breaks and doubled quotes; stray quotes are kept. */
export function parseCsv(text: string, delimiter: string): string[][] {
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, trim: true, skip_empty_lines: false, bom: true });
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new Error(`Die CSV-Datei kann nicht gelesen werden${e.lines ? ` (Zeile ${e.lines})` : ''}: ${e.message}`, { cause: err });
  }
  return records.map((r) => {
    const row = r.map((c) => unguard(c.trim()));
    while (row.length && row[row.length - 1] === '') row.pop();
    return row;
  });
}

/** Undoes the formula-injection guard of our own CSV export ("'=A1" → "=A1"). */
const unguard = (s: string) => (/^'[=+\-@]/.test(s) ? s.slice(1) : s);
