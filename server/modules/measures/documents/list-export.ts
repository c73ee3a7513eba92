/** The measure list as Excel workbook and as German Excel-friendly CSV. Headers re-import without manual mapping. */
import { loadExcel } from '../../../lazy-libs';
import { formatDate, formatDateTime, type Locale } from '../../../../domain/format';
import { cleanText, horizonLabel, statusLabel } from './brief-fields';
import type { BriefView, DocContext } from './types';

export type ExportKey =
  | 'number' | 'title' | 'status' | 'priority' | 'horizon' | 'cost' | 'plannedStart' | 'plannedEnd' | 'districts'
  | 'leadDepartment' | 'partnerDepartments' | 'goals' | 'actionFields' | 'dimensions' | 'tags'
  | 'externalActors' | 'targetGroups' | 'origin' | 'need' | 'goal' | 'description';

export interface ExportColumn {
  key: ExportKey;
  de: string;
  en: string;
  /** xlsx column width in characters */
  width: number;
}

/** Column order of every export. Keys other than `number` are the import field names. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'number', de: 'Nr.', en: 'No.', width: 6 },
  { key: 'title', de: 'Titel', en: 'Title', width: 45 },
  { key: 'status', de: 'Status', en: 'Status', width: 16 },
  { key: 'priority', de: 'Priorität', en: 'Priority', width: 14 },
  { key: 'horizon', de: 'Zeithorizont', en: 'Time horizon', width: 14 },
  { key: 'cost', de: 'Kostenschätzung (EUR)', en: 'Cost estimate (EUR)', width: 20 },
  { key: 'plannedStart', de: 'Geplanter Beginn', en: 'Planned start', width: 15 },
  { key: 'plannedEnd', de: 'Geplantes Ende', en: 'Planned end', width: 15 },
  { key: 'districts', de: 'Stadtteile', en: 'Districts', width: 25 },
  { key: 'leadDepartment', de: 'Federführung', en: 'Lead department', width: 25 },
  { key: 'partnerDepartments', de: 'Beteiligte Ämter', en: 'Partner departments', width: 30 },
  { key: 'goals', de: 'Ziele', en: 'Goals', width: 30 },
  { key: 'actionFields', de: 'Handlungsfelder', en: 'Action fields', width: 30 },
  { key: 'dimensions', de: 'Dimensionen', en: 'Dimensions', width: 20 },
  { key: 'tags', de: 'Schlagworte', en: 'Tags', width: 20 },
  { key: 'externalActors', de: 'Externe Akteure', en: 'External actors', width: 30 },
  { key: 'targetGroups', de: 'Zielgruppen', en: 'Target groups', width: 25 },
  { key: 'origin', de: 'Herkunft', en: 'Origin', width: 20 },
  { key: 'need', de: 'Ausgangslage', en: 'Need', width: 60 },
  { key: 'goal', de: 'Ziel', en: 'Goal', width: 60 },
  { key: 'description', de: 'Beschreibung', en: 'Description', width: 60 },
];

type Cell = { kind: 'text'; value: string } | { kind: 'number'; value: number } | { kind: 'cents'; value: number } | { kind: 'date'; value: string };
const text = (value: string | null | undefined): Cell => ({ kind: 'text', value: cleanText(value ?? '').trim() });
const list = (items: string[]): Cell => text(items.join('; '));
const date = (value: string | null): Cell => (value ? { kind: 'date', value } : text(''));

function cell(r: BriefView, key: ExportKey, locale: Locale): Cell {
  switch (key) {
    case 'number': return { kind: 'number', value: r.number };
    case 'title': return text(r.title);
    case 'status': return text(statusLabel(r.status, locale));
    case 'priority': return text(r.priority ?? '');
    case 'horizon': return text(r.horizon ? horizonLabel(r.horizon, locale) : '');
    case 'cost': return r.costCents == null ? text('') : { kind: 'cents', value: r.costCents };
    case 'plannedStart': return date(r.plannedStart);
    case 'plannedEnd': return date(r.plannedEnd);
    case 'districts': return list(r.districts);
    case 'leadDepartment': return text(r.leadDepartment);
    case 'partnerDepartments': return list(r.partnerDepartments);
    case 'goals': return list(r.goals);
    case 'actionFields': return list(r.actionFields);
    case 'dimensions': return list(r.dimensions);
    case 'tags': return list(r.tags);
    case 'externalActors': return text(r.externalActors);
    case 'targetGroups': return text(r.targetGroups);
    case 'origin': return text(r.origin);
    case 'need': return text(r.need);
    case 'goal': return text(r.goal);
    case 'description': return text(r.description);
  }
}

/** `2026-11-21` → a Date at UTC midnight, which Excel shows as that calendar day. */
function isoToDate(iso: string): Date | string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const result = new Date(Date.UTC(y, m - 1, d));
  return Number.isNaN(result.getTime()) ? iso : result;
}

