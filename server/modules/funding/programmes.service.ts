import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { FundingProgramme, FundingProgrammeInput } from '../../../contract/funding';
import { AppError, conflict, notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { lockRow } from '../concept/concept.service';
import { FUNDING_PROGRAMMES } from '../../db/seed/funding-programmes';

/** API field ↔ column; jsonb and arrays are passed as they are. */
const COLUMNS = {
  name: 'name', provider: 'provider', level: 'level', kind: 'kind', rateText: 'rate_text', ratePercent: 'rate_percent',
  rateWeakPercent: 'rate_weak_percent', minAmountCents: 'min_amount_cents', maxAmountCents: 'max_amount_cents',
  applicants: 'applicants', topics: 'topics', requiresDesignatedArea: 'requires_designated_area', climateRequirement: 'climate_requirement',
  windows: 'windows', requiredDocuments: 'required_documents', description: 'description', sourceUrl: 'source_url', lastChecked: 'last_checked',
  areaKinds: 'area_kinds', settlementTypes: 'settlement_types', typicalMinCents: 'typical_min_cents', typicalMaxCents: 'typical_max_cents',
} as const;
type Field = keyof typeof COLUMNS;
const FIELDS = Object.keys(COLUMNS) as Field[];
/** The editable fields of a programme (import compares them to tell updated from unchanged rows). */
export const PROGRAMME_FIELDS: readonly Field[] = FIELDS;
const SELECT = `SELECT id, version, ${FIELDS.map((f) => `${COLUMNS[f]} AS "${f}"`).join(', ')} FROM funding_programme`;
const dbValue = (f: Field, v: unknown) => (f === 'windows' ? JSON.stringify(v ?? []) : v);

/**
 * Marks the municipality's catalogue as changed; call inside the transaction that writes programmes,
 * so the new version becomes visible together with the data (catalogue.cache.ts relies on it).
 */
export async function bumpCatalogue(t: Db, municipalityId: string) {
  await t.query('UPDATE municipality SET funding_catalogue_version = funding_catalogue_version + 1 WHERE id = $1', [municipalityId]);
}

/**
 * Serialises writes to one municipality's catalogue. Every programme write takes this lock first (before
 * any programme row), so an import and an edit can never lock in opposite orders and deadlock; the
 * version bump at the end updates the same row.
 */
export async function lockCatalogue(t: Db, municipalityId: string) {
  await t.query('SELECT 1 FROM municipality WHERE id = $1 FOR UPDATE', [municipalityId]);
}

/** The shipped catalogue is copied into a municipality once; from then on it is the municipality's own. */
export async function ensureCatalogue(db: Db, municipalityId: string) {
  const [m] = await db.query<{ funding_seeded: boolean }>('SELECT funding_seeded FROM municipality WHERE id = $1', [municipalityId]);
  if (!m || m.funding_seeded) return;
  await db.tx(async (t) => {
    const [locked] = await t.query<{ funding_seeded: boolean }>('SELECT funding_seeded FROM municipality WHERE id = $1 FOR UPDATE', [municipalityId]);
    if (locked.funding_seeded) return;
    for (const p of FUNDING_PROGRAMMES) await insertProgramme(t, municipalityId, p);
    await t.query('UPDATE municipality SET funding_seeded = true WHERE id = $1', [municipalityId]);
    await bumpCatalogue(t, municipalityId);
  });
}

export async function insertProgramme(t: Db, municipalityId: string, p: FundingProgrammeInput): Promise<string> {
  const [dup] = await t.query('SELECT 1 FROM funding_programme WHERE municipality_id = $1 AND lower(name) = lower($2)', [municipalityId, p.name]);
  if (dup) throw conflict({ key: 'conflict.programme_name', params: { name: p.name } });
  const [{ id }] = await t.query<{ id: string }>(
    `INSERT INTO funding_programme (municipality_id, ${FIELDS.map((f) => COLUMNS[f]).join(', ')})
     VALUES ($1, ${FIELDS.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
    [municipalityId, ...FIELDS.map((f) => dbValue(f, p[f]))],
  );
  return id;
}

export async function listProgrammes(db: Db, municipalityId: string): Promise<FundingProgramme[]> {
  await ensureCatalogue(db, municipalityId);
  const rows = await db.query<FundingProgramme>(`${SELECT} WHERE municipality_id = $1`, [municipalityId]);
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

export async function getProgramme(db: Db, municipalityId: string, id: string): Promise<FundingProgramme> {
  const [row] = await db.query<FundingProgramme>(`${SELECT} WHERE municipality_id = $1 AND id = $2`, [municipalityId, id]);
  if (!row) throw notFound('programme');
  return row;
}

function checkAmounts(p: Partial<FundingProgrammeInput>) {
  if (p.minAmountCents != null && p.maxAmountCents != null && p.minAmountCents > p.maxAmountCents) {
    throw new AppError(400, 'validation_failed', 'validation_failed.min_over_max', [{ path: ['maxAmountCents'], message: 'kleiner als Mindestbetrag' }]);
  }
  for (const w of p.windows ?? []) {
    if (w.opensOn && w.closesOn && w.closesOn < w.opensOn) {
      throw new AppError(400, 'validation_failed', 'validation_failed.window_end_before_start', [{ path: ['windows'], message: 'Ende vor Beginn' }]);
    }
  }
}

export async function createProgramme(db: Db, actor: Actor, input: FundingProgrammeInput): Promise<FundingProgramme> {
  checkAmounts(input);
  return db.tx(async (t) => {
    await ensureCatalogue(t, actor.municipalityId);
    await lockCatalogue(t, actor.municipalityId);
    const id = await insertProgramme(t, actor.municipalityId, input);
    await bumpCatalogue(t, actor.municipalityId);
    const created = await getProgramme(t, actor.municipalityId, id);
    await recordAudit(t, actor, { entityType: 'fundingProgramme', entityId: id, action: 'create', before: null, after: created });
    return created;
  });
}

/** Overwrites all fields of a programme and raises its version (import; the caller checks names and locks). */
export async function writeProgrammeFields(t: Db, municipalityId: string, id: string, input: FundingProgrammeInput) {
  await t.query(
    `UPDATE funding_programme SET version = version + 1${FIELDS.map((f, i) => `, ${COLUMNS[f]} = $${i + 3}`).join('')} WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, id, ...FIELDS.map((f) => dbValue(f, input[f]))],
  );
}

