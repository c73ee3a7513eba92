import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Concept } from '../../../contract/concept';
import { MeasureCreate } from '../../../contract/measures';
import type { ImportField, ImportMapping, ImportPreview, ImportResolution, ImportResolutions, ImportResult, ImportRowError, ImportValue, ImportValueKind } from '../../../contract/import';
import { parseDate, parseMoney } from '../../../domain/format';
import { normalizeName } from '../../../domain/similar-names';
import { statusPriorityProblem } from '../../../domain/measure-state';
import { AppError } from '../../errors';
import { createItem, KINDS, type ItemKind } from '../concept/concept.service';
import { insertMeasure } from './measures.service';
import { isNumberHeader } from './documents/header-mapping';
import type { Table } from './documents/read-sheet';
import { KIND_LABEL, KIND_OF_FIELD, propose, readResolutions, SINGLE_FIELDS, splitNames, vocabularies } from './import-values';

/** "Zeile 18 (Nr. 17)": the spreadsheet row as Excel shows it, and the list's own number where it has one. */
export const rowLabel = (e: Pick<ImportRowError, 'row' | 'number'>) => `Zeile ${e.row}${e.number ? ` (Nr. ${e.number})` : ''}`;

/** Import field → measure field, where the names differ. */
const FIELD_OF: Partial<Record<ImportField, string>> = {
  districts: 'districtIds', leadDepartment: 'leadDepartmentId', partnerDepartments: 'partnerDepartmentIds', cost: 'costCents',
  goals: 'goalIds', actionFields: 'actionFieldIds', dimensions: 'dimensionIds',
};

interface Options {
  /** the client's decisions for values that are not names of the concept */
  resolutions?: ImportResolutions;
  /** preview: apply the proposals where nothing was decided yet; the import itself takes only what a person decided */
  applyProposals: boolean;
  /** id for an item still to be created (preview: a stand-in; import: the created item) */
  newId: (kind: ImportValueKind, value: string) => string;
}

/** The file's columns by field, the row-number column, and every row's cells. */
function layout(table: Table, mapping: ImportMapping) {
  const columnOf = new Map<ImportField, { index: number; header: string }>();
  table.sheet.headers.forEach((h, index) => {
    const field = mapping[h];
    if (field && !columnOf.has(field)) columnOf.set(field, { index, header: h });
  });
  const numberColumn = table.sheet.headers.findIndex((h) => !mapping[h] && isNumberHeader(h));
  const rows = table.sheet.rows
    .map((cells, i) => ({ cells, row: table.headerRow + 1 + i, number: numberColumn >= 0 ? cells[numberColumn]?.trim() || null : null }))
    .filter((r) => r.cells.some((c) => c?.trim()));
  return { columnOf, rows };
}

/**
 * Turns every row into a measure to create, collecting every problem with its row and column, and every value
 * that needs a person's decision (new names, words for the vocabularies).
 */
