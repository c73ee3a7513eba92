import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Dependency } from '../../../contract/roadmap';
import { cycleIfAdded } from '../../../domain/dependencies';
import { AppError, conflict, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { assertCanPlan, getMeasureRef } from './roadmap.service';

const label = (m: { number: number; title: string }) => `Nr. ${m.number} ${m.title}`;

/**
 * `measureId` waits for `dependsOnId` (finish-to-start). Refused when it would close a loop: the
 * message names the chain. Writes of dependencies are serialised per municipality (a row lock), so two
 * people adding A → B and B → A at the same moment cannot both pass the check.
 */
export async function addDependency(db: Db, actor: Actor, measureId: string, dependsOnId: string): Promise<Dependency> {
  return db.tx(async (t) => {
    const measure = await getMeasureRef(t, actor.municipalityId, measureId);
    assertCanPlan(actor, measure.leadDepartmentId);
    let predecessor;
    try {
      predecessor = await getMeasureRef(t, actor.municipalityId, dependsOnId);
    } catch {
      throw new AppError(400, 'validation_failed', 'validation_failed.unknown_predecessor', [{ path: ['dependsOnId'], message: 'unbekannt' }]);
    }
    await t.query('SELECT 1 FROM municipality WHERE id = $1 FOR UPDATE', [actor.municipalityId]);
    const existing = await t.query<Dependency>(
      'SELECT measure_id AS "measureId", depends_on_id AS "dependsOnId" FROM measure_dependency WHERE municipality_id = $1',
      [actor.municipalityId],
    );
    if (existing.some((d) => d.measureId === measureId && d.dependsOnId === dependsOnId)) {
      throw conflict('conflict.dependency_exists');
    }
    const cycle = cycleIfAdded(existing, { measureId, dependsOnId });
    if (cycle) {
      const names = await t.query<{ id: string; number: number }>('SELECT id, number FROM measure WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [actor.municipalityId, cycle]);
      const nr = new Map(names.map((n) => [n.id, n.number]));
      const chain = cycle.map((id) => `Nr. ${nr.get(id)}`).join(' → ');
      throw new AppError(
        400,
        'dependency_cycle',
        cycle.length === 2 ? 'dependency_cycle.self' : { key: 'dependency_cycle', params: { chain: { de: chain, en: chain.replaceAll('Nr. ', 'No. ') } } },
        { cycle },
      );
    }
    await t.query('INSERT INTO measure_dependency (municipality_id, measure_id, depends_on_id) VALUES ($1, $2, $3)', [actor.municipalityId, measureId, dependsOnId]);
    await recordAudit(t, actor, { entityType: 'measure', entityId: measureId, action: 'update', before: { 'Abhängig von': null }, after: { 'Abhängig von': label(predecessor) } });
    return { measureId, dependsOnId };
  });
}

export async function removeDependency(db: Db, actor: Actor, measureId: string, dependsOnId: string) {
  await db.tx(async (t) => {
    const measure = await getMeasureRef(t, actor.municipalityId, measureId);
    assertCanPlan(actor, measure.leadDepartmentId);
    const [gone] = await t.query<{ number: number; title: string }>(
      `DELETE FROM measure_dependency d USING measure p
       WHERE d.municipality_id = $1 AND d.measure_id = $2 AND d.depends_on_id = $3 AND p.municipality_id = d.municipality_id AND p.id = d.depends_on_id
       RETURNING p.number, p.title`,
      [actor.municipalityId, measureId, dependsOnId],
    );
    if (!gone) throw notFound('dependency');
    await recordAudit(t, actor, { entityType: 'measure', entityId: measureId, action: 'update', before: { 'Abhängig von': label(gone) }, after: { 'Abhängig von': null } });
  });
}
