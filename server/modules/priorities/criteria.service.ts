import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { CriteriaSet, Criterion, CriterionInput } from '../../../contract/priorities';
import { AppError, versionConflict } from '../../errors';
import { weightProblem } from '../../../domain/scoring';
import { recordAudit } from '../audit/audit.service';
import { DEFAULT_CRITERIA } from './default-criteria';

const SELECT = `SELECT id, name, description, weight, axis, levels FROM priority_criterion WHERE municipality_id = $1 ORDER BY position, name`;

/**
 * Seeds the default criteria the first time a municipality's criteria are read. The settings row is
 * the claim: only the request that inserts it seeds, so concurrent first reads never seed twice.
 */
async function ensureSeeded(db: Db, municipalityId: string) {
  const [exists] = await db.query('SELECT 1 FROM priority_settings WHERE municipality_id = $1', [municipalityId]);
  if (exists) return;
  await db.tx(async (t) => {
    const claimed = await t.query('INSERT INTO priority_settings (municipality_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING 1', [municipalityId]);
    if (!claimed.length) return;
    for (const [position, c] of DEFAULT_CRITERIA.entries()) {
      await t.query(
        'INSERT INTO priority_criterion (municipality_id, position, name, description, weight, axis, levels) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [municipalityId, position, c.name, c.description, c.weight, c.axis, JSON.stringify(c.levels)],
      );
    }
  });
}

export async function getCriteria(db: Db, municipalityId: string): Promise<CriteriaSet> {
  await ensureSeeded(db, municipalityId);
  const [[settings], criteria] = await Promise.all([
    db.query<{ criteria_version: number }>('SELECT criteria_version FROM priority_settings WHERE municipality_id = $1', [municipalityId]),
    db.query<Criterion>(SELECT, [municipalityId]),
  ]);
  return { criteria, version: settings.criteria_version };
}

/** Plain-word checks of a set: weights sum to 100, names unique. */
function problems(input: CriterionInput[]) {
  const errors: { path: (string | number)[]; message: string }[] = [];
  const weightMsg = weightProblem(input.map((c) => c.weight));
  if (weightMsg) errors.push({ path: ['criteria'], message: weightMsg });
  const seen = new Set<string>();
  input.forEach((c, i) => {
    const key = c.name.trim().toLowerCase();
    if (seen.has(key)) errors.push({ path: ['criteria', i, 'name'], message: `Das Kriterium „${c.name}“ steht doppelt in der Liste.` });
    seen.add(key);
  });
  return errors;
}

/**
 * Saves the whole set. Scoring rounds keep their own copy of the criteria, so replacing the rows here
 * never changes a running or past round.
 */
export async function saveCriteria(db: Db, actor: Actor, input: { version: number; criteria: CriterionInput[] }): Promise<CriteriaSet> {
  await ensureSeeded(db, actor.municipalityId);
  const errors = problems(input.criteria);
  if (errors.length) {
    const code = errors.some((e) => e.path.length === 1) ? 'weights_invalid' : 'validation_failed';
    throw new AppError(400, code, { key: code === 'weights_invalid' ? 'weights_invalid' : 'validation_failed.criteria', params: { problems: errors.map((e) => e.message).join(' ') } }, errors);
  }
  await db.tx(async (t) => {
    await t.query('SELECT 1 FROM priority_settings WHERE municipality_id = $1 FOR UPDATE', [actor.municipalityId]);
    const before = await getCriteria(t, actor.municipalityId);
    if (before.version !== input.version) throw versionConflict(before);
    const keep = new Set(before.criteria.map((c) => c.id));
    await t.query('DELETE FROM priority_criterion WHERE municipality_id = $1', [actor.municipalityId]);
    for (const [position, c] of input.criteria.entries()) {
      // An id of this municipality's set is kept (stable ids for the client); anything else is new.
      const id = c.id && keep.has(c.id) ? c.id : null;
      await t.query(
        `INSERT INTO priority_criterion (municipality_id, id, position, name, description, weight, axis, levels)
         VALUES ($1, coalesce($2::uuid, gen_random_uuid()), $3, $4, $5, $6, $7, $8)`,
        [actor.municipalityId, id, position, c.name, c.description ?? '', c.weight, c.axis, JSON.stringify(c.levels)],
      );
    }
    await t.query('UPDATE priority_settings SET criteria_version = criteria_version + 1 WHERE municipality_id = $1', [actor.municipalityId]);
    const after = await getCriteria(t, actor.municipalityId);
    await recordAudit(t, actor, {
      entityType: 'priorityCriteria', entityId: actor.municipalityId, action: 'update',
      before: { criteria: before.criteria.map(({ id: _id, ...c }) => c) }, after: { criteria: after.criteria.map(({ id: _id, ...c }) => c) },
    });
  });
  return getCriteria(db, actor.municipalityId);
}
