/**
 * A measure list as a German town keeps it in Excel ("Merseburg-style"): own column names, a running number,
 * pillars instead of the charter's dimensions, several departments in one cell, costs as "1.234.567,00 €",
 * quotes, dashes and a line break inside cells. Built for the API tests and the browser journey alike,
 * so it is plain TypeScript without test-runner imports.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type MeasureListFormat = 'csv-utf8' | 'csv-1252' | 'xlsx';

export const LIST_HEADERS = [
  'Nr.', 'Maßnahme', 'Beschreibung', 'Stadtteil', 'Säule', 'Handlungsfeld', 'Federführung', 'Beteiligte Ämter', 'Kosten (€)', 'Zeitraum', 'Status',
] as const;

export interface ListRow {
  nr: number;
  title: string;
  description: string;
  districts: string;
  pillar: string;
  field: string;
  lead: string;
  partners: string;
  /** euros; null = empty cell */
  cost: number | null;
  period: string;
  status: string;
}

/** The districts, departments and fields of action the list names (none exists in a fresh municipality). */
export const LIST_DISTRICTS = ['Altstadt', 'Neumarkt', 'Gartenstadt', 'Merseburg-Nord', 'Merseburg-Süd', 'Meuschau', 'Venenien'];
export const LIST_DEPARTMENTS = ['Stadtplanungsamt', 'Bauamt', 'Tiefbauamt', 'Amt für Umwelt und Grünflächen', 'Kulturamt', 'Ordnungsamt', 'Schulverwaltungsamt', 'Sozialamt'];
export const LIST_FIELDS = ['Wohnen', 'Mobilität', 'Klima und Umwelt', 'Bildung und Soziales', 'Innenstadt und Handel', 'Kultur und Tourismus'];

/** Texts with the characters Windows-1252 encodes differently from Latin-1: € „ “ – … */
export const SPECIAL_TITLE = 'Aktionsprogramm „Lebendige Innenstadt“ – Leerstand nutzen …';
export const SPECIAL_DESCRIPTION = 'Zwischennutzung leerer Läden, Kosten je Laden ca. 2.500 € – erste Phase:\n„Pop-up-Läden“ am Markt, danach Gotthardtstraße …';

type Base = [title: string, district: string, pillar: string, field: string, lead: string, partners: string];
const BASE: Base[] = [
  ['Umgestaltung des Marktplatzes', 'Altstadt', 'grün', 'Innenstadt und Handel', 'Stadtplanungsamt', 'Tiefbauamt, Bauamt'],
  ['Sanierung der Stadtbibliothek', 'Altstadt', 'gerecht', 'Bildung und Soziales', 'Bauamt', 'Kulturamt'],
  ['Radweg entlang der Saale', 'Meuschau, Venenien', 'grün', 'Mobilität', 'Tiefbauamt', 'Stadtplanungsamt / Amt für Umwelt und Grünflächen'],
  ['Quartierszentrum Gartenstadt', 'Gartenstadt', 'gerecht', 'Bildung und Soziales', 'Sozialamt', 'Stadtplanungsamt, Bauamt'],
  ['Entsiegelung von Schulhöfen', 'Merseburg-Nord', 'grün', 'Klima und Umwelt', 'Schulverwaltungsamt', 'Amt für Umwelt und Grünflächen'],
  ['Gründerzentrum im alten Kaufhaus', 'Neumarkt', 'produktiv', 'Innenstadt und Handel', 'Stadtplanungsamt', 'Bauamt; Ordnungsamt'],
  ['Barrierefreie Bushaltestellen', 'Merseburg-Süd, Merseburg-Nord', 'gerecht', 'Mobilität', 'Tiefbauamt', 'Ordnungsamt'],
  ['Stadtumbau Wohnblöcke Süd', 'Merseburg-Süd', 'gerecht', 'Wohnen', 'Stadtplanungsamt', 'Bauamt, Sozialamt'],
  ['Schlossgarten-Fest und Touristenpfad', 'Altstadt', 'produktiv', 'Kultur und Tourismus', 'Kulturamt', 'Ordnungsamt, Tiefbauamt'],
  ['Klimawald am Stadtrand', 'Venenien', 'grün', 'Klima und Umwelt', 'Amt für Umwelt und Grünflächen', ''],
];
const PLACES = ['', ' – 2. Bauabschnitt', ' (Vorplanung)', ' – Phase 2'];
const PERIODS = ['kurzfristig', 'mittelfristig', 'langfristig'];
// "umgesetzt" and "laufend" are not the app's own words: they must be confirmed in the preview
const STATUSES = ['Idee', 'in Planung', 'in Umsetzung', 'umgesetzt', 'laufend', 'Idee'];