/** Excel cells hold at most 32,767 characters. */
const XLSX_MAX_TEXT = 32767;

export async function measuresXlsx(rows: BriefView[], ctx: DocContext & { filterSummary?: string }): Promise<Buffer> {
  const de = ctx.locale === 'de';
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Roter Faden';
  wb.created = ctx.generatedAt;
  wb.title = de ? 'Maßnahmen' : 'Measures';

  const ws = wb.addWorksheet('Maßnahmen', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c[ctx.locale], key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F4F6' } };
    c.border = { bottom: { style: 'thin', color: { argb: 'FF57606A' } } };
  });

  for (const r of rows) {
    const row = ws.addRow([]);
    EXPORT_COLUMNS.forEach((col, i) => {
      const c = row.getCell(i + 1);
      const v = cell(r, col.key, ctx.locale);
      if (v.kind === 'number') c.value = v.value;
      else if (v.kind === 'cents') {
        c.value = v.value / 100;
        c.numFmt = v.value % 100 === 0 ? '#,##0 "€"' : '#,##0.00 "€"';
      } else if (v.kind === 'date') {
        c.value = isoToDate(v.value);
        c.numFmt = 'dd.mm.yyyy';
      } else c.value = v.value.length > XLSX_MAX_TEXT ? `${v.value.slice(0, XLSX_MAX_TEXT - 1)}…` : v.value;
    });
    row.alignment = { vertical: 'top' };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };

  const info = wb.addWorksheet('Info');
  info.columns = [{ width: 22 }, { width: 70 }];
  info.addRows([
    [de ? 'Kommune' : 'Municipality', ctx.municipalityName],
    [de ? 'Erstellt am' : 'Generated at', formatDateTime(ctx.generatedAt, 'de')],
    [de ? 'Filter' : 'Filter', ctx.filterSummary?.trim() || (de ? 'alle Maßnahmen' : 'all measures')],
    [de ? 'Anzahl Maßnahmen' : 'Number of measures', rows.length],
  ]);
  info.getColumn(1).font = { bold: true };
  info.getColumn(2).alignment = { horizontal: 'left', wrapText: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Euros without thousands separators, comma decimals only when needed: `1234567`, `1234,50`. */
function csvMoney(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ',');
}

/** A spreadsheet would run a cell starting with = + - @ (or tab / CR) as a formula: prefix an apostrophe. */
function defuse(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvField(s: string): string {
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV for German Excel: UTF-8 with BOM, ";" separated, CRLF, German dates and decimal commas. */
export function measuresCsv(rows: BriefView[], ctx: DocContext): string {
  const lines = [EXPORT_COLUMNS.map((c) => csvField(c[ctx.locale])).join(';')];
  for (const r of rows) {
    const fields = EXPORT_COLUMNS.map((col) => {
      const v = cell(r, col.key, ctx.locale);
      if (v.kind === 'number') return String(v.value);
      if (v.kind === 'cents') return csvMoney(v.value);
      if (v.kind === 'date') return formatDate(v.value, 'de');
      return csvField(defuse(v.value));
    });
    lines.push(fields.join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
