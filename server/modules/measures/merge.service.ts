import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { MeasureDetail } from '../../../contract/measures';
import { AppError, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { lockRow } from '../concept/concept.service';
import { getMeasure } from './measures.service';

const union = <T>(a: T[], b: T[]) => [...new Set([...a, ...b])];
/** Texts are kept, not lost: the duplicate's text is appended under its own title when it differs. */
const joinText = (keep: string, dup: string, title: string) =>
  !dup.trim() || keep.includes(dup.trim()) ? keep : keep.trim() ? `${keep.trim()}\n\nAus „${title}“: ${dup.trim()}` : dup.trim();

/**
 * Merges a duplicate brief (e.g. two groups wrote the same idea) into the kept one: links and tags are
 * united, texts appended, attachments moved, the higher cost kept; then the duplicate is deleted.
 */
export async function mergeMeasures(db: Db, actor: Actor, keepId: string, input: { duplicateId: string; version: number; duplicateVersion: number }): Promise<MeasureDetail> {
  if (keepId === input.duplicateId) throw new AppError(400, 'validation_failed', 'validation_failed.merge_self');
  await db.tx(async (t) => {
    await lockRow(t, 'measure', actor.municipalityId, keepId);
    await lockRow(t, 'measure', actor.municipalityId, input.duplicateId);
    const keep = await getMeasure(t, actor, keepId);
    const dup = await getMeasure(t, actor, input.duplicateId);
    if (keep.version !== input.version) throw versionConflict(keep);
    if (dup.version !== input.duplicateVersion) throw versionConflict(dup);
    const merged = {
      need: joinText(keep.need, dup.need, dup.title),
      goal: joinText(keep.goal, dup.goal, dup.title),
      description: joinText(keep.description, dup.description, dup.title),
      externalActors: joinText(keep.externalActors, dup.externalActors, dup.title),
      targetGroups: joinText(keep.targetGroups, dup.targetGroups, dup.title),
      districtIds: union(keep.districtIds, dup.districtIds),
      partnerDepartmentIds: union(keep.partnerDepartmentIds, [...dup.partnerDepartmentIds, ...(dup.leadDepartmentId ? [dup.leadDepartmentId] : [])]).filter((d) => d !== (keep.leadDepartmentId ?? dup.leadDepartmentId)),
      leadDepartmentId: keep.leadDepartmentId ?? dup.leadDepartmentId,
      goalIds: union(keep.goalIds, dup.goalIds),
      actionFieldIds: union(keep.actionFieldIds, dup.actionFieldIds),
      dimensionIds: union(keep.dimensionIds, dup.dimensionIds),
      tags: union(keep.tags, dup.tags),
      costCents: keep.costCents == null ? dup.costCents : dup.costCents == null ? keep.costCents : Math.max(keep.costCents, dup.costCents),
      origin: joinText(keep.origin, dup.origin, dup.title).replace(/\n\nAus „[^“]*“: /, '; '),
    };
    await t.query(
      `UPDATE measure SET need = $3, goal = $4, description = $5, external_actors = $6, target_groups = $7, district_ids = $8,
         partner_department_ids = $9, lead_department_id = $10, goal_ids = $11, action_field_ids = $12, dimension_ids = $13, tags = $14,
         cost_cents = $15, origin = $16, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2`,
      [actor.municipalityId, keepId, merged.need, merged.goal, merged.description, merged.externalActors, merged.targetGroups, merged.districtIds,
        merged.partnerDepartmentIds, merged.leadDepartmentId, merged.goalIds, merged.actionFieldIds, merged.dimensionIds, merged.tags, merged.costCents, merged.origin],
    );
    await t.query('UPDATE attachment SET measure_id = $3 WHERE municipality_id = $1 AND measure_id = $2', [actor.municipalityId, input.duplicateId, keepId]);
    // Voting items that pointed at the duplicate now point at the kept brief.
    await t.query('UPDATE vote_item SET ref_id = $3 WHERE municipality_id = $1 AND ref_id = $2', [actor.municipalityId, input.duplicateId, keepId]);
    await t.query('DELETE FROM measure WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, input.duplicateId]);
    const after = await getMeasure(t, actor, keepId);
    await recordAudit(t, actor, { entityType: 'measure', entityId: keepId, action: 'update', before: { ...keep, mergedFrom: null }, after: { ...after, mergedFrom: `Nr. ${dup.number}: ${dup.title}` } });
    await recordAudit(t, actor, { entityType: 'measure', entityId: input.duplicateId, action: 'delete', before: dup, after: null });
  });
  return getMeasure(db, actor, keepId);
}
