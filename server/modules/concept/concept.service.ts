import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Concept, Municipality } from '../../../contract/concept';
import { AppError, conflict, notFound, versionConflict } from '../../errors';
import { ENTITIES, type Entity } from '../../i18n/errors';
import { recordAudit } from '../audit/audit.service';

/**
 * The concept items (dimensions, fields of action, goals, districts, departments) share one shape:
 * a few columns, a version, an audit trail, and references from measures that block deletion.
 */
export interface ItemKind {
  entityType: string;
  table: string;
  label: string;
  /** API field → column */
  columns: Record<string, string>;
  /** the column that must be unique per municipality */
  nameColumn: string;
  /** measure columns that reference this kind (arrays or the lead column) */
  measureRefs: { column: string; array: boolean }[];
  /** link tables for goals: API field → [table, column] */
  links?: Record<string, [string, string]>;
  /** read-only fields derived from columns: API field → SQL expression */
  derived?: Record<string, string>;
  /** turns fields of older clients into columns, given the saved item (null when creating) */
  prepare?: (input: Record<string, unknown>, before: Item | null) => Record<string, unknown>;
  orderBy: string;
}

export const KINDS = {
  dimensions: {
    entityType: 'dimension', table: 'dimension', label: 'Dimension', nameColumn: 'name', orderBy: 'position, name',
    columns: { name: 'name', description: 'description', color: 'color', position: 'position' },
    measureRefs: [{ column: 'dimension_ids', array: true }],
  },
  'action-fields': {
    entityType: 'actionField', table: 'action_field', label: 'Handlungsfeld', nameColumn: 'name', orderBy: 'position, name',
    columns: { name: 'name', description: 'description', position: 'position' },
    measureRefs: [{ column: 'action_field_ids', array: true }],
  },
  goals: {
    entityType: 'goal', table: 'goal', label: 'Ziel', nameColumn: 'title', orderBy: 'position, title',
    columns: { title: 'title', description: 'description', position: 'position' },
    measureRefs: [{ column: 'goal_ids', array: true }],
    links: { actionFieldIds: ['goal_action_field', 'action_field_id'], dimensionIds: ['goal_dimension', 'dimension_id'] },
  },
  districts: {
    entityType: 'district', table: 'district', label: 'Stadtteil', nameColumn: 'name', orderBy: 'name',
    columns: { name: 'name', description: 'description', boundary: 'boundary', designations: 'designations' },
    derived: { designatedArea: 'cardinality(designations) > 0' },
    measureRefs: [{ column: 'district_ids', array: true }],
    prepare: prepareDistrict,
  },
  departments: {
    entityType: 'department', table: 'department', label: 'Amt', nameColumn: 'name', orderBy: 'name',
    columns: { name: 'name', shortName: 'short_name', head: 'head' },
    measureRefs: [{ column: 'lead_department_id', array: false }, { column: 'partner_department_ids', array: true }],
  },
} satisfies Record<string, ItemKind>;
export type KindName = keyof typeof KINDS;

/**
 * A district's designations, without duplicates. The yes/no `designatedArea` of older clients (used only
 * when `designations` is not sent): true keeps the recorded designations or marks an area whose
 * programme is not recorded (`other`); false clears them.
 */
function prepareDistrict(input: Record<string, unknown>, before: Item | null): Record<string, unknown> {
  const { designatedArea, ...rest } = input;
  if (Array.isArray(rest.designations)) return { ...rest, designations: [...new Set(rest.designations as string[])] };
  if (designatedArea === undefined) return rest;
  const saved = (before?.designations as string[] | undefined) ?? [];
  return { ...rest, designations: designatedArea ? (saved.length ? saved : ['other']) : [] };
}

const DEFAULTS: Record<string, unknown> = { designations: [], description: '', color: '#2f6f4e', position: 0, boundary: null, shortName: '', head: '', actionFieldIds: [], dimensionIds: [] };

type Item = Record<string, unknown> & { id: string; version: number };

function selectSql(kind: ItemKind) {
  const cols = Object.entries({ ...kind.columns, ...kind.derived }).map(([f, c]) => `${c} AS "${f}"`);
  const links = Object.entries(kind.links ?? {}).map(
    ([f, [t, c]]) => `coalesce((SELECT array_agg(l.${c}) FROM ${t} l WHERE l.municipality_id = x.municipality_id AND l.goal_id = x.id), '{}') AS "${f}"`,
  );
  return `SELECT id, version, ${[...cols, ...links].join(', ')} FROM ${kind.table} x`;
}

const german = new Intl.Collator('de');

export async function listItems(db: Db, municipalityId: string, kind: ItemKind): Promise<Item[]> {
  const rows = await db.query<Item & { position?: number }>(`${selectSql(kind)} WHERE municipality_id = $1`, [municipalityId]);
  // German collation in JS: the database's collation may be "C" (Ö after Z).
  const name = (i: Item) => String(i[kind.nameColumn === 'title' ? 'title' : 'name'] ?? '');
  return rows.sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || german.compare(name(a), name(b)));
}

