import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Milestone, MilestoneInput, MilestoneUpdate } from '../../../contract/roadmap';
import { formatDate } from '../../../domain/format';
import { notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { assertCanPlan, getMeasureRef, MILESTONE } from './roadmap.service';

async function getMilestone(db: Db, municipalityId: string, id: string, lock = false): Promise<Milestone> {
  const [m] = await db.query<Milestone>(`SELECT ${MILESTONE} FROM milestone WHERE municipality_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [municipalityId, id]);
  if (!m) throw notFound('milestone');
  return m;
}

/** How a milestone reads in the measure's audit trail. */
const describe = (m: Pick<Milestone, 'title' | 'dueOn' | 'done'> | null) => ({
  Meilenstein: m ? `${m.title} – ${formatDate(m.dueOn)}${m.done ? ' (erledigt)' : ''}` : null,
});

export async function createMilestone(db: Db, actor: Actor, measureId: string, input: MilestoneInput): Promise<Milestone> {
  return db.tx(async (t) => {
    const measure = await getMeasureRef(t, actor.municipalityId, measureId);
    assertCanPlan(actor, measure.leadDepartmentId);
    const [{ id }] = await t.query<{ id: string }>(
      'INSERT INTO milestone (municipality_id, measure_id, title, due_on, done) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [actor.municipalityId, measureId, input.title, input.dueOn, input.done],
    );
    const created = await getMilestone(t, actor.municipalityId, id);
    await recordAudit(t, actor, { entityType: 'measure', entityId: measureId, action: 'update', before: describe(null), after: describe(created) });
    return created;
  });
}

export async function updateMilestone(db: Db, actor: Actor, id: string, input: MilestoneUpdate): Promise<Milestone> {
  return db.tx(async (t) => {
    const before = await getMilestone(t, actor.municipalityId, id, true);
    const measure = await getMeasureRef(t, actor.municipalityId, before.measureId);
    assertCanPlan(actor, measure.leadDepartmentId);
    if (before.version !== input.version) throw versionConflict(before);
    const next = { title: input.title ?? before.title, dueOn: input.dueOn ?? before.dueOn, done: input.done ?? before.done };
    await t.query('UPDATE milestone SET title = $3, due_on = $4, done = $5, version = version + 1 WHERE municipality_id = $1 AND id = $2', [
      actor.municipalityId, id, next.title, next.dueOn, next.done,
    ]);
    const after = await getMilestone(t, actor.municipalityId, id);
    await recordAudit(t, actor, { entityType: 'measure', entityId: before.measureId, action: 'update', before: describe(before), after: describe(after) });
    return after;
  });
}

export async function deleteMilestone(db: Db, actor: Actor, id: string, version: number) {
  await db.tx(async (t) => {
    const before = await getMilestone(t, actor.municipalityId, id, true);
    const measure = await getMeasureRef(t, actor.municipalityId, before.measureId);
    assertCanPlan(actor, measure.leadDepartmentId);
    if (before.version !== version) throw versionConflict(before);
    await t.query('DELETE FROM milestone WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, id]);
    await recordAudit(t, actor, { entityType: 'measure', entityId: before.measureId, action: 'update', before: describe(before), after: describe(null) });
  });
}