/** 40 rows: 10 base measures in 4 stages, with the awkward cells spread over them. */
export function measureListRows(): ListRow[] {
  const rows: ListRow[] = [];
  for (let i = 0; i < 40; i++) {
    const [title, districts, pillar, field, lead, partners] = BASE[i % BASE.length];
    const stage = Math.floor(i / BASE.length);
    rows.push({
      nr: i + 1,
      title: `${title}${PLACES[stage]}`,
      description: `${title}: Bestandsaufnahme, Beteiligung der Anwohner, Umsetzung in Abschnitten (Stufe ${stage + 1}).`,
      districts,
      pillar: i % 7 === 3 ? 'grün, gerecht' : pillar,
      field: i % 9 === 4 ? `${field}, Mobilität` : field,
      lead,
      partners,
      cost: i % 6 === 5 ? null : 1_234_567 + i * 104_250,
      period: PERIODS[i % 3],
      status: STATUSES[i % STATUSES.length],
    });
  }
  rows[5] = { ...rows[5], title: SPECIAL_TITLE, description: SPECIAL_DESCRIPTION };
  rows[11] = { ...rows[11], title: 'Bürgerpark „Am Gotthardteich“', description: 'Spielplatz, Wege, Beleuchtung; Pflege durch den Verein "Grüne Mitte e. V."' };
  return rows;
}

/** "1.234.567,00 €" as German Excel shows a currency cell. */
export const euroText = (euros: number) =>
  `${euros.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;

export interface MeasureListOptions {
  /** make the row with this number invalid (an unreadable cost), to test all-or-nothing and error rows */
  brokenNr?: number;
}

function grid(options: MeasureListOptions): (string | number | null)[][] {
  return measureListRows().map((r) => [
    r.nr, r.title, r.description, r.districts, r.pillar, r.field, r.lead, r.partners,
    r.nr === options.brokenNr ? 'ca. eine Million' : r.cost, r.period, r.status,
  ]);
}

const COST_COLUMN = LIST_HEADERS.indexOf('Kosten (€)');

/** Quotes a cell when Excel would: separator, quote or line break inside. */
const csvCell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

function csvText(options: MeasureListOptions): string {
  const lines = [LIST_HEADERS.join(';')];
  for (const row of grid(options)) {
    const cells = row.map((v, column) => (v == null ? '' : column === COST_COLUMN && typeof v === 'number' ? euroText(v) : String(v)));
    lines.push(cells.map(csvCell).join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The list as Excel saves it: "CSV UTF-8" (with BOM), "CSV (Trennzeichen-getrennt)" (Windows-1252) or .xlsx. */
export async function buildMeasureList(format: MeasureListFormat, options: MeasureListOptions = {}): Promise<Buffer> {
  if (format === 'csv-utf8') return Buffer.from(`\uFEFF${csvText(options)}`, 'utf8');
  if (format === 'csv-1252') return iconv.encode(csvText(options), 'win1252');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Maßnahmenliste');
  ws.addRow([...LIST_HEADERS]);
  for (const row of grid(options)) ws.addRow(row);
  ws.getColumn(COST_COLUMN + 1).numFmt = '#,##0.00 "€"';
  ws.getColumn(3).alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