export function convertRows(table: Table, mapping: ImportMapping, concept: Concept, options: Options) {
  const vocab = vocabularies(concept);
  const decided = readResolutions(vocab, options.resolutions);
  const { columnOf, rows } = layout(table, mapping);
  const errors: ImportRowError[] = [];
  const measures: { row: number; number: string | null; input: MeasureCreate }[] = [];
  const values = new Map<string, ImportValue>();
  if (!columnOf.has('title')) {
    errors.push({ row: table.headerRow, number: null, column: null, message: 'Keine Spalte ist dem Feld „Titel“ zugeordnet.' });
    return { errors, measures, values: [] };
  }
  const cellOf = (cells: string[], f: ImportField) => {
    const c = columnOf.get(f);
    return c ? (cells[c.index] ?? '').trim() : '';
  };
  const nameFields = [...columnOf.keys()].filter((f) => KIND_OF_FIELD[f]);

  // Names written alone in some cell count as names when they appear in a comma list elsewhere.
  const alone = new Map<ImportValueKind, Set<string>>();
  for (const f of nameFields) {
    const set = alone.get(KIND_OF_FIELD[f]!) ?? new Set<string>();
    for (const { cells } of rows) for (const part of cellOf(cells, f).split(/[;\n\r]+/)) if (part.trim() && !/[,/]/.test(part)) set.add(normalizeName(part));
    alone.set(KIND_OF_FIELD[f]!, set);
  }
  const proposals = new Map<string, ReturnType<typeof propose>>();
  const proposalOf = (kind: ImportValueKind, value: string) => {
    const key = `${kind}\u0000${normalizeName(value)}`;
    if (!proposals.has(key)) proposals.set(key, propose(vocab, kind, value));
    return proposals.get(key)!;
  };
  const isName = (kind: ImportValueKind) => (piece: string) => {
    const n = normalizeName(piece);
    return vocab[kind].exact.has(n) || decided(kind, piece) != null || !!alone.get(kind)?.has(n) || proposalOf(kind, piece).proposal?.action === 'map';
  };
  const namesIn = (f: ImportField, cell: string) => {
    const kind = KIND_OF_FIELD[f]!;
    const isWhole = (part: string) => vocab[kind].exact.has(normalizeName(part)) || decided(kind, part) != null;
    const names = SINGLE_FIELDS.has(f) ? [cell] : splitNames(cell, isName(kind), isWhole);
    return names.filter((n) => normalizeName(n));
  };

  /** The ids a cell names; unknown names are decided (or proposed), or they are errors of the row. */
  const resolve = (f: ImportField, cells: string[], row: number, fail: (message: string) => void): string[] => {
    const kind = KIND_OF_FIELD[f]!;
    const ids: string[] = [];
    for (const name of namesIn(f, cellOf(cells, f))) {
      const n = normalizeName(name);
      const known = vocab[kind].exact.get(n);
      if (known) {
        ids.push(known);
        continue;
      }
      const given = decided(kind, name);
      const { proposal, candidates } = proposalOf(kind, name);
      const key = `${kind}\u0000${n}`;
      const v = values.get(key) ?? { kind, value: name, rows: [], count: 0, resolution: given ?? proposal, confirmed: given != null, candidates };
      if (v.rows.length < 10) v.rows.push(row);
      v.count++;
      values.set(key, v);
      const effective: ImportResolution | null = given ?? (options.applyProposals ? proposal : null);
      if (!effective) {
        const what = kind === 'status' || kind === 'horizon' ? 'einem Wert zuordnen' : 'anlegen, zuordnen oder weglassen';
        fail(`${KIND_LABEL[kind]} „${name}“ ist unbekannt – bitte in der Vorschau ${what}.`);
      } else if (effective.action === 'map') ids.push(effective.target);
      else if (effective.action === 'create') ids.push(options.newId(kind, name));
    }
    return [...new Set(ids)];
  };

  for (const { cells, row, number } of rows) {
    const cell = (f: ImportField) => cellOf(cells, f);
    const fail = (f: ImportField, message: string) => errors.push({ row, number, column: columnOf.get(f)?.header ?? null, message });
    const ids = (f: ImportField) => (columnOf.has(f) ? resolve(f, cells, row, (m) => fail(f, m)) : []);
    const one = (f: ImportField) => (cell(f) ? (ids(f)[0] ?? null) : undefined);
    const raw: Record<string, unknown> = {
      title: cell('title'), need: cell('need'), goal: cell('goal'), description: cell('description'),
      externalActors: cell('externalActors'), targetGroups: cell('targetGroups'), origin: cell('origin'),
      districtIds: ids('districts'),
      partnerDepartmentIds: ids('partnerDepartments'),
      goalIds: ids('goals'),
      actionFieldIds: ids('actionFields'),
      dimensionIds: ids('dimensions'),
      tags: cell('tags').split(/[;,\n]/).map((x) => x.trim()).filter(Boolean),
    };
    if (cell('leadDepartment')) {
      // "Tiefbauamt / Stadtplanungsamt" as the lead: a measure has one lead, the first named; the others take part
      const [first, ...others] = ids('leadDepartment');
      raw.leadDepartmentId = first ?? null;
      raw.partnerDepartmentIds = [...new Set([...(raw.partnerDepartmentIds as string[]), ...others])];
    }
    const status = one('status');
    if (status) raw.status = status;
    const horizon = one('horizon');
    if (horizon) raw.horizon = horizon;
    const cost = cell('cost');
    if (cost) {
      const cents = parseMoney(/^\d+\.\d+$/.test(cost) ? Number(cost) : cost);
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
    const parsed = MeasureCreate.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const importField = (Object.entries(FIELD_OF).find(([, v]) => v === field)?.[0] ?? field) as ImportField;
        const message = field === 'title' && !raw.title ? 'Der Titel fehlt.' : issue.message;
        if (!errors.some((e) => e.row === row && e.column === (columnOf.get(importField)?.header ?? null))) fail(importField, message);
      }
    } else {
      // An import sets no priority class (only a recorded decision does), so a row cannot arrive as
      // "Priorisiert" (domain/measure-state.ts): say so in the preview, not only when the import runs.
      const problem = statusPriorityProblem(parsed.data.status, null);
      if (problem) fail('status', `${problem.message} Ordnen Sie „${cell('status')}“ in der Vorschau z. B. „Steckbrief“ zu.`);
      else measures.push({ row, number, input: parsed.data });
    }
  }
  return { errors, measures, values: [...values.values()] };
}