/** Row lock for read-compare-write: concurrent writers of one item queue here instead of both passing the version check. */
export async function lockRow(db: Db, table: string, municipalityId: string, id: string) {
  await db.query(`SELECT 1 FROM ${table} WHERE municipality_id = $1 AND id = $2 FOR UPDATE`, [municipalityId, id]);
}

async function getItem(db: Db, municipalityId: string, kind: ItemKind, id: string): Promise<Item> {
  const [row] = await db.query<Item>(`${selectSql(kind)} WHERE municipality_id = $1 AND id = $2`, [municipalityId, id]);
  if (!row) throw notFound(kind.entityType as Entity);
  return row;
}

async function assertUniqueName(db: Db, municipalityId: string, kind: ItemKind, name: unknown, exceptId: string | null) {
  if (typeof name !== 'string') return;
  const [dup] = await db.query(
    `SELECT 1 FROM ${kind.table} WHERE municipality_id = $1 AND lower(${kind.nameColumn}) = lower($2) AND id IS DISTINCT FROM $3`,
    [municipalityId, name, exceptId],
  );
  if (dup) throw conflict({ key: 'conflict.concept_name', params: { what: ENTITIES[kind.entityType as Entity], name } });
}

/** Linked ids must belong to the same municipality; a foreign id reads as unknown. */
export async function assertIdsExist(db: Db, municipalityId: string, table: string, ids: string[] | undefined, field: string) {
  if (!ids || ids.length === 0) return;
  const unique = [...new Set(ids)];
  const rows = await db.query<{ id: string }>(`SELECT id FROM ${table} WHERE municipality_id = $1 AND id = ANY($2::uuid[])`, [municipalityId, unique]);
  if (rows.length !== unique.length) {
    const found = new Set(rows.map((r) => r.id));
    throw new AppError(400, 'validation_failed', 'validation_failed.unknown_link', [
      { path: [field], message: `Unbekannt: ${unique.filter((i) => !found.has(i)).join(', ')}` },
    ]);
  }
}

async function writeLinks(db: Db, municipalityId: string, kind: ItemKind, id: string, input: Record<string, unknown>) {
  for (const [field, [table, column]] of Object.entries(kind.links ?? {})) {
    const ids = input[field] as string[] | undefined;
    if (ids === undefined) continue;
    await assertIdsExist(db, municipalityId, field === 'actionFieldIds' ? 'action_field' : 'dimension', ids, field);
    await db.query(`DELETE FROM ${table} WHERE municipality_id = $1 AND goal_id = $2`, [municipalityId, id]);
    for (const linked of new Set(ids)) {
      await db.query(`INSERT INTO ${table} (municipality_id, goal_id, ${column}) VALUES ($1, $2, $3)`, [municipalityId, id, linked]);
    }
  }
}

const dbValue = (field: string, v: unknown) => (field === 'boundary' && v != null ? JSON.stringify(v) : v);

