/** The audit trail as Excel workbook and as CSV for German Excel (UTF-8 with BOM, ";", CRLF), as the measure list is exported. */
import { loadExcel } from '../../lazy-libs';
import type { AuditEvent } from '../../../contract/audit';
import { formatDateTime, type Locale } from '../../../domain/format';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditDetails } from '../../../domain/audit-labels';

const COLUMNS = [
  { de: 'Zeit', en: 'Time', width: 18 },
  { de: 'Ereignis', en: 'Event', width: 26 },
  { de: 'Person', en: 'Person', width: 26 },
  { de: 'Objekt', en: 'Object', width: 22 },
  { de: 'Objekt-ID', en: 'Object id', width: 38 },
  { de: 'Einzelheiten', en: 'Details', width: 80 },
] as const;

const label = (labels: Record<string, Record<Locale, string>>, key: string, locale: Locale) => labels[key]?.[locale] ?? key;

function cells(e: AuditEvent, locale: Locale): [Date, string, string, string, string, string] {
  return [
    new Date(e.at),
    label(AUDIT_ACTION_LABELS, e.action, locale),
    e.actorName ?? '–',
    label(AUDIT_ENTITY_LABELS, e.entityType, locale),
    e.entityId,
    auditDetails(e.action, e.changes),
  ];
}

export interface AuditExportContext { municipalityName: string; locale: Locale; generatedAt: Date; filterSummary: string; total: number }

const XLSX_MAX_TEXT = 32767;

export async function auditXlsx(events: AuditEvent[], ctx: AuditExportContext): Promise<Buffer> {
  const de = ctx.locale === 'de';
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Roter Faden';
  wb.created = ctx.generatedAt;
  wb.title = de ? 'Protokoll' : 'Audit trail';
  const ws = wb.addWorksheet(de ? 'Protokoll' : 'Audit trail', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c[ctx.locale], width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const e of events) {
    const [at, ...rest] = cells(e, ctx.locale);
    // Excel has no time zones: the cell shows Berlin time as text beside nothing else, so it reads as the app shows it.
    const row = ws.addRow([formatDateTime(at, 'de'), ...rest.map((s) => (s.length > XLSX_MAX_TEXT ? `${s.slice(0, XLSX_MAX_TEXT - 1)}…` : s))]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const info = wb.addWorksheet('Info');
  info.columns = [{ width: 26 }, { width: 70 }];
  info.addRows([
    [de ? 'Kommune' : 'Municipality', ctx.municipalityName],
    [de ? 'Erstellt am' : 'Generated at', formatDateTime(ctx.generatedAt, 'de')],
    [de ? 'Filter' : 'Filter', ctx.filterSummary],
    [de ? 'Anzahl Ereignisse' : 'Number of events', events.length],
    ...(ctx.total > events.length ? [[de ? 'Nicht enthalten' : 'Left out', ctx.total - events.length]] : []),
  ]);
  info.getColumn(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell starting with = + - @ (or tab / CR) would run as a formula in a spreadsheet: an apostrophe defuses it. */
const defuse = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const field = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function auditCsv(events: AuditEvent[], ctx: Pick<AuditExportContext, 'locale'>): string {
  const lines = [COLUMNS.map((c) => field(c[ctx.locale])).join(';')];
  for (const e of events) {
    const [at, ...rest] = cells(e, ctx.locale);
    lines.push([formatDateTime(at, 'de'), ...rest].map((s) => field(defuse(s))).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