export async function updateProgramme(db: Db, actor: Actor, id: string, input: Partial<FundingProgrammeInput> & { version: number }): Promise<FundingProgramme> {
  return db.tx(async (t) => {
    await lockCatalogue(t, actor.municipalityId);
    await lockRow(t, 'funding_programme', actor.municipalityId, id);
    const before = await getProgramme(t, actor.municipalityId, id);
    if (before.version !== input.version) throw versionConflict(before);
    checkAmounts({ ...before, ...input });
    const fields = FIELDS.filter((f) => input[f] !== undefined);
    if (input.name && input.name.toLowerCase() !== before.name.toLowerCase()) {
      const [dup] = await t.query('SELECT 1 FROM funding_programme WHERE municipality_id = $1 AND lower(name) = lower($2)', [actor.municipalityId, input.name]);
      if (dup) throw conflict({ key: 'conflict.programme_name', params: { name: input.name } });
    }
    await t.query(
      `UPDATE funding_programme SET version = version + 1${fields.map((f, i) => `, ${COLUMNS[f]} = $${i + 3}`).join('')} WHERE municipality_id = $1 AND id = $2`,
      [actor.municipalityId, id, ...fields.map((f) => dbValue(f, input[f]))],
    );
    await bumpCatalogue(t, actor.municipalityId);
    const after = await getProgramme(t, actor.municipalityId, id);
    await recordAudit(t, actor, { entityType: 'fundingProgramme', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deleteProgramme(db: Db, actor: Actor, id: string, version: number) {
  await db.tx(async (t) => {
    await lockCatalogue(t, actor.municipalityId);
    await lockRow(t, 'funding_programme', actor.municipalityId, id);
    const before = await getProgramme(t, actor.municipalityId, id);
    if (before.version !== version) throw versionConflict(before);
    const [{ n }] = await t.query<{ n: number }>('SELECT count(*) AS n FROM funding_source WHERE municipality_id = $1 AND programme_id = $2', [actor.municipalityId, id]);
    if (n > 0) throw new AppError(409, 'in_use', { key: 'in_use', params: { n } }, { sources: n });
    await t.query('DELETE FROM funding_programme WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, id]);
    await bumpCatalogue(t, actor.municipalityId);
    await recordAudit(t, actor, { entityType: 'fundingProgramme', entityId: id, action: 'delete', before, after: null });
  });
}