export async function createItem(db: Db, actor: Actor, kind: ItemKind, body: Record<string, unknown>): Promise<Item> {
  const input = kind.prepare ? kind.prepare(body, null) : body;
  return db.tx(async (t) => {
    await assertUniqueName(t, actor.municipalityId, kind, input[Object.keys(kind.columns)[0]], null);
    const fields = Object.keys(kind.columns);
    const values = fields.map((f) => dbValue(f, input[f] ?? DEFAULTS[f] ?? null));
    const [{ id }] = await t.query<{ id: string }>(
      `INSERT INTO ${kind.table} (municipality_id, ${fields.map((f) => kind.columns[f]).join(', ')})
       VALUES ($1, ${fields.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
      [actor.municipalityId, ...values],
    );
    await writeLinks(t, actor.municipalityId, kind, id, input);
    const created = await getItem(t, actor.municipalityId, kind, id);
    await recordAudit(t, actor, { entityType: kind.entityType, entityId: id, action: 'create', before: null, after: created });
    return created;
  });
}

export async function updateItem(db: Db, actor: Actor, kind: ItemKind, id: string, body: Record<string, unknown> & { version: number }): Promise<Item> {
  return db.tx(async (t) => {
    await lockRow(t, kind.table, actor.municipalityId, id);
    const before = await getItem(t, actor.municipalityId, kind, id);
    if (before.version !== body.version) throw versionConflict(before);
    const input = kind.prepare ? kind.prepare(body, before) : body;
    const nameField = Object.keys(kind.columns)[0];
    if (input[nameField] !== undefined) await assertUniqueName(t, actor.municipalityId, kind, input[nameField], id);
    const fields = Object.keys(kind.columns).filter((f) => input[f] !== undefined);
    await t.query(
      `UPDATE ${kind.table} SET version = version + 1${fields.map((f, i) => `, ${kind.columns[f]} = $${i + 3}`).join('')}
       WHERE municipality_id = $1 AND id = $2`,
      [actor.municipalityId, id, ...fields.map((f) => dbValue(f, input[f]))],
    );
    await writeLinks(t, actor.municipalityId, kind, id, input);
    const after = await getItem(t, actor.municipalityId, kind, id);
    await recordAudit(t, actor, { entityType: kind.entityType, entityId: id, action: 'update', before, after });
    return after;
  });
}

/** Deleting an item that measures still use would silently change those measures: refuse and say how many. */
export async function deleteItem(db: Db, actor: Actor, kind: ItemKind, id: string, version: number) {
  await db.tx(async (t) => {
    await lockRow(t, kind.table, actor.municipalityId, id);
    const before = await getItem(t, actor.municipalityId, kind, id);
    if (before.version !== version) throw versionConflict(before);
    const where = kind.measureRefs.map((r) => (r.array ? `$2 = ANY(${r.column})` : `${r.column} = $2`)).join(' OR ');
    const [{ n }] = await t.query<{ n: number }>(`SELECT count(*) AS n FROM measure WHERE municipality_id = $1 AND (${where})`, [actor.municipalityId, id]);
    if (n > 0) {
      throw new AppError(409, 'in_use', { key: 'in_use.concept', params: { what: ENTITIES[kind.entityType as Entity], n } }, { measures: n });
    }
    await t.query(`DELETE FROM ${kind.table} WHERE municipality_id = $1 AND id = $2`, [actor.municipalityId, id]);
    await recordAudit(t, actor, { entityType: kind.entityType, entityId: id, action: 'delete', before, after: null });
  });
}

interface MunicipalityRow {
  id: string; name: string; vision: string; horizon_start: number | null; horizon_end: number | null; financially_weak: boolean;
  settlement_type: Municipality['settlementType']; version: number;
}
const toMunicipality = (r: MunicipalityRow): Municipality => ({
  id: r.id, name: r.name, vision: r.vision, horizonStart: r.horizon_start, horizonEnd: r.horizon_end, financiallyWeak: r.financially_weak,
  settlementType: r.settlement_type, version: r.version,
});

export async function getMunicipality(db: Db, id: string): Promise<Municipality> {
  const [row] = await db.query<MunicipalityRow>('SELECT id, name, vision, horizon_start, horizon_end, financially_weak, settlement_type, version FROM municipality WHERE id = $1', [id]);
  if (!row) throw notFound('municipality');
  return toMunicipality(row);
}

export async function updateMunicipality(
  db: Db,
  actor: Actor,
  input: {
    version: number; name?: string; vision?: string; horizonStart?: number | null; horizonEnd?: number | null; financiallyWeak?: boolean;
    settlementType?: Municipality['settlementType'];
  },
): Promise<Municipality> {
  return db.tx(async (t) => {
    await t.query('SELECT 1 FROM municipality WHERE id = $1 FOR UPDATE', [actor.municipalityId]);
    const before = await getMunicipality(t, actor.municipalityId);
    if (before.version !== input.version) throw versionConflict(before);
    const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
    if (next.horizonStart != null && next.horizonEnd != null && next.horizonEnd < next.horizonStart) {
      throw new AppError(400, 'validation_failed', 'validation_failed.horizon_end_before_start', [{ path: ['horizonEnd'], message: 'Ende vor Anfang' }]);
    }
    await t.query(
      `UPDATE municipality SET name = $2, vision = $3, horizon_start = $4, horizon_end = $5, financially_weak = $6, settlement_type = $7,
              version = version + 1 WHERE id = $1`,
      [actor.municipalityId, next.name, next.vision, next.horizonStart, next.horizonEnd, next.financiallyWeak, next.settlementType],
    );
    const after = await getMunicipality(t, actor.municipalityId);
    await recordAudit(t, actor, { entityType: 'municipality', entityId: actor.municipalityId, action: 'update', before, after });
    return after;
  });
}

export async function getConcept(db: Db, municipalityId: string): Promise<Concept> {
  const [municipality, dimensions, actionFields, goals, districts, departments] = await Promise.all([
    getMunicipality(db, municipalityId),
    listItems(db, municipalityId, KINDS.dimensions),
    listItems(db, municipalityId, KINDS['action-fields']),
    listItems(db, municipalityId, KINDS.goals),
    listItems(db, municipalityId, KINDS.districts),
    listItems(db, municipalityId, KINDS.departments),
  ]);
  return { municipality, dimensions, actionFields, goals, districts, departments } as Concept;
}

/** The three dimensions of the New Leipzig Charter (2020), the default of every new municipality. */
export const CHARTER_DIMENSIONS = [
  { name: 'Gerechte Stadt', description: 'Chancengleichheit, bezahlbarer Wohnraum, Zugang zu Bildung und Daseinsvorsorge für alle.', color: '#8a1538' },
  { name: 'Grüne Stadt', description: 'Klimaschutz und Klimaanpassung, Grün- und Freiräume, saubere Luft und Wasser.', color: '#1e6b3a' },
  { name: 'Produktive Stadt', description: 'Vielfältige Wirtschaft, Arbeit und Innovation in gemischten Quartieren.', color: '#1f4e8c' },
];

export async function createDefaultStructure(db: Db, municipalityId: string) {
  for (const [i, d] of CHARTER_DIMENSIONS.entries()) {
    await db.query('INSERT INTO dimension (municipality_id, name, description, color, position) VALUES ($1, $2, $3, $4, $5)', [municipalityId, d.name, d.description, d.color, i]);
  }
}
