import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Concept } from '../../../contract/concept';
import { MeasureCreate, type ImportField, type ImportMapping, type ImportPreview, type ImportRowError } from '../../../contract/measures';
import { parseDate, parseMoney } from '../../../domain/format';
import { HORIZON_LABELS, STATUS_LABELS, keyFromLabel } from '../../../domain/labels';
import { AppError } from '../../errors';
import { insertMeasure } from './measures.service';

/** Names in cells are matched ignoring case, spaces and the ß/ss spelling. */
const norm = (s: string) => s.toLowerCase().replaceAll('ß', 'ss').replace(/\s+/g, ' ').trim();
const splitList = (s: string) => s.split(/[;\n]/).map((x) => x.trim()).filter(Boolean);

function lookup(concept: Concept) {
  const map = (items: { id: string; names: string[] }[]) => {
    const m = new Map<string, string>();
    for (const i of items) for (const n of i.names) if (n) m.set(norm(n), i.id);
    return m;
  };
  return {
    districts: map(concept.districts.map((d) => ({ id: d.id, names: [d.name] }))),
    departments: map(concept.departments.map((d) => ({ id: d.id, names: [d.name, d.shortName] }))),
    goals: map(concept.goals.map((g) => ({ id: g.id, names: [g.title] }))),
    actionFields: map(concept.actionFields.map((a) => ({ id: a.id, names: [a.name] }))),
    dimensions: map(concept.dimensions.map((d) => ({ id: d.id, names: [d.name] }))),
  };
}

export interface Sheet { headers: string[]; rows: string[][] }

/**
 * Turns every row into a measure to create, collecting every problem with its row and column.
 * Row numbers are spreadsheet rows (the header is row 1), as the user sees them in Excel.
 */
export function convertRows(sheet: Sheet, mapping: ImportMapping, concept: Concept) {
  const names = lookup(concept);
  const errors: ImportRowError[] = [];
  const measures: { row: number; input: MeasureCreate }[] = [];
  const columnOf = new Map<ImportField, { index: number; header: string }>();
  sheet.headers.forEach((h, index) => {
    const field = mapping[h];
    if (field && !columnOf.has(field)) columnOf.set(field, { index, header: h });
  });
  if (!columnOf.has('title')) {
    errors.push({ row: 1, column: null, message: 'Keine Spalte ist dem Feld „Titel“ zugeordnet.' });
    return { errors, measures };
  }
  sheet.rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => !c?.trim())) return;
    const cell = (f: ImportField) => {
      const c = columnOf.get(f);
      return c ? (cells[c.index] ?? '').trim() : '';
    };
    const fail = (f: ImportField, message: string) => errors.push({ row, column: columnOf.get(f)?.header ?? null, message });
    const ids = (f: ImportField, map: Map<string, string>, what: string) =>
      splitList(cell(f)).flatMap((n) => {
        const id = map.get(norm(n));
        if (!id) fail(f, `${what} „${n}“ ist unbekannt.`);
        return id ? [id] : [];
      });
    const raw: Record<string, unknown> = {
      title: cell('title'), need: cell('need'), goal: cell('goal'), description: cell('description'),
      externalActors: cell('externalActors'), targetGroups: cell('targetGroups'), origin: cell('origin'),
      districtIds: ids('districts', names.districts, 'Stadtteil'),
      partnerDepartmentIds: ids('partnerDepartments', names.departments, 'Amt'),
      goalIds: ids('goals', names.goals, 'Ziel'),
      actionFieldIds: ids('actionFields', names.actionFields, 'Handlungsfeld'),
      dimensionIds: ids('dimensions', names.dimensions, 'Dimension'),
      tags: splitList(cell('tags').replaceAll(',', ';')),
    };
    const lead = cell('leadDepartment');
    if (lead) {
      const id = names.departments.get(norm(lead));
      if (!id) fail('leadDepartment', `Amt „${lead}“ ist unbekannt.`);
      raw.leadDepartmentId = id ?? null;
    }
    const cost = cell('cost');
    if (cost) {
      const cents = parseMoney(cost.includes('.') && /^\d+\.\d+$/.test(cost) ? Number(cost) : cost);
      if (cents == null) fail('cost', `Betrag „${cost}“ ist keine Zahl.`);
      raw.costCents = cents;
    }
    for (const f of ['plannedStart', 'plannedEnd'] as const) {
      const v = cell(f);
      if (!v) continue;
      const d = parseDate(v);
      if (!d) fail(f, `Datum „${v}“ ist ungültig (erwartet TT.MM.JJJJ).`);
      raw[f] = d;
    }
    const status = cell('status');
    if (status) {
      raw.status = keyFromLabel(STATUS_LABELS, status);
      if (!raw.status) fail('status', `Status „${status}“ ist unbekannt.`);
    }
    const horizon = cell('horizon');
    if (horizon) {
      raw.horizon = keyFromLabel(HORIZON_LABELS, horizon) ?? keyFromLabel(HORIZON_LABELS, `${horizon}fristig`);
      if (!raw.horizon) fail('horizon', `Zeithorizont „${horizon}“ ist unbekannt (kurz-, mittel- oder langfristig).`);
    }
    const parsed = MeasureCreate.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const importField = (Object.entries(FIELD_OF).find(([, v]) => v === field)?.[0] ?? field) as ImportField;
        const message = field === 'title' && !raw.title ? 'Der Titel fehlt.' : issue.message;
        if (!errors.some((e) => e.row === row && e.column === (columnOf.get(importField)?.header ?? null))) fail(importField, message);
      }
    } else measures.push({ row, input: parsed.data });
  });
  return { errors, measures };
}

/** Import field → measure field, where the names differ. */
const FIELD_OF: Partial<Record<ImportField, string>> = {
  districts: 'districtIds', leadDepartment: 'leadDepartmentId', partnerDepartments: 'partnerDepartmentIds', cost: 'costCents',
  goals: 'goalIds', actionFields: 'actionFieldIds', dimensions: 'dimensionIds',
};

export function preview(sheet: Sheet, mapping: ImportMapping, concept: Concept): ImportPreview {
  const { errors, measures } = convertRows(sheet, mapping, concept);
  const districtName = new Map(concept.districts.map((d) => [d.id, d.name]));
  return {
    headers: sheet.headers,
    mapping,
    rowCount: sheet.rows.filter((r) => r.some((c) => c?.trim())).length,
    sample: measures.slice(0, 10).map(({ row, input }) => ({
      row, title: input.title, costCents: input.costCents, districts: input.districtIds.map((id) => districtName.get(id) ?? id),
    })),
    errors: errors.slice(0, 500),
  };
}

/** All or nothing: any row error rejects the whole file; otherwise every row goes in one transaction. */
export async function runImport(db: Db, actor: Actor, sheet: Sheet, mapping: ImportMapping, concept: Concept) {
  const { errors, measures } = convertRows(sheet, mapping, concept);
  if (errors.length) throw new AppError(422, 'import_invalid', `${errors.length} Fehler in der Datei – es wurde nichts importiert.`, { errors: errors.slice(0, 500) });
  if (!measures.length) throw new AppError(422, 'import_invalid', 'Die Datei enthält keine Zeilen – es wurde nichts importiert.', { errors: [] });
  await db.tx(async (t) => {
    for (const { row, input } of measures) {
      try {
        await insertMeasure(t, actor, input);
      } catch (err) {
        if (err instanceof AppError) throw new AppError(422, 'import_invalid', `Zeile ${row}: ${err.message} – es wurde nichts importiert.`, { errors: [{ row, column: null, message: err.message }] });
        throw err;
      }
    }
  });
  return { imported: measures.length };
}
