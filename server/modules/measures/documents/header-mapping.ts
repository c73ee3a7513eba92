/** Guesses which import field a spreadsheet column holds, from its header (German or English). */
import { IMPORT_FIELDS, type ImportField } from '../../../../contract/measures';
import { EXPORT_COLUMNS } from './list-export';

/** "Kostenschätzung (EUR)" → "kostenschaetzung", "Stadtteil(e)" → "stadtteil", "Beteiligte Ämter" → "beteiligteaemter". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/€|\b(in|eur|euro|teur|brutto|netto)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, '');
}

/** Headers of a running number: not a field, but errors name it next to the spreadsheet row ("Zeile 18 (Nr. 17)"). */
const NUMBER_HEADERS = ['nr', 'nummer', 'lfdnr', 'laufendenummer', 'massnahmennummer', 'massnahmennr', 'id', 'no', 'number'];
export const isNumberHeader = (header: string) => NUMBER_HEADERS.includes(normalizeHeader(header));

const SYNONYMS: Record<ImportField | 'ignore', string[]> = {
  ignore: NUMBER_HEADERS,
  title: ['titel', 'title', 'massnahme', 'massnahmentitel', 'massnahmenbezeichnung', 'bezeichnung', 'name', 'projekt', 'projekttitel', 'projektname', 'vorhaben', 'measure'],
  need: ['ausgangslage', 'bedarf', 'ausgangslagebedarf', 'ausgangssituation', 'problemstellung', 'anlass', 'need', 'startingpoint', 'startingpointneed'],
  goal: ['ziel', 'zielsetzung', 'projektziel', 'massnahmenziel', 'goal', 'objective'],
  description: ['beschreibung', 'massnahmenbeschreibung', 'kurzbeschreibung', 'projektbeschreibung', 'erlaeuterung', 'inhalt', 'description'],
  districts: ['stadtteil', 'stadtteile', 'ortsteil', 'ortsteile', 'quartier', 'quartiere', 'stadtbezirk', 'stadtbezirke', 'gebiet', 'district', 'districts'],
  leadDepartment: ['federfuehrung', 'federfuehrend', 'federfuehrendesamt', 'federfuehrenderfachbereich', 'zustaendigkeit', 'zustaendig', 'zustaendigesamt', 'verantwortlich', 'amt', 'lead', 'leaddepartment'],
  partnerDepartments: ['beteiligteaemter', 'beteiligteamter', 'beteiligte', 'beteiligtefachbereiche', 'mitwirkendeaemter', 'weitereaemter', 'partnerdepartments'],
  externalActors: ['externeakteure', 'akteure', 'externepartner', 'kooperationspartner', 'partner', 'externalactors'],
  targetGroups: ['zielgruppen', 'zielgruppe', 'targetgroups', 'targetgroup'],
  cost: ['kosten', 'kostenschaetzung', 'gesamtkosten', 'geschaetztekosten', 'kostenrahmen', 'investitionskosten', 'budget', 'cost', 'costs', 'costestimate'],
  horizon: ['zeithorizont', 'horizont', 'umsetzungshorizont', 'zeitraum', 'umsetzungszeitraum', 'realisierungszeitraum', 'zeitraumhorizont', 'horizon', 'timehorizon'],
  plannedStart: ['geplanterbeginn', 'beginn', 'start', 'startdatum', 'umsetzungsbeginn', 'baubeginn', 'plannedstart'],
  plannedEnd: ['geplantesende', 'ende', 'enddatum', 'fertigstellung', 'abschluss', 'umsetzungsende', 'end', 'plannedend'],
  status: ['status', 'umsetzungsstand', 'bearbeitungsstand', 'stand'],
  goals: ['ziele', 'isekziele', 'entwicklungsziele', 'strategischeziele', 'zielbezug', 'goals'],
  actionFields: ['handlungsfeld', 'handlungsfelder', 'themenfeld', 'themenfelder', 'actionfield', 'actionfields'],
  dimensions: ['dimension', 'dimensionen', 'nachhaltigkeitsdimension', 'nachhaltigkeitsdimensionen', 'saeule', 'saeulen', 'leitbildsaeule', 'dimensions'],
  origin: ['herkunft', 'quelle', 'ursprung', 'origin', 'source'],
  tags: ['schlagworte', 'schlagwort', 'schlagwoerter', 'stichworte', 'stichwort', 'tags', 'tag', 'keywords'],
};

/** normalized header → field (null = ignore), built from the synonyms and every export header. */
const EXACT = new Map<string, ImportField | null>();
for (const [field, names] of Object.entries(SYNONYMS)) {
  for (const name of names) EXACT.set(name, field === 'ignore' ? null : (field as ImportField));
}
for (const col of EXPORT_COLUMNS) {
  const field = (IMPORT_FIELDS as readonly string[]).includes(col.key) ? (col.key as ImportField) : null;
  EXACT.set(normalizeHeader(col.de), field);
  EXACT.set(normalizeHeader(col.en), field);
}

/** Looser guesses for headers like "Kosten gesamt" or "Zuständiges Amt / Fachbereich", tried in this order. */
const CONTAINS: Array<[RegExp, ImportField]> = [
  [/kosten|budget|cost/, 'cost'],
  [/federfuehr|zustaendig|verantwortlich/, 'leadDepartment'],
  [/beteiligt/, 'partnerDepartments'],
  [/akteur|kooperation/, 'externalActors'],
  [/zielgruppe/, 'targetGroups'],
  [/handlungsfeld|themenfeld/, 'actionFields'],
  [/dimension|saeule/, 'dimensions'],
  [/stadtteil|ortsteil|quartier|bezirk|district/, 'districts'],
  [/beginn|start/, 'plannedStart'],
  [/ende$|fertigstell|abschluss/, 'plannedEnd'],
  [/horizont|zeitraum/, 'horizon'],
  [/ausgangs|bedarf/, 'need'],
  [/beschreibung|description/, 'description'],
  [/ziele$|goals/, 'goals'],
  [/^ziel(?!gruppe)|objective/, 'goal'],
  [/schlag|stichw|tag/, 'tags'],
  [/titel|bezeichnung|title/, 'title'],
];

/**
 * Guesses the field of every column. Exact names (German or English, any case, with or without umlauts)
 * come first; then loose matches, but only to fields no other column has taken. Unknown columns map to null.
 */
export function suggestMapping(headers: string[]): Record<string, ImportField | null> {
  const mapping: Record<string, ImportField | null> = {};
  const used = new Set<ImportField>();
  const open: string[] = [];
  for (const header of headers) {
    if (header in mapping) continue;
    const field = EXACT.get(normalizeHeader(header));
    if (field === undefined) {
      mapping[header] = null;
      open.push(header);
    } else if (field && used.has(field)) mapping[header] = null;
    else {
      mapping[header] = field;
      if (field) used.add(field);
    }
  }
  for (const header of open) {
    const key = normalizeHeader(header);
    const hit = key && CONTAINS.find(([re, field]) => re.test(key) && !used.has(field));
    if (hit) {
      mapping[header] = hit[1];
      used.add(hit[1]);
    }
  }
  return mapping;
}