/** Stand-in ids for names still to be created, so that a preview validates rows like the import will. */
function standIns() {
  const ids = new Map<string, { id: string; name: string }>();
  const newId = (kind: ImportValueKind, value: string) => {
    const key = `${kind}\u0000${normalizeName(value)}`;
    if (!ids.has(key)) ids.set(key, { id: randomUUID(), name: value.trim() });
    return ids.get(key)!.id;
  };
  return { ids, newId };
}

export function preview(table: Table, mapping: ImportMapping, concept: Concept, resolutions?: ImportResolutions): ImportPreview {
  const { ids, newId } = standIns();
  const { errors, measures, values } = convertRows(table, mapping, concept, { resolutions, applyProposals: true, newId });
  const districtName = new Map(concept.districts.map((d) => [d.id, d.name]));
  for (const [key, v] of ids) if (key.startsWith('district\u0000')) districtName.set(v.id, v.name);
  return {
    headers: table.sheet.headers,
    mapping,
    source: table.source,
    rowCount: layout(table, mapping).rows.length,
    sample: measures.slice(0, 10).map(({ row, input }) => ({
      row, title: input.title, costCents: input.costCents, districts: input.districtIds.map((id) => districtName.get(id) ?? id),
    })),
    values,
    errors: errors.slice(0, 500),
  };
}

const ITEM_KIND: Record<string, [ItemKind, string]> = {
  district: [KINDS.districts, 'name'], department: [KINDS.departments, 'name'], actionField: [KINDS['action-fields'], 'name'],
  dimension: [KINDS.dimensions, 'name'], goal: [KINDS.goals, 'title'],
};

function rejected(errors: ImportRowError[]): AppError {
  const first = errors[0];
  const where = `${rowLabel(first)}${first.column ? `, Spalte „${first.column}“` : ''}`;
  return new AppError(
    422, 'import_invalid',
    { key: 'import_invalid', params: { n: errors.length, where, first: first.message } },
    { errors: errors.slice(0, 500) },
  );
}

/**
 * All or nothing: any row error rejects the whole file. Otherwise one transaction creates the new districts,
 * departments, … through the concept service (its name rules and audit trail) and then every measure.
 * Only decisions the client sent are applied: a proposal seen in the preview is not confirmed until it is sent back.
 */
export async function runImport(db: Db, actor: Actor, table: Table, mapping: ImportMapping, concept: Concept, resolutions?: ImportResolutions): Promise<ImportResult> {
  const dry = standIns();
  const check = convertRows(table, mapping, concept, { resolutions, applyProposals: false, newId: dry.newId });
  if (check.errors.length) throw rejected(check.errors);
  if (!check.measures.length) throw new AppError(422, 'import_invalid', 'import_invalid.empty', { errors: [] });
  return db.tx(async (t) => {
    const created: NonNullable<ImportResult['created']> = [];
    const real = new Map<string, string>();
    for (const [key, { name }] of dry.ids) {
      const kind = key.slice(0, key.indexOf('\u0000')) as ImportValueKind;
      const [itemKind, nameField] = ITEM_KIND[kind];
      const item = await createItem(t, actor, itemKind, { [nameField]: name });
      real.set(key, item.id);
      created.push({ kind, id: item.id, name });
    }
    const newId = (kind: ImportValueKind, value: string) => real.get(`${kind}\u0000${normalizeName(value)}`)!;
    const { measures } = convertRows(table, mapping, concept, { resolutions, applyProposals: false, newId });
    for (const { row, number, input } of measures) {
      try {
        await insertMeasure(t, actor, input);
      } catch (err) {
        if (err instanceof AppError) throw rejected([{ row, number, column: null, message: err.message }]);
        throw err;
      }
    }
    return created.length ? { imported: measures.length, created } : { imported: measures.length };
  });
}
