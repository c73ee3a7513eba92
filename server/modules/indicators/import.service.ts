import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { IndicatorImportResult } from '../../../contract/indicators';
import { parseDate } from '../../../domain/format';
import { parseDecimal } from '../../../domain/indicators';
import { AppError } from '../../errors';
import { readSheetUpload } from '../../upload';
import { recordAudit } from '../audit/audit.service';
import { readTable, type Table } from '../measures/documents/read-sheet';
import { insertValue, listIndicators } from './indicators.service';

/** The uploaded file (multipart field `file`, .xlsx or .csv), read with the measure import's limits (XLSX in a worker). */
export function readValuesUpload(req: FastifyRequest, limitBytes: number): Promise<Table> {
  return readSheetUpload(req, limitBytes, (data, filename) => readTable(data, filename));
}

/**
 * A number cell. An XLSX number cell arrives as JavaScript writes it (`1.234` is one point two three four);
 * text cells and CSV files are read as German writes numbers (`1.234,5`, `1.234` is a thousand and more).
 */
const readNumber = (s: string, xlsx: boolean) => (xlsx && /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(s) ? Number(s) : parseDecimal(s));

/** Column headings people write, German first. */
const COLUMNS = {
  indicator: ['indikator', 'indicator', 'name'],
  date: ['datum', 'date', 'messdatum', 'stichtag'],
  value: ['wert', 'value', 'messwert'],
  note: ['anmerkung', 'note', 'bemerkung', 'notiz'],
};
const norm = (s: string) => s.trim().toLowerCase();

/**
 * Checks every row against the goal's indicators: the indicator by name, the date (21.11.2026 or
 * 2026-11-21), the value (1.234,5), one value a date, and that the person may enter values for it.
 * Returns the rows and all errors as "Zeile 18: …" (the spreadsheet's own row number).
 */
export async function checkImport(db: Db, actor: Actor, goalId: string, table: Table): Promise<IndicatorImportResult & { notes: string[] }> {
  const { items } = await listIndicators(db, actor, goalId);
  const headers = table.sheet.headers.map(norm);
  const col = (names: string[]) => headers.findIndex((h) => names.includes(h));
  const at = { indicator: col(COLUMNS.indicator), date: col(COLUMNS.date), value: col(COLUMNS.value), note: col(COLUMNS.note) };
  const missing = (['indicator', 'date', 'value'] as const).filter((k) => at[k] < 0);
  if (missing.length) {
    throw new AppError(400, 'validation_failed', { key: 'indicator_import_columns', params: { columns: missing.map((k) => COLUMNS[k][0][0].toUpperCase() + COLUMNS[k][0].slice(1)).join(', ') } });
  }
  const byName = new Map(items.map((i) => [norm(i.name), i]));
  const rows: IndicatorImportResult['rows'] = [];
  const notes: string[] = [];
  const errors: IndicatorImportResult['errors'] = [];
  const seen = new Set<string>();
  table.sheet.rows.forEach((cells, index) => {
    const line = table.headerRow + index + 1;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    if (cells.every((c) => !c.trim())) return;
    const fail = (message: string) => errors.push({ line, message: `Zeile ${line}: ${message}` });
    const name = cell(at.indicator);
    const indicator = byName.get(norm(name));
    if (!indicator) return fail(name ? `Einen Indikator „${name.slice(0, 80)}“ hat dieses Ziel nicht.` : 'Der Indikator fehlt.');
    if (!indicator.canEnterValues) return fail(`Werte für „${indicator.name}“ trägt ${indicator.departmentName ?? 'die Koordination'} ein.`);
    const date = parseDate(cell(at.date));
    if (!date) return fail(`„${cell(at.date).slice(0, 40)}“ ist kein Datum (z. B. 21.11.2026).`);
    const value = readNumber(cell(at.value), table.source.format === 'xlsx');
    if (value == null || Math.abs(value) > 1e12) return fail(`„${cell(at.value).slice(0, 40)}“ ist keine Zahl (z. B. 1.234,5).`);
    const key = `${indicator.id}|${date}`;
    if (seen.has(key) || indicator.values.some((v) => v.date === date)) return fail(`Für „${indicator.name}“ gibt es am ${date.split('-').reverse().join('.')} schon einen Wert.`);
    seen.add(key);
    rows.push({ line, indicatorId: indicator.id, indicatorName: indicator.name, date, value });
    notes.push(cell(at.note).slice(0, 1000));
  });
  if (!rows.length && !errors.length) throw new AppError(422, 'import_invalid', 'import_invalid.empty');
  return { rows, errors, applied: false, notes };
}

/** All or nothing: with any row error nothing is stored (422 with every error); otherwise one transaction. */
export async function applyImport(db: Db, actor: Actor, goalId: string, table: Table): Promise<IndicatorImportResult> {
  return db.tx(async (t) => {
    const { rows, errors, notes } = await checkImport(t, actor, goalId, table);
    if (errors.length) {
      throw new AppError(422, 'import_invalid', { key: 'import_invalid', params: { n: errors.length, where: errors[0].message.split(':')[0], first: errors[0].message.split(': ').slice(1).join(': ') } }, { errors: errors.slice(0, 500) });
    }
    for (const [i, r] of rows.entries()) {
      await insertValue(t, actor, r.indicatorId, { date: r.date, value: r.value, note: notes[i] });
    }
    for (const id of new Set(rows.map((r) => r.indicatorId))) {
      const mine = rows.filter((r) => r.indicatorId === id);
      await recordAudit(t, actor, { entityType: 'indicator', entityId: id, action: 'update', before: { 'Messwerte importiert': null }, after: { 'Messwerte importiert': mine.map((r) => `${r.date}: ${r.value}`).join('; ') } });
    }
    return { rows, errors: [], applied: true };
  });
}
