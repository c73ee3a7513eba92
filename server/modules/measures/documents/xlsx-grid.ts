/** The first worksheet of an .xlsx file as rows of trimmed strings — run inside the worker (xlsx-worker.ts). */
import { loadExcel } from '../../../lazy-libs';
import { checkXlsxZip } from './xlsx-zip';
import type { MessageKey, MessageParams } from '../../../i18n/errors';

export interface XlsxLimits {
  /** all entries of the archive together, inflated */
  maxUncompressedBytes: number;
  maxRows: number;
  maxColumns: number;
}

/** An error the route answers with its status and message (a plain object: it crosses the thread boundary). */
export interface SheetFailure {
  status: number;
  code: string;
  message: string;
  /** the message in the catalogue (server/i18n/errors.ts), for the request's language */
  key: MessageKey;
  params: MessageParams;
  details?: unknown;
}

export class SheetRefused extends Error {
  constructor(public failure: SheetFailure) {
    super(failure.message);
  }
}

/** A table longer than `maxRows` data rows (plus the header): refused for .xlsx and CSV alike. */
export const tooManyRows = (rows: number, maxRows: number): SheetFailure => ({
  status: 422, code: 'sheet_too_complex', details: { maxRows }, key: 'sheet_too_complex.rows', params: { rows, maxRows },
  message: `Die Tabelle hat ${rows.toLocaleString('de-DE')} Zeilen; gelesen werden höchstens ${maxRows.toLocaleString('de-DE')} Zeilen (und eine Kopfzeile). Bitte die Liste aufteilen.`,
});

export const tooManyColumns = (row: number, columns: number, maxColumns: number): SheetFailure => ({
  status: 422, code: 'sheet_too_complex', details: { maxColumns }, key: 'sheet_too_complex.columns', params: { row, columns, maxColumns },
  message: `Zeile ${row} der Tabelle hat ${columns} Spalten; gelesen werden höchstens ${maxColumns}. Bitte überzählige Spalten löschen.`,
});

const CORRUPT = 'Die Excel-Datei ist beschädigt oder keine gültige .xlsx-Datei und kann nicht gelesen werden.';

export async function readXlsxGrid(data: Buffer, limits: XlsxLimits): Promise<string[][]> {
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) throw new Error(CORRUPT);
  checkXlsxZip(data, limits.maxUncompressedBytes);
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new Error(CORRUPT);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('Die Excel-Datei enthält kein Tabellenblatt.');
  if (ws.rowCount > limits.maxRows + 1) throw new SheetRefused(tooManyRows(ws.rowCount, limits.maxRows));
  const grid: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.cellCount > limits.maxColumns) throw new SheetRefused(tooManyColumns(r, row.cellCount, limits.maxColumns));
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
